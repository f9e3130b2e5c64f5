// Writes demo settlement records (结算明细) as CSV, consistent with the demo city's utilization facts, or with
// the demo province's (--province [--cities N]: every city's facts, in month order across the province).
//   npm run demo:csv -- --out .tmp/settlements.csv [--rows 1000000] [--from 202401] [--to 202412] [--seed N] [--province [--cities N]]
import fs from 'node:fs';
import path from 'node:path';
import { generateDemoCity, type UtilizationRow } from '../lib/demo/generate';
import { eachProvinceCity, provinceSpec } from '../lib/demo/province';
import { writeSettlementCsv } from '../lib/demo/settlements';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const file = arg('out') ?? '.tmp/settlements.csv';
  const rows = arg('rows') ? Number(arg('rows')) : undefined;
  const seed = arg('seed') ? Number(arg('seed')) : undefined;
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  let utilization: UtilizationRow[];
  if (process.argv.includes('--province')) {
    // Keep only each city's utilization facts (about 3.7 million cells for the whole province).
    const spec = provinceSpec({ seed, cities: arg('cities') ? Number(arg('cities')) : undefined });
    utilization = [];
    for (const { data } of eachProvinceCity(spec)) for (const u of data.utilization) utilization.push(u);
  } else {
    utilization = generateDemoCity({ seed }).utilization;
  }
  const out = fs.createWriteStream(file);
  const t0 = Date.now();
  const n = await writeSettlementCsv(out, utilization, {
    limit: rows, fromPeriod: arg('from') ? Number(arg('from')) : undefined, toPeriod: arg('to') ? Number(arg('to')) : undefined, seed,
  });
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  console.log(`wrote ${n.toLocaleString()} settlement records to ${file} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

main().catch((e) => { console.error(e); process.exit(1); });
