// Benchmark (not a test): the 总览 read path on the rolled-up facts against the same tiles computed from the
// institution-grain UtilizationFact, in one run on one database. Prints one JSON line last.
//   npm run bench:overview [-- --runs 20]   (DATABASE_URL as for npm start)
import { createDb } from '../lib/db';
import { loadYear } from '../lib/queries/overview/getOverview';
import { loadFundTrend } from '../lib/queries/overview/getFundTrend';

const i = process.argv.indexOf('--runs');
const runs = i > 0 ? Number(process.argv[i + 1]) : 20;

async function time(fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm-up
  const t: number[] = [];
  for (let i = 0; i < runs; i++) { const s = performance.now(); await fn(); t.push(performance.now() - s); }
  t.sort((a, b) => a - b);
  return t[Math.floor(t.length / 2)];
}

async function main() {
  const db = createDb();
  const city = (await db.prisma.region.findFirstOrThrow({ where: { kind: 'CITY' } })).code;
  const overview = await time(() => Promise.all([loadYear(db, city, 'ALL', 2024), loadFundTrend(db, city, 'ALL', 'ALL')]));
  // The utilization part of the tiles straight from the facts (what the rollup saves every request).
  const rollupOnly = await time(() => db.prisma.utilizationRollup.groupBy({ by: ['insuredRegionCode', 'level', 'visitType', 'inCounty'], where: { period: { gte: 202401, lte: 202412 } }, _sum: { visits: true } }));
  const raw = await time(() => db.prisma.$queryRawUnsafe(`SELECT u."insuredRegionCode", i."level", u."visitType", (i."regionCode" = u."insuredRegionCode") AS inc, SUM(u."visits")
      FROM "UtilizationFact" u JOIN "Institution" i ON i."code" = u."institutionCode" WHERE u."period" BETWEEN 202401 AND 202412 GROUP BY 1, 2, 3, 4`));
  await db.close();
  console.log(`总览 read path (tiles for 2 years + monthly trend), median of ${runs}: ${overview.toFixed(1)} ms`);
  console.log(`utilization part: rollup ${rollupOnly.toFixed(1)} ms vs raw facts ${raw.toFixed(1)} ms`);
  console.log(JSON.stringify({ db: db.provider, runs, overview_ms: +overview.toFixed(1), rollup_ms: +rollupOnly.toFixed(1), raw_facts_ms: +raw.toFixed(1), raw_over_rollup: +(raw / rollupOnly).toFixed(1) }));
}
main().catch((e) => { console.error(e); process.exit(1); });
