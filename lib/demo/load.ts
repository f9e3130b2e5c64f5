// Loads the generated demo city (or the demo province, loadDemoProvince) into an empty warehouse, in one transaction, as one import batch
// (kind DEMO) so every fact row has lineage like imported data.
import { createHash } from 'node:crypto';
import type { Db } from '../db';
import { withBulkWriter, type BulkWriter, type Cell } from '../db/bulk';
import { maintainRollups, refreshUtilizationRollup } from '../warehouse/rollup';
import { generateDemoCity, type BudgetVersionRow, type DemoCity, type GenerateOptions } from './generate';
import { SCHEMES } from '../domain/codes';
import { eachProvinceCity, provinceBudgets, provinceSpec, type CityBudgetVersionRow, type ProvinceOptions } from './province';

export interface LoadReport { batchId: number; rows: Record<string, number>; ms: number }

async function put<T extends object>(w: BulkWriter, table: string, rows: T[], extra: Record<string, Cell> = {}): Promise<number> {
  if (rows.length === 0) return 0;
  const cols = [...Object.keys(rows[0]), ...Object.keys(extra)];
  const extraVals = Object.values(extra);
  const CHUNK = 20_000;
  for (let i = 0; i < rows.length; i += CHUNK) {
    await w.insert(table, cols, rows.slice(i, i + CHUNK).map((r) => [...(Object.values(r) as Cell[]), ...extraVals]));
  }
  return rows.length;
}

export async function isWarehouseEmpty(db: Db): Promise<boolean> {
  return (await db.prisma.region.count()) === 0;
}

const add = (rows: Record<string, number>, table: string, n: number) => { rows[table] = (rows[table] ?? 0) + n; };

/** A city's dimensions and facts (everything but DatasetMeta, Scheme and the budgets). */
async function putCity(w: BulkWriter, data: DemoCity, b: { batchId: number }, rows: Record<string, number>) {
  add(rows, 'Region', await put(w, 'Region', data.regions));
  add(rows, 'Institution', await put(w, 'Institution', data.institutions));
  add(rows, 'PoolingMilestone', await put(w, 'PoolingMilestone', data.pooling));
  add(rows, 'UnificationStatus', await put(w, 'UnificationStatus', data.unification));
  add(rows, 'PolicyStandard', await put(w, 'PolicyStandard', data.standards));
  add(rows, 'EnrollmentFact', await put(w, 'EnrollmentFact', data.enrollment, b));
  add(rows, 'ContributionFact', await put(w, 'ContributionFact', data.contributions, b));
  add(rows, 'LedgerFact', await put(w, 'LedgerFact', data.ledger, b));
  add(rows, 'BalanceFact', await put(w, 'BalanceFact', data.balances, b));
  add(rows, 'UtilizationFact', await put(w, 'UtilizationFact', data.utilization, b));
  add(rows, 'FamilyDoctorFact', await put(w, 'FamilyDoctorFact', data.familyDoctor, b));
  add(rows, 'SupervisionFact', await put(w, 'SupervisionFact', data.supervision, b));
  add(rows, 'BenefitFact', await put(w, 'BenefitFact', data.benefits, b));
  add(rows, 'RemittanceFact', await put(w, 'RemittanceFact', data.remittances, b));
}

/** Budget versions need their ids for the lines: ids are assigned here, not by the database. */
async function putBudgets(w: BulkWriter, budgets: CityBudgetVersionRow[], batchId: number, rows: Record<string, number>) {
  let lineId = 0;
  const versions = budgets.map((v, i) => ({ id: i + 1, cityCode: v.cityCode, year: v.year, seq: v.seq, kind: v.kind, docNo: v.docNo, approvedOn: v.approvedOn, reason: v.reason, batchId }));
  rows.BudgetVersion = await put(w, 'BudgetVersion', versions);
  rows.BudgetLine = await put(w, 'BudgetLine', budgets.flatMap((v, i) => v.lines.map((l) => ({ id: ++lineId, versionId: i + 1, ...l }))));
}

async function moveSequences(w: BulkWriter) {
  if (w.provider === 'postgres') {
    // Explicit ids were inserted: move the sequences past them.
    await w.exec(`SELECT setval(pg_get_serial_sequence('"BudgetVersion"','id'), (SELECT MAX("id") FROM "BudgetVersion"))`);
    await w.exec(`SELECT setval(pg_get_serial_sequence('"BudgetLine"','id'), (SELECT MAX("id") FROM "BudgetLine"))`);
  }
}

export async function loadDemoCity(db: Db, opts: GenerateOptions = {}, city?: DemoCity): Promise<LoadReport> {
  const t0 = Date.now();
  const data = city ?? generateDemoCity(opts);
  if (!(await isWarehouseEmpty(db))) throw new Error('仓库中已有数据：演示数据只装入空库（empty warehouse required）');
  const hash = createHash('sha256').update(JSON.stringify(data.meta)).digest('hex');
  const batch = await db.prisma.importBatch.create({
    data: { kind: 'DEMO', fileName: `demo-city-seed-${data.meta.seed}`, fileHash: hash, importedBy: 'system', status: 'LOADING', note: '演示数据（平台内置的演示数据生成器）' },
  });
  const rows: Record<string, number> = {};
  try {
    await withBulkWriter(db, async (w) => {
      const b = { batchId: batch.id };
      rows.DatasetMeta = await put(w, 'DatasetMeta', Object.entries(data.meta).map(([key, value]) => ({ key, value })));
      rows.Scheme = await put(w, 'Scheme', SCHEMES.map((s, i) => ({ code: s.code, name: s.name, sortOrder: i })));
      await putCity(w, data, b, rows);
      // The demo city's versions name it, as an import of its budget would (lib/ingest/general writeBudget).
      const cityCode = data.regions.find((r) => r.kind === 'CITY')!.code;
      await putBudgets(w, provinceBudgets([{ cityCode, budgets: data.budgets }]), batch.id, rows);
      const periods = data.enrollment.map((e) => e.period);
      rows.UtilizationRollup = await refreshUtilizationRollup(w, Math.min(...periods), Math.max(...periods));
      await moveSequences(w);
    });
  } catch (err) {
    await db.prisma.importBatch.update({ where: { id: batch.id }, data: { status: 'REJECTED', note: `演示数据装载失败: ${(err as Error).message}` } });
    throw err;
  }
  const accepted = Object.entries(rows).filter(([t]) => t.endsWith('Fact')).reduce((a, [, n]) => a + n, 0);
  await db.prisma.importBatch.update({ where: { id: batch.id }, data: { status: 'LOADED', rowsAccepted: accepted } });
  await maintainRollups(db); // the first page views read the rollups through their covering index
  return { batchId: batch.id, rows, ms: Date.now() - t0 };
}

export interface ProvinceLoadOptions extends ProvinceOptions {
  /** called after each city is written (progress for the start log): ms writing, genMs generating it */
  onCity?: (p: { index: number; count: number; code: string; name: string; rows: number; ms: number; genMs: number }) => void;
  /** called when the rollups are rebuilt, with their time */
  onRollup?: (p: { rows: number; ms: number }) => void;
}

/**
 * Loads the demo province (lib/demo/province.ts) into an empty warehouse, in one transaction, as one DEMO
 * batch: the province region, then city by city (one city in memory at a time) its regions, institutions
 * and facts as the city loader writes them, then each city's own budget versions and the rollups.
 */
export async function loadDemoProvince(db: Db, opts: ProvinceLoadOptions = {}): Promise<LoadReport> {
  const t0 = Date.now();
  const spec = provinceSpec(opts);
  if (!(await isWarehouseEmpty(db))) throw new Error('仓库中已有数据：演示数据只装入空库（empty warehouse required）');
  const hash = createHash('sha256').update(JSON.stringify(spec.meta)).digest('hex');
  const batch = await db.prisma.importBatch.create({
    data: { kind: 'DEMO', fileName: `demo-province-seed-${spec.meta.seed}-cities-${spec.cities.length}`, fileHash: hash, importedBy: 'system', status: 'LOADING', note: `演示数据（平台内置的演示数据生成器：演示省${spec.province.name}，${spec.cities.length}个市）` },
  });
  const rows: Record<string, number> = {};
  try {
    await withBulkWriter(db, async (w) => {
      const b = { batchId: batch.id };
      rows.DatasetMeta = await put(w, 'DatasetMeta', Object.entries(spec.meta).map(([key, value]) => ({ key, value })));
      rows.Scheme = await put(w, 'Scheme', SCHEMES.map((s, i) => ({ code: s.code, name: s.name, sortOrder: i })));
      add(rows, 'Region', await put(w, 'Region', [spec.province]));
      const budgets: { cityCode: string; budgets: BudgetVersionRow[] }[] = [];
      let tGen = Date.now();
      for (const { city, data, index } of eachProvinceCity(spec, opts)) {
        const t1 = Date.now();
        const genMs = t1 - tGen;
        const before = Object.values(rows).reduce((a, n) => a + n, 0);
        await putCity(w, data, b, rows);
        budgets.push({ cityCode: city.spec.code, budgets: data.budgets });
        opts.onCity?.({ index, count: spec.cities.length, code: city.spec.code, name: city.spec.name, rows: Object.values(rows).reduce((a, n) => a + n, 0) - before, ms: Date.now() - t1, genMs });
        tGen = Date.now();
      }
      await putBudgets(w, provinceBudgets(budgets), batch.id, rows);
      const t2 = Date.now();
      rows.UtilizationRollup = await refreshUtilizationRollup(w, Number(spec.meta.firstPeriod), Number(spec.meta.lastPeriod));
      opts.onRollup?.({ rows: rows.UtilizationRollup, ms: Date.now() - t2 });
      await moveSequences(w);
    });
  } catch (err) {
    await db.prisma.importBatch.update({ where: { id: batch.id }, data: { status: 'REJECTED', note: `演示数据装载失败: ${(err as Error).message}` } });
    throw err;
  }
  const accepted = Object.entries(rows).filter(([t]) => t.endsWith('Fact')).reduce((a, [, n]) => a + n, 0);
  await db.prisma.importBatch.update({ where: { id: batch.id }, data: { status: 'LOADED', rowsAccepted: accepted } });
  await maintainRollups(db); // the first page views read the rollups through their covering index
  return { batchId: batch.id, rows, ms: Date.now() - t0 };
}
