// One figure, one definition, on every page that shows it (SQLite and PostgreSQL). The demo city keeps the
// city account's interest (市级专户利息) on the city's own code and plans no income for it; a second city in
// the warehouse has a county-level subsidy of its own. Each loader below is the one its page calls.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, testDbKinds, type TestDbKind } from '../../testing/databases';
import { addSecondCity, COUNTY_B } from '../../testing/smallSecondCity';
import type { Db } from '../../db';
import { CITY_SCOPE } from '../scope';
import { assembleOverview, loadYear } from './getOverview';
import { computeCityComparison } from './overviewKpis';
import { loadBudgetData } from '../budget/data';
import { assembleBudgetExecution } from '../budget/getBudgetExecution';
import { loadBudgetKpis } from '../budget/getBudgetKpis';
import { loadDatasetInfo } from '../meta/getDatasetInfo';
import { loadProfileValues } from '../counties/getCountyProfile';
import { loadCoverageByCounty } from '../collection/getCoverageByCounty';
import { assembleCollectionKpis } from '../collection/getCollectionKpis';
import { loadCollectionYear } from '../collection/inputs';
import { gatherReport } from '../../reports/gather';
import { buildOpenReport } from '../../open/build';
import { computeDelta, deltaText } from '../../format';

const CITY = '439900';
const YEAR = 2024;
const P = 202412;

async function num(db: Db, sql: string): Promise<number> {
  const rows = await db.prisma.$queryRawUnsafe<Record<string, unknown>[]>(sql);
  return Number(Object.values(rows[0])[0]);
}

describe.each(testDbKinds())('the same figure on every page (%s)', (kind: TestDbKind) => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await freshDatabase(kind, 'demo'));
    await addSecondCity(db);
    // City B's county subsidy, half delivered: never part of the demo city's 全市 row.
    const batchId = (await db.prisma.importBatch.findFirstOrThrow({ select: { id: true } })).id;
    await db.prisma.contributionFact.create({ data: { regionCode: COUNTY_B, schemeCode: 'RESIDENT', period: 202406, source: 'SUBSIDY_COUNTY', due: 100_000_000, collected: 50_000_000, batchId } });
  }, 180_000);
  afterAll(async () => drop?.());

  for (const scheme of ['ALL', 'RESIDENT'] as const) {
    it(`${scheme}: 收入预算执行率 and 当期结余 agree on 总览, 预算执行, 县域画像, 月度报告 and the open report`, async () => {
      const list = scheme === 'ALL' ? `'EMPLOYEE','RESIDENT','MATERNITY'` : `'RESIDENT'`;
      const INC = `'PREMIUM','SUBSIDY','INTEREST','OTHER_INCOME'`;
      const EXP = `'INPATIENT','OUTPATIENT','CHRONIC','MATERNITY','OTHER_EXPENSE'`;
      const where = `"account" = 'POOL' AND "period" BETWEEN ${YEAR}01 AND ${P} AND "schemeCode" IN (${list}) AND "regionCode" IN (SELECT "code" FROM "Region" WHERE "code" = '${CITY}' OR "parentCode" = '${CITY}')`;
      const income = await num(db, `SELECT SUM("amount") FROM "LedgerFact" WHERE ${where} AND "item" IN (${INC})`);
      const interest = await num(db, `SELECT SUM("amount") FROM "LedgerFact" WHERE ${where} AND "item" IN (${INC}) AND "regionCode" = '${CITY}'`);
      const expense = await num(db, `SELECT SUM("amount") FROM "LedgerFact" WHERE ${where} AND "item" IN (${EXP})`);
      expect(interest).toBeGreaterThan(0); // the city account earns interest; the plan has no line for it
      const balance = income - expense;

      const y = await loadYear(db, CITY, scheme, YEAR);
      const ov = assembleOverview(CITY_SCOPE, CITY, { year: YEAR, scheme, region: 'ALL' }, y);
      const ovRate = ov.tiles.find((t) => t.code === 'income_execution_rate')!.value!;
      const cmp = computeCityComparison(y.now.get(CITY)!, scheme);

      const ex = assembleBudgetExecution(CITY_SCOPE, await loadBudgetData(db, CITY, scheme), { year: YEAR, scheme, region: 'ALL', month: null });
      const exCity = ex.counties.find((c) => c.code === CITY)!;
      const kpis = await loadBudgetKpis(db, CITY_SCOPE, CITY, { year: YEAR, scheme, region: 'ALL', month: null });
      const tile = (c: string) => kpis.tiles.find((t) => t.code === c)!.value!;

      const info = (await loadDatasetInfo(db, CITY))!;
      const prof = (await loadProfileValues(db, info, scheme, YEAR)).values.get(CITY)!;

      // The plan's basis: income less the unplanned interest, over the plan in force.
      expect(exCity.income.actual).toBeCloseTo(income - interest, 2);
      const rate = (income - interest) / exCity.income.plan!;
      expect([ovRate, exCity.income.rate, tile('income_execution_rate'), prof.get('income_execution_rate')].map((v) => v && Number(v.toFixed(10)))).toEqual(Array(4).fill(Number(rate.toFixed(10))));

      // 当期结余: every income row, interest included.
      expect(cmp.fund_income_ytd).toBeCloseTo(income, 2);
      expect(exCity.fundIncome).toBeCloseTo(income, 2);
      for (const v of [cmp.current_balance!, exCity.balance!, tile('current_balance'), prof.get('current_balance')!]) expect(v).toBeCloseTo(balance, 2);

      if (scheme === 'ALL') {
        const rep = await gatherReport(db, CITY_SCOPE, { period: P, regionCode: CITY });
        const t1 = rep.kpis.find((k) => k.code === 'income_execution_rate')!;
        expect(rep.figures[t1.now].value).toBeCloseTo(rate, 10);
        expect(rep.counties[0].code).toBe(CITY);
        expect(rep.counties[0].incomeRate).toBeCloseTo(rate, 10);
        expect(rep.figures[`current_balance@${CITY}:${P}`].value).toBeCloseTo(balance, 2);
        expect(rep.counties[0].currentBalance).toBeCloseTo(balance, 2);

        const open = await buildOpenReport(db, YEAR, undefined, { cityCode: CITY });
        expect(open.figures[CITY].ALL.current_balance).toBeCloseTo(balance, 2);
      }
    }, 180_000);
  }

  it("县级补助到位率 全市: the report's county table equals 参保征缴 and counts only the city's own counties", async () => {
    const coll = await loadCoverageByCounty(db, CITY_SCOPE, CITY, { year: YEAR, scheme: 'ALL', region: 'ALL' });
    const page = coll.rows.find((r) => r.code === CITY)!.countySubsidyDelivery;
    const own = await num(db, `SELECT SUM("collected") / SUM("due") FROM "ContributionFact" WHERE "source" = 'SUBSIDY_COUNTY' AND "period" BETWEEN ${YEAR}01 AND ${P}
      AND "regionCode" IN (SELECT "code" FROM "Region" WHERE "parentCode" = '${CITY}')`);
    expect(page).toBeCloseTo(own, 10);
    const rep = await gatherReport(db, CITY_SCOPE, { period: P, regionCode: CITY });
    expect(rep.counties[0].countySubsidyDelivery).toBeCloseTo(own, 10);
  }, 180_000);

  it('居民医保 当期结余 on a deficit base: 总览 and 预算执行 state the change as an amount, never a percentage', async () => {
    const y = await loadYear(db, CITY, 'RESIDENT', YEAR);
    const now = computeCityComparison(y.now.get(CITY)!, 'RESIDENT').current_balance!;
    const before = computeCityComparison(y.before.get(CITY)!, 'RESIDENT').current_balance!;
    expect(before).toBeLessThan(0); // the demo city's resident fund ran a deficit in 2023 too
    const kpis = await loadBudgetKpis(db, CITY_SCOPE, CITY, { year: YEAR, scheme: 'RESIDENT', region: 'ALL', month: null });
    const t = kpis.tiles.find((x) => x.code === 'current_balance')!;
    expect(t.value).toBeCloseTo(now, 2);
    expect(t.previous).toBeCloseTo(before, 2);
    const overviewText = deltaText(computeDelta(now, before, 'yuan'));
    expect(deltaText(computeDelta(t.value, t.previous, 'yuan'))).toBe(overviewText);
    expect(overviewText).not.toMatch(/%/);
    expect(overviewText).toMatch(now < before ? /^比上年减少[0-9.]+(亿|万)?元$/ : /^比上年增加[0-9.]+(亿|万)?元$/);
  }, 120_000);

  it('生育保险: 基层就诊占比 is not applicable (missing, with a reason), never 0 or 预警', async () => {
    const y = await loadYear(db, CITY, 'MATERNITY', YEAR);
    const ov = assembleOverview(CITY_SCOPE, CITY, { year: YEAR, scheme: 'MATERNITY', region: 'ALL' }, y);
    const t = ov.tiles.find((x) => x.code === 'primary_visit_share')!;
    expect(t).toMatchObject({ value: null, previous: null, status: 'none' });
    expect(t.notApplicable).toMatch(/不适用/);
    expect(ov.counties.every((c) => c.values.primary_visit_share === null)).toBe(true);
    expect(computeCityComparison(y.now.get(CITY)!, 'MATERNITY').primary_visit_share).toBeNull();
    // The same kind on 参保征缴: fiscal subsidies exist only in 居民医保.
    for (const scheme of ['EMPLOYEE', 'MATERNITY', 'RESIDENT'] as const) {
      const k = assembleCollectionKpis(CITY_SCOPE, CITY, { year: YEAR, scheme, region: 'ALL' }, await loadCollectionYear(db, CITY, scheme, YEAR), new Map());
      const sub = k.tiles.find((x) => x.code === 'subsidy_delivery_rate')!;
      if (scheme === 'RESIDENT') expect(sub.value).toBeGreaterThan(0);
      else expect(sub).toMatchObject({ value: null, status: 'none', notApplicable: expect.stringMatching(/^不适用/) });
    }
    // Other schemes keep it.
    const r = assembleOverview(CITY_SCOPE, CITY, { year: YEAR, scheme: 'RESIDENT', region: 'ALL' }, await loadYear(db, CITY, 'RESIDENT', YEAR));
    expect(r.tiles.find((x) => x.code === 'primary_visit_share')!.value).toBeGreaterThan(0);
  }, 120_000);
});
