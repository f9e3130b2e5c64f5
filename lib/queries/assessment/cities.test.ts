// 考核 of one city in a warehouse of several (the demo city and a scaled copy of it, lib/testing/secondCity),
// on SQLite and PostgreSQL: each city scores its own counties from its own rows (the first city's results
// are what they were alone), and each city publishes, reads and withdraws its own releases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCHEME } from '../../assessment/defaultScheme';
import { freshDatabase, testDbKinds } from '../../testing/databases';
import { addSecondCity, SECOND_CITY, secondCode } from '../../testing/secondCity';
import { loadDatasetInfo } from '../meta/getDatasetInfo';
import { computeLiveYear, getPublishedAssessment, publishAssessment, type LiveYear } from './store';
import { withdrawRelease } from '../../release';
import { loadAssessmentInputs } from './inputs';
import type { Db } from '../../db';

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

  it("a city's assessment inputs read its own regions' rows only: every enrolment, contribution and unification read names them", async () => {
    const info = (await loadDatasetInfo(t.db, SECOND_CITY))!;
    const second = info.counties.map((c) => c.code);
    const own = new Set([SECOND_CITY, ...second]);
    // The real database behind a recorder of each read's where-clause on the county-level tables.
    const reads: { table: string; op: string; codes: unknown }[] = [];
    const WATCHED = new Set(['contributionFact', 'enrollmentFact', 'unificationStatus']);
    const prisma = new Proxy(t.db.prisma, {
      get(target, table, receiver) {
        const delegate = Reflect.get(target, table, receiver);
        if (typeof table !== 'string' || !WATCHED.has(table)) return delegate;
        return new Proxy(delegate, {
          get(d, op) {
            const fn = Reflect.get(d, op);
            if (typeof fn !== 'function') return fn;
            return (args?: { where?: { regionCode?: unknown } }) => {
              reads.push({ table, op: String(op), codes: (args?.where?.regionCode as { in?: unknown } | undefined)?.in ?? args?.where?.regionCode });
              return fn.call(d, args);
            };
          },
        });
      },
    });
    const recorded = await loadAssessmentInputs({ ...t.db, prisma } as Db, SECOND_CITY, second, 2024);
    expect(reads.map((r) => r.table)).toEqual(expect.arrayContaining(['contributionFact', 'enrollmentFact', 'unificationStatus']));
    const wide = reads.filter((r) => !(Array.isArray(r.codes) ? r.codes.every((c) => own.has(c)) : typeof r.codes === 'string' && own.has(r.codes)));
    expect(wide, "reads not narrowed to the city's regions").toEqual([]);
    // …and the figures are the county's own, as read without the recorder
    const direct = await loadAssessmentInputs(t.db, SECOND_CITY, second, 2024);
    expect(round([...recorded.inputs])).toEqual(round([...direct.inputs]));
    expect(recorded.inputs.get(second[0])!.countySubsidyDue).toBeGreaterThan(0);
  }, 120_000);

  it("each city publishes its own results: B unpublished stays so, B's first is its version 1, A's withdrawal leaves B", async () => {
    const second = COUNTIES.map(secondCode);
    const a1 = await publishAssessment(t.db, { cityCode: CITY, counties: COUNTIES, year: 2024, by: 'test' });
    const a2 = await publishAssessment(t.db, { cityCode: CITY, counties: COUNTIES, year: 2024, by: 'test', note: '重新发布' });
    expect([a1.cityCode, a1.version, a2.version]).toEqual([CITY, 1, 2]);
    const mine = await getPublishedAssessment(t.db, CITY, COUNTIES, 2024);
    expect(mine!.release.id).toBe(a2.id);
    expect(await getPublishedAssessment(t.db, SECOND_CITY, second, 2024)).toBeNull();
    const b1 = await publishAssessment(t.db, { cityCode: SECOND_CITY, counties: second, year: 2024, by: 'test' });
    expect([b1.cityCode, b1.version]).toEqual([SECOND_CITY, 1]);
    const theirs = (await getPublishedAssessment(t.db, SECOND_CITY, second, 2024))!;
    expect(theirs.release.payload.results.counties.map((c) => c.code).sort()).toEqual([...second].sort());
    expect(theirs.diffs).toEqual([]);
    await withdrawRelease(t.db, CITY, a2.id, 'test', '误发');
    expect((await getPublishedAssessment(t.db, CITY, COUNTIES, 2024))!.release.id).toBe(a1.id);
    expect((await getPublishedAssessment(t.db, SECOND_CITY, second, 2024))!.release.id).toBe(b1.id);
  }, 120_000);

  it('the 考核 page offers publishing for a selected city to a city analyst, and shows that city\'s publication', async () => {
    const g = globalThis as unknown as { __yibaoDb?: unknown };
    const saved = g.__yibaoDb;
    g.__yibaoDb = t.db; // the page reads through getDb()
    try {
      const { getAssessment } = await import('./getAssessment');
      const infoB = (await loadDatasetInfo(t.db, SECOND_CITY))!;
      const viewB = await getAssessment({ kind: 'city' }, 'city', infoB, 2023, null);
      expect(viewB.canPublish).toBe(true);
      expect(viewB.publication).toBeNull();
      const b = await publishAssessment(t.db, { cityCode: SECOND_CITY, counties: infoB.counties.map((c) => c.code), year: 2023, by: '二市医保局' });
      expect((await getAssessment({ kind: 'city' }, 'city', infoB, 2023, null)).publication?.releaseId).toBe(b.id);
      const infoA = (await loadDatasetInfo(t.db, CITY))!;
      const viewA = await getAssessment({ kind: 'city' }, 'city', infoA, 2023, null);
      expect(viewA.publication).toBeNull(); // B's release is not A's
      expect(viewA.canPublish).toBe(true);
      expect((await getAssessment({ kind: 'county', regionCode: COUNTIES[0] }, 'county', infoA, 2023, null)).canPublish).toBe(false);
    } finally {
      g.__yibaoDb = saved;
    }
  }, 180_000);

  it('missing county rows stay missing: no enrolment a year earlier and no county subsidy rows are null, not 0 (evidence and score)', async () => {
    const info = (await loadDatasetInfo(t.db, SECOND_CITY))!;
    const second = info.counties.map((c) => c.code);
    // The second city's data start in 2023-01: a year earlier than 2023 there is nothing.
    const y2023 = await loadAssessmentInputs(t.db, SECOND_CITY, second, 2023);
    const c0 = y2023.inputs.get(second[0])!;
    expect([c0.enrolledLastYear, c0.shouldEnrollLastYear]).toEqual([null, null]);
    // One county's county-level subsidy rows removed (last, so the tests above read the full data).
    await t.db.prisma.contributionFact.deleteMany({ where: { regionCode: second[1], source: 'SUBSIDY_COUNTY' } });
    const y2024 = await loadAssessmentInputs(t.db, SECOND_CITY, second, 2024);
    const c1 = y2024.inputs.get(second[1])!;
    expect([c1.countySubsidyDue, c1.countySubsidyCollected]).toEqual([null, null]);
    expect(y2024.inputs.get(second[2])!.countySubsidyDue).toBeGreaterThan(0);
    const live = await computeLiveYear(t.db, SECOND_CITY, second, 2024, DEFAULT_SCHEME);
    const feed = live.feeds[second[1]].subsidy_delivery_rate;
    expect(feed.value).toBeNull();
    expect(feed.evidence.slice(0, 2).map((e) => e.value)).toEqual([null, null]); // not "0 元 delivered"
    expect(live.feeds[second[2]].subsidy_delivery_rate.value).not.toBeNull();
  }, 120_000);
});
