// Imports against real SQLite and PostgreSQL: every template round-trips (stored demo data written as
// template files and imported into an empty warehouse come back identical), GBK CSV and XLSX files,
// whole-file rejection naming the bad row, refusal of the same file, corrections replacing only their
// period, settlement records de-duplicated by id.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, TEST_DIR, testDbKinds } from '../testing/databases';
import type { Db } from '../db';
import { importFile, POST_IMPORT_STEPS, TEMPLATE_LIST, type TemplateKind } from './index';
import { encodeCsv, exportStoredRows, rejectedRowsCsv, templateCsv, templateHeaders, templateXlsx, toCsvText } from './export';
import { TEMPLATES } from './templates';
import { generateDemoCity, type UtilizationRow } from '../demo/generate';
import { writeSettlementCsv } from '../demo/settlements';
import { getRejectedRows } from './history';

const DIR = path.join(TEST_DIR, 'ingest');
fs.mkdirSync(DIR, { recursive: true });
let seq = 0;
const tmpFile = (name: string, data: Buffer | string) => {
  const f = path.join(DIR, `${++seq}-${name}`);
  fs.writeFileSync(f, data);
  return f;
};

async function rows(db: Db, sql: string): Promise<Record<string, unknown>[]> {
  const out = await db.prisma.$queryRawUnsafe<Record<string, unknown>[]>(sql);
  return out.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v === true ? 1 : v === false ? 0 : v])));
}
const count = async (db: Db, table: string, where = '') => Number((await rows(db, `SELECT COUNT(*) AS n FROM "${table}" ${where}`))[0].n);

/** Counts of every table an import writes: the fingerprint of "the database as it was". */
export async function tableCounts(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of ['ImportBatch', 'RejectedRow', 'ImportReplacement', 'SettlementKeySet', 'Region', 'Institution', 'EnrollmentFact', 'ContributionFact',
    'LedgerFact', 'UtilizationFact', 'UtilizationRollup', 'BudgetVersion', 'BudgetLine']) out[t] = await count(db, t);
  const [s] = await rows(db, 'SELECT SUM("visits") AS v, SUM("totalCost") AS c FROM "UtilizationFact"');
  out.visits = Number(s.v ?? 0);
  out.totalCost = Math.round(Number(s.c ?? 0));
  return out;
}

const WINDOW = { fromPeriod: 202401, toPeriod: 202403 };

/** Stored rows of a template, without ids and batch ids, sorted: what a round trip must preserve. */
async function canonical(db: Db, kind: TemplateKind): Promise<string[]> {
  return (await exportStoredRows(db, kind, WINDOW)).map((r) => r.join('|')).sort();
}

const city = generateDemoCity();

describe.each(testDbKinds())('imports on %s', (kind) => {
  let demo: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => { demo = await freshDatabase(kind, 'demo'); });
  afterAll(async () => { await demo?.drop(); });

  it('every template round-trips: demo data exported as template files imports into an empty warehouse unchanged', async () => {
    const empty = await freshDatabase(kind, 'empty');
    try {
      for (const t of TEMPLATE_LIST) {
        // The demo city has monthly facts only; annual facts round-trip in levels.test.ts.
        if (t.kind === 'SETTLEMENT' || t.kind === 'ANNUAL_FUND') continue;
        const data = await exportStoredRows(demo.db, t.kind, WINDOW);
        expect(data.length, t.kind).toBeGreaterThan(0);
        // Alternate formats so both readers are exercised on every kind of column.
        const asXlsx = t.kind.length % 2 === 0;
        const file = asXlsx ? tmpFile(`${t.slug}.xlsx`, await templateXlsx(t.kind, data, { typed: true })) : tmpFile(`${t.slug}.csv`, templateCsv(t.kind, data));
        const r = await importFile(empty.db, { file, importedBy: 'test' });
        expect(r.message, `${t.kind} ${file}: ${JSON.stringify(r.problems.slice(0, 3))}`).toMatch(/^已导入/);
        expect(r.kind).toBe(t.kind);
        expect(await canonical(empty.db, t.kind), t.kind).toEqual(await canonical(demo.db, t.kind));
      }
      // Settlement records: the demo cells of one county-month, expanded to records and loaded, roll up to the same cells.
      const cells = city.utilization.filter((u) => u.period === 202402 && u.insuredRegionCode === '439922');
      const file = path.join(DIR, `${++seq}-settlements.csv`);
      const out = fs.createWriteStream(file);
      const n = await writeSettlementCsv(out, cells);
      await new Promise<void>((res) => out.end(() => res()));
      const r = await importFile(empty.db, { file, importedBy: 'test' });
      expect(r.status).toBe('LOADED');
      expect(r.rowsAccepted).toBe(n);
      const got = await rows(empty.db, `SELECT "insuredRegionCode","institutionCode","schemeCode","visitType","period","visits","totalCost","policyCost","fundPaid","outOfPocket","referralsUp","referralsDown" FROM "UtilizationFact" WHERE "batchId" = ${r.batchId}`);
      const key = (u: Record<string, unknown>) => `${u.insuredRegionCode}|${u.institutionCode}|${u.schemeCode}|${u.visitType}|${u.period}`;
      const want = new Map(cells.map((u) => [key(u as unknown as Record<string, unknown>), u]));
      expect(got).toHaveLength(cells.length);
      for (const g of got) {
        const u = want.get(key(g)) as UtilizationRow;
        expect(u, key(g)).toBeDefined();
        expect(g.visits).toBe(u.visits);
        for (const f of ['totalCost', 'policyCost', 'fundPaid', 'outOfPocket'] as const) expect(Number(g[f])).toBeCloseTo(u[f], 2);
        expect(g.referralsUp).toBe(u.referralsUp);
        expect(g.referralsDown).toBe(u.referralsDown);
      }
      // …and the dashboards' rollup was refreshed in the same import.
      const [roll] = await rows(empty.db, `SELECT SUM("visits") AS v FROM "UtilizationRollup" WHERE "period" = 202402 AND "insuredRegionCode" = '439922'`);
      expect(Number(roll.v)).toBe(cells.reduce((a, u) => a + u.visits, 0));
    } finally {
      await empty.drop();
    }
  });

  it('reads a GBK (GB18030) CSV with Chinese labels and an XLSX with typed cells', async () => {
    const data = await exportStoredRows(demo.db, 'CONTRIBUTION', { fromPeriod: 202312, toPeriod: 202312 });
    // Remove the month, then bring it back from a GBK file (what Excel in Chinese Windows writes as CSV).
    await demo.db.prisma.contributionFact.deleteMany({ where: { period: 202312 } });
    const gbk = encodeCsv(toCsvText(templateHeaders('CONTRIBUTION'), data), 'GB18030');
    expect(gbk.includes(Buffer.from('个人缴费', 'utf8'))).toBe(false);
    const r = await importFile(demo.db, { file: tmpFile('征缴-gbk.csv', gbk), importedBy: 'test' });
    expect(r.message).toMatch(/^已导入/);
    const b = await demo.db.prisma.importBatch.findUniqueOrThrow({ where: { id: r.batchId! } });
    expect(b.encoding).toBe('GB18030');
    expect(await count(demo.db, 'ContributionFact', 'WHERE "period" = 202312')).toBe(data.length);
    const [s] = await rows(demo.db, `SELECT SUM("collected") AS c FROM "ContributionFact" WHERE "period" = 202312 AND "source" = 'SUBSIDY_COUNTY'`);
    const want = data.filter((d) => d[3] === '县级财政补助').reduce((a, d) => a + Number(d[5]), 0);
    expect(Number(s.c)).toBeCloseTo(want, 2);

    const enr = await exportStoredRows(demo.db, 'ENROLLMENT', { fromPeriod: 202311, toPeriod: 202311 });
    await demo.db.prisma.enrollmentFact.deleteMany({ where: { period: 202311 } });
    const x = await importFile(demo.db, { file: tmpFile('参保.xlsx', await templateXlsx('ENROLLMENT', enr, { typed: true })), importedBy: 'test' });
    expect(x.message).toMatch(/^已导入/);
    expect((await demo.db.prisma.importBatch.findUniqueOrThrow({ where: { id: x.batchId! } })).format).toBe('XLSX');
    expect(await count(demo.db, 'EnrollmentFact', 'WHERE "period" = 202311')).toBe(enr.length);

    // Settlement records in a workbook (amounts typed as numbers) go through the same checks and roll-up.
    const settle = [
      ['X1', '2030-01-05', '439922', 'H439922P001', '390', '11', '120.50', '110.00', '60.00', '60.50', ''],
      ['X2', '2030-01-06', '439922', 'H439922P001', '390', '11', '79.50', '70.00', '40.00', '39.50', '上转'],
      ['X3', '2030-01-31', '439922', 'H439922P001', '390', '11', '100', '100', '100', '0', ''],
    ];
    const st = await importFile(demo.db, { file: tmpFile('结算明细.xlsx', await templateXlsx('SETTLEMENT', settle, { typed: true })), importedBy: 'test' });
    expect([st.status, st.kind, st.rowsAccepted]).toEqual(['LOADED', 'SETTLEMENT', 3]);
    const [cell] = await rows(demo.db, `SELECT "visits","totalCost","fundPaid","outOfPocket","referralsUp" FROM "UtilizationFact" WHERE "period" = 203001`);
    expect(cell).toEqual({ visits: 3, totalCost: 300, fundPaid: 200, outOfPocket: 100, referralsUp: 1 });
  });

  it('rejects a file with one bad row among thousands as a whole, naming the row, and keeps the row to download', async () => {
    const data = await exportStoredRows(demo.db, 'LEDGER', { fromPeriod: 202201, toPeriod: 202212 });
    expect(data.length).toBeGreaterThan(2000);
    await demo.db.prisma.ledgerFact.deleteMany({ where: { period: { gte: 202201, lte: 202212 } } });
    const before = await tableCounts(demo.db);
    const bad = 1733; // index in data → line bad + 2 in the file (header is line 1)
    const broken = data.map((r, i) => (i === bad ? r.map((v, j) => (j === 5 ? '-12.50' : v)) : r));
    const r = await importFile(demo.db, { file: tmpFile('基金收支-有一行错误.csv', templateCsv('LEDGER', broken)), importedBy: 'test' });
    expect(r.status).toBe('REJECTED');
    expect(r.problemCount).toBe(1);
    expect(r.message).toContain(`第${bad + 2}行“金额(元)”列：金额不能为负数（实际为“-12.50”）`);
    const after = await tableCounts(demo.db);
    expect({ ...after, ImportBatch: 0, RejectedRow: 0 }).toEqual({ ...before, ImportBatch: 0, RejectedRow: 0 });
    expect(after.ImportBatch).toBe(before.ImportBatch + 1);
    const rej = (await getRejectedRows(demo.db, r.batchId!))!;
    expect(rej.rows).toHaveLength(1);
    const csv = rejectedRowsCsv(rej.header, rej.rows).toString('utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain(`${broken[bad].slice(0, 5).join(',')},-12.50,${bad + 2},“金额(元)”列：金额不能为负数`);
    // Fixed and sent again, the file loads.
    const ok = await importFile(demo.db, { file: tmpFile('基金收支-已改正.csv', templateCsv('LEDGER', data)), importedBy: 'test' });
    expect(ok.status).toBe('LOADED');
    expect(ok.rowsAccepted).toBe(data.length);
  });

  it('reports every kind of problem by row, column and reason', async () => {
    const head = templateHeaders('ENROLLMENT');
    const good = ['439922', '居民医保', '2030-01', '1000', '900', '0', '0', '0', '0', '0', '0'];
    const lines = [
      good,
      ['439999', '居民医保', '2030-01', '1000', '900', '0', '0', '0', '0', '0', '0'], // unknown region
      ['439922', '居民医保', '2030-13', '1000', '900', '0', '0', '0', '0', '0', '0'], // bad period
      ['439922', '职工医保', '2030-01', 'abc', '900', '0', '0', '0', '0', '0', '0'], // not a number
      ['439922', '居民医保', '2030-01', '1000', '900', '0', '0', '0', '0', '0', '0'], // duplicate of line 2
      ['439922', '生育保险', '2030-01', '1000', '900', '0', '500', '300', '200', '0', '0'], // parts exceed total
    ];
    const r = await importFile(demo.db, { file: tmpFile('参保-多种错误.csv', toCsvText([...head, '备注'], lines.map((l) => [...l, '']))), kind: 'ENROLLMENT', importedBy: 'test' });
    expect(r.status).toBe('REJECTED');
    // An unknown column stops at the header.
    expect(r.problems.map((p) => [p.row, p.column, p.reason.slice(0, 5)])).toEqual([[1, '备注', '未知的列：']]);
    const r2 = await importFile(demo.db, { file: tmpFile('参保-多种错误2.csv', toCsvText(head, lines)), importedBy: 'test' });
    const got = r2.problems.map((p) => `${p.row}|${p.column ?? ''}|${p.reason}`);
    expect(got).toEqual(expect.arrayContaining([
      '4|年月|月份应在1至12之间',
      '5|应参保人数(人)|应为数字',
      '6||与第2行重复（区划代码、险种、年月相同）',
      '7|特困人员资助参保人数(人)|各类资助参保人数之和大于参保人数',
      '3|区划代码|区划代码未在“地区”中登记',
    ]));
    expect(r2.problemCount).toBe(5);

    // Totals: a 合计 row must equal its parts.
    const contrib = [
      ['439923', '居民医保', '2030-01', '个人缴费', '100.00', '90.00'],
      ['439923', '居民医保', '2030-01', '县级财政补助', '50.00', '20.00'],
      ['439923', '居民医保', '2030-01', '合计', '150.00', '100.00'],
    ];
    const t = await importFile(demo.db, { file: tmpFile('征缴-合计不符.csv', templateCsv('CONTRIBUTION', contrib)), importedBy: 'test' });
    expect(t.problems.map((p) => `${p.row}|${p.column}|${p.reason}`)).toEqual(['4|实征金额(元)|合计与各项之和不符：各项之和为110.00，相差-10.00']);
    contrib[2][5] = '110.00';
    const t2 = await importFile(demo.db, { file: tmpFile('征缴-合计相符.csv', templateCsv('CONTRIBUTION', contrib)), importedBy: 'test' });
    expect(t2.status).toBe('LOADED');
    expect(t2.rowsAccepted).toBe(2); // the 合计 row is checked, not stored
  });

  it('refuses the same file twice, and rows already stored unless the file is a correction', async () => {
    const data = [['439921', '居民医保', '2031-01', '1000', '950', '0', '0', '0', '0', '0', '0']];
    const file = tmpFile('参保-2031.csv', templateCsv('ENROLLMENT', data));
    const a = await importFile(demo.db, { file, importedBy: 'test' });
    expect(a.status).toBe('LOADED');
    const b = await importFile(demo.db, { file, importedBy: 'test' });
    expect(b.status).toBe('REFUSED');
    expect(b.message).toContain(`与批次#${a.batchId}`);
    // Same rows in another file (different bytes: CRLF vs LF) are duplicates against stored data.
    const c = await importFile(demo.db, { file: tmpFile('参保-2031-again.csv', toCsvText(templateHeaders('ENROLLMENT'), data).replace(/\r\n/g, '\n')), importedBy: 'test' });
    expect(c.status).toBe('REJECTED');
    expect(c.problems[0].reason).toContain(`批次#${a.batchId}已有`);
    expect(await count(demo.db, 'EnrollmentFact', 'WHERE "period" = 203101')).toBe(1);
  });

  it('a correction replaces only its period for that region and scheme, and the history says what it replaced', async () => {
    const before = await rows(demo.db, `SELECT "period","schemeCode","regionCode","enrolled","batchId" FROM "EnrollmentFact" WHERE "regionCode" = '439922' AND "period" BETWEEN 202401 AND 202403 ORDER BY 1,2`);
    const corr = [['439922', '居民医保', '2024-02', '400000', '377777', '0', '0', '0', '0', '0', '12']];
    const r = await importFile(demo.db, { file: tmpFile('参保-石门-2024-02-更正.csv', templateCsv('ENROLLMENT', corr)), mode: 'REPLACE', importedBy: 'test' });
    expect(r.status).toBe('LOADED');
    expect(r.message).toContain('替换了批次#1的1行');
    const after = await rows(demo.db, `SELECT "period","schemeCode","regionCode","enrolled","batchId" FROM "EnrollmentFact" WHERE "regionCode" = '439922' AND "period" BETWEEN 202401 AND 202403 ORDER BY 1,2`);
    const changed = after.filter((a) => !before.some((b) => JSON.stringify(b) === JSON.stringify(a)));
    expect(changed).toEqual([{ period: 202402, schemeCode: 'RESIDENT', regionCode: '439922', enrolled: 377777, batchId: r.batchId }]);
    expect(after).toHaveLength(before.length);
    const rep = await demo.db.prisma.importReplacement.findMany({ where: { batchId: r.batchId! } });
    expect(rep.map((x) => [x.replacedBatchId, x.scopeLabel, x.rows])).toEqual([[1, '石门县 · 居民医保 · 2024年2月', 1]]);
    // A second correction of the same month replaces the first correction wholly: that batch is REPLACED.
    const r2 = await importFile(demo.db, { file: tmpFile('参保-石门-2024-02-再更正.csv', templateCsv('ENROLLMENT', [[...corr[0].slice(0, 4), '377778', ...corr[0].slice(5)]])), mode: 'REPLACE', importedBy: 'test' });
    const first = await demo.db.prisma.importBatch.findUniqueOrThrow({ where: { id: r.batchId! } });
    expect([first.status, first.replacedById]).toEqual(['REPLACED', r2.batchId]);
  });

  it('a corrected institution level rebuilds the rollups of every month it settled', async () => {
    const [inst] = await rows(demo.db, `SELECT "code" FROM "Institution" WHERE "level" = 'COUNTY' AND "kind" = 'HOSPITAL' ORDER BY "code" LIMIT 1`);
    const sumAt = async (level: string) => Number((await rows(demo.db, `SELECT SUM("visits") AS v FROM "UtilizationRollup" WHERE "level" = '${level}' AND "period" BETWEEN 202201 AND 202212`))[0].v);
    const [own] = await rows(demo.db, `SELECT SUM("visits") AS v FROM "UtilizationFact" WHERE "institutionCode" = '${inst.code}' AND "period" BETWEEN 202201 AND 202212`);
    const cityBefore = await sumAt('CITY');
    const row = (await exportStoredRows(demo.db, 'INSTITUTION')).find((r) => r[0] === inst.code)!;
    const changed = row.map((v, j) => (j === 3 ? '市级医院' : v));
    const append = await importFile(demo.db, { file: tmpFile('机构-级别.csv', templateCsv('INSTITUTION', [changed])), importedBy: 'test' });
    expect(append.problems[0].reason).toContain('已登记');
    const r = await importFile(demo.db, { file: tmpFile('机构-级别-更正.csv', templateCsv('INSTITUTION', [changed])), mode: 'REPLACE', importedBy: 'test' });
    expect(r.status).toBe('LOADED');
    expect(r.report.updated).toBe(1);
    expect(r.report.derived?.[0]).toContain('重算就诊结算汇总');
    expect(await sumAt('CITY')).toBe(cityBefore + Number(own.v));
  });

  it('budget versions are never overwritten; an adjustment loads as the next version', async () => {
    const v = ['2024', '1', '调整方案', '江临医保发〔2024〕60号', '2024-09-01', '测试调整', '439922', '居民医保'];
    const lines = [[...v, '住院费用支出', '1000.00'], [...v, '普通门诊费用支出', '500.00'], [...v, '支出合计', '1500.00']];
    const r = await importFile(demo.db, { file: tmpFile('预算调整.csv', templateCsv('BUDGET', lines)), importedBy: 'test' });
    expect(r.message).toMatch(/^已导入/);
    const again = await importFile(demo.db, { file: tmpFile('预算调整-覆盖.csv', templateCsv('BUDGET', lines.map((l) => [...l.slice(0, 3), '江临医保发〔2024〕61号', ...l.slice(4)]))), mode: 'REPLACE', importedBy: 'test' });
    expect(again.status).toBe('REJECTED');
    expect(again.problems[0].reason).toContain('预算版本不能覆盖；调整请作为新版本（序号2）导入');
  });

  it('settlement records: duplicates within the file and against stored batches are skipped, not counted twice', async () => {
    const empty = await freshDatabase(kind, 'empty');
    try {
      for (const k of ['REGION', 'INSTITUTION'] as const) {
        expect((await importFile(empty.db, { file: tmpFile(`${k}.csv`, templateCsv(k, await exportStoredRows(demo.db, k))), importedBy: 'test' })).status).toBe('LOADED');
      }
      const cells = city.utilization.filter((u) => u.period === 202405 && u.insuredRegionCode === '4399A2');
      const file = path.join(DIR, `${++seq}-s.csv`);
      const ws = fs.createWriteStream(file);
      const n = await writeSettlementCsv(ws, cells);
      await new Promise<void>((res) => ws.end(() => res()));
      const text = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
      const head = text[0];
      const body = text.slice(1);
      // First file: the first 60% plus 10 records repeated inside the file.
      const cut = Math.floor(body.length * 0.6);
      const f1 = tmpFile('s1.csv', [head, ...body.slice(0, cut), ...body.slice(0, 10)].join('\n') + '\n');
      const r1 = await importFile(empty.db, { file: f1, importedBy: 'test' });
      expect([r1.status, r1.rowsAccepted, r1.rowsSkipped, r1.report.duplicates?.inFile]).toEqual(['LOADED', cut, 10, 10]);
      // The stored report names the insured regions: the post-import steps (risk evaluation per city) read them there.
      const stored = await empty.db.prisma.importBatch.findUnique({ where: { id: r1.batchId! } });
      expect(JSON.parse(stored!.report!).regionCodes).toEqual(['4399A2']);
      // Second file overlaps: the last 50%, of which 10 percentage points were already loaded.
      const from = Math.floor(body.length * 0.5);
      const r2 = await importFile(empty.db, { file: tmpFile('s2.csv', [head, ...body.slice(from)].join('\n') + '\n'), importedBy: 'test' });
      expect([r2.status, r2.rowsSkipped, r2.report.duplicates?.stored]).toEqual(['LOADED', cut - from, cut - from]);
      const [s] = await rows(empty.db, 'SELECT SUM("visits") AS v, SUM("totalCost") AS c FROM "UtilizationFact"');
      expect(Number(s.v)).toBe(n);
      expect(Number(s.c)).toBeCloseTo(cells.reduce((a, u) => a + u.totalCost, 0), 1);
      // A correction of the month replaces both batches' settlements: the first two batches become REPLACED.
      const r3 = await importFile(empty.db, { file, mode: 'REPLACE', importedBy: 'test' });
      expect(r3.status).toBe('LOADED');
      expect(r3.report.replaced?.map((x) => x.batchId).sort()).toEqual([r1.batchId, r2.batchId].sort());
      const olds = await empty.db.prisma.importBatch.findMany({ where: { id: { in: [r1.batchId!, r2.batchId!] } } });
      expect(olds.map((o) => o.status)).toEqual(['REPLACED', 'REPLACED']);
      const [s3] = await rows(empty.db, 'SELECT SUM("visits") AS v FROM "UtilizationFact"');
      expect(Number(s3.v)).toBe(n);
      // A bad record among them: the whole file is refused, naming the line and column.
      const broken = [head, ...body.slice(0, 3000)];
      broken[2345] = broken[2345].replace(/,(\d+\.\d\d),(\d+\.\d\d),/, ',$1,abc,');
      const before = await tableCounts(empty.db);
      const r4 = await importFile(empty.db, { file: tmpFile('s-bad.csv', broken.join('\n') + '\n'), mode: 'REPLACE', importedBy: 'test' });
      expect(r4.status).toBe('REJECTED');
      expect(r4.problems.map((p) => `${p.row}|${p.column}|${p.reason}`)).toEqual(['2346|政策范围内费用|应为金额数字（单位：元）']);
      expect({ ...(await tableCounts(empty.db)), ImportBatch: 0, RejectedRow: 0 }).toEqual({ ...before, ImportBatch: 0, RejectedRow: 0 });
    } finally {
      await empty.drop();
    }
  });

  it('runs the post-import steps after the commit, in order, with the periods touched', async () => {
    const seen: { periods: number[]; kind: string }[] = [];
    const step = { name: 'test-step', label: '测试', run: async (e: { periods: number[]; kind: string }) => { seen.push({ periods: e.periods, kind: e.kind }); } };
    POST_IMPORT_STEPS.push(step);
    try {
      const r = await importFile(demo.db, { file: tmpFile('征缴-2032.csv', templateCsv('CONTRIBUTION', [['439921', '居民医保', '2032-03', '个人缴费', '1.00', '1.00']])), importedBy: 'test' });
      expect(r.status).toBe('LOADED');
      expect(seen).toEqual([{ periods: [203203], kind: 'CONTRIBUTION' }]);
      expect(r.report.hooks?.map((h) => [h.name, h.ok])).toEqual(POST_IMPORT_STEPS.map((s) => [s.name, true]));
      expect(r.report.hooks?.at(-1)?.name).toBe('test-step');
      expect((await demo.db.prisma.importBatch.findUniqueOrThrow({ where: { id: r.batchId! } })).pendingSteps).toBeNull();
    } finally {
      POST_IMPORT_STEPS.splice(POST_IMPORT_STEPS.indexOf(step), 1);
    }
  });

  it('offers blank templates whose headers import as the template', async () => {
    for (const t of TEMPLATE_LIST) {
      const csv = templateCsv(t.kind).toString('utf8');
      expect(csv.startsWith('\uFEFF' + TEMPLATES[t.kind].columns.map((c) => (c.unit ? `${c.header}(${c.unit})` : c.header)).join(','))).toBe(true);
      const r = await importFile(demo.db, { file: tmpFile(`blank-${t.slug}.csv`, csv), importedBy: 'test' });
      expect(r.kind).toBe(t.kind);
      expect(r.problems[0].reason).toBe('文件只有表头，没有数据行');
    }
  });
});
