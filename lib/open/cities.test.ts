// The public annual report in a warehouse holding two cities (设区市), on SQLite and PostgreSQL: each city's
// report states its own figures (its counties' and its city account's rows only); the first city's report is
// exactly the one it has alone; each city publishes and withdraws its own versions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, testDbKinds, type TestDbKind } from '../testing/databases';
import { addSecondCity, CITY_B, CITY_B_EXPENSE, CITY_B_INCOME, CITY_B_NAME, CITY_B_POOL, COUNTY_B, COUNTY_B_NAME } from '../testing/smallSecondCity';
import type { Db } from '../db';
import { buildOpenReport, OpenReportError, publishableYears } from './build';
import { loadPublishedReports, loadPublishedReportsByCity, publishDemoOpenReports, publishOpenReport, withdrawOpenReport } from './publish';
import { readDataVersion } from '../cache';

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

  it("each city publishes its own report: B unpublished stays unpublished, B's first is its version 1, A's withdrawal leaves B", async () => {
    const admin = { role: 'admin', name: '测试管理员' };
    // Several cities and none named: refused with the reason, nothing written.
    await expect(publishOpenReport(both, admin, 2023)).rejects.toThrow(/多个地市/);
    await expect(publishOpenReport(both, admin, 2023, { cityCode: COUNTY_B })).rejects.toThrow('未知的设区市');
    const a1 = await publishOpenReport(both, admin, 2023, { cityCode: CITY_A });
    const a2 = await publishOpenReport(both, admin, 2023, { cityCode: CITY_A, note: '更正' });
    expect([a1.version, a2.version, a2.cityCode, a2.payload.cityCode]).toEqual([1, 2, CITY_A, CITY_A]);
    expect(await loadPublishedReports(both, CITY_B)).toEqual([]);
    const b1 = await publishOpenReport(both, admin, 2023, { cityCode: CITY_B });
    expect([b1.version, b1.cityCode, b1.payload.cityCode, b1.payload.cityName]).toEqual([1, CITY_B, CITY_B, CITY_B_NAME]);
    await expect(withdrawOpenReport(both, admin, a2.id, '越权', CITY_B)).rejects.toThrow(/不属于所选地市/);
    await withdrawOpenReport(both, admin, a2.id, '误发', CITY_A);
    expect((await loadPublishedReports(both, CITY_A)).map((r) => [r.year, r.version])).toEqual([[2023, 1]]);
    expect((await loadPublishedReports(both, CITY_B)).map((r) => [r.year, r.version, r.id])).toEqual([[2023, 1, b1.id]]);
    // The reports read per city: every city that has published, each its own.
    const byCity = await loadPublishedReportsByCity(both);
    expect(byCity.map((c) => [c.cityCode, c.reports.map((r) => r.payload.cityCode)])).toEqual([[CITY_A, [CITY_A]], [CITY_B, [CITY_B]]]);
    // One city publishes as before (no city named: the only one).
    const r = await publishOpenReport(alone, admin, 2023);
    expect([r.payload.cityCode, r.cityCode, r.version]).toEqual([CITY_A, CITY_A, 1]);
  }, 60_000);

  it("a demo province publishes each city's complete years as its own", async () => {
    const f = await freshDatabase(kind, 'demo');
    drops.push(f.drop);
    await addSecondCity(f.db);
    const v0 = await readDataVersion(f.db);
    await expect(publishDemoOpenReports(f.db)).rejects.toThrow(/多个地市/);
    expect(await readDataVersion(f.db), 'a refused load moves nothing').toBe(v0);
    expect(await publishDemoOpenReports(f.db, CITY_B)).toEqual([2022, 2023, 2024]);
    // Three reports, one data version: kept pages go stale once per city's load, not once per report.
    expect(await readDataVersion(f.db)).toBe(v0 + 1);
    expect(await publishDemoOpenReports(f.db, CITY_A)).toEqual([2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    expect(await readDataVersion(f.db)).toBe(v0 + 2);
    expect(await publishDemoOpenReports(f.db, CITY_B)).toEqual([]);
    expect(await readDataVersion(f.db), 'nothing to publish, nothing moves').toBe(v0 + 2);
    const b = await loadPublishedReports(f.db, CITY_B);
    expect(b.map((r) => [r.year, r.version, r.payload.cityCode])).toEqual([[2022, 1, CITY_B], [2023, 1, CITY_B], [2024, 1, CITY_B]]);
    // A single publication still moves it once, as before.
    await publishOpenReport(f.db, { role: 'admin', name: '测试管理员' }, 2024, { cityCode: CITY_B, note: '更正' });
    expect(await readDataVersion(f.db)).toBe(v0 + 3);
  }, 120_000);

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
