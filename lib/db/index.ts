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
  const r = resilientSqliteClient(url);
  return { prisma: r.prisma, provider, url, close: r.close };
}

/** A storage failure (disk full, read-only, I/O error, a lock held too long) rather than a query error. */
export function isStorageFailure(e: unknown): boolean {
  const text = `${(e as { code?: string })?.code ?? ''} ${(e as Error)?.message ?? ''}`;
  return /SQLITE_(FULL|READONLY|IOERR|BUSY|LOCKED|CANTOPEN|PROTOCOL)|disk is full|readonly database|disk I\/O error|database is locked|Operation has timed out|P1008|P2028|Transaction already closed/i.test(text);
}

/**
 * The SQLite Prisma client, replaced after a storage failure. After one failed write (disk full,
 * read-only file, a lock held past the timeout) the better-sqlite3 adapter can leave its connection in a
 * state where every later write waits forever (prisma/orm#29933), so the app would need a restart once
 * the cause is gone. Here the client that saw the failure is dropped and the next use opens a fresh one:
 * writes work again as soon as the disk has room or the file is writable. `prisma` is a stable handle
 * that always forwards to the current client.
 */
function resilientSqliteClient(url: string): { prisma: Prisma; close(): Promise<void> } {
  // timeout: a reader waits for a writer (an import) instead of failing with SQLITE_BUSY.
  const make = () => new SqliteClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 15_000 }) });
  let client = make();
  let broken = false;
  const retired: SqliteClient[] = [];
  const observe = (e: unknown) => {
    if (isStorageFailure(e)) broken = true;
    throw e;
  };
  const current = () => {
    if (broken) {
      broken = false;
      const old = client;
      client = make();
      retired.push(old);
      // Its connection may be stuck: disconnect without waiting on it.
      void Promise.race([old.$disconnect(), new Promise((r) => setTimeout(r, 1000))]).catch(() => {});
    }
    return client;
  };
  // Model delegates: every call's promise is observed for storage failures. Prisma's promises are lazy,
  // so the observed promise is what the caller awaits (no second execution).
  const wrapDelegate = (d: Record<string, unknown>) => new Proxy(d, {
    get(target, prop) {
      const v = Reflect.get(target, prop);
      if (typeof v !== 'function') return v;
      return (...args: unknown[]) => {
        const res = (v as (...a: unknown[]) => unknown).apply(target, args);
        return res && typeof (res as Promise<unknown>).then === 'function' ? (res as Promise<unknown>).then((x) => x, observe) : res;
      };
    },
  });
  const prisma = new Proxy({} as Prisma, {
    get(_t, prop) {
      const c = current() as unknown as Record<string | symbol, unknown>;
      const v = c[prop];
      if (typeof v === 'function') {
        if (typeof prop === 'string' && ['$transaction', '$executeRaw', '$executeRawUnsafe', '$queryRaw', '$queryRawUnsafe'].includes(prop)) {
          return (...args: unknown[]) => {
            const res = (v as (...a: unknown[]) => unknown).apply(c, args);
            return res && typeof (res as Promise<unknown>).then === 'function' ? (res as Promise<unknown>).then((x) => x, observe) : res;
          };
        }
        return (v as (...a: unknown[]) => unknown).bind(c);
      }
      if (v && typeof v === 'object' && typeof prop === 'string' && !prop.startsWith('$') && !prop.startsWith('_')) return wrapDelegate(v as Record<string, unknown>);
      return v;
    },
  });
  return {
    prisma,
    async close() {
      await client.$disconnect();
      for (const r of retired) await Promise.race([r.$disconnect(), new Promise((res) => setTimeout(res, 200))]).catch(() => {});
    },
  };
}

const globalForDb = globalThis as unknown as { __yibaoDb?: Db };

/** The process-wide handle (reused across Next dev reloads). */
export function getDb(): Db {
  if (!globalForDb.__yibaoDb) globalForDb.__yibaoDb = createDb();
  return globalForDb.__yibaoDb;
}
