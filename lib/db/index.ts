// One database handle for the app, scripts and tests. DATABASE_URL picks SQLite (embedded default)
// or PostgreSQL; both go through Prisma driver adapters (no engine binaries).
import { PrismaClient as SqliteClient } from '../generated/sqlite/client';
import { PrismaClient as PgClient } from '../generated/postgres/client';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import type pg from 'pg';
import { providerOf, resolveDatabaseUrl, type Provider } from './url';
import { createPgPool, pgAdapterFactory } from './pg';

/** Both generated clients expose the same model API; the SQLite one's type stands for both. */
export type Prisma = SqliteClient;

export interface Db {
  prisma: Prisma;
  provider: Provider;
  url: string;
  /** Only for PostgreSQL: the pool Prisma uses, shared with bulk loading. */
  pgPool?: pg.Pool;
  close(): Promise<void>;
}

export function createDb(rawUrl?: string): Db {
  const url = resolveDatabaseUrl(rawUrl ?? process.env.DATABASE_URL);
  const provider = providerOf(url);
  if (provider === 'postgres') {
    const pool = createPgPool(url);
    const prisma = new PgClient({ adapter: pgAdapterFactory(url, pool) }) as unknown as Prisma;
    return {
      prisma, provider, url, pgPool: pool,
      async close() { await prisma.$disconnect(); await pool.end().catch(() => {}); },
    };
  }
  // timeout: a reader waits for a writer (an import) instead of failing with SQLITE_BUSY.
  const prisma = new SqliteClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 15_000 }) });
  return { prisma, provider, url, async close() { await prisma.$disconnect(); } };
}

const globalForDb = globalThis as unknown as { __yibaoDb?: Db };

/** The process-wide handle (reused across Next dev reloads). */
export function getDb(): Db {
  if (!globalForDb.__yibaoDb) globalForDb.__yibaoDb = createDb();
  return globalForDb.__yibaoDb;
}
