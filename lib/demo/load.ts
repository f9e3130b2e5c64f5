// Loads the generated demo city into an empty warehouse, in one transaction, as one import batch
// (kind DEMO) so every fact row has lineage like imported data.
import { createHash } from 'node:crypto';
import type { Db } from '../db';
import { withBulkWriter, type BulkWriter, type Cell } from '../db/bulk';
import { refreshUtilizationRollup } from '../warehouse/rollup';
import { generateDemoCity, type DemoCity, type GenerateOptions } from './generate';
import { SCHEMES } from '../domain/codes';

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
      rows.Region = await put(w, 'Region', data.regions);
      rows.Institution = await put(w, 'Institution', data.institutions);
      rows.PoolingMilestone = await put(w, 'PoolingMilestone', data.pooling);
      rows.UnificationStatus = await put(w, 'UnificationStatus', data.unification);
      rows.PolicyStandard = await put(w, 'PolicyStandard', data.standards);
      rows.EnrollmentFact = await put(w, 'EnrollmentFact', data.enrollment, b);
      rows.ContributionFact = await put(w, 'ContributionFact', data.contributions, b);
      rows.LedgerFact = await put(w, 'LedgerFact', data.ledger, b);
      rows.BalanceFact = await put(w, 'BalanceFact', data.balances, b);
      rows.UtilizationFact = await put(w, 'UtilizationFact', data.utilization, b);
      rows.FamilyDoctorFact = await put(w, 'FamilyDoctorFact', data.familyDoctor, b);
      rows.SupervisionFact = await put(w, 'SupervisionFact', data.supervision, b);
      rows.BenefitFact = await put(w, 'BenefitFact', data.benefits, b);
      rows.RemittanceFact = await put(w, 'RemittanceFact', data.remittances, b);
      // Budget versions need their ids for the lines: ids are assigned here, not by the database.
      let lineId = 0;
      const versions = data.budgets.map((v, i) => ({ id: i + 1, year: v.year, seq: v.seq, kind: v.kind, docNo: v.docNo, approvedOn: v.approvedOn, reason: v.reason, batchId: batch.id }));
      rows.BudgetVersion = await put(w, 'BudgetVersion', versions);
      rows.BudgetLine = await put(w, 'BudgetLine', data.budgets.flatMap((v, i) => v.lines.map((l) => ({ id: ++lineId, versionId: i + 1, ...l }))));
      const periods = data.enrollment.map((e) => e.period);
      rows.UtilizationRollup = await refreshUtilizationRollup(w, Math.min(...periods), Math.max(...periods));
      if (w.provider === 'postgres') {
        // Explicit ids were inserted: move the sequences past them.
        await w.exec(`SELECT setval(pg_get_serial_sequence('"BudgetVersion"','id'), (SELECT MAX("id") FROM "BudgetVersion"))`);
        await w.exec(`SELECT setval(pg_get_serial_sequence('"BudgetLine"','id'), (SELECT MAX("id") FROM "BudgetLine"))`);
      }
    });
  } catch (err) {
    await db.prisma.importBatch.update({ where: { id: batch.id }, data: { status: 'REJECTED', note: `演示数据装载失败: ${(err as Error).message}` } });
    throw err;
  }
  const accepted = Object.entries(rows).filter(([t]) => t.endsWith('Fact')).reduce((a, [, n]) => a + n, 0);
  await db.prisma.importBatch.update({ where: { id: batch.id }, data: { status: 'LOADED', rowsAccepted: accepted } });
  return { batchId: batch.id, rows, ms: Date.now() - t0 };
}
