// The rollups after an import are read through their covering index (UtilizationRollup_scheme_period_cover_idx),
// on both databases: the sum over every region of a scheme and year (a province's 总览) must not read the
// table's rows. On PostgreSQL that needs the rewritten months all-visible again, which the import's
// 'rollup-maintenance' step (maintainRollups) does; without it the same plan fetches the rows from the heap.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, TEST_DIR, testDbKinds } from '../testing/databases';
import { generateDemoCity } from '../demo/generate';
import { writeSettlementCsv } from '../demo/settlements';
import { importFile } from '../ingest';
import { maintainRollups } from './rollup';

const DIR = path.join(TEST_DIR, 'rollup-cover');
// The shape of the province 总览's level shares (lib/queries/overview/kpiInputs), without a region filter.
const SHARES = `SELECT SUM("visits") AS v, "insuredRegionCode", "level", "visitType", "inCounty" FROM "UtilizationRollup"
  WHERE "period" >= 202401 AND "period" <= 202412 AND "schemeCode" IN ('RESIDENT')
  GROUP BY "insuredRegionCode", "level", "visitType", "inCounty"`;

interface PgPlan { 'Node Type': string; 'Index Name'?: string; 'Heap Fetches'?: number; Plans?: PgPlan[] }
const flatten = (p: PgPlan): PgPlan[] => [p, ...(p.Plans ?? []).flatMap(flatten)];

describe.each(testDbKinds())('rollup covering index on %s', (kind) => {
  let t: Awaited<ReturnType<typeof freshDatabase>>;
  let file = '';
  beforeAll(async () => {
    t = await freshDatabase(kind, 'demo');
    fs.mkdirSync(DIR, { recursive: true });
    // A correction of one county's February: the import rebuilds the rollup of 2024-02 for every region.
    const cells = generateDemoCity().utilization.filter((u) => u.period === 202402 && u.insuredRegionCode === '439922' && u.schemeCode === 'RESIDENT').slice(0, 40);
    file = path.join(DIR, `feb-${kind}-${Date.now()}.csv`);
    const out = fs.createWriteStream(file);
    await writeSettlementCsv(out, cells);
    await new Promise<void>((r) => out.end(() => r()));
  }, 120_000);
  afterAll(async () => { await t?.drop(); });

  /** The plan's scan of UtilizationRollup: its kind, index and (PostgreSQL) heap fetches. */
  async function scan(): Promise<{ node: string; index: string | undefined; heapFetches: number | undefined }> {
    if (kind === 'postgres') {
      const [row] = await t.db.prisma.$queryRawUnsafe<{ 'QUERY PLAN': [{ Plan: PgPlan }] }[]>(`EXPLAIN (ANALYZE, FORMAT JSON) ${SHARES}`);
      const nodes = flatten(row['QUERY PLAN'][0].Plan).filter((n) => /Scan/.test(n['Node Type']));
      expect(nodes).toHaveLength(1);
      return { node: nodes[0]['Node Type'], index: nodes[0]['Index Name'], heapFetches: nodes[0]['Heap Fetches'] };
    }
    const plan = await t.db.prisma.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${SHARES}`);
    const detail = plan.map((r) => r.detail).join(' | ');
    const m = /USING (COVERING )?INDEX (\S+)/.exec(detail);
    return { node: m?.[1] ? 'Covering Index' : detail, index: m?.[2], heapFetches: undefined };
  }

  it('an import leaves the year-and-scheme sum an index-only scan of the covering index', async () => {
    const r = await importFile(t.db, { file, mode: 'REPLACE', importedBy: 'test' });
    expect(r.status, r.message).toBe('LOADED');
    expect(r.report.hooks?.find((h) => h.name === 'rollup-maintenance')).toMatchObject({ ok: true });
    const s = await scan();
    expect(s.index).toBe('UtilizationRollup_scheme_period_cover_idx');
    if (kind === 'postgres') expect(s).toMatchObject({ node: 'Index Only Scan', heapFetches: 0 });
    else expect(s.node).toBe('Covering Index');
  }, 180_000);

  it.runIf(kind === 'postgres')('rewritten rollup rows are fetched from the heap until maintainRollups runs', async () => {
    // What an import's rollup rebuild leaves behind, without the maintenance step.
    await t.db.prisma.$executeRawUnsafe('UPDATE "UtilizationRollup" SET "visits" = "visits" WHERE "period" = 202403');
    const before = await scan();
    expect(before.heapFetches ?? 0).toBeGreaterThan(0);
    expect(await maintainRollups(t.db)).toBeGreaterThanOrEqual(0);
    expect((await scan()).heapFetches).toBe(0);
  }, 60_000);
});
