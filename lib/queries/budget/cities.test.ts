// Budget versions per city in a warehouse of two cities (设区市), on SQLite and PostgreSQL: each city approves
// and adjusts its own budget (its own 文号), seq counted per (city, year); a budget imported for city B never
// creates, replaces or moves city A's versions, and each city's version in force is its own latest.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, TEST_DIR, testDbKinds } from '../../testing/databases';
import { addSecondCity, CITY_B, COUNTY_B } from '../../testing/smallSecondCity';
import { importFile } from '../../ingest';
import { templateCsv } from '../../ingest/export';
import { CITY_SCOPE } from '../scope';
import { loadBudgetVersions } from './getBudgetVersions';
import { loadBudgetExecution } from './getBudgetExecution';
import { loadKpiInputs } from '../overview/kpiInputs';

const CITY_A = '439900';
const DIR = path.join(TEST_DIR, 'budget-cities');
fs.mkdirSync(DIR, { recursive: true });
let n = 0;
const csv = (name: string, rows: string[][]) => {
  const f = path.join(DIR, `${Date.now()}-${++n}-${name}.csv`);
  fs.writeFileSync(f, templateCsv('BUDGET', rows));
  return f;
};
/** One version of city B for 2024: resident inpatient and premium lines on its county. */
const versionB = (seq: number, docNo: string, approvedOn: string, inpatient: number) => {
  const v = ['2024', String(seq), seq === 0 ? '批准预算' : '调整方案', docNo, approvedOn, seq === 0 ? '' : '住院费用增长超预期', COUNTY_B, '居民医保'];
  return [[...v, '保险费收入', '108000000.00'], [...v, '住院费用支出', inpatient.toFixed(2)]];
};

describe.each(testDbKinds())('budget versions per city, two cities on %s', (kind) => {
  let t: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    t = await freshDatabase(kind, 'demo');
    await addSecondCity(t.db);
  }, 60_000);
  afterAll(async () => { await t?.drop(); });

  const req = { year: 2024, scheme: 'RESIDENT' as const, region: 'ALL', month: null };

  it("an import for city B makes B's own versions and never touches city A's version in force", async () => {
    const versionsA = await loadBudgetVersions(t.db, CITY_SCOPE, CITY_A, req);
    const execA = await loadBudgetExecution(t.db, CITY_SCOPE, CITY_A, req);
    const kpiA = (await loadKpiInputs(t.db, CITY_A, 'RESIDENT', 202412)).get(CITY_A);
    const inForceA = versionsA.versions.find((v) => v.inForce)!;
    expect(inForceA).toMatchObject({ year: 2024, seq: 0 });
    // City B has no budget yet: none in force, not city A's.
    expect((await loadBudgetVersions(t.db, CITY_SCOPE, CITY_B, req)).versions).toEqual([]);

    // B's adjustment before its approved budget: the sequence is B's own (A's version 0 does not count).
    const early = await importFile(t.db, { file: csv('B-调整-无批准', versionB(1, '二市医保发〔2024〕40号', '2024-07-10', 130_000_000)), importedBy: 'test' });
    expect(early.status).toBe('REJECTED');
    expect(early.problems[0].reason).toContain('还没有版本0');

    // B's approved budget is seq 0 of B (A's 2024 seq 0 exists and is not "overwritten"), then its adjustment seq 1.
    const approved = await importFile(t.db, { file: csv('B-批准', versionB(0, '二市医保发〔2024〕3号', '2024-01-20', 120_000_000)), importedBy: 'test' });
    expect(approved.status).toBe('LOADED');
    const adjusted = await importFile(t.db, { file: csv('B-调整', versionB(1, '二市医保发〔2024〕40号', '2024-07-10', 130_000_000)), importedBy: 'test' });
    expect(adjusted.status).toBe('LOADED');
    const stored = await t.db.prisma.budgetVersion.findMany({ where: { year: 2024 }, orderBy: [{ cityCode: 'asc' }, { seq: 'asc' }], select: { cityCode: true, seq: true, docNo: true } });
    expect(stored.map((v) => [v.cityCode, v.seq])).toEqual([[CITY_B, 0], [CITY_B, 1], [CITY_A, 0]]);

    // A: the same versions, the same one in force, the same plan figures.
    expect(await loadBudgetVersions(t.db, CITY_SCOPE, CITY_A, req)).toEqual(versionsA);
    expect(await loadBudgetExecution(t.db, CITY_SCOPE, CITY_A, req)).toEqual(execA);
    expect((await loadKpiInputs(t.db, CITY_A, 'RESIDENT', 202412)).get(CITY_A)).toEqual(kpiA);

    // B: its own two versions, the adjustment in force from July, the approved budget before.
    const b = await loadBudgetVersions(t.db, CITY_SCOPE, CITY_B, req);
    expect(b.versions.map((v) => [v.seq, v.docNo, v.expense, v.inForce])).toEqual([[0, '二市医保发〔2024〕3号', 120_000_000, false], [1, '二市医保发〔2024〕40号', 130_000_000, true]]);
    expect(b.adjustments.map((a) => a.version.seq)).toEqual([1]);
    const march = await loadBudgetVersions(t.db, CITY_SCOPE, CITY_B, { ...req, month: 3 });
    expect(march.versions.find((v) => v.inForce)?.seq).toBe(0);
  }, 120_000);

  it("B's versions cannot be overwritten either, and the refusal names B's next seq, not A's", async () => {
    const again = await importFile(t.db, { file: csv('B-调整-覆盖', versionB(1, '二市医保发〔2024〕41号', '2024-08-01', 140_000_000)), mode: 'REPLACE', importedBy: 'test' });
    expect(again.status).toBe('REJECTED');
    expect(again.problems[0].reason).toContain('预算版本不能覆盖；调整请作为新版本（序号2）导入');
  }, 60_000);
});
