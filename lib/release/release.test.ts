import { afterAll, describe, expect, it } from 'vitest';
import { diffFigures, getRelease, listReleases, publishRelease, ReleaseError, withdrawRelease } from '.';
import { freshDatabase, testDbKinds } from '../testing/databases';

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

describe.each(testDbKinds())('releases on %s', (kind) => {
  it('publishes versions, keeps old ones, and withdraws back to the previous', async () => {
    const f = await freshDatabase(kind, 'demo');
    dbs.push(f);
    expect(await getRelease(f.db, 'ASSESSMENT', 2023)).toBeNull();
    const v1 = await publishRelease(f.db, { kind: 'ASSESSMENT', year: 2023, payload: { score: { '430921': 81.5 } }, by: '张三', dataThrough: 202312 });
    expect(v1.version).toBe(1);
    expect(v1.lastBatchId).not.toBeNull();
    const v2 = await publishRelease(f.db, { kind: 'ASSESSMENT', year: 2023, payload: { score: { '430921': 82 } }, by: '张三', note: '更正' });
    expect(v2.version).toBe(2);
    expect((await getRelease<{ score: Record<string, number> }>(f.db, 'ASSESSMENT', 2023))!.payload.score['430921']).toBe(82);
    expect((await getRelease<{ score: Record<string, number> }>(f.db, 'ASSESSMENT', 2023, 1))!.payload.score['430921']).toBe(81.5);
    expect(await getRelease(f.db, 'OPEN_REPORT', 2023)).toBeNull();
    await withdrawRelease(f.db, v2.id, '李四', '数据有误');
    expect((await getRelease(f.db, 'ASSESSMENT', 2023))!.version).toBe(1);
    const list = await listReleases(f.db, 'ASSESSMENT');
    expect(list.map((r) => [r.version, r.status])).toEqual([[2, 'WITHDRAWN'], [1, 'PUBLISHED']]);
  });
  it('refuses bad input', async () => {
    const f = await freshDatabase(kind, 'empty');
    dbs.push(f);
    await expect(publishRelease(f.db, { kind: 'NOPE' as never, year: 2023, payload: {}, by: 'x' })).rejects.toBeInstanceOf(ReleaseError);
    await expect(publishRelease(f.db, { kind: 'ASSESSMENT', year: 23, payload: {}, by: 'x' })).rejects.toBeInstanceOf(ReleaseError);
    await expect(publishRelease(f.db, { kind: 'ASSESSMENT', year: 2023, payload: {}, by: ' ' })).rejects.toBeInstanceOf(ReleaseError);
    await expect(withdrawRelease(f.db, 1, 'x', '')).rejects.toBeInstanceOf(ReleaseError);
  });
});
