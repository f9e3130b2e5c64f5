// Fast set-based writes that bypass the ORM: loading the demo city and (later) imports write hundreds of
// thousands of fact rows, which Prisma's per-row createMany makes minutes long. Everything a writer
// does between begin() and commit() is one transaction: a failure leaves the database as it was.
import Database from 'better-sqlite3';
import type pg from 'pg';
import type { Db } from './index';
import { sqliteFilePath } from './url';

/** Uint8Array (a Node Buffer) is a BLOB in SQLite and a bytea in PostgreSQL. */
export type Cell = string | number | boolean | null | Uint8Array;

export interface BulkWriter {
  readonly provider: Db['provider'];
  insert(table: string, columns: string[], rows: Cell[][]): Promise<void>;
  exec(sql: string, params?: Cell[]): Promise<number>;
  /** Reads inside the writer's transaction (sees its own uncommitted writes). */
  query<T = Record<string, unknown>>(sql: string, params?: Cell[]): Promise<T[]>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
}

const q = (id: string) => `"${id.replace(/"/g, '""')}"`;

/** Opens a writer with a transaction already begun. Call commit() or rollback() exactly once. */
export async function openBulkWriter(db: Db): Promise<BulkWriter> {
  return db.provider === 'postgres' ? openPg(db.pgPool!) : openSqlite(sqliteFilePath(db.url));
}

/** Runs fn inside one transaction of a bulk writer; rolls back on any error. */
export async function withBulkWriter<T>(db: Db, fn: (w: BulkWriter) => Promise<T>): Promise<T> {
  const w = await openBulkWriter(db);
  try {
    const out = await fn(w);
    await w.commit();
    return out;
  } catch (err) {
    await w.rollback().catch(() => {});
    throw err;
  }
}

function openSqlite(file: string): BulkWriter {
  const conn = new Database(file, { timeout: 15_000 });
  conn.pragma('journal_mode = WAL');
  conn.pragma('synchronous = NORMAL');
  conn.exec('BEGIN IMMEDIATE');
  const stmts = new Map<string, Database.Statement>();
  // SQLite has no boolean type: Prisma stores Boolean as 0/1.
  const bind = (row: Cell[]) => row.map((v) => (typeof v === 'boolean' ? (v ? 1 : 0) : v));
  let open = true;
  const end = (sql: string) => {
    if (!open) return;
    open = false;
    try { conn.exec(sql); } finally { conn.close(); }
  };
  return {
    provider: 'sqlite',
    async insert(table, columns, rows) {
      const key = `${table}|${columns.join(',')}`;
      let stmt = stmts.get(key);
      if (!stmt) {
        stmt = conn.prepare(`INSERT INTO ${q(table)} (${columns.map(q).join(',')}) VALUES (${columns.map(() => '?').join(',')})`);
        stmts.set(key, stmt);
      }
      for (const r of rows) stmt.run(bind(r));
    },
    async exec(sql, params = []) {
      return conn.prepare(sql).run(bind(params)).changes;
    },
    async query<T>(sql: string, params: Cell[] = []) {
      return conn.prepare(sql).all(bind(params)) as T[];
    },
    async commit() { end('COMMIT'); },
    async rollback() { end('ROLLBACK'); },
  };
}

async function openPg(pool: pg.Pool): Promise<BulkWriter> {
  const client = await pool.connect();
  await client.query('BEGIN');
  let open = true;
  const end = async (sql: string) => {
    if (!open) return;
    open = false;
    try { await client.query(sql); } finally { client.release(); }
  };
  // `?` placeholders (SQLite style) become $1, $2, … so callers write one SQL for both.
  const numbered = (sql: string) => { let i = 0; return sql.replace(/\?/g, () => `$${++i}`); };
  return {
    provider: 'postgres',
    async insert(table, columns, rows) {
      // Multi-row VALUES, chunked under PostgreSQL's 65,535 bind-parameter limit.
      const per = Math.max(1, Math.floor(60_000 / columns.length));
      for (let s = 0; s < rows.length; s += per) {
        const chunk = rows.slice(s, s + per);
        const values: Cell[] = [];
        const tuples = chunk.map((r) => {
          const base = values.length;
          values.push(...r);
          return `(${r.map((_, j) => `$${base + j + 1}`).join(',')})`;
        });
        await client.query(`INSERT INTO ${q(table)} (${columns.map(q).join(',')}) VALUES ${tuples.join(',')}`, values);
      }
    },
    async exec(sql, params = []) {
      return (await client.query(numbered(sql), params)).rowCount ?? 0;
    },
    async query<T>(sql: string, params: Cell[] = []) {
      return (await client.query(numbered(sql), params)).rows as T[];
    },
    async commit() { await end('COMMIT'); },
    async rollback() { await end('ROLLBACK'); },
  };
}
