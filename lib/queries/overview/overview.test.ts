// 总览 figures on both databases equal an independent SQL computation from the same facts.
import { afterAll, describe, expect, it } from 'vitest';
import { demoDb, testDbKinds } from '../../testing/databases';
import type { Db } from '../../db';
import { assembleOverview, loadYear } from './getOverview';
import { loadFundTrend } from './getFundTrend';
import { CITY_SCOPE, ScopeError } from '../scope';

const CITY = '439900';
async function num(db: Db, sql: string): Promise<number> {
  const rows = await db.prisma.$queryRawUnsafe<Record<string, unknown>[]>(sql);
  return Number(Object.values(rows[0])[0]);
}

describe.each(testDbKinds())('总览 queries on %s', (kind) => {
  const db = demoDb(kind);
  afterAll(() => db.close());

  for (const [year, scheme, list] of [[2024, 'RESIDENT', `'RESIDENT'`], [2019, 'ALL', `'EMPLOYEE','RESIDENT','MATERNITY'`]] as const) {
    it(`${year} ${scheme}: tiles equal independent SQL`, async () => {
      const y = await loadYear(db, CITY, scheme, year);
      const o = assembleOverview(CITY_SCOPE, CITY, { year, scheme, region: 'ALL' }, y);
      const v = Object.fromEntries(o.tiles.map((t) => [t.code, t.value]));
      const covList = scheme === 'ALL' ? `'EMPLOYEE','RESIDENT'` : list;
      const asOf = year * 100 + 12;
      expect(o.asOf).toBe(asOf);
      expect(v.coverage_rate).toBeCloseTo(await num(db, `SELECT CAST(SUM("enrolled") AS DOUBLE PRECISION) / SUM("shouldEnroll") FROM "EnrollmentFact" WHERE "period" = ${asOf} AND "schemeCode" IN (${covList})`), 10);
      expect(v.collection_rate).toBeCloseTo(await num(db, `SELECT SUM("collected") / SUM("due") FROM "ContributionFact" WHERE "period" BETWEEN ${year}01 AND ${asOf} AND "schemeCode" IN (${list})`), 10);
      const plan = await num(db, `SELECT SUM(l."amount") FROM "BudgetLine" l JOIN "BudgetVersion" v ON v."id" = l."versionId"
        WHERE v."year" = ${year} AND v."seq" = (SELECT MAX("seq") FROM "BudgetVersion" WHERE "year" = ${year})
        AND l."item" IN ('INPATIENT','OUTPATIENT','CHRONIC','MATERNITY','OTHER_EXPENSE') AND l."schemeCode" IN (${list})`);
      const actual = await num(db, `SELECT SUM("amount") FROM "LedgerFact" WHERE "account" = 'POOL' AND "regionCode" <> '${CITY}' AND "period" BETWEEN ${year}01 AND ${asOf}
        AND "item" IN ('INPATIENT','OUTPATIENT','CHRONIC','MATERNITY','OTHER_EXPENSE') AND "schemeCode" IN (${list})`);
      expect(v.expense_execution_rate).toBeCloseTo(actual / plan, 10);
      const bal = await num(db, `SELECT SUM("balance") FROM "BalanceFact" WHERE "account" = 'POOL' AND "period" = ${asOf} AND "schemeCode" IN (${list})`);
      const t12 = await num(db, `SELECT SUM("amount") FROM "LedgerFact" WHERE "account" = 'POOL' AND "period" BETWEEN ${year}01 AND ${asOf}
        AND "item" IN ('INPATIENT','OUTPATIENT','CHRONIC','MATERNITY','OTHER_EXPENSE') AND "schemeCode" IN (${list})`);
      expect(v.accumulated_balance).toBeCloseTo(bal, 2);
      expect(v.months_of_reserve).toBeCloseTo(bal / (t12 / 12), 8);
      const prim = await num(db, `SELECT CAST(SUM(CASE WHEN i."level" = 'PRIMARY' THEN u."visits" ELSE 0 END) AS DOUBLE PRECISION) / SUM(u."visits")
        FROM "UtilizationFact" u JOIN "Institution" i ON i."code" = u."institutionCode" WHERE u."period" BETWEEN ${year}01 AND ${asOf} AND u."schemeCode" IN (${list})`);
      expect(v.primary_visit_share).toBeCloseTo(prim, 10);
      // One row per county plus the city; the city row is the tile row.
      expect(o.counties).toHaveLength(9);
      expect(o.counties.find((c) => c.code === CITY)!.values.coverage_rate).toBeCloseTo(v.coverage_rate!, 12);
    });
  }

  it('shows the resident reserve story: months of reserve fall from above 9 (2019) to below 6 (2024)', async () => {
    const trend = await loadFundTrend(db, CITY, 'RESIDENT', 'ALL');
    const at = (p: number) => trend.find((t) => t.period === p)!.monthsOfReserve!;
    expect(at(201912)).toBeGreaterThan(9);
    expect(at(202412)).toBeLessThan(6);
  });

  it('limits a county viewer to its own county', async () => {
    const y = await loadYear(db, CITY, 'RESIDENT', 2023);
    const mine = assembleOverview({ kind: 'county', regionCode: '439922' }, CITY, { year: 2023, scheme: 'RESIDENT', region: 'ALL' }, y);
    expect(mine.regionCode).toBe('439922');
    expect(mine.counties.map((c) => c.code).sort()).toEqual(['439900', '439922']);
    expect(() => assembleOverview({ kind: 'county', regionCode: '439922' }, CITY, { year: 2023, scheme: 'RESIDENT', region: '439921' }, y)).toThrow(ScopeError);
    expect(() => assembleOverview({ kind: 'public' }, CITY, { year: 2023, scheme: 'RESIDENT', region: 'ALL' }, y)).toThrow(ScopeError);
  });
});
