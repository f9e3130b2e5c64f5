// Several cities in one warehouse (a province's cities): each city's figures are its own rows
// only, the province's are the sum of its cities', and a county user stays in its own city. Both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, testDbKinds } from '../../testing/databases';
import { addSecondCity, PROVINCE, SECOND_CITY, secondCode } from '../../testing/secondCity';
import { loadDatasetInfo } from '../meta/getDatasetInfo';
import { assembleOverview, assembleProvinceOverview, emptyProvinceYear, loadProvinceYear, loadYear } from './getOverview';
import { loadKpiInputs } from './kpiInputs';
import { computeCityComparison } from './overviewKpis';
import { loadFundTrend } from './getFundTrend';
import { loadProfileYear } from '../counties/profileInputs';
import { CITY_SCOPE, ScopeError } from '../scope';
import { cityForRoute, cityOverviewHref, selectableCounties, selectCity } from '../../regions/selectCity';
import { loadCollectionYear } from '../collection/inputs';
import { loadCollectionProgress } from '../collection/getCollectionProgress';
import { loadYearEndEnrollment } from '../collection/enrollmentSeries';
import { loadBudgetData } from '../budget/data';
import { assembleBudgetExecution } from '../budget/getBudgetExecution';
import { loadAccumulatedBalance } from '../budget/getAccumulatedBalance';
import { loadRemittances } from '../budget/getRemittances';
import { loadTieredCareData } from '../tieredCare/data';
import { loadFamilyDoctor, loadFlowCells, loadPoolingMonths } from '../tieredCare/inputs';
import { cityOfStoredRegion, poolRegionCodes } from '../pool';
import { loadRegionTree } from '../regions/getRegionTree';
import { loadRegionAnnual } from '../regions/getRegionAnnual';
import { gatherReport } from '../../reports/gather';

/** What a city's pages read, loaded for `city`: compared before and after a second city joins the warehouse. */
async function cityPages(db: Parameters<typeof loadYear>[0], city: string) {
  const breq = { year: 2024, scheme: 'RESIDENT' as const, region: 'ALL' as const, month: null };
  const budget = await loadBudgetData(db, city, 'RESIDENT');
  const tiered = await loadTieredCareData(db, city, 'RESIDENT');
  return {
    collection: await loadCollectionYear(db, city, 'ALL', 2024),
    progress: await loadCollectionProgress(db, CITY_SCOPE, { year: 2024, scheme: 'RESIDENT', region: 'ALL' }, city),
    yearEnd: await loadYearEndEnrollment(db, city, ['RESIDENT']),
    execution: assembleBudgetExecution(CITY_SCOPE, budget, breq),
    balance: await loadAccumulatedBalance(db, CITY_SCOPE, city, { ...breq, asOf: 202412 }),
    remittances: await loadRemittances(db, CITY_SCOPE, city, breq),
    tieredMonthly: tiered.monthly.get(city),
    tieredCounties: tiered.counties,
    pooling: await loadPoolingMonths(db, 'RESIDENT', city),
    family: (await loadFamilyDoctor(db, await poolRegionCodes(db, city))).length,
    flows: (await loadFlowCells(db, 'RESIDENT', ['INPATIENT'], await poolRegionCodes(db, city))).reduce((a, c) => a + c.visits, 0),
  };
}

const CITY = '439900';
const FACTOR = 3;

/**
 * Where two values differ beyond float noise: numbers within 1e-9 relative (sums over a different row order,
 * as databases return groups in any order, differ in the last bits, not in what a page shows), Maps as
 * objects, everything else exactly. [] when they agree.
 */
function differences(a: unknown, b: unknown, at = '$'): string[] {
  if (typeof a === 'number' && typeof b === 'number') {
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)) || (Number.isNaN(a) && Number.isNaN(b)) ? [] : [`${at}: ${a} ≠ ${b}`];
  }
  const plain = (v: unknown) => (v instanceof Map ? Object.fromEntries([...v].map(([k, x]) => [String(k), x])) : v);
  const x = plain(a);
  const y = plain(b);
  if (x && y && typeof x === 'object' && typeof y === 'object') {
    const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
    return [...keys].flatMap((k) => differences((x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k], `${at}.${k}`));
  }
  return Object.is(x, y) ? [] : [`${at}: ${JSON.stringify(x)} ≠ ${JSON.stringify(y)}`];
}

describe.each(testDbKinds())('a province of two cities on %s', (kind) => {
  let t: Awaited<ReturnType<typeof freshDatabase>>;
  let alone: ReturnType<typeof assembleOverview>;
  let aloneTrend: Awaited<ReturnType<typeof loadFundTrend>>;
  let alonePages: Awaited<ReturnType<typeof cityPages>>;
  let aloneProfile: Awaited<ReturnType<typeof loadProfileYear>>;
  beforeAll(async () => {
    t = await freshDatabase(kind, 'demo');
    alone = assembleOverview(CITY_SCOPE, CITY, { year: 2024, scheme: 'ALL', region: 'ALL' }, await loadYear(t.db, CITY, 'ALL', 2024));
    aloneTrend = await loadFundTrend(t.db, CITY, 'RESIDENT', 'ALL');
    alonePages = await cityPages(t.db, CITY);
    aloneProfile = await loadProfileYear(t.db, CITY, 'ALL', 2024, (await loadDatasetInfo(t.db))!.counties.map((c) => c.code));
    await addSecondCity(t.db, { fromPeriod: 202301, factor: FACTOR });
  }, 120_000);
  afterAll(async () => { await t?.drop(); });

  it('dataset info: the province level with both cities, or the selected city with its own counties and months', async () => {
    const province = (await loadDatasetInfo(t.db))!;
    expect(province.level).toBe('province');
    expect(province.province?.code).toBe(PROVINCE);
    expect(province.cityCode).toBe(PROVINCE);
    expect(province.counties).toEqual([]);
    expect(province.cities.map((c) => c.code).sort()).toEqual([SECOND_CITY, CITY]);
    const first = (await loadDatasetInfo(t.db, CITY))!;
    const second = (await loadDatasetInfo(t.db, SECOND_CITY))!;
    expect(first.level).toBe('city');
    expect(second.counties.map((c) => c.code)).toEqual(first.counties.map((c) => secondCode(c.code)));
    expect(first.firstPeriod).toBe(201701);
    expect(second.firstPeriod).toBe(202301);
    expect(second.years).toEqual([2023, 2024]);
    expect(second.cityName).toBe('测试二市');
  });

  it("a city's 总览 is its own rows: unchanged by the second city, which has its own", async () => {
    const first = assembleOverview(CITY_SCOPE, CITY, { year: 2024, scheme: 'ALL', region: 'ALL' }, await loadYear(t.db, CITY, 'ALL', 2024));
    expect(differences(first.tiles, alone.tiles)).toEqual([]);
    expect(first.counties.map((c) => c.code).sort()).toEqual(alone.counties.map((c) => c.code).sort());
    const second = assembleOverview(CITY_SCOPE, SECOND_CITY, { year: 2024, scheme: 'ALL', region: 'ALL' }, await loadYear(t.db, SECOND_CITY, 'ALL', 2024));
    const v = (o: typeof first, code: string) => o.tiles.find((x) => x.code === code)!.value!;
    // Every amount × 3 in the copy: balances × 3, ratios unchanged.
    expect(v(second, 'accumulated_balance')).toBeCloseTo(v(first, 'accumulated_balance') * FACTOR, 0);
    expect(v(second, 'months_of_reserve')).toBeCloseTo(v(first, 'months_of_reserve'), 8);
    expect(second.counties.every((c) => c.code === SECOND_CITY || c.code.startsWith('4398'))).toBe(true);
    expect(differences(await loadFundTrend(t.db, CITY, 'RESIDENT', 'ALL'), aloneTrend)).toEqual([]);
  });

  it("参保征缴, 预算执行 and 分级诊疗 of a city read its own rows only", async () => {
    const first = await cityPages(t.db, CITY);
    expect(differences(first, alonePages)).toEqual([]);
    const second = await cityPages(t.db, SECOND_CITY);
    expect(second.collection.now.get(SECOND_CITY)!.enrolled).toBe([...alonePages.collection.now].filter(([k]) => k !== CITY).reduce((a, [, v]) => a + Math.round(v.enrolled * FACTOR), 0));
    expect(second.tieredCounties).toEqual(alonePages.tieredCounties.map(secondCode));
    expect(second.execution.counties.map((c) => c.code).filter((c) => !c.startsWith('4398'))).toEqual([]);
    expect(second.pooling.get(SECOND_CITY)).toBe(alonePages.pooling.get(CITY));
  });

  it('the province: each city from its own rows, the total the sum of the cities, months of reserve from the sums', async () => {
    const info = (await loadDatasetInfo(t.db))!;
    const p = assembleProvinceOverview(CITY_SCOPE, info.cities, await loadProvinceYear(t.db, info.cities, 'ALL', 2024));
    expect(p.asOf).toBe(202412);
    expect(p.cities.map((c) => c.asOf)).toEqual([202412, 202412]);
    expect(p.lacking).toEqual([]);
    const first = p.cities.find((c) => c.code === CITY)!.values;
    const second = p.cities.find((c) => c.code === SECOND_CITY)!.values;
    expect(first.accumulated_balance).toBeCloseTo(alone.tiles.find((x) => x.code === 'accumulated_balance')!.value!, 2);
    expect(second.fund_income_ytd).toBeCloseTo(first.fund_income_ytd! * FACTOR, 0);
    for (const code of ['fund_income_ytd', 'fund_expense_ytd', 'current_balance', 'accumulated_balance'] as const) {
      expect(p.province.values[code]).toBeCloseTo(first[code]! + second[code]!, 0);
    }
    // (b1 + 3 b1) / ((e1 + 3 e1) / 12) equals the first city's months; an average of ratios would too here,
    // so check against the sums directly.
    expect(p.province.values.months_of_reserve).toBeCloseTo(first.months_of_reserve!, 8);
    expect(p.province.values.coverage_rate).toBeCloseTo(first.coverage_rate!, 2);
    expect(() => assembleProvinceOverview({ kind: 'county', regionCode: '439922' }, info.cities, emptyProvinceYear())).toThrow(ScopeError);
  });

  it("a county profile's months are its city's", async () => {
    const second = (await loadDatasetInfo(t.db, SECOND_CITY))!;
    const py = await loadProfileYear(t.db, SECOND_CITY, 'RESIDENT', 2023, second.counties.map((c) => c.code));
    expect(py.asOf).toBe(202312);
    expect(py.inputs.get(SECOND_CITY)!.enrolled).toBeGreaterThan(0);
  });

  it("a county profile reads its own city's rows only (narrowed in SQL: no other city's region in its inputs)", async () => {
    const first = (await loadDatasetInfo(t.db, CITY))!;
    const py = await loadProfileYear(t.db, CITY, 'ALL', 2024, first.counties.map((c) => c.code));
    expect([...py.inputs.keys()].filter((k) => k !== CITY && !first.counties.some((c) => c.code === k))).toEqual([]);
    expect(differences(py, aloneProfile)).toEqual([]);
    const second = (await loadDatasetInfo(t.db, SECOND_CITY))!;
    const py2 = await loadProfileYear(t.db, SECOND_CITY, 'ALL', 2024, second.counties.map((c) => c.code));
    expect([...py2.inputs.keys()].filter((k) => k !== SECOND_CITY && !second.counties.some((c) => c.code === k))).toEqual([]);
    // …and every row of its own: the copy's amounts are the first city's × 3 (its city pool on the city's own code)
    const [a, b] = [py.inputs.get(CITY)!, py2.inputs.get(SECOND_CITY)!];
    for (const k of ['incomeYtd', 'expenseYtd', 'incomePlan', 'cityPool', 'trailing12IncomeLastYear', 'totalCost', 'remittanceDueAmount'] as const) {
      expect(a[k], k).toBeGreaterThan(0);
      expect(b[k], k).toBeCloseTo(a[k] * FACTOR, 0);
    }
    // the second city registered no standards: missing, not the first city's
    expect(py2.standards).toEqual({ individualStandard: null, nationalMinIndividual: null, subsidyStandard: null });
    expect(b.disposableIncome).toBeNull();
  });

  it('a county user is bound to its city and refused another', async () => {
    const info = (await loadDatasetInfo(t.db))!;
    const county = { kind: 'county' as const, regionCode: '439922' };
    expect(selectCity(info.cities, {}, county)).toBe(CITY);
    expect(selectCity(info.cities, { city: CITY }, county)).toBe(CITY);
    expect(() => selectCity(info.cities, { city: SECOND_CITY }, county)).toThrow(ScopeError);
    expect(selectCity(info.cities, {}, CITY_SCOPE)).toBeNull();
    expect(selectCity(info.cities, { city: SECOND_CITY }, CITY_SCOPE)).toBe(SECOND_CITY);
    expect(selectCity(info.cities, { region: '439822' }, CITY_SCOPE)).toBe(SECOND_CITY);
    // another county named by region= (its own city's, or the other city's) or county= (考核): refused, as
    // /counties/<other> is — never its own county's page with every section failing
    expect(() => selectCity(info.cities, { region: '439921' }, county)).toThrow(ScopeError);
    expect(() => selectCity(info.cities, { region: '439822' }, county)).toThrow(ScopeError);
    expect(() => selectCity(info.cities, { county: '439921' }, county)).toThrow(ScopeError);
    expect(() => selectCity(info.cities, { region: CITY }, county)).toThrow(ScopeError);
    expect(selectCity(info.cities, { region: '439922' }, county)).toBe(CITY);
    // a route handler (a report download, the 考核 export) answers 403
    const denied = cityForRoute(info.cities, { region: '439921' }, county);
    expect(denied instanceof Response && denied.status).toBe(403);
    // its region select offers its own county only
    const first = (await loadDatasetInfo(t.db, CITY))!;
    expect(selectableCounties(first.counties, county).map((c) => c.code)).toEqual(['439922']);
    expect(selectableCounties(first.counties, CITY_SCOPE)).toHaveLength(first.counties.length);
  });

  it('a city user bound to a city: that city only, never the province level nor the other city', async () => {
    const info = (await loadDatasetInfo(t.db))!;
    const own = { kind: 'city' as const, cityCode: CITY };
    const other = { kind: 'city' as const, cityCode: SECOND_CITY };
    expect(selectCity(info.cities, {}, own)).toBe(CITY);
    expect(selectCity(info.cities, {}, other)).toBe(SECOND_CITY);
    expect(() => selectCity(info.cities, { city: SECOND_CITY }, own)).toThrow(ScopeError);
    // a county of the other city named by region=: refused, not their own city shown instead
    expect(() => selectCity(info.cities, { region: '439822' }, own)).toThrow(ScopeError);
    expect(() => selectCity(info.cities, { region: SECOND_CITY }, own)).toThrow(ScopeError);
    expect(selectCity(info.cities, { region: '439822' }, other)).toBe(SECOND_CITY);
    expect(selectCity(info.cities, { region: '439922' }, own)).toBe(CITY);
    // a city's 总览 link names it among several cities
    expect(cityOverviewHref(info.cities, CITY)).toBe(`/?city=${CITY}`);
    // the queries refuse another city's figures and the province comparison even if a page asked
    const y = await loadYear(t.db, CITY, 'ALL', 2024);
    // their own city: what the city analyst sees of it
    expect(assembleOverview(own, CITY, { year: 2024, scheme: 'ALL', region: 'ALL' }, y)).toEqual(assembleOverview(CITY_SCOPE, CITY, { year: 2024, scheme: 'ALL', region: 'ALL' }, y));
    expect(() => assembleOverview(other, CITY, { year: 2024, scheme: 'ALL', region: 'ALL' }, y)).toThrow(ScopeError);
    expect(() => assembleProvinceOverview(own, info.cities, emptyProvinceYear())).toThrow(ScopeError);
    // a region's city, as the stored rows say
    expect(await cityOfStoredRegion(t.db, '439822')).toBe(SECOND_CITY);
    expect(await cityOfStoredRegion(t.db, CITY)).toBe(CITY);
    expect(await cityOfStoredRegion(t.db, PROVINCE)).toBeNull();
    expect(await cityOfStoredRegion(t.db, '000000')).toBeNull();
  });

  it("a bound city user: another city's report editions and regions are refused", async () => {
    const other = { kind: 'city' as const, cityCode: SECOND_CITY };
    const own = { kind: 'city' as const, cityCode: CITY };
    // the monthly report of another city's county or city
    await expect(gatherReport(t.db, other, { period: 202412, regionCode: '439922' })).rejects.toThrow(ScopeError);
    await expect(gatherReport(t.db, other, { period: 202412, regionCode: CITY })).rejects.toThrow(ScopeError);
    // 地区层级: the province and their own city with its counties, nothing of the other city
    const tree = (await loadRegionTree(t.db, own)).map((n) => n.code);
    expect(tree).toContain(PROVINCE);
    expect(tree).toContain(CITY);
    expect(tree).toContain('439922');
    expect(tree.filter((c) => c.startsWith('4398'))).toEqual([]);
    expect((await loadRegionTree(t.db, CITY_SCOPE)).map((n) => n.code)).toContain('439822');
    await expect(loadRegionAnnual(t.db, own, '439822')).rejects.toThrow(ScopeError);
    await expect(loadRegionAnnual(t.db, own, SECOND_CITY)).rejects.toThrow(ScopeError);
    expect((await loadRegionAnnual(t.db, own, PROVINCE))?.children.map((c) => c.code)).toEqual([CITY]);
    expect((await loadRegionAnnual(t.db, own, '439922'))?.region.code).toBe('439922');
  });

  it('县域画像 and 总览 of a city show the same plan: the version in force at the as-of month, not a later adjustment', async () => {
    const second = (await loadDatasetInfo(t.db, SECOND_CITY))!;
    const codes = [SECOND_CITY, ...second.counties.map((c) => c.code)];
    const before = await loadProfileYear(t.db, SECOND_CITY, 'ALL', 2024, codes.slice(1));
    expect(before.asOf).toBe(202412);
    const inForce = (await t.db.prisma.budgetVersion.findMany({ where: { year: 2024 }, orderBy: { seq: 'desc' } }))[0];
    expect(inForce.approvedOn <= '2024-12-31').toBe(true);
    const lines = await t.db.prisma.budgetLine.findMany({ where: { versionId: inForce.id } });
    // An adjustment of 2024 approved in February 2025, every line doubled: the latest version of the year, not
    // yet in force at 2024-12 (versionInForce), so neither page may read it.
    const adj = await t.db.prisma.budgetVersion.create({
      data: { year: 2024, seq: inForce.seq + 1, kind: 'ADJUSTMENT', docNo: '测试〔2025〕3号', approvedOn: '2025-02-10', reason: '年度终了后批准的调整（测试）', batchId: inForce.batchId },
    });
    try {
      await t.db.prisma.budgetLine.createMany({ data: lines.map(({ id: _id, versionId: _v, ...l }) => ({ ...l, versionId: adj.id, amount: l.amount * 2 })) });
      const profile = await loadProfileYear(t.db, SECOND_CITY, 'ALL', 2024, codes.slice(1));
      const overview = await loadYear(t.db, SECOND_CITY, 'ALL', 2024);
      expect(profile.inputs.get(SECOND_CITY)!.incomePlan).toBeGreaterThan(0);
      // every region with a plan on 总览 (a functional zone may have none) shows the same plan on 县域画像
      const planned = codes.filter((code) => overview.now.get(code)?.incomePlan != null);
      expect(planned.length).toBeGreaterThan(2);
      for (const code of planned) {
        for (const k of ['incomePlan', 'expensePlan'] as const) {
          const shown = profile.inputs.get(code)![k];
          expect(shown, `${code} ${k}`).toBeCloseTo(before.inputs.get(code)![k], 2);
          expect(shown, `${code} ${k} = 总览`).toBeCloseTo(overview.now.get(code)![k]!, 2);
        }
      }
    } finally {
      await t.db.prisma.budgetLine.deleteMany({ where: { versionId: adj.id } });
      await t.db.prisma.budgetVersion.delete({ where: { id: adj.id } });
    }
  });
  // Last: it deletes the second city's last month.
  it("a city whose data end a month earlier is measured at its own month, not shown as missing; the province's total at the month both have", async () => {
    const info = (await loadDatasetInfo(t.db))!;
    const codes = (await poolRegionCodes(t.db, SECOND_CITY))!;
    const where = { regionCode: { in: codes }, period: 202412 };
    await t.db.prisma.ledgerFact.deleteMany({ where });
    await t.db.prisma.balanceFact.deleteMany({ where });
    await t.db.prisma.enrollmentFact.deleteMany({ where });
    await t.db.prisma.contributionFact.deleteMany({ where });
    await t.db.prisma.utilizationRollup.deleteMany({ where: { insuredRegionCode: { in: codes }, period: 202412 } });
    for (const year of [2024, 'latest'] as const) {
      const p = assembleProvinceOverview(CITY_SCOPE, info.cities, await loadProvinceYear(t.db, info.cities, 'ALL', year));
      const first = p.cities.find((c) => c.code === CITY)!;
      const second = p.cities.find((c) => c.code === SECOND_CITY)!;
      expect([first.asOf, second.asOf], String(year)).toEqual([202412, 202411]);
      // The second city's row is its own 总览 at its own month (asOfPeriod of its rows: November), nothing missing.
      const own = assembleOverview(CITY_SCOPE, SECOND_CITY, { year: 2024, scheme: 'ALL', region: 'ALL' }, await loadYear(t.db, SECOND_CITY, 'ALL', 2024));
      expect(own.asOf).toBe(202411);
      for (const code of ['accumulated_balance', 'months_of_reserve', 'coverage_rate'] as const) {
        expect(second.values[code], code).not.toBeNull();
        expect(second.values[code], code).toBeCloseTo(own.tiles.find((x) => x.code === code)!.value!, 2);
      }
      const ownNov = computeCityComparison((await loadKpiInputs(t.db, SECOND_CITY, 'ALL', 202411)).get(SECOND_CITY)!);
      expect(differences(second.values, ownNov)).toEqual([]);
      expect(second.previous.accumulated_balance).not.toBeNull();
      // The first city stays at December.
      expect(first.values.accumulated_balance).toBeCloseTo(alone.tiles.find((x) => x.code === 'accumulated_balance')!.value!, 2);
      // The province: both cities at November (never December's first city beside November's second).
      expect(p.asOf).toBe(202411);
      expect(p.lacking).toEqual([]);
      const nov = computeCityComparison((await loadKpiInputs(t.db, CITY, 'ALL', 202411)).get(CITY)!);
      for (const code of ['fund_income_ytd', 'fund_expense_ytd', 'accumulated_balance'] as const) {
        expect(p.province.values[code], code).toBeCloseTo(nov[code]! + second.values[code]!, 0);
      }
    }
    // A year in which only the first city has data: the second is lacking (missing, never 0) and out of the total.
    const y2019 = assembleProvinceOverview(CITY_SCOPE, info.cities, await loadProvinceYear(t.db, info.cities, 'ALL', 2019));
    expect(y2019.lacking).toEqual([SECOND_CITY]);
    const s19 = y2019.cities.find((c) => c.code === SECOND_CITY)!;
    expect(s19.asOf).toBeNull();
    expect(s19.values.accumulated_balance).toBeNull();
    expect(y2019.province.values.accumulated_balance).toBeCloseTo(y2019.cities.find((c) => c.code === CITY)!.values.accumulated_balance!, 2);
  }, 120_000);
});
