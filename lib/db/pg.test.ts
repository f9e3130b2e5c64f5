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
