// The public annual report in a warehouse holding two cities (设区市), on SQLite and PostgreSQL: each city's
// report states its own figures (its counties' and its city account's rows only); the first city's report is
// exactly the one it has alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, testDbKinds, type TestDbKind } from '../testing/databases';
import { addSecondCity, CITY_B, CITY_B_EXPENSE, CITY_B_INCOME, CITY_B_NAME, CITY_B_POOL, COUNTY_B, COUNTY_B_NAME } from '../testing/smallSecondCity';
import type { Db } from '../db';
import { buildOpenReport, OpenReportError, publishableYears } from './build';
import { publishOpenReport } from './publish';

const CITY_A = '439900';

describe.each(testDbKinds())('public annual report with two cities (%s)', (kind: TestDbKind) => {
  let alone: Db;
  let both: Db;
  const drops: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    const a = await freshDatabase(kind, 'demo');
    const b = await freshDatabase(kind, 'demo');
    drops.push(a.drop, b.drop);
    alone = a.db;
    both = b.db;
    await addSecondCity(both);
  }, 60_000);
  afterAll(async () => { for (const d of drops) await d(); });

  it('publishing is refused while a release cannot name its city; one city publishes as before', async () => {
    const admin = { role: 'admin', name: '测试管理员' };
    await expect(publishOpenReport(both, admin, 2023)).rejects.toThrow(/多个地市/);
    expect(await both.prisma.release.count({ where: { kind: 'OPEN_REPORT', year: 2023, publishedBy: admin.name } })).toBe(0);
    const r = await publishOpenReport(alone, admin, 2023);
    expect(r.payload.cityCode).toBe(CITY_A);
  });

  it("city B's report states city B's own figures", async () => {
    const r = await buildOpenReport(both, 2024, undefined, { cityCode: CITY_B });
    expect(r).toMatchObject({ cityCode: CITY_B, cityName: CITY_B_NAME, year: 2024, dataThrough: 202412 });
    expect(r.regions.map((x) => [x.code, x.name])).toEqual([[CITY_B, CITY_B_NAME], [COUNTY_B, COUNTY_B_NAME]]);
    const f = r.figures[CITY_B].RESIDENT;
    expect(f.income).toBe(12 * CITY_B_INCOME);
    expect(f.expense).toBe(12 * CITY_B_EXPENSE);
    expect(f.accumulated_balance).toBe(CITY_B_POOL);
    expect(f.months_of_reserve).toBeCloseTo(CITY_B_POOL / CITY_B_EXPENSE, 9);
    expect(r.figures[CITY_B].EMPLOYEE.income).toBeNull(); // city B has no employee rows: missing, not the demo city's
    expect(r.figures[CITY_A]).toBeUndefined();
    expect(r.figures[COUNTY_B].RESIDENT.income).toBe(12 * CITY_B_INCOME);
  });

  it("the first city's report is the one it has alone (city B's rows are not in its totals)", async () => {
    expect(await buildOpenReport(both, 2024)).toEqual(await buildOpenReport(alone, 2024));
    expect(await buildOpenReport(both, 2024, undefined, { cityCode: CITY_A })).toEqual(await buildOpenReport(alone, 2024));
  }, 60_000);

  it('publishable years and errors are per city', async () => {
    expect(await publishableYears(both, CITY_B)).toEqual([2022, 2023, 2024]);
    expect(await publishableYears(both, CITY_A)).toEqual([2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    await expect(buildOpenReport(both, 2021, undefined, { cityCode: CITY_B })).rejects.toThrow(OpenReportError);
    await expect(buildOpenReport(both, 2024, undefined, { cityCode: COUNTY_B })).rejects.toThrow('未知的设区市');
  });
});
