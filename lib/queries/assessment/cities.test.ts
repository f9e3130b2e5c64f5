// 考核 of one city in a warehouse of several (the demo city and a scaled copy of it, lib/testing/secondCity),
// on SQLite and PostgreSQL: each city scores its own counties from its own rows (the first city's results
// are what they were alone), and a published release is the results of the city whose counties it scored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCHEME } from '../../assessment/defaultScheme';
import { freshDatabase, testDbKinds } from '../../testing/databases';
import { addSecondCity, SECOND_CITY, secondCode } from '../../testing/secondCity';
import { loadDatasetInfo } from '../meta/getDatasetInfo';
import { computeLiveYear, getPublishedAssessment, publishAssessment, releaseOfCounties, type LiveYear } from './store';

const CITY = '439900';
/** Numbers to 9 significant digits: sums over another row order (databases group in any order) differ in the last bits only. */
const round = (v: unknown): unknown => (typeof v === 'number' ? (Number.isFinite(v) ? Number(v.toPrecision(9)) : v)
  : Array.isArray(v) ? v.map(round) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, round(x)])) : v);
const COUNTIES = ['439902', '439903', '439921', '439922', '439923', '439981', '4399A1', '4399A2'];

describe.each(testDbKinds())('county assessment per city, two cities on %s', (kind) => {
  let t: Awaited<ReturnType<typeof freshDatabase>>;
  let alone: LiveYear;
  beforeAll(async () => {
    t = await freshDatabase(kind, 'demo');
    alone = await computeLiveYear(t.db, CITY, COUNTIES, 2024, DEFAULT_SCHEME);
    await addSecondCity(t.db, { fromPeriod: 202301, factor: 3 });
  }, 180_000);
  afterAll(async () => { await t?.drop(); });

  it("each city scores its own counties: the first city's results are those it had alone", async () => {
    const info = (await loadDatasetInfo(t.db, SECOND_CITY))!;
    const second = info.counties.map((c) => c.code);
    expect(second).toEqual(COUNTIES.map(secondCode));
    const first = await computeLiveYear(t.db, CITY, COUNTIES, 2024, DEFAULT_SCHEME);
    expect(first.asOf).toBe(alone.asOf);
    expect(round(first.results)).toEqual(round(alone.results));
    const other = await computeLiveYear(t.db, SECOND_CITY, second, 2024, DEFAULT_SCHEME);
    expect(other.asOf).toBe(202412);
    expect(other.results.counties.map((c) => c.code).sort()).toEqual([...second].sort());
    expect(other.results.counties.every((c) => c.total !== null)).toBe(true);
  }, 120_000);

  it("a release is the results of the city whose counties it scored, not another city's", async () => {
    await publishAssessment(t.db, { cityCode: CITY, counties: COUNTIES, year: 2024, by: 'test' });
    const mine = await getPublishedAssessment(t.db, CITY, COUNTIES, 2024);
    expect(mine).not.toBeNull();
    expect(releaseOfCounties(mine!.release.payload, COUNTIES)).toBe(true);
    expect(releaseOfCounties(mine!.release.payload, COUNTIES.map(secondCode))).toBe(false);
    expect(await getPublishedAssessment(t.db, SECOND_CITY, COUNTIES.map(secondCode), 2024)).toBeNull();
  }, 120_000);
});
