// 参保征缴 queries against the demo city in SQLite and PostgreSQL, checked with independent SQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDb, testDbKinds } from '../../testing/databases';
import type { Db } from '../../db';
import { CITY_SCOPE, ScopeError, type Scope } from '../scope';
import { sqlNumber } from '../budget/independentSql';
import { loadCoverageByCounty } from './getCoverageByCounty';
import { loadCollectionBySource } from './getCollectionBySource';
import { loadCollectionKpis } from './getCollectionKpis';
import { loadSubsidisedEnrolment } from './getSubsidisedEnrolment';
import { loadDuplicateEnrolment } from './getDuplicateEnrolment';
import { loadContributionStandards } from './getContributionStandards';
import { loadEnrolmentTrend } from './getEnrolmentTrend';
import { loadCollectionProgress } from './getCollectionProgress';

const CITY = '439900';
const TAOYUAN = '439923';
const SHIMEN = '439922';

describe.each(testDbKinds())('参保征缴 queries on %s', (kind) => {
  let db: Db;
  beforeAll(() => { db = demoDb(kind); });
  afterAll(async () => { await db.close(); });

  const coverageSql = (region: string | null, schemes: string[], period: number) => sqlNumber(db,
    `SELECT SUM("enrolled") * 1.0 / SUM("shouldEnroll") FROM "EnrollmentFact" WHERE "period" = ? AND "schemeCode" IN (${schemes.map(() => '?').join(',')})${region ? ' AND "regionCode" = ?' : ''}`,
    [period, ...schemes, ...(region ? [region] : [])]);
  const collectionSql = (region: string | null, schemes: string[], from: number, to: number, source?: string) => sqlNumber(db,
    `SELECT SUM("collected") / SUM("due") FROM "ContributionFact" WHERE "period" BETWEEN ? AND ? AND "schemeCode" IN (${schemes.map(() => '?').join(',')})${region ? ' AND "regionCode" = ?' : ''}${source ? ' AND "source" = ?' : ''}`,
    [from, to, ...schemes, ...(region ? [region] : []), ...(source ? [source] : [])]);

  it('coverage and collection per county (2024, resident) equal the SQL figures; the city row is the total', async () => {
    const r = await loadCoverageByCounty(db, CITY_SCOPE, CITY, { year: 2024, scheme: 'RESIDENT', region: 'ALL' });
    expect(r.asOf).toBe(202412);
    expect(r.rows[0].code).toBe(CITY);
    expect(r.rows).toHaveLength(9);
    for (const row of r.rows) {
      const region = row.code === CITY ? null : row.code;
      expect(row.coverage).toBeCloseTo(await coverageSql(region, ['RESIDENT'], 202412), 10);
      expect(row.collectionRate).toBeCloseTo(await collectionSql(region, ['RESIDENT'], 202401, 202412), 10);
    }
    const taoyuan = r.rows.find((x) => x.code === TAOYUAN)!;
    const delivery = await collectionSql(TAOYUAN, ['RESIDENT'], 202401, 202412, 'SUBSIDY_COUNTY');
    expect(taoyuan.countySubsidyDelivery).toBeCloseTo(delivery, 10);
    // The story: 桃源县 pays about 58% of its county subsidy share from 2021.
    expect(taoyuan.countySubsidyDelivery!).toBeGreaterThan(0.5);
    expect(taoyuan.countySubsidyDelivery!).toBeLessThan(0.65);
    expect(taoyuan.countySubsidyStatus).toBe('bad');
    expect(r.coverageTarget).toBe(0.95);
  });

  it('scheme ALL: coverage counts employees and residents (not maternity), collection every scheme', async () => {
    const r = await loadCoverageByCounty(db, CITY_SCOPE, CITY, { year: 2021, scheme: 'ALL', region: 'ALL' });
    expect(r.rows[0].coverage).toBeCloseTo(await coverageSql(null, ['EMPLOYEE', 'RESIDENT'], 202112), 10);
    expect(r.rows[0].collectionRate).toBeCloseTo(await collectionSql(null, ['EMPLOYEE', 'RESIDENT', 'MATERNITY'], 202101, 202112), 10);
  });

  it('KPI tiles for 桃源县 2023 (resident): coverage, county subsidy delivery, enrolment yoy, the standard gap', async () => {
    const k = await loadCollectionKpis(db, CITY_SCOPE, CITY, { year: 2023, scheme: 'RESIDENT', region: TAOYUAN });
    const tile = (c: string) => k.tiles.find((t) => t.code === c)!;
    expect(tile('coverage_rate').value).toBeCloseTo(await coverageSql(TAOYUAN, ['RESIDENT'], 202312), 10);
    expect(tile('coverage_rate').previous).toBeCloseTo(await coverageSql(TAOYUAN, ['RESIDENT'], 202212), 10);
    expect(tile('subsidy_delivery_rate').value).toBeCloseTo(await collectionSql(TAOYUAN, ['RESIDENT'], 202301, 202312, 'SUBSIDY_COUNTY'), 10);
    const e23 = await sqlNumber(db, `SELECT SUM("enrolled") FROM "EnrollmentFact" WHERE "period" = 202312 AND "schemeCode" = 'RESIDENT' AND "regionCode" = ?`, [TAOYUAN]);
    const e22 = await sqlNumber(db, `SELECT SUM("enrolled") FROM "EnrollmentFact" WHERE "period" = 202212 AND "schemeCode" = 'RESIDENT' AND "regionCode" = ?`, [TAOYUAN]);
    expect(tile('enrollment_yoy').value).toBeCloseTo(e23 / e22 - 1, 12);
    expect(tile('resident_contribution_gap').value).toBe(350 - 380);
    const subsidy = await sqlNumber(db, `SELECT SUM("collected") FROM "ContributionFact" WHERE "period" BETWEEN 202301 AND 202312 AND "schemeCode" = 'RESIDENT' AND "source" LIKE 'SUBSIDY_%' AND "regionCode" = ?`, [TAOYUAN]);
    expect(tile('subsidy_per_capita').value).toBeCloseTo(subsidy / e23, 8);
  });

  it('collection by source: the county level is 桃源县’s shortfall; other levels are delivered', async () => {
    const r = await loadCollectionBySource(db, CITY_SCOPE, CITY, { year: 2022, scheme: 'RESIDENT', region: TAOYUAN });
    const bySource = new Map(r.sources.map((s) => [s.source, s]));
    expect([...bySource.keys()]).toEqual(['INDIVIDUAL', 'SUBSIDY_CENTRAL', 'SUBSIDY_PROVINCE', 'SUBSIDY_CITY', 'SUBSIDY_COUNTY']);
    const due = await sqlNumber(db, `SELECT SUM("due") FROM "ContributionFact" WHERE "period" BETWEEN 202201 AND 202212 AND "schemeCode" = 'RESIDENT' AND "source" = 'SUBSIDY_COUNTY' AND "regionCode" = ?`, [TAOYUAN]);
    const col = await sqlNumber(db, `SELECT SUM("collected") FROM "ContributionFact" WHERE "period" BETWEEN 202201 AND 202212 AND "schemeCode" = 'RESIDENT' AND "source" = 'SUBSIDY_COUNTY' AND "regionCode" = ?`, [TAOYUAN]);
    expect(bySource.get('SUBSIDY_COUNTY')!.gap).toBeCloseTo(due - col, 4);
    expect(bySource.get('SUBSIDY_CENTRAL')!.rate).toBeCloseTo(1, 10);
    const shares = r.sources.reduce((a, s) => a + (s.share ?? 0), 0);
    expect(shares).toBeCloseTo(1, 10);
    const row = r.counties.find((c) => c.code === TAOYUAN)!;
    expect(row.delivery.SUBSIDY_COUNTY).toBeCloseTo(col / due, 10);
    expect(row.delivery.INDIVIDUAL).toBeNull();
  });

  it('subsidised enrolment and poverty coverage; duplicates per county and year-end series', async () => {
    const s = await loadSubsidisedEnrolment(db, CITY_SCOPE, CITY, { year: 2024, scheme: 'RESIDENT', region: 'ALL' });
    const city = s.rows[0];
    const extreme = await sqlNumber(db, `SELECT SUM("subsidisedExtreme") FROM "EnrollmentFact" WHERE "period" = 202412 AND "schemeCode" = 'RESIDENT'`);
    expect(city.extreme).toBe(extreme);
    const pov = await sqlNumber(db, `SELECT SUM("subsidisedExtreme" + "subsidisedMinLiving" + "subsidisedMonitored" + "subsidisedOther") * 1.0 / SUM("povertyShouldEnroll") FROM "EnrollmentFact" WHERE "period" = 202412 AND "schemeCode" = 'RESIDENT' AND "regionCode" = ?`, [SHIMEN]);
    expect(s.rows.find((r) => r.code === SHIMEN)!.povertyCoverage).toBeCloseTo(pov, 10);

    const d = await loadDuplicateEnrolment(db, CITY_SCOPE, CITY, { year: 2024, scheme: 'RESIDENT', region: 'ALL' });
    const dup2018 = await sqlNumber(db, `SELECT SUM("duplicates") * 1.0 / SUM("enrolled") FROM "EnrollmentFact" WHERE "period" = 201812 AND "schemeCode" = 'RESIDENT'`);
    expect(d.series.find((x) => x.year === 2018)!.rate).toBeCloseTo(dup2018, 12);
    expect(d.series).toHaveLength(8);
    // duplicates fall once the national platform screens them (医保函〔2023〕73号)
    expect(d.series[7].rate!).toBeLessThan(d.series[0].rate! / 4);
  });

  it('contribution standards: below the national minimum from 2020 (250 vs 280, 280 vs 320, 320 vs 350)', async () => {
    const s = await loadContributionStandards(db, CITY_SCOPE, CITY, 2022, 'ALL');
    const y = (year: number) => s.years.find((r) => r.year === year)!;
    expect(y(2019).gap).toBe(0);
    expect([y(2020).gap, y(2021).gap, y(2022).gap]).toEqual([-30, -40, -30]);
    expect(y(2020).gapStatus).toBe('bad');
    expect(y(2021).growth).toBeCloseTo(0.12, 12);
    expect(y(2022).ratio).toBeCloseTo(610 / 320, 12);
    expect(s.counties).toHaveLength(8);
    const inc = await sqlNumber(db, `SELECT "amount" FROM "PolicyStandard" WHERE "year" = 2022 AND "item" = 'DISPOSABLE_INCOME' AND "regionCode" = ?`, [SHIMEN]);
    expect(s.counties.find((c) => c.code === SHIMEN)!.share).toBeCloseTo(320 / inc, 12);
  });

  it('enrolment trend: 石门县 is flagged every year its standard rose (2021–2024); the flags match SQL year-ends', async () => {
    const t = await loadEnrolmentTrend(db, CITY_SCOPE, CITY, 2024, SHIMEN);
    expect(t.series.map((r) => r.year)).toEqual([2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    for (const r of t.series.filter((x) => x.year >= 2018)) {
      const now = await sqlNumber(db, `SELECT SUM("enrolled") FROM "EnrollmentFact" WHERE "period" = ? AND "schemeCode" = 'RESIDENT' AND "regionCode" = ?`, [r.year * 100 + 12, SHIMEN]);
      const before = await sqlNumber(db, `SELECT SUM("enrolled") FROM "EnrollmentFact" WHERE "period" = ? AND "schemeCode" = 'RESIDENT' AND "regionCode" = ?`, [(r.year - 1) * 100 + 12, SHIMEN]);
      expect(r.enrollmentYoy).toBeCloseTo(now / before - 1, 12);
    }
    const flagged = t.series.filter((r) => r.flag).map((r) => [r.year, r.flag!.status]);
    expect(flagged).toEqual([[2021, 'bad'], [2022, 'bad'], [2023, 'bad'], [2024, 'bad']]);
    // 2020: the standard did not rise (250 → 250), so no flag even where enrolment moved
    expect(t.series.find((r) => r.year === 2020)!.flag).toBeNull();
    // 石门县 is the county with the most severe flags
    const bad = t.flagged.filter((r) => r.flag!.status === 'bad').map((r) => r.code);
    expect(new Set(bad)).toEqual(new Set([SHIMEN]));
  });

  it('collection progress: the December cumulative equals the year, resident individual premiums mostly in Q1', async () => {
    const p = await loadCollectionProgress(db, CITY_SCOPE, { year: 2023, scheme: 'RESIDENT', region: SHIMEN });
    expect(p.points).toHaveLength(12);
    const col = await sqlNumber(db, `SELECT SUM("collected") FROM "ContributionFact" WHERE "period" BETWEEN 202301 AND 202312 AND "schemeCode" = 'RESIDENT' AND "regionCode" = ?`, [SHIMEN]);
    const due = await sqlNumber(db, `SELECT SUM("due") FROM "ContributionFact" WHERE "period" BETWEEN 202301 AND 202312 AND "schemeCode" = 'RESIDENT' AND "regionCode" = ?`, [SHIMEN]);
    expect(p.points[11].cumulativeCollected).toBeCloseTo(col, 4);
    expect(p.annualDue).toBeCloseTo(due, 4);
    expect(p.points[11].progress).toBeCloseTo(col / due, 10);
    const q1 = await sqlNumber(db, `SELECT SUM("collected") FROM "ContributionFact" WHERE "period" BETWEEN 202301 AND 202303 AND "schemeCode" = 'RESIDENT' AND "regionCode" = ?`, [SHIMEN]);
    expect(p.points[2].cumulativeCollected).toBeCloseTo(q1, 4);
  });

  it('scope: a county sees its own rows and the city total, and may not ask for another county', async () => {
    const county: Scope = { kind: 'county', regionCode: TAOYUAN };
    const r = await loadCoverageByCounty(db, county, CITY, { year: 2024, scheme: 'RESIDENT', region: 'ALL' });
    expect(r.rows.map((x) => x.code)).toEqual([CITY, TAOYUAN]);
    await expect(loadCollectionKpis(db, county, CITY, { year: 2024, scheme: 'RESIDENT', region: SHIMEN })).rejects.toBeInstanceOf(ScopeError);
    await expect(loadCoverageByCounty(db, { kind: 'public' }, CITY, { year: 2024, scheme: 'RESIDENT', region: 'ALL' })).rejects.toBeInstanceOf(ScopeError);
  });

  it('a year without data is empty, not an error', async () => {
    const r = await loadCoverageByCounty(db, CITY_SCOPE, CITY, { year: 2030, scheme: 'RESIDENT', region: 'ALL' });
    expect(r.asOf).toBeNull();
    expect(r.rows).toEqual([]);
  });
});
