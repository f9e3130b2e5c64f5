// Test support: plain SQL on the database a Db points at, through the driver itself (better-sqlite3 or
// pg), so query tests compare the product's figures with a computation that shares no code with it.
// Write identifiers double-quoted ("LedgerFact"."regionCode") and parameters as `?`: both work on both.
import Database from 'better-sqlite3';
import type { Db } from '../../db';
import { sqliteFilePath } from '../../db/url';

export async function sqlRows(db: Db, sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  if (db.provider === 'postgres') {
    let i = 0;
    const text = sql.replace(/\?/g, () => `$${++i}`);
    const r = await db.pgPool!.query(text, params);
    return r.rows;
  }
  const conn = new Database(sqliteFilePath(db.url), { readonly: true, fileMustExist: true });
  try {
    return conn.prepare(sql).all(...params) as Record<string, unknown>[];
  } finally {
    conn.close();
  }
}

/** The first column of the first row as a number (pg returns SUM of bigint as a string). */
export async function sqlNumber(db: Db, sql: string, params: unknown[] = []): Promise<number> {
  const rows = await sqlRows(db, sql, params);
  const v = rows[0] ? Object.values(rows[0])[0] : null;
  return v === null || v === undefined ? NaN : Number(v);
}
