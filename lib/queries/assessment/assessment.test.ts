// The county assessment on the demo city, on SQLite and PostgreSQL: the stories it must tell, scheme versions,
// and a published year that a later data correction (a real import) does not move.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCHEME } from '../../assessment/defaultScheme';
import { rankUncertainty } from '../../assessment/uncertainty';
import { SchemeError } from '../../assessment/scheme';
import { importFile } from '../../ingest';
import { templateCsv } from '../../ingest/export';
import { demoDb, freshDatabase, TEST_DIR, testDbKinds } from '../../testing/databases';
import { computeLiveYear, getCurrentScheme, getPublishedAssessment, listSchemeVersions, publishAssessment, saveSchemeVersion } from './store';

const CITY = '439900';
const COUNTIES = ['439902', '439903', '439921', '439922', '439923', '439981', '4399A1', '4399A2'];
const WANGSHAN = '439903';
const SHIMEN = '439922';
const TAOYUAN = '439923';

const dbs: { drop(): Promise<void> }[] = [];
/** The shared demo city, closed after use: PostgreSQL cannot copy a template database others are connected to. */
async function withDemo<T>(kind: 'sqlite' | 'postgres', fn: (db: ReturnType<typeof demoDb>) => Promise<T>): Promise<T> {
  const db = demoDb(kind);
  try { return await fn(db); } finally { await db.close(); }
}
afterAll(async () => { for (const d of dbs) await d.drop(); });

describe.each(testDbKinds())('county assessment on %s', (kind) => {
  it('tells the demo stories in 2021: 桃源县 subsidy, 望山区 remittance, 石门县 coverage and late 信息系统', async () => {
    const live = await withDemo(kind, (db) => computeLiveYear(db, CITY, COUNTIES, 2021, DEFAULT_SCHEME));
    expect(live.asOf).toBe(202112);
    const c = Object.fromEntries(live.results.counties.map((x) => [x.code, x]));
    const ind = (code: string, key: string) => c[code].indicators.find((i) => i.key === key)!;
    const lostOn = (key: string) => COUNTIES.map((k) => ind(k, key).lost);

    // 桃源县: county subsidy share ~59% delivered → every point of 县级财政补助到位率 lost; every other county full.
    expect(ind(TAOYUAN, 'subsidy_delivery_rate').value).toBeLessThan(0.65);
    expect(ind(TAOYUAN, 'subsidy_delivery_rate').points).toBe(0);
    expect(COUNTIES.filter((k) => k !== TAOYUAN).every((k) => ind(k, 'subsidy_delivery_rate').points === 6)).toBe(true);

    // 望山区: ~24 days late on average → loses the most on remittance of all counties.
    const remit = (k: string) => ind(k, 'remittance_avg_delay').lost + ind(k, 'remittance_timeliness_rate').lost;
    expect(ind(WANGSHAN, 'remittance_avg_delay').value).toBeGreaterThan(20);
    expect(Math.max(...COUNTIES.filter((k) => k !== WANGSHAN).map(remit))).toBeLessThan(remit(WANGSHAN) - 3);
    expect(c[WANGSHAN].areas.find((a) => a.code === 'remittance')!.points).toBeLessThan(
      Math.min(...COUNTIES.filter((k) => k !== WANGSHAN).map((k) => c[k].areas.find((a) => a.code === 'remittance')!.points)),
    );

    // 石门县: coverage falls (参保率同比 −1.3 个百分点) and the 信息系统 unification (due 2020-12-31) was overdue
    // in 2021 for its three schemes; it is the only county losing points on either.
    expect(ind(SHIMEN, 'coverage_rate_change').value).toBeLessThan(-0.01);
    expect(lostOn('coverage_rate_change').indexOf(Math.max(...lostOn('coverage_rate_change')))).toBe(COUNTIES.indexOf(SHIMEN));
    expect(ind(SHIMEN, 'unification_overdue_items').value).toBe(3);
    expect(ind(SHIMEN, 'unification_overdue_items').points).toBe(0);
    expect(COUNTIES.filter((k) => k !== SHIMEN).every((k) => ind(k, 'unification_overdue_items').value === 0)).toBe(true);

    // evidence: the numbers behind a value are there
    expect(ind(TAOYUAN, 'subsidy_delivery_rate').evidence.map((e) => e.label)).toContain('县级财政补助应到位金额（居民医保）');
    // and 2022 no longer counts the 2021 lateness
    const y22 = await withDemo(kind, (db) => computeLiveYear(db, CITY, COUNTIES, 2022, DEFAULT_SCHEME));
    expect(y22.results.counties.find((x) => x.code === SHIMEN)!.indicators.find((i) => i.key === 'unification_overdue_items')!.value).toBe(0);
  });

  it('rank uncertainty on the demo city: median ranks and 90% intervals for every county', async () => {
    const live = await withDemo(kind, (db) => computeLiveYear(db, CITY, COUNTIES, 2023, DEFAULT_SCHEME));
    const values = Object.fromEntries(live.results.counties.map((c) => [c.code, Object.fromEntries(c.indicators.map((i) => [i.key, i.value]))]));
    const u = rankUncertainty({ scheme: DEFAULT_SCHEME, values, draws: 1000, seed: 2023 });
    expect(u).toHaveLength(8);
    for (const r of u) {
      expect(r.interval[0]).toBeLessThanOrEqual(r.medianRank);
      expect(r.interval[1]).toBeGreaterThanOrEqual(r.medianRank);
    }
    // 桃源县 (no county subsidy) and 望山区 (late remittance) are not at the top under any weighting
    const by = Object.fromEntries(u.map((r) => [r.code, r]));
    expect(by[TAOYUAN].interval[0]).toBeGreaterThan(1);
  });

  it('keeps scheme versions: the default is seeded once, edits are new versions, invalid edits write nothing', async () => {
    const f = await freshDatabase(kind, 'demo');
    dbs.push(f);
    const v1 = await getCurrentScheme(f.db);
    expect(v1.version).toBe(1);
    expect((await getCurrentScheme(f.db)).version).toBe(1);
    const edited = structuredClone(DEFAULT_SCHEME);
    edited.areas[0].indicators[0].weight = 8;
    edited.areas[1].indicators[0].weight = 6;
    const v2 = await saveSchemeVersion(f.db, { body: edited, by: '管理员', reason: '提高参保率权重' });
    expect(v2).toMatchObject({ version: 2, changedBy: '管理员', reason: '提高参保率权重' });
    const bad = structuredClone(DEFAULT_SCHEME) as unknown as { areas: { indicators: { weight: number }[] }[] };
    bad.areas[0].indicators[0].weight = 0;
    await expect(saveSchemeVersion(f.db, { body: bad, by: '管理员', reason: 'x' })).rejects.toBeInstanceOf(SchemeError);
    await expect(saveSchemeVersion(f.db, { body: edited, by: '管理员', reason: ' ' })).rejects.toBeInstanceOf(SchemeError);
    const list = await listSchemeVersions(f.db);
    expect(list.map((v) => v.version)).toEqual([2, 1]);
    expect(list[1].scheme.areas[0].indicators[0].weight).toBe(6);
  });

  it('publishing 2023 freezes it: a later imported correction leaves the published scores and shows the difference', async () => {
    const f = await freshDatabase(kind, 'demo');
    dbs.push(f);
    const rel = await publishAssessment(f.db, { cityCode: CITY, counties: COUNTIES, year: 2023, by: '市医保局', note: '2023年度考核结果' });
    expect(rel.version).toBe(1);
    const published = rel.payload.results.counties.find((c) => c.code === SHIMEN)!;
    const before = await getPublishedAssessment(f.db, CITY, COUNTIES, 2023);
    expect(before!.diffs).toEqual([]);

    // A correction of 石门县's December 2023 resident enrolment (20 000 fewer enrolled), through the import.
    const row = await f.db.prisma.enrollmentFact.findUniqueOrThrow({ where: { regionCode_schemeCode_period: { regionCode: SHIMEN, schemeCode: 'RESIDENT', period: 202312 } } });
    const corr = [[SHIMEN, '居民医保', '2023-12', String(row.shouldEnroll), String(row.enrolled - 20_000), String(row.povertyShouldEnroll), String(row.subsidisedExtreme),
      String(row.subsidisedMinLiving), String(row.subsidisedMonitored), String(row.subsidisedOther), String(row.duplicates)]];
    const dir = path.join(TEST_DIR, 'assessment');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `参保-石门-2023-12-更正-${kind}-${Date.now()}.csv`);
    fs.writeFileSync(file, templateCsv('ENROLLMENT', corr));
    const imp = await importFile(f.db, { file, mode: 'REPLACE', importedBy: 'test' });
    expect(imp.status).toBe('LOADED');

    const after = await getPublishedAssessment(f.db, CITY, COUNTIES, 2023);
    // the published figures are exactly what was published
    expect(after!.release.payload.results.counties.find((c) => c.code === SHIMEN)).toEqual(published);
    expect(after!.release.version).toBe(1);
    // the live figures moved, and the difference is reported beside the published one
    const keys = after!.diffs.map((d) => d.key);
    expect(keys).toContain(`${SHIMEN}.coverage_rate.value`);
    expect(keys).toContain(`${SHIMEN}.total`);
    const total = after!.diffs.find((d) => d.key === `${SHIMEN}.total`)!;
    expect(total.published).toBeCloseTo(published.total, 9);
    expect(total.delta!).toBeLessThan(0);
    expect(keys.every((k) => k.startsWith(SHIMEN))).toBe(true);
  });
});
