// Independent reads of the e2e database for browser tests: plain SQL on the SQLite file the server
// uses, so a page's figure is checked against a computation that shares no code with the product.
import Database from 'better-sqlite3';

export function openE2eDb() {
  const file = process.env.E2E_DB;
  if (!file) throw new Error('E2E_DB not set (run through playwright.config.ts)');
  return new Database(file, { readonly: true, fileMustExist: true });
}

export function scalar(db: Database.Database, sql: string, ...params: unknown[]): number {
  const row = db.prepare(sql).raw().get(...params) as unknown[] | undefined;
  return Number(row?.[0]);
}

/** One decimal percent as the pages show it (e.g. 0.9553 → '95.5%'). */
export const pct = (x: number) => `${(Math.round(x * 1000) / 10).toFixed(1)}%`;
