// The risk evaluation on the demo province with two cities (lib/demo/province, 470100 and 470200), in SQLite
// and PostgreSQL: each city's fund warnings sit on its own code with values computed from its own rows (checked
// with SQL over the facts), county warnings on a county of one city, institution warnings on the institution's
// region.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, testDbKinds, type TestDbKind } from '../testing/databases';
import type { Db } from '../db';
import { loadDemoProvince } from '../demo/load';
import { poolHierarchy, type Pool } from '../regions/pools';
import { addMonths } from '../indicators/compute';
import { evaluateWarnings } from './evaluate';
import { getRule } from './rules';

const EXPENSE = `'INPATIENT','OUTPATIENT','CHRONIC','MATERNITY','OTHER_EXPENSE'`;

async function num(db: Db, sql: string): Promise<number> {
  const rows = await db.prisma.$queryRawUnsafe<Record<string, unknown>[]>(sql);
  return Number(Object.values(rows[0] ?? {})[0] ?? NaN);
}

describe.each(testDbKinds())('risk evaluation on the demo province, two cities (%s)', (kind: TestDbKind) => {
  let db: Db;
  let drop: () => Promise<void>;
  let cities: Pool[];
  let cityOf: Map<string, string>;

  beforeAll(async () => {
    ({ db, drop } = await freshDatabase(kind, 'empty'));
    await loadDemoProvince(db, { cities: 2 });
    const h = poolHierarchy(await db.prisma.region.findMany());
    cities = h.cities;
    cityOf = h.cityOf;
    await evaluateWarnings(db, { trigger: 'SCRIPT', actor: 'test' });
  }, 240_000);
  afterAll(async () => drop?.());

  it("each city's months of reserve is raised on its code, from its own balances and expenses", async () => {
    expect(cities.map((c) => c.code)).toEqual(['470100', '470200']);
    for (const city of cities) {
      const w = await db.prisma.riskWarning.findFirst({ where: { ruleCode: 'reserve_months', regionCode: city.code, schemeCode: 'RESIDENT' }, orderBy: { lastPeriod: 'desc' } });
      expect(w, city.name).not.toBeNull();
      expect(w!.subjectKey).toBe(`${city.code}|RESIDENT`);
      const p = w!.valuePeriod ?? w!.lastPeriod;
      const codes = [city.code, ...city.counties.map((c) => c.code)].map((c) => `'${c}'`).join(',');
      const balance = await num(db, `SELECT SUM("balance") FROM "BalanceFact" WHERE "account" = 'POOL' AND "schemeCode" = 'RESIDENT' AND "period" = ${p} AND "regionCode" IN (${codes})`);
      const t12 = await num(db, `SELECT SUM("amount") FROM "LedgerFact" WHERE "account" = 'POOL' AND "schemeCode" = 'RESIDENT' AND "item" IN (${EXPENSE})
        AND "period" BETWEEN ${addMonths(p, -11)} AND ${p} AND "regionCode" IN (${codes})`);
      expect(w!.value).toBeCloseTo(balance / (t12 / 12), 6);
    }
  });

  it('every warning belongs to one city: funds on the city, counties on its counties, institutions on their region', async () => {
    const warnings = await db.prisma.riskWarning.findMany();
    const institutions = new Map((await db.prisma.institution.findMany({ select: { code: true, regionCode: true } })).map((i) => [i.code, i.regionCode]));
    const cityCodes = new Set(cities.map((c) => c.code));
    const perCity = new Map<string, number>();
    for (const w of warnings) {
      const level = getRule(w.ruleCode).level;
      if (level === 'institution') expect(w.regionCode).toBe(institutions.get(w.institutionCode!));
      else if (level === 'county') expect(cityOf.has(w.regionCode)).toBe(true);
      else expect(cityCodes.has(w.regionCode) || cityOf.has(w.regionCode)).toBe(true);
      const city = cityCodes.has(w.regionCode) ? w.regionCode : cityOf.get(w.regionCode)!;
      expect(city).toBeDefined();
      perCity.set(city, (perCity.get(city) ?? 0) + 1);
    }
    expect([...perCity.keys()].sort()).toEqual(['470100', '470200']);
    const keys = warnings.map((w) => `${w.ruleCode}#${w.subjectKey}#${w.firstPeriod}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
