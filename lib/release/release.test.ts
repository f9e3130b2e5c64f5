import { afterAll, describe, expect, it } from 'vitest';
import { diffFigures, getRelease, listReleases, publishRelease, ReleaseError, withdrawRelease } from '.';
import { freshDatabase, testDbKinds } from '../testing/databases';
import { addSecondCity, CITY_B } from '../testing/smallSecondCity';

describe('diffFigures', () => {
  it('reports changed, appeared and vanished figures, never reading missing as 0', () => {
    const d = diffFigures({ a: 1, b: 2, c: null, e: 0 }, { a: 1, b: 2.5, d: 3, e: null });
    expect(d).toEqual([
      { key: 'b', published: 2, live: 2.5, delta: 0.5 },
      { key: 'd', published: null, live: 3, delta: null },
      { key: 'e', published: 0, live: null, delta: null },
    ]);
  });
  it('ignores differences within the tolerance', () => {
    expect(diffFigures({ a: 1 }, { a: 1 + 1e-12 })).toEqual([]);
    expect(diffFigures({ a: 1 }, { a: 1.04 }, 0.05)).toEqual([]);
  });
});

const dbs: { drop(): Promise<void> }[] = [];
afterAll(async () => { for (const d of dbs) await d.drop(); });

const CITY = '439900';

describe.each(testDbKinds())('releases on %s', (kind) => {
  it('publishes versions, keeps old ones, and withdraws back to the previous', async () => {
    const f = await freshDatabase(kind, 'demo');
    dbs.push(f);
    expect(await getRelease(f.db, 'ASSESSMENT', CITY, 2023)).toBeNull();
    const v1 = await publishRelease(f.db, { kind: 'ASSESSMENT', cityCode: CITY, year: 2023, payload: { score: { '430921': 81.5 } }, by: '张三', dataThrough: 202312 });
    expect(v1.version).toBe(1);
    expect(v1.cityCode).toBe(CITY);
    expect(v1.lastBatchId).not.toBeNull();
    const v2 = await publishRelease(f.db, { kind: 'ASSESSMENT', cityCode: CITY, year: 2023, payload: { score: { '430921': 82 } }, by: '张三', note: '更正' });
    expect(v2.version).toBe(2);
    expect((await getRelease<{ score: Record<string, number> }>(f.db, 'ASSESSMENT', CITY, 2023))!.payload.score['430921']).toBe(82);
    expect((await getRelease<{ score: Record<string, number> }>(f.db, 'ASSESSMENT', CITY, 2023, 1))!.payload.score['430921']).toBe(81.5);
    expect(await getRelease(f.db, 'OPEN_REPORT', CITY, 2023)).toBeNull();
    await withdrawRelease(f.db, CITY, v2.id, '李四', '数据有误');
    expect((await getRelease(f.db, 'ASSESSMENT', CITY, 2023))!.version).toBe(1);
    const list = await listReleases(f.db, 'ASSESSMENT', CITY);
    expect(list.map((r) => [r.version, r.status])).toEqual([[2, 'WITHDRAWN'], [1, 'PUBLISHED']]);
  });

  it('a release stored before releases named their city is the only city\'s, and numbering goes on after it', async () => {
    const f = await freshDatabase(kind, 'demo');
    dbs.push(f);
    await f.db.prisma.release.create({ data: { kind: 'ASSESSMENT', cityCode: '', year: 2022, version: 1, status: 'PUBLISHED', payload: '{"old":true}', publishedBy: '旧版' } });
    expect((await getRelease<{ old: boolean }>(f.db, 'ASSESSMENT', CITY, 2022))!.payload.old).toBe(true);
    const v2 = await publishRelease(f.db, { kind: 'ASSESSMENT', cityCode: CITY, year: 2022, payload: { old: false }, by: '张三' });
    expect(v2.version).toBe(2);
    expect((await listReleases(f.db, 'ASSESSMENT', CITY)).map((r) => [r.version, r.cityCode])).toEqual([[2, CITY], [1, '']]);
  });

  it('two cities: versions, reads and withdrawals are each city\'s own', async () => {
    const f = await freshDatabase(kind, 'demo');
    dbs.push(f);
    await addSecondCity(f.db);
    const a1 = await publishRelease(f.db, { kind: 'ASSESSMENT', cityCode: CITY, year: 2023, payload: { city: 'A', v: 1 }, by: '甲' });
    const a2 = await publishRelease(f.db, { kind: 'ASSESSMENT', cityCode: CITY, year: 2023, payload: { city: 'A', v: 2 }, by: '甲' });
    expect([a1.version, a2.version]).toEqual([1, 2]);
    // B unpublished shows unpublished, not A's
    expect(await getRelease(f.db, 'ASSESSMENT', CITY_B, 2023)).toBeNull();
    expect(await listReleases(f.db, 'ASSESSMENT', CITY_B)).toEqual([]);
    // B publishing makes its own version 1
    const b1 = await publishRelease(f.db, { kind: 'ASSESSMENT', cityCode: CITY_B, year: 2023, payload: { city: 'B', v: 1 }, by: '乙' });
    expect(b1.version).toBe(1);
    expect((await getRelease<{ city: string }>(f.db, 'ASSESSMENT', CITY_B, 2023))!.payload.city).toBe('B');
    // withdrawing in A leaves B untouched; B cannot withdraw A's release
    await expect(withdrawRelease(f.db, CITY_B, a2.id, '乙', '越权')).rejects.toThrow(/不属于所选地市/);
    await withdrawRelease(f.db, CITY, a2.id, '甲', '数据有误');
    expect((await getRelease(f.db, 'ASSESSMENT', CITY, 2023))!.version).toBe(1);
    const b = (await getRelease(f.db, 'ASSESSMENT', CITY_B, 2023))!;
    expect([b.id, b.version, b.status]).toEqual([b1.id, 1, 'PUBLISHED']);
    // with several cities a release naming no city is nobody's
    await f.db.prisma.release.create({ data: { kind: 'OPEN_REPORT', cityCode: '', year: 2020, version: 1, status: 'PUBLISHED', payload: '{}', publishedBy: '旧版' } });
    expect(await getRelease(f.db, 'OPEN_REPORT', CITY, 2020)).toBeNull();
    expect(await getRelease(f.db, 'OPEN_REPORT', CITY_B, 2020)).toBeNull();
  });

  it('the unique index holds per (kind, year, city, version): a second version 1 of a city is refused', async () => {
    const f = await freshDatabase(kind, 'empty');
    dbs.push(f);
    const row = { kind: 'ASSESSMENT', year: 2023, version: 1, status: 'PUBLISHED', payload: '{}', publishedBy: 'x' };
    await f.db.prisma.release.create({ data: { ...row, cityCode: 'A00000' } });
    await f.db.prisma.release.create({ data: { ...row, cityCode: 'B00000' } });
    await f.db.prisma.release.create({ data: { ...row } }); // '' by default
    await expect(f.db.prisma.release.create({ data: { ...row, cityCode: 'A00000' } })).rejects.toThrow();
    await expect(f.db.prisma.release.create({ data: { ...row } })).rejects.toThrow();
  });

  it('refuses bad input', async () => {
    const f = await freshDatabase(kind, 'empty');
    dbs.push(f);
    await expect(publishRelease(f.db, { kind: 'NOPE' as never, cityCode: CITY, year: 2023, payload: {}, by: 'x' })).rejects.toBeInstanceOf(ReleaseError);
    await expect(publishRelease(f.db, { kind: 'ASSESSMENT', cityCode: CITY, year: 23, payload: {}, by: 'x' })).rejects.toBeInstanceOf(ReleaseError);
    await expect(publishRelease(f.db, { kind: 'ASSESSMENT', cityCode: CITY, year: 2023, payload: {}, by: ' ' })).rejects.toBeInstanceOf(ReleaseError);
    await expect(publishRelease(f.db, { kind: 'ASSESSMENT', cityCode: ' ', year: 2023, payload: {}, by: 'x' })).rejects.toThrow('发布须指明地市');
    await expect(withdrawRelease(f.db, CITY, 1, 'x', '')).rejects.toBeInstanceOf(ReleaseError);
  });
});
