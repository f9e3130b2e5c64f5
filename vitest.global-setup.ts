// Builds the test databases once per run: the demo city and an empty migrated warehouse, in SQLite
// and (when TEST_PG_URL is set) in PostgreSQL, as templates that tests read or copy.
import fs from 'node:fs';
import { migrateDeploy } from './lib/db/migrate';
import { createDb } from './lib/db';
import { loadDemoCity } from './lib/demo/load';
import { adminQuery, pgUrlFor, PG_DEMO_DB, PG_EMPTY_DB, SQLITE_DEMO, SQLITE_EMPTY, TEST_DIR } from './lib/testing/databases';

export default async function setup() {
  fs.rmSync(TEST_DIR, { recursive: true, force: true });
  fs.mkdirSync(TEST_DIR, { recursive: true });
  const t0 = Date.now();
  migrateDeploy(`file:${SQLITE_EMPTY}`);
  fs.copyFileSync(SQLITE_EMPTY, SQLITE_DEMO);
  const s = createDb(`file:${SQLITE_DEMO}`);
  await loadDemoCity(s);
  await s.close();
  // Fold the WAL into the file so copies of it are complete.
  const Database = (await import('better-sqlite3')).default;
  for (const f of [SQLITE_DEMO, SQLITE_EMPTY]) { const c = new Database(f); c.pragma('wal_checkpoint(TRUNCATE)'); c.pragma('journal_mode = DELETE'); c.close(); }
  console.log(`[test-setup] SQLite demo city ready (${Date.now() - t0} ms)`);
  if (process.env.TEST_PG_URL) {
    const t1 = Date.now();
    for (const name of [PG_DEMO_DB, PG_EMPTY_DB]) {
      await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await adminQuery(`CREATE DATABASE "${name}"`);
    }
    migrateDeploy(pgUrlFor(PG_EMPTY_DB));
    await adminQuery(`DROP DATABASE "${PG_DEMO_DB}"`);
    await adminQuery(`CREATE DATABASE "${PG_DEMO_DB}" TEMPLATE "${PG_EMPTY_DB}"`);
    const p = createDb(pgUrlFor(PG_DEMO_DB));
    await loadDemoCity(p);
    await p.close();
    console.log(`[test-setup] PostgreSQL demo city ready (${Date.now() - t1} ms)`);
  }
}
