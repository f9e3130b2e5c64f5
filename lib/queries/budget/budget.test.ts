// 预算执行 queries against the demo city in SQLite and PostgreSQL, checked with independent SQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDb, testDbKinds } from '../../testing/databases';
import type { Db } from '../../db';
import { CITY_SCOPE, ScopeError } from '../scope';
import { sqlNumber, sqlRows } from './independentSql';
import { loadBudgetExecution } from './getBudgetExecution';
import { loadBudgetPacing } from './getBudgetPacing';
import { loadDeficitAttribution } from './getDeficitAttribution';
import { loadBudgetVersions } from './getBudgetVersions';
import { loadRemittances } from './getRemittances';
import { loadAccumulatedBalance } from './getAccumulatedBalance';
import { loadBudgetKpis } from './getBudgetKpis';

const CITY = '439900';
const LINJIANG = '439902';
const WANGSHAN = '439903';
const SHIMEN = '439922';
const TAOYUAN = '439923';
const INCOME = `('PREMIUM','SUBSIDY','INTEREST','OTHER_INCOME')`;
const EXPENSE = `('INPATIENT','OUTPATIENT','CHRONIC','MATERNITY','OTHER_EXPENSE')`;

describe.each(testDbKinds())('预算执行 queries on %s', (kind) => {
  let db: Db;
  beforeAll(() => { db = demoDb(kind); });
  afterAll(async () => { await db.close(); });

  /** plan of the version (year, seq) */
  const planSql = (year: number, seq: number, items: string, scheme: string, region?: string) => sqlNumber(db,
    `SELECT SUM(l."amount") FROM "BudgetLine" l JOIN "BudgetVersion" v ON v."id" = l."versionId"
     WHERE v."year" = ? AND v."seq" = ? AND l."item" IN ${items} AND l."schemeCode" = ?${region ? ' AND l."regionCode" = ?' : ''}`,
    [year, seq, scheme, ...(region ? [region] : [])]);
  /** county ledger (統筹基金) over a range; the city's own rows (city-pool interest) excluded */
  const actualSql = (from: number, to: number, items: string, scheme: string, region?: string) => sqlNumber(db,
    `SELECT COALESCE(SUM("amount"), 0) FROM "LedgerFact" WHERE "account" = 'POOL' AND "period" BETWEEN ? AND ? AND "item" IN ${items}
     AND "schemeCode" = ? AND "regionCode" <> ?${region ? ' AND "regionCode" = ?' : ''}`,
    [from, to, scheme, CITY, ...(region ? [region] : [])]);

  it('execution per county, 2024 resident: plan, actual, rate and deviation match SQL; the city row is the total', async () => {
    const r = await loadBudgetExecution(db, CITY_SCOPE, CITY, { year: 2024, scheme: 'RESIDENT', region: 'ALL', month: null });
    expect(r.asOf).toBe(202412);
    expect(r.version?.docNo).toBe('江临医保发〔2024〕8号');
    expect(r.timeProgress).toBe(1);
    expect(r.counties.map((c) => c.code)).toEqual([CITY, '439902', '439903', '439921', SHIMEN, TAOYUAN, '439981', '4399A1', '4399A2']);
    for (const c of r.counties) {
      const region = c.code === CITY ? undefined : c.code;
      const ip = await planSql(2024, 0, INCOME, 'RESIDENT', region);
      const ia = await actualSql(202401, 202412, INCOME, 'RESIDENT', region);
      const ep = await planSql(2024, 0, EXPENSE, 'RESIDENT', region);
      const ea = await actualSql(202401, 202412, EXPENSE, 'RESIDENT', region);
      expect(c.income.plan).toBeCloseTo(ip, 2);
      expect(c.income.actual).toBeCloseTo(ia, 2);
      expect(c.income.rate).toBeCloseTo(ia / ip, 10);
      expect(c.income.deviation).toBeCloseTo(ia / ip - 1, 10);
      expect(c.expense.rate).toBeCloseTo(ea / ep, 10);
      // 当期结余 and 基金收入 count every row: the city total adds the city account's own (its interest).
      const own = c.code === CITY
        ? await sqlNumber(db, `SELECT COALESCE(SUM("amount"), 0) FROM "LedgerFact" WHERE "account" = 'POOL' AND "period" BETWEEN 202401 AND 202412 AND "item" IN ${INCOME} AND "schemeCode" = 'RESIDENT' AND "regionCode" = ?`, [CITY])
          - await sqlNumber(db, `SELECT COALESCE(SUM("amount"), 0) FROM "LedgerFact" WHERE "account" = 'POOL' AND "period" BETWEEN 202401 AND 202412 AND "item" IN ${EXPENSE} AND "schemeCode" = 'RESIDENT' AND "regionCode" = ?`, [CITY])
        : 0;
      if (c.code === CITY) expect(own).toBeGreaterThan(0);
      expect(c.balance).toBeCloseTo(ia - ea + own, 2);
    }
  });

  it('the plan in force follows the as-of month: 2020-03 the approved budget, 2020-08 the COVID adjustment (41号)', async () => {
    const march = await loadBudgetExecution(db, CITY_SCOPE, CITY, { year: 2020, scheme: 'RESIDENT', region: SHIMEN, month: 3 });
    expect(march.asOf).toBe(202003);
    expect(march.timeProgress).toBe(0.25);
    expect(march.version?.seq).toBe(0);
    const aug = await loadBudgetExecution(db, CITY_SCOPE, CITY, { year: 2020, scheme: 'RESIDENT', region: SHIMEN, month: 8 });
    expect(aug.version?.docNo).toBe('江临医保发〔2020〕41号');
    const inpatient = aug.items.find((i) => i.item === 'INPATIENT')!;
    expect(inpatient.plan).toBeCloseTo(await planSql(2020, 1, `('INPATIENT')`, 'RESIDENT', SHIMEN), 2);
    expect(inpatient.actual).toBeCloseTo(await actualSql(202001, 202008, `('INPATIENT')`, 'RESIDENT', SHIMEN), 2);
    // a month beyond the data falls back to the last month with data
    const late = await loadBudgetExecution(db, CITY_SCOPE, CITY, { year: 2024, scheme: 'RESIDENT', region: 'ALL', month: 13 });
    expect(late.asOf).toBe(202412);
  });

  it('seasonal expectation for resident income at March: the average Jan–Mar share of 2021–2023 (independently computed)', async () => {
    const r = await loadBudgetExecution(db, CITY_SCOPE, CITY, { year: 2024, scheme: 'RESIDENT', region: SHIMEN, month: 3 });
    const row = r.counties.find((c) => c.code === SHIMEN)!;
    const shares: number[] = [];
    for (const y of [2021, 2022, 2023]) {
      const q1 = await actualSql(y * 100 + 1, y * 100 + 3, INCOME, 'RESIDENT', SHIMEN);
      const all = await actualSql(y * 100 + 1, y * 100 + 12, INCOME, 'RESIDENT', SHIMEN);
      shares.push(q1 / all);
    }
    const expected = shares.reduce((a, b) => a + b, 0) / 3;
    expect(row.income.expected).toBeCloseTo(expected, 10);
    // premiums arrive in Q1: well ahead of 序时进度 (25%) yet close to the county's own pattern
    expect(row.income.rate!).toBeGreaterThan(0.4);
    expect(Math.abs(row.income.seasonalDeviation!)).toBeLessThan(0.05);
    expect(row.income.seasonalDeviation).toBeCloseTo(row.income.rate! - expected, 10);
  });

  it('pacing curve: December cumulative execution equals the annual execution; months after the as-of month are pace-only', async () => {
    const p = await loadBudgetPacing(db, CITY_SCOPE, CITY, { year: 2023, scheme: 'EMPLOYEE', region: 'ALL', month: null });
    const ea = await actualSql(202301, 202312, EXPENSE, 'EMPLOYEE');
    const ep = await planSql(2023, 1, EXPENSE, 'EMPLOYEE');
    expect(p.expense[11].executionRate).toBeCloseTo(ea / ep, 10);
    expect(p.expense[5].timeProgress).toBe(0.5);
    const part = await loadBudgetPacing(db, CITY_SCOPE, CITY, { year: 2023, scheme: 'EMPLOYEE', region: 'ALL', month: 6 });
    expect(part.expense[5].cumulative).toBeCloseTo(await actualSql(202301, 202306, EXPENSE, 'EMPLOYEE'), 2);
    expect(part.expense[6].cumulative).toBeNull();
    expect(part.expense[6].seasonalProgress).not.toBeNull();
  });

  it('deficit attribution, 桃源县 2023 resident: the county makes up its unpaid subsidy, the city covers the rest of the gap', async () => {
    const r = await loadDeficitAttribution(db, CITY_SCOPE, CITY, { year: 2023, scheme: 'RESIDENT', region: 'ALL', month: null });
    const t = r.counties.find((c) => c.code === TAOYUAN)!;
    const income = await actualSql(202301, 202312, INCOME, 'RESIDENT', TAOYUAN);
    const expense = await actualSql(202301, 202312, EXPENSE, 'RESIDENT', TAOYUAN);
    const due = await sqlNumber(db, `SELECT SUM("due") - SUM("collected") FROM "ContributionFact" WHERE "source" = 'SUBSIDY_COUNTY' AND "schemeCode" = 'RESIDENT' AND "period" BETWEEN 202301 AND 202312 AND "regionCode" = ?`, [TAOYUAN]);
    const premiumPlan = await planSql(2023, 1, `('PREMIUM')`, 'RESIDENT', TAOYUAN);
    const premium = await actualSql(202301, 202312, `('PREMIUM')`, 'RESIDENT', TAOYUAN);
    const gap = Math.max(0, expense - income);
    const makeup = due + Math.max(0, premiumPlan - premium);
    expect(gap).toBeGreaterThan(0);
    expect(t.regime).toBe('city');
    expect(t.gap).toBeCloseTo(gap, 2);
    expect(t.countySubsidyUnpaid).toBeCloseTo(due, 2);
    expect(t.premiumShortfall).toBeCloseTo(Math.max(0, premiumPlan - premium), 2);
    expect(t.countyMakeup).toBeCloseTo(makeup, 2);
    expect(t.cityCovers).toBeCloseTo(Math.max(0, gap - makeup), 2);
    expect(t.countyGapShare + t.cityCovers).toBeCloseTo(gap, 2);
    // the story: about 42% of 桃源县's county subsidy share is unpaid, over 1,000万元 a year
    expect(t.countySubsidyUnpaid).toBeGreaterThan(10_000_000);
    expect(t.metPlan).toBe(false);
    // 临江区 pays its share (97–100%): most of its resident deficit falls to the city
    const l = r.counties.find((c) => c.code === LINJIANG)!;
    expect(l.cityCovers).toBeGreaterThan(0.9 * l.gap);
    // the city row sums the counties
    const city = r.counties[0];
    expect(city.code).toBe(CITY);
    expect(city.countyMakeup).toBeCloseTo(r.counties.slice(1).reduce((a, c) => a + c.countyMakeup, 0), 2);
    expect(city.cityCovers).toBeCloseTo(r.counties.slice(1).reduce((a, c) => a + c.cityCovers, 0), 2);
  });

  it('deficit attribution by year: before pooling nothing is attributed; 石门县 resident pooled only from 2021-01', async () => {
    const r = await loadDeficitAttribution(db, CITY_SCOPE, CITY, { year: 2024, scheme: 'RESIDENT', region: SHIMEN, month: null });
    expect(r.years.map((y) => y.year)).toEqual([2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    expect(r.years.map((y) => y.regime)).toEqual(['county', 'county', 'county', 'county', 'city', 'city', 'city', 'city']);
    const t = await loadDeficitAttribution(db, CITY_SCOPE, CITY, { year: 2024, scheme: 'RESIDENT', region: TAOYUAN, month: null });
    // 桃源县 stops paying its share from 2021: the county's make-up jumps
    const makeup = new Map(t.years.map((y) => [y.year, y.countyMakeup]));
    expect(makeup.get(2021)!).toBeGreaterThan(10 * makeup.get(2020)!);
  });

  it('budget versions: the 2020 and 2023 adjustments and what they changed', async () => {
    const v = await loadBudgetVersions(db, CITY_SCOPE, CITY, { year: 2020, scheme: 'RESIDENT', region: 'ALL', month: null });
    expect(v.versions).toHaveLength(10);
    const adj = v.versions.filter((x) => x.kind === 'ADJUSTMENT').map((x) => [x.docNo, x.approvedOn]);
    expect(adj).toEqual([['江临医保发〔2020〕41号', '2020-07-20'], ['江临医保发〔2023〕57号', '2023-08-18']]);
    expect(v.adjustments).toHaveLength(1);
    const a = v.adjustments[0];
    const before = await planSql(2020, 0, `('INPATIENT')`, 'RESIDENT');
    const after = await planSql(2020, 1, `('INPATIENT')`, 'RESIDENT');
    const inpatient = a.byItem.find((i) => i.item === 'INPATIENT')!;
    expect(inpatient.change).toBeCloseTo(after - before, 2);
    expect(inpatient.change / before).toBeCloseTo(-0.08, 3);
    expect(a.version.expenseChange).toBeCloseTo((await planSql(2020, 1, EXPENSE, 'RESIDENT')) - (await planSql(2020, 0, EXPENSE, 'RESIDENT')), 2);
    expect(a.version.inForce).toBe(true);
    // 8 counties × 3 expense items changed in the resident scheme
    expect(a.lines.length).toBe(24);
  });

  it('remittances: 上解 and 下拨 per county match SQL; 望山区 remits late', async () => {
    const r = await loadRemittances(db, CITY_SCOPE, CITY, { year: 2022, scheme: 'ALL', region: 'ALL', month: null });
    for (const c of r.counties.slice(1)) {
      const up = await sqlNumber(db, `SELECT SUM("amount") FROM "LedgerFact" WHERE "item" = 'REMIT_UP' AND "period" BETWEEN 202201 AND 202212 AND "regionCode" = ?`, [c.code]);
      const down = await sqlNumber(db, `SELECT SUM("amount") FROM "LedgerFact" WHERE "item" = 'ALLOCATE_DOWN' AND "period" BETWEEN 202201 AND 202212 AND "regionCode" = ?`, [c.code]);
      expect(c.remitUp).toBeCloseTo(up, 2);
      expect(c.allocateDown).toBeCloseTo(down, 2);
      expect(c.net).toBeCloseTo(up - down, 2);
    }
    const rows = await sqlRows(db, `SELECT "dueDate", "paidDate" FROM "RemittanceFact" WHERE "period" BETWEEN 202201 AND 202212 AND "regionCode" = ?`, [WANGSHAN]);
    const onTime = rows.filter((x) => String(x.paidDate) <= String(x.dueDate)).length;
    const w = r.counties.find((c) => c.code === WANGSHAN)!;
    expect(w.remittances).toBe(rows.length);
    expect(w.timeliness).toBeCloseTo(onTime / rows.length, 12);
    expect(w.avgDelayStatus).toBe('bad');
    expect(r.counties.find((c) => c.code === LINJIANG)!.timeliness).toBe(1);
    expect(r.monthly).toHaveLength(12);
  });

  it('accumulated balance: city pool + legacy balances at the as-of month', async () => {
    const b = await loadAccumulatedBalance(db, CITY_SCOPE, CITY, { year: 2023, scheme: 'RESIDENT', region: 'ALL', month: null, asOf: 202312 });
    const total = await sqlNumber(db, `SELECT SUM("balance") FROM "BalanceFact" WHERE "account" = 'POOL' AND "schemeCode" = 'RESIDENT' AND "period" = 202312`);
    const pool = await sqlNumber(db, `SELECT SUM("balance") FROM "BalanceFact" WHERE "account" = 'POOL' AND "schemeCode" = 'RESIDENT' AND "period" = 202312 AND "kind" = 'CITY_POOL'`);
    expect(b.accumulated).toBeCloseTo(total, 2);
    expect(b.cityPool).toBeCloseTo(pool, 2);
    const leg = await sqlNumber(db, `SELECT SUM("balance") FROM "BalanceFact" WHERE "account" = 'POOL' AND "schemeCode" = 'RESIDENT' AND "period" = 202312 AND "regionCode" = ?`, [TAOYUAN]);
    expect(b.counties.find((c) => c.code === TAOYUAN)!.legacy).toBeCloseTo(leg, 2);
    expect(b.series.length).toBe(96);
  });

  it('KPI tiles agree with the widgets; scope is enforced', async () => {
    const req = { year: 2023, scheme: 'RESIDENT' as const, region: TAOYUAN, month: null };
    const k = await loadBudgetKpis(db, CITY_SCOPE, CITY, req);
    const att = (await loadDeficitAttribution(db, CITY_SCOPE, CITY, req)).counties.find((c) => c.code === TAOYUAN)!;
    const tile = (c: string) => k.tiles.find((t) => t.code === c)!;
    expect(tile('county_makeup_amount').value).toBeCloseTo(att.countyMakeup, 2);
    expect(tile('city_cover_amount').value).toBeCloseTo(att.cityCovers, 2);
    expect(tile('income_execution_rate').previous).not.toBeNull();
    expect(k.versionDocNo).toBe('江临医保发〔2023〕57号');
    await expect(loadBudgetExecution(db, { kind: 'county', regionCode: TAOYUAN }, CITY, { ...req, region: SHIMEN })).rejects.toBeInstanceOf(ScopeError);
    const own = await loadBudgetExecution(db, { kind: 'county', regionCode: TAOYUAN }, CITY, { ...req, region: 'ALL' });
    expect(own.counties.map((c) => c.code)).toEqual([CITY, TAOYUAN]);
  });
});
