// The monthly report in a warehouse holding two cities (设区市), in SQLite and PostgreSQL: every city and each
// of its counties has an edition; an edition belongs to its own city (its name, its counties, its warnings);
// a county user is refused another county's and another city's editions; complete months are per city; a city
// user bound to a city generates and follows that city's editions only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, testDbKinds, type TestDbKind } from '../testing/databases';
import { addSecondCity, CITY_B, CITY_B_EXPENSE, CITY_B_INCOME, CITY_B_NAME, COUNTY_B, COUNTY_B_NAME } from '../testing/smallSecondCity';
import type { Db } from '../db';
import { evaluateWarnings } from '../risk/evaluate';
import { ScopeError } from '../queries/scope';
import { gatherReport } from './gather';
import { completeMonths, completeMonthsByCity, editionCodes, editionCodesWithData, loadPools, reportEditions } from './months';
import { generationCity, jobCity, type ReportViewer } from './access';
import { getReportJob, recentReportJobs, recordReportJob } from './jobs';
import type { ReportFigures } from './types';

const CITY_A = '439900';
const P = 202412;
const CITY_SCOPE = { kind: 'city' as const };

describe.each(testDbKinds())('monthly report with two cities (%s)', (kind: TestDbKind) => {
  let db: Db;
  let drop: () => Promise<void>;
  let cityB: ReportFigures;
  let countyB: ReportFigures;

  beforeAll(async () => {
    ({ db, drop } = await freshDatabase(kind, 'demo'));
    await addSecondCity(db);
    await evaluateWarnings(db, { trigger: 'SCRIPT', actor: 'test' });
    cityB = await gatherReport(db, CITY_SCOPE, { period: P, regionCode: CITY_B });
    countyB = await gatherReport(db, CITY_SCOPE, { period: P, regionCode: COUNTY_B });
  }, 180_000);
  afterAll(async () => drop?.());

  it('lists the editions of each city: the city first, then its counties', async () => {
    const eds = await reportEditions(db);
    expect(eds.map((e) => e.cityCode)).toEqual([CITY_A, CITY_B]);
    expect(eds[0].codes[0]).toBe(CITY_A);
    expect(eds[0].codes).toHaveLength(9); // 江临市, six county-level units and two functional zones
    expect(eds[1]).toEqual({ cityCode: CITY_B, cityName: CITY_B_NAME, codes: [CITY_B, COUNTY_B] });
    expect(await editionCodes(db)).toEqual([...eds[0].codes, CITY_B, COUNTY_B]);
    expect(await editionCodes(db, CITY_B)).toEqual([CITY_B, COUNTY_B]);
    // A month city B has no data for has no city B editions (a generation run makes the demo city's only).
    expect(await editionCodesWithData(db, P)).toEqual(await editionCodes(db));
    expect(await editionCodesWithData(db, 201812)).toEqual(eds[0].codes);
  });

  it("city B's edition is city B's: its name, its county table, its warnings", () => {
    expect(cityB).toMatchObject({ edition: 'city', cityCode: CITY_B, cityName: CITY_B_NAME, regionCode: CITY_B, regionName: `${CITY_B_NAME}（全市）`, dataThrough: P });
    expect(cityB.counties.map((c) => c.code)).toEqual([CITY_B, COUNTY_B]);
    expect(cityB.warnings.open.length).toBeGreaterThan(0);
    expect(cityB.warnings.open.every((w) => w.regionName === `${CITY_B_NAME}（全市）` || w.regionName === COUNTY_B_NAME)).toBe(true);
    expect(cityB.warnings.open.some((w) => w.ruleName === '累计结余可支付月数')).toBe(true);
    // Months of reserve in the report's chart: city B's resident fund alone (累计结余 ÷ 近12个月支出 × 12 = 4);
    // city B has no employee or maternity fund, so none is projected for it.
    expect(cityB.reserveSeries.at(-1)).toMatchObject({ period: P, RESIDENT: 4, EMPLOYEE: null, MATERNITY: null });
    expect(cityB.projection.every((p) => p.scheme === 'RESIDENT')).toBe(true);
  });

  it("the county edition sits in its own city and states the county's own figures", () => {
    expect(countyB).toMatchObject({ edition: 'county', cityCode: CITY_B, regionCode: COUNTY_B, regionName: COUNTY_B_NAME });
    expect(countyB.counties.map((c) => c.code)).toEqual([CITY_B, COUNTY_B]);
    // 当期结余 of 2024-01..12 from the county's own rows: 12 × (premiums − benefits).
    expect(countyB.figures[`current_balance@${COUNTY_B}:${P}`].value).toBeCloseTo(12 * (CITY_B_INCOME - CITY_B_EXPENSE), 6);
  });

  it("the demo city's edition lists none of city B's warnings", async () => {
    const a = await gatherReport(db, CITY_SCOPE, { period: P, regionCode: CITY_A });
    expect(a.cityCode).toBe(CITY_A);
    expect(a.counties.map((c) => c.code)).not.toContain(COUNTY_B);
    for (const list of [a.warnings.open, a.warnings.raised, a.warnings.cleared]) {
      expect(list.some((w) => w.regionName === `${CITY_B_NAME}（全市）` || w.regionName === COUNTY_B_NAME)).toBe(false);
    }
  }, 60_000);

  it("a county user is refused another city's editions and another county's", async () => {
    const demoCounty = { kind: 'county' as const, regionCode: '439923' };
    await expect(gatherReport(db, demoCounty, { period: P, regionCode: COUNTY_B })).rejects.toThrow(ScopeError);
    await expect(gatherReport(db, demoCounty, { period: P, regionCode: CITY_B })).rejects.toThrow(ScopeError);
    const own = { kind: 'county' as const, regionCode: COUNTY_B };
    await expect(gatherReport(db, own, { period: P, regionCode: '439923' })).rejects.toThrow(ScopeError);
    await expect(gatherReport(db, own, { period: P, regionCode: CITY_A })).rejects.toThrow(ScopeError);
    expect((await gatherReport(db, own, { period: P, regionCode: COUNTY_B })).regionCode).toBe(COUNTY_B);
  }, 60_000);

  it('a month is complete per city: a month only city B has is generated for city B alone', async () => {
    expect(await completeMonthsByCity(db, [P])).toEqual([
      { cityCode: CITY_A, codes: await editionCodes(db, CITY_A), months: [P] },
      { cityCode: CITY_B, codes: [CITY_B, COUNTY_B], months: [P] },
    ]);
    const batchId = (await db.prisma.importBatch.findFirstOrThrow({ select: { id: true } })).id;
    await db.prisma.ledgerFact.create({ data: { regionCode: COUNTY_B, schemeCode: 'RESIDENT', account: 'POOL', period: 202501, item: 'PREMIUM', amount: 1, batchId } });
    expect(await completeMonthsByCity(db, [202501])).toEqual([{ cityCode: CITY_B, codes: [CITY_B, COUNTY_B], months: [202501] }]);
    expect(await completeMonths(db, [202501])).toEqual([]);
    expect(await completeMonths(db, [202501], CITY_B)).toEqual([202501]);
    expect(await completeMonths(db, [P, 202501])).toEqual([P]);
  });

  it("generation: a bound city user starts their own city's run only, never every city's nor another city's", async () => {
    const pools = await loadPools(db);
    const boundA: ReportViewer = { role: 'city', scope: { kind: 'city', cityCode: CITY_A } };
    const province: ReportViewer = { role: 'city', scope: { kind: 'city' } };
    const admin: ReportViewer = { role: 'admin', scope: { kind: 'city' } };
    // asking for no city: their own (not every city's)
    expect(generationCity(boundA, pools, null)).toBe(CITY_A);
    expect(generationCity(boundA, pools, CITY_A)).toBe(CITY_A);
    expect(() => generationCity(boundA, pools, CITY_B)).toThrow(ScopeError);
    expect(() => generationCity(boundA, pools, '999900')).toThrow(ScopeError);
    // a province-level analyst or admin: any city, or every city by asking for none; not a city the warehouse lacks
    expect(generationCity(province, pools, CITY_B)).toBe(CITY_B);
    expect(generationCity(province, pools, null)).toBeNull();
    expect(generationCity(admin, pools, null)).toBeNull();
    expect(() => generationCity(province, pools, '999900')).toThrow(ScopeError);
    // county users generate nothing, of their own city or not
    expect(() => generationCity({ role: 'county', scope: { kind: 'county', regionCode: COUNTY_B } }, pools, CITY_B)).toThrow(ScopeError);
    expect(() => generationCity({ role: 'county', scope: { kind: 'county', regionCode: '439923' } }, pools, null)).toThrow(ScopeError);
  });

  it("generation progress: a bound city user follows their own city's jobs only; a province-level analyst every job", async () => {
    const pools = await loadPools(db);
    const by = { trigger: 'MANUAL' as const, by: '测试' };
    const a = await recordReportJob(db, { periods: [P], cityCode: CITY_A, ...by });
    const all = await recordReportJob(db, { periods: [P], cityCode: null, ...by });
    const b = await recordReportJob(db, { periods: [P], cityCode: CITY_B, ...by });
    const boundB = jobCity({ role: 'city', scope: { kind: 'city', cityCode: CITY_B } }, pools);
    expect(boundB).toBe(CITY_B);
    expect((await recentReportJobs(db, 10, boundB)).map((j) => [j.id, j.cityCode])).toEqual([[b.id, CITY_B]]);
    expect(await getReportJob(db, a.id, boundB)).toBeNull();
    expect(await getReportJob(db, all.id, boundB)).toBeNull();
    expect((await getReportJob(db, b.id, boundB))?.cityCode).toBe(CITY_B);
    const province = jobCity({ role: 'city', scope: { kind: 'city' } }, pools);
    expect(province).toBeNull();
    expect((await recentReportJobs(db, 3, province)).map((j) => j.id)).toEqual([b.id, all.id, a.id]);
    expect((await getReportJob(db, a.id, province))?.cityCode).toBe(CITY_A);
    expect(() => jobCity({ role: 'county', scope: { kind: 'county', regionCode: COUNTY_B } }, pools)).toThrow(ScopeError);
  });
});
