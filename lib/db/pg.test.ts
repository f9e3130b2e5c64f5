// prisma/orm#27403 workaround: the shim must relabel `name` columns, and without it the adapter fails.
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as PgClient } from '../generated/postgres/client';
import { createPgPool, relabelNameColumns } from './pg';

describe('relabelNameColumns', () => {
  it('turns name (19) and name[] (1003) into text and text[], leaving other types', () => {
    const res = { fields: [{ dataTypeID: 19 }, { dataTypeID: 1003 }, { dataTypeID: 23 }] };
    expect(relabelNameColumns(res).fields.map((f) => f.dataTypeID)).toEqual([25, 1009, 23]);
    const multi = [{ fields: [{ dataTypeID: 19 }] }, { fields: [] }];
    expect(relabelNameColumns(multi)[0].fields[0].dataTypeID).toBe(25);
    expect(relabelNameColumns(undefined)).toBeUndefined();
  });
});

describe.runIf(!!process.env.TEST_PG_URL)('PostgreSQL adapter with the name-type shim (real server)', () => {
  const url = process.env.TEST_PG_URL!;
  it('reads a `name` column through Prisma with the shim', async () => {
    const pool = createPgPool(url, 1);
    const prisma = new PgClient({ adapter: new PrismaPg(pool) });
    try {
      const rows = await prisma.$queryRawUnsafe<{ u: string }[]>('SELECT current_user AS u');
      expect(rows[0].u).toBe('postgres');
      // Also inside an interactive transaction (a pooled client, not pool.query).
      const inTx = await prisma.$transaction(async (tx) => tx.$queryRawUnsafe<{ n: string }[]>(`SELECT typname AS n FROM pg_type WHERE oid = 19`));
      expect(inTx[0].n).toBe('name');
    } finally {
      await prisma.$disconnect();
      await pool.end();
    }
  });

  it('fails without the shim (so the shim is still needed)', async () => {
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    const prisma = new PgClient({ adapter: new PrismaPg(pool) });
    try {
      await expect(prisma.$queryRawUnsafe('SELECT current_user AS u')).rejects.toThrow(/name|deserializ|Unsupported/i);
    } finally {
      await prisma.$disconnect();
      await pool.end();
    }
  });
});

describe.runIf(!!process.env.TEST_PG_URL)('a connection the server ends (real server)', () => {
  const url = process.env.TEST_PG_URL!;
  it('is logged and replaced, never an uncaught error: an idle pooled client and a checked-out one', async () => {
    const pool = createPgPool(url, 2);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const before = process.listenerCount('uncaughtException');
    try {
      // one client idle in the pool, one checked out and not querying
      const held = await pool.connect();
      const idle = await pool.connect();
      const pids = [(await held.query('SELECT pg_backend_pid() AS p')).rows[0].p, (await idle.query('SELECT pg_backend_pid() AS p')).rows[0].p];
      idle.release();
      // what DROP DATABASE … WITH (FORCE) or a server restart does to them: 57P01
      await admin.query('SELECT pg_terminate_backend(p) FROM unnest($1::int[]) AS p', [pids]);
      await new Promise((r) => setTimeout(r, 300));
      held.release(true);
      // the pool opens a fresh connection; an 'error' without a listener would have thrown above
      expect((await pool.query('SELECT 1 AS one')).rows[0].one).toBe(1);
      expect(pool.listenerCount('error')).toBeGreaterThan(0);
      expect(process.listenerCount('uncaughtException')).toBe(before);
    } finally {
      await admin.end();
      await pool.end();
    }
  });
});
