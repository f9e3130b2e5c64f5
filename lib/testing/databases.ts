// Real databases for tests: the demo city in SQLite and in PostgreSQL, built once per run by
// vitest.global-setup.ts, and fresh writable copies for tests that change data.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { createDb, type Db } from '../db';

export type TestDbKind = 'sqlite' | 'postgres';
// TEST_TMP_DIR lets parallel runs (several developers on one machine) keep their own test databases.
export const TEST_DIR = path.resolve(process.env.TEST_TMP_DIR ?? path.resolve(__dirname, '../../.tmp/test'));
export const SQLITE_DEMO = path.join(TEST_DIR, 'demo.db');
export const SQLITE_EMPTY = path.join(TEST_DIR, 'empty.db');
export const PG_DEMO_DB = 'yibao_demo';
export const PG_EMPTY_DB = 'yibao_empty';

/** Which databases the suite runs against. PostgreSQL is required when REQUIRE_PG=1 (npm test, CI). */
export function testDbKinds(): TestDbKind[] {
  if (process.env.TEST_PG_URL) return ['sqlite', 'postgres'];
  if (process.env.REQUIRE_PG === '1') throw new Error('REQUIRE_PG=1 but TEST_PG_URL is not set: run tests with `npm test`');
  return ['sqlite'];
}

export function pgUrlFor(database: string): string {
  const base = process.env.TEST_PG_URL;
  if (!base) throw new Error('TEST_PG_URL is not set');
  const u = new URL(base);
  u.pathname = `/${database}`;
  return u.toString();
}

/** The shared, read-only demo city. Do not write to it: use `freshDatabase` for that. */
export function demoDb(kind: TestDbKind): Db {
  return createDb(kind === 'sqlite' ? `file:${SQLITE_DEMO}` : pgUrlFor(PG_DEMO_DB));
}

let counter = 0;
/** A private writable copy of the demo city (or of the empty migrated warehouse). */
export async function freshDatabase(kind: TestDbKind, from: 'demo' | 'empty' = 'demo'): Promise<{ db: Db; url: string; drop(): Promise<void> }> {
  const name = `t_${process.pid}_${Date.now()}_${++counter}`;
  if (kind === 'sqlite') {
    const file = path.join(TEST_DIR, `${name}.db`);
    fs.copyFileSync(from === 'demo' ? SQLITE_DEMO : SQLITE_EMPTY, file);
    const url = `file:${file}`;
    const db = createDb(url);
    return {
      db, url,
      async drop() { await db.close(); for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true }); },
    };
  }
  // PostgreSQL copies a template database: a fast file-level copy on the server.
  await adminQuery(`CREATE DATABASE "${name}" TEMPLATE "${from === 'demo' ? PG_DEMO_DB : PG_EMPTY_DB}"`);
  const url = pgUrlFor(name);
  const db = createDb(url);
  return {
    db, url,
    async drop() { await db.close(); await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`); },
  };
}

export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.TEST_PG_URL });
  await client.connect();
  try { await client.query(sql); } finally { await client.end(); }
}
