// Computed page data (view models) kept between requests until the data changes.
//
// The figures change only when data is imported or corrected, a risk rule or warning changes, or a
// release is published. Each of those advances the **data version**, a counter stored in the database
// (DatasetMeta 'dataVersion'), so a change made by another process — `npm run import` on a schedule, the
// admin page, `npm run risk:evaluate` — is seen by every server process on its next request. A cached
// entry is keyed by (data version, database, query name, arguments): after a bump no old entry is ever
// read again, and the LRU drops them as new ones arrive. The promise is cached, so a crowd arriving at a
// cold page waits for one computation instead of starting a hundred.
import { cache as perRequest } from 'react';
import { LRUCache } from 'lru-cache';
import Database from 'better-sqlite3';
import { getDb, type Db } from '../db';
import { sqliteFilePath } from '../db/url';

const VERSION_KEY = 'dataVersion';

/** Why the version advanced (kept in the log; the version itself is just a counter). */
export type DataChange = 'import' | 'correction' | 'risk-evaluation' | 'rule-change' | 'warning-change' | 'release' | 'demo-load';

/** The current data version of `db` (0 before the first change). */
export async function readDataVersion(db: Db): Promise<number> {
  const row = await db.prisma.datasetMeta.findUnique({ where: { key: VERSION_KEY } });
  return row ? Number(row.value) || 0 : 0;
}

/** Read-only SQLite connections for readDataVersionDirect, one per database file. */
const versionStatements = new Map<string, Database.Statement<[string], { value: string }>>();

/**
 * The current data version of `db`, read with the driver directly instead of through the ORM: proxy.ts
 * reads it on every dashboard request to pick the kept rendering (lib/auth/pageCache), where Prisma's
 * per-query cost was a quarter of the request. Same value as readDataVersion, never cached: a change
 * another process commits (`npm run import`) is seen by the next request.
 */
export async function readDataVersionDirect(db: Db): Promise<number> {
  if (db.provider === 'postgres') {
    const r = await db.pgPool!.query<{ value: string }>('SELECT value FROM "DatasetMeta" WHERE key = $1', [VERSION_KEY]);
    return r.rows[0] ? Number(r.rows[0].value) || 0 : 0;
  }
  const file = sqliteFilePath(db.url);
  let stmt = versionStatements.get(file);
  if (!stmt) {
    const conn = new Database(file, { readonly: true, fileMustExist: true, timeout: 5_000 });
    stmt = conn.prepare<[string], { value: string }>('SELECT value FROM DatasetMeta WHERE key = ?');
    versionStatements.set(file, stmt);
  }
  const row = stmt.get(VERSION_KEY);
  return row ? Number(row.value) || 0 : 0;
}

/**
 * Advances the data version of `db` after data changed (`reason` for the log). Call it after the change
 * has committed, and after whatever is derived from it (warnings after an import) is written, so no page
 * computed from half-updated data is cached under the new version. Returns the new version.
 */
export async function bumpDataVersion(db: Db, reason: DataChange): Promise<number> {
  // Read-increment-write in one transaction; two writers racing both advance it (at worst by one).
  const next = await db.prisma.$transaction(async (tx) => {
    const row = await tx.datasetMeta.findUnique({ where: { key: VERSION_KEY } });
    const v = (row ? Number(row.value) || 0 : 0) + 1;
    await tx.datasetMeta.upsert({ where: { key: VERSION_KEY }, create: { key: VERSION_KEY, value: String(v) }, update: { value: String(v) } });
    return v;
  });
  store.clear();
  if (process.env.NODE_ENV !== 'test') console.log(`[cache] 数据版本 → ${next}（${reason}）`);
  return next;
}

/** One read of the version per request (React's per-request cache); outside a request, one per call. */
const versionThisRequest = perRequest((db: Db) => readDataVersion(db).then((v) => `${db.url}#${v}`));

const store = new LRUCache<string, Promise<unknown>>({ max: 2000 });

/** Stable JSON of plain arguments (object keys sorted), for cache keys. */
function keyOf(value: unknown): string {
  return JSON.stringify(value, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v);
}

/**
 * Wraps a page-data function of the process database (`getDb()`, or `opts.db`) so its result is kept per (data version,
 * name, arguments). Arguments must be plain data (filters, scope, codes). The result is shared between
 * requests: callers must not mutate it. A rejected promise is not kept.
 */
export function cachedByDataVersion<A extends unknown[], R>(
  name: string, fn: (...args: A) => Promise<R>, opts: { db?: () => Db } = {},
): (...args: A) => Promise<R> {
  const dbOf = opts.db ?? getDb;
  const on = cachedByDataVersionOn(name, (_db: Db, ...args: A) => fn(...args));
  return (...args: A) => on(dbOf(), ...args);
}

/**
 * As cachedByDataVersion, for a function whose first argument is the database it reads (a script's or the
 * report generator's own, not only the process database): kept per (database URL, its data version, name,
 * the other arguments).
 */
export function cachedByDataVersionOn<A extends unknown[], R>(
  name: string, fn: (db: Db, ...args: A) => Promise<R>,
): (db: Db, ...args: A) => Promise<R> {
  return async (db: Db, ...args: A) => {
    const version = await versionThisRequest(db);
    const key = `${version}|${name}|${keyOf(args)}`;
    let hit = store.get(key) as Promise<R> | undefined;
    if (!hit) {
      hit = fn(db, ...args);
      store.set(key, hit);
      hit.catch(() => { if (store.get(key) === hit) store.delete(key); });
    }
    return hit;
  };
}

/** Entries held (for tests and the benchmark's log). */
export function cachedEntries(): number {
  return store.size;
}
