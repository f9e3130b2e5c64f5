// After a failed write (here: the database "full" for the Prisma client's connection, PRAGMA
// max_page_count), later writes work again without a restart: the client that saw the storage failure is
// replaced (lib/db/index.ts; the adapter otherwise can hang every later write, prisma/orm#29933).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../testing/databases';
import { isStorageFailure } from './index';

const within = <T>(p: Promise<T>, ms: number) => Promise.race([p, new Promise<never>((_, rej) => setTimeout(() => rej(new Error(`no answer in ${ms} ms`)), ms))]);

describe('SQLite writes after a storage failure', () => {
  let t: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => { t = await freshDatabase('sqlite', 'empty'); });
  afterAll(async () => { await t?.drop(); });

  it('a full database fails the write; once the cause is gone the next writes succeed, interactive transactions included', async () => {
    const p = t.db.prisma;
    await p.scheme.create({ data: { code: 'A', name: 'a' } });
    const [{ page_count: pages }] = await p.$queryRawUnsafe<{ page_count: number }[]>('PRAGMA page_count');
    await p.$queryRawUnsafe(`PRAGMA max_page_count = ${Number(pages)}`);
    const big = 'x'.repeat(200_000);
    const failed = await within(p.$transaction(async (tx) => { await tx.scheme.create({ data: { code: 'B', name: big } }); }), 30_000).then(() => null, (e: unknown) => e);
    expect(failed).not.toBeNull();
    expect(isStorageFailure(failed)).toBe(true);
    // The cause is gone for the next connection (the limit was this connection's): writes work again.
    await within(p.scheme.create({ data: { code: 'C', name: big } }), 20_000);
    await within(p.$transaction(async (tx) => { await tx.scheme.update({ where: { code: 'A' }, data: { name: 'a2' } }); }), 20_000);
    expect((await p.scheme.findMany({ orderBy: { code: 'asc' } })).map((s) => [s.code, s.name.length])).toEqual([['A', 2], ['C', 200_000]]);
  }, 90_000);
});
