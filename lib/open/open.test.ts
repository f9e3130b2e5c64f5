// The public report on the demo city, on SQLite and PostgreSQL: the release's figures equal independent SQL
// over the facts, the view shows exactly the release, suppression holds on the real supervision table,
// publishing is admin-only and frozen, and downloads read back in both encodings and as XLSX.
import { afterAll, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { freshDatabase, testDbKinds } from '../testing/databases';
import type { Db } from '../db';
import { buildOpenReport, OpenReportError, publishableYears } from './build';
import { loadPublishedReports, publishDemoOpenReports, publishOpenReport, withdrawOpenReport } from './publish';
import { buildOpenView, exportTable, policyCitation, supervisionTable, tableTexts, type ReleasedReport } from './view';
import { buildOpenDownload } from './export';
import { getIndicator } from '../indicators/registry';
import { isHidden } from './suppress';

const CITY = '439900';
const EXPENSE = `'INPATIENT','OUTPATIENT','CHRONIC','MATERNITY','OTHER_EXPENSE'`;
const INCOME = `'PREMIUM','SUBSIDY','INTEREST','OTHER_INCOME'`;

async function num(db: Db, sql: string): Promise<number | null> {
  const rows = await db.prisma.$queryRawUnsafe<Record<string, unknown>[]>(sql);
  const v = Object.values(rows[0] ?? {})[0];
  return v === null || v === undefined ? null : Number(v);
}

const dbs: { drop(): Promise<void> }[] = [];
afterAll(async () => { for (const d of dbs) await d.drop(); });

describe.each(testDbKinds())('public annual report on %s', (kind) => {
  let db: Db;
  let reports: ReleasedReport[];

  it('publishes every complete demo year once, frozen as releases', async () => {
    const f = await freshDatabase(kind, 'demo');
    dbs.push(f);
    db = f.db;
    expect(await publishableYears(db)).toEqual([2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    expect(await publishDemoOpenReports(db)).toEqual([2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    expect(await publishDemoOpenReports(db)).toEqual([]);
    reports = (await loadPublishedReports(db)).map((r) => ({ ...r, publishedAt: r.publishedAt }));
    expect(reports.map((r) => [r.year, r.version])).toEqual([2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024].map((y) => [y, 1]));
  });

  it('city and county figures of 2024 equal independent SQL and the registry formulas', async () => {
    const p = reports.find((r) => r.year === 2024)!.payload;
    for (const [code, scheme, list] of [[CITY, 'ALL', `'EMPLOYEE','RESIDENT','MATERNITY'`], [CITY, 'RESIDENT', `'RESIDENT'`], ['439922', 'RESIDENT', `'RESIDENT'`], ['439921', 'ALL', `'EMPLOYEE','RESIDENT','MATERNITY'`]] as const) {
      const f = p.figures[code][scheme];
      const region = code === CITY ? '' : `AND "regionCode" = '${code}'`;
      const cov = scheme === 'ALL' ? `'EMPLOYEE','RESIDENT'` : list;
      const income = await num(db, `SELECT SUM("amount") FROM "LedgerFact" WHERE "account" = 'POOL' AND "period" BETWEEN 202401 AND 202412 AND "item" IN (${INCOME}) AND "schemeCode" IN (${list}) ${region}`);
      const expense = await num(db, `SELECT SUM("amount") FROM "LedgerFact" WHERE "account" = 'POOL' AND "period" BETWEEN 202401 AND 202412 AND "item" IN (${EXPENSE}) AND "schemeCode" IN (${list}) ${region}`);
      expect(f.income).toBeCloseTo(income!, 2);
      expect(f.expense).toBeCloseTo(expense!, 2);
      expect(f.current_balance).toBeCloseTo(income! - expense!, 2);
      expect(f.coverage_rate).toBeCloseTo((await num(db, `SELECT CAST(SUM("enrolled") AS DOUBLE PRECISION) / SUM("shouldEnroll") FROM "EnrollmentFact" WHERE "period" = 202412 AND "schemeCode" IN (${cov}) ${region}`))!, 12);
      expect(f.collection_rate).toBeCloseTo((await num(db, `SELECT SUM("collected") / SUM("due") FROM "ContributionFact" WHERE "period" BETWEEN 202401 AND 202412 AND "schemeCode" IN (${list}) ${region}`))!, 12);
      expect(f.policy_reimbursement_ratio).toBeCloseTo((await num(db, `SELECT SUM("policyRangeFundPaid") / SUM("policyRangeCost") FROM "BenefitFact" WHERE "period" BETWEEN 202401 AND 202412 AND "schemeCode" IN (${list}) ${region}`))!, 12);
      expect(f.settlement_timeliness_rate).toBeCloseTo((await num(db, `SELECT CAST(SUM("claimsOnTime") AS DOUBLE PRECISION) / SUM("claimsSettled") FROM "BenefitFact" WHERE "period" BETWEEN 202401 AND 202412 AND "schemeCode" IN (${list}) ${region}`))!, 12);
      // Tiered care from the institution-grain facts (not the rollup the report reads).
      const uRegion = code === CITY ? '' : `AND u."insuredRegionCode" = '${code}'`;
      expect(f.primary_visit_share).toBeCloseTo((await num(db, `SELECT CAST(SUM(CASE WHEN i."level" = 'PRIMARY' THEN u."visits" ELSE 0 END) AS DOUBLE PRECISION) / SUM(u."visits")
        FROM "UtilizationFact" u JOIN "Institution" i ON i."code" = u."institutionCode" WHERE u."period" BETWEEN 202401 AND 202412 AND u."schemeCode" IN (${list}) ${uRegion}`))!, 12);
      expect(f.in_county_rate).toBeCloseTo((await num(db, `SELECT CAST(SUM(CASE WHEN i."regionCode" = u."insuredRegionCode" THEN u."visits" ELSE 0 END) AS DOUBLE PRECISION) / SUM(u."visits")
        FROM "UtilizationFact" u JOIN "Institution" i ON i."code" = u."institutionCode" WHERE u."visitType" = 'INPATIENT' AND u."period" BETWEEN 202401 AND 202412 AND u."schemeCode" IN (${list}) ${uRegion}`))!, 12);
      if (code === CITY) {
        const bal = await num(db, `SELECT SUM("balance") FROM "BalanceFact" WHERE "account" = 'POOL' AND "period" = 202412 AND "schemeCode" IN (${list})`);
        expect(f.accumulated_balance).toBeCloseTo(bal!, 2);
        expect(f.months_of_reserve).toBeCloseTo(bal! / (expense! / 12), 10);
      } else {
        // After pooling the balance is the city's: a county has none of its own (shown as 无数据, never 0).
        expect(f.accumulated_balance).toBeNull();
        expect(f.months_of_reserve).toBeNull();
      }
    }
  });

  it('supervision counts equal independent SQL over institutions in each county', async () => {
    const p = reports.find((r) => r.year === 2023)!.payload;
    for (const code of ['439922', '4399A1']) {
      const s = p.supervision[code];
      const where = `s."period" BETWEEN 202301 AND 202312 AND i."regionCode" = '${code}' AND i."level" <> 'OUT_OF_CITY'`;
      expect(s.inspections).toBe(await num(db, `SELECT SUM(s."inspections") FROM "SupervisionFact" s JOIN "Institution" i ON i."code" = s."institutionCode" WHERE ${where}`) ?? 0);
      expect(s.institutionsWithViolations).toBe(await num(db, `SELECT COUNT(*) FROM (SELECT s."institutionCode" FROM "SupervisionFact" s JOIN "Institution" i ON i."code" = s."institutionCode" WHERE ${where} GROUP BY s."institutionCode" HAVING SUM(s."violations") > 0) x`));
      expect(p.supervisionFigures[code].recovery_amount).toBeCloseTo((await num(db, `SELECT COALESCE(SUM(s."amountRefused" + s."amountRecovered"), 0) FROM "SupervisionFact" s JOIN "Institution" i ON i."code" = s."institutionCode" WHERE ${where}`))!, 2);
      expect(s.institutionsActive).toBe(await num(db, `SELECT COUNT(*) FROM "Institution" WHERE "regionCode" = '${code}' AND "level" <> 'OUT_OF_CITY' AND "agreementStart" <= '2023-12-31' AND ("agreementEnd" IS NULL OR "agreementEnd" >= '2023-01-01')`));
    }
  });

  it('the view shows exactly the released figures, and nothing hidden is derivable from the city total', async () => {
    const v = buildOpenView(reports, 2024, null, 'ALL');
    const p = reports.find((r) => r.year === 2024)!.payload;
    const fund = v.sections.find((s) => s.id === 'fund')!.charts.find((c) => c.id === 'fund-regions')!;
    const texts = tableTexts(fund, v.rule);
    const row = fund.rows.findIndex((r) => r.key === '439922');
    expect(fund.rows[row].cells.income.v).toBe(p.figures['439922'].ALL.income);
    expect(texts[row][0]).toMatch(/亿元$/);
    expect(v.years).toEqual([2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    for (const year of [2019, 2023, 2024]) {
      const pay = reports.find((r) => r.year === year)!.payload;
      const rows = supervisionTable(pay, CITY);
      for (const key of ['institutionsWithViolations', 'interviews', 'suspensions', 'terminations', 'institutionsInspected', 'institutionsActive', 'recovery_amount']) {
        const hidden = rows.filter((r) => isHidden(r.cells[key].s));
        // No hidden cell is alone in its sum (city = Σ counties), and its value never reaches the page model.
        expect(hidden.length === 0 || hidden.length >= 2).toBe(true);
        for (const h of hidden) expect(h.cells[key].v).toBeNull();
        for (const r of rows) {
          const raw = key === 'recovery_amount' ? pay.supervisionFigures[r.key].recovery_amount : pay.supervision[r.key][key as 'interviews'];
          if (raw !== null && raw >= 1 && raw < 10 && key !== 'recovery_amount') expect(r.cells[key].s).toBe('primary');
        }
      }
      // Rates on hidden parts are hidden too; rates on small denominators are flagged.
      for (const r of rows) {
        if (isHidden(r.cells.institutionsWithViolations.s) || isHidden(r.cells.institutionsInspected.s)) expect(r.cells.violation_rate.v).toBeNull();
        if (r.cells.violation_rate.s === 'shown' && pay.supervision[r.key].institutionsInspected < 30) expect(r.cells.violation_rate.u).toBe(true);
      }
    }
  });

  it('words the year\'s main changes from the figures (the demo city\'s resident reserve story)', async () => {
    const v = buildOpenView(reports, 2024, null, 'RESIDENT');
    const p = reports.find((r) => r.year === 2024)!.payload.figures[CITY].RESIDENT;
    expect(p.months_of_reserve).toBeLessThan(6);
    expect(v.highlights.join('')).toMatch(/当期(由结余转为)?赤字/);
    expect(v.highlights.find((h) => h.includes('可支付'))).toMatch(/属“(严重)?不足”区间/);
    expect(v.kpis.find((k) => k.code === 'months_of_reserve')!.change).toMatch(/^比上年减少/);
    // A county page compares with the city and says why a county has no balance of its own.
    const c = buildOpenView(reports, 2024, '439922', 'RESIDENT');
    expect(c.sections[0].id).toBe('compare');
    expect(c.kpis.find((k) => k.code === 'months_of_reserve')!.value).toBe('无数据');
    expect(c.sections.find((s) => s.id === 'fund')!.explanations[1].text).toContain('不分县（市、区）计算');
  });

  it('downloads read back: UTF-8 with BOM, GBK and XLSX carry the same cells as the page', async () => {
    const v = buildOpenView(reports, 2023, '4399A1', 'ALL');
    const chart = v.sections.flatMap((s) => s.charts).find((c) => c.id === 'supervision-regions')!;
    const t = exportTable(chart, v.rule);
    const utf8 = await buildOpenDownload(chart, v.rule, '来源', 'csv');
    expect([...utf8.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = utf8.body.toString('utf8').slice(1);
    const gbk = await buildOpenDownload(chart, v.rule, '来源', 'csv-gbk');
    expect(gbk.body.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    expect(iconv.decode(gbk.body, 'gbk')).toBe(text);
    const lines = text.split('\r\n');
    expect(lines[0].split(',')).toEqual(t.header);
    expect(lines[0]).toContain('拒付追回金额(万元)');
    const zone = lines.find((l) => l.startsWith('江临高新技术产业开发区'))!.split(',');
    expect(zone.length).toBe(t.header.length);
    expect(zone).toContain('<10');
    const xlsx = await buildOpenDownload(chart, v.rule, '来源', 'xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).values).toEqual([undefined, ...t.header]);
    const zoneRow = t.rows.findIndex((r) => r[0] === '江临高新技术产业开发区') + 2;
    expect((ws.getRow(zoneRow).values as unknown[]).slice(1)).toEqual(t.rows[zoneRow - 2].map((x) => (x === null ? undefined : x)));
  });

  it('publishing is for administrators only; a new version leaves the old one readable', async () => {
    await expect(publishOpenReport(db, { role: 'city', name: '市医保局' }, 2024)).rejects.toBeInstanceOf(OpenReportError);
    await expect(publishOpenReport(db, { role: 'admin', name: '管理员' }, 2025)).rejects.toThrow(/不完整/);
    const v2 = await publishOpenReport(db, { role: 'admin', name: '管理员' }, 2024, { note: '更正' });
    expect(v2.version).toBe(2);
    await expect(withdrawOpenReport(db, { role: 'county', name: '县' }, v2.id, 'x')).rejects.toBeInstanceOf(OpenReportError);
    await withdrawOpenReport(db, { role: 'admin', name: '管理员' }, v2.id, '误发');
    expect((await loadPublishedReports(db)).find((r) => r.year === 2024)!.version).toBe(1);
  });

  it('refuses an incomplete year', async () => {
    await expect(buildOpenReport(db, 2030)).rejects.toBeInstanceOf(OpenReportError);
  });
});

describe('citations', () => {
  it('show the registry\'s citation as it is, and none where an indicator has none', () => {
    const ref = getIndicator('coverage_rate').policyRef;
    expect(ref).toBeTruthy();
    expect(policyCitation(ref)).toBe(ref!.trim());
    expect(policyCitation(undefined)).toBeNull();
    expect(policyCitation('  ')).toBeNull();
  });
});
