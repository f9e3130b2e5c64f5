// Missing is not zero (issue 12 §6, §7): a year without balance rows shows 无数据 (status 未评价), never
// 0.0个月 / 严重不足; an all-schemes balance lacking one scheme is not shown and says what is missing;
// rows booked on the city's own code (市本级) count in the city total.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, testDbKinds } from '../../testing/databases';
import type { Db } from '../../db';
import { assembleOverview, loadYear } from './getOverview';
import { computeOverview, statusOf, OVERVIEW_CODES } from './overviewKpis';
import { emptyInputs, loadKpiInputs } from './kpiInputs';
import { CITY_SCOPE } from '../scope';

const CITY = '439900';
async function num(db: Db, sql: string): Promise<number> {
  const rows = await db.prisma.$queryRawUnsafe<Record<string, unknown>[]>(sql);
  return Number(Object.values(rows[0])[0]);
}

describe('without any rows', () => {
  it('every tile is 无数据 with status 未评价, none is 0', () => {
    const v = computeOverview(emptyInputs());
    for (const code of OVERVIEW_CODES) {
      expect(v[code], code).toBeNull();
      expect(statusOf(code, v[code], 0.5), code).toBe('none');
    }
  });
});

describe.each(testDbKinds())('missing balance rows on %s', (kind) => {
  let t: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => { t = await freshDatabase(kind, 'demo'); });
  afterAll(async () => { await t?.drop(); });
  const tiles = async (scheme: 'ALL' | 'RESIDENT' | 'EMPLOYEE') => {
    const o = assembleOverview(CITY_SCOPE, CITY, { year: 2024, scheme, region: 'ALL' }, await loadYear(t.db, CITY, scheme, 2024));
    return Object.fromEntries(o.tiles.map((x) => [x.code, x]));
  };

  it('市本级 income counts in the city total', async () => {
    const inputs = await loadKpiInputs(t.db, CITY, 'ALL', 202412);
    const all = await num(t.db, `SELECT SUM("amount") FROM "LedgerFact" WHERE "account" = 'POOL' AND "period" BETWEEN 202401 AND 202412 AND "item" IN ('PREMIUM','SUBSIDY','INTEREST','OTHER_INCOME')`);
    const own = await num(t.db, `SELECT SUM("amount") FROM "LedgerFact" WHERE "account" = 'POOL' AND "regionCode" = '${CITY}' AND "period" BETWEEN 202401 AND 202412 AND "item" IN ('PREMIUM','SUBSIDY','INTEREST','OTHER_INCOME')`);
    expect(own).toBeGreaterThan(0); // the demo city books its account's interest on the city code
    expect(inputs.get(CITY)!.incomeYtd).toBeCloseTo(all, 2);
  });

  it('a balance lacking one scheme: all-schemes 累计结余 and 可支付月数 not shown, the missing scheme named', async () => {
    await t.db.prisma.balanceFact.deleteMany({ where: { period: 202412, schemeCode: 'RESIDENT' } });
    const all = await tiles('ALL');
    expect(all.accumulated_balance.value).toBeNull();
    expect(all.months_of_reserve.value).toBeNull();
    expect(all.months_of_reserve.status).toBe('none');
    expect(all.months_of_reserve.partial).toMatch(/^部分数据：缺少.*居民医保结余/);
    expect(all.coverage_rate.value).not.toBeNull(); // other tiles unaffected
    const resident = await tiles('RESIDENT');
    expect([resident.months_of_reserve.value, resident.months_of_reserve.status, resident.months_of_reserve.partial]).toEqual([null, 'none', undefined]);
    expect((await tiles('EMPLOYEE')).months_of_reserve.value).toBeGreaterThan(0);
  });

  it('a year without balance rows: 无数据 and 未评价, never 0.0个月 / 严重不足', async () => {
    await t.db.prisma.balanceFact.deleteMany({ where: { period: 202412 } });
    for (const scheme of ['ALL', 'EMPLOYEE'] as const) {
      const x = await tiles(scheme);
      expect([x.accumulated_balance.value, x.accumulated_balance.status], scheme).toEqual([null, 'none']);
      expect([x.months_of_reserve.value, x.months_of_reserve.status], scheme).toEqual([null, 'none']);
      expect(x.expense_execution_rate.value, scheme).not.toBeNull();
    }
  });
});
