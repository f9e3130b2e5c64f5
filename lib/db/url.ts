// DATABASE_URL decides the database: `file:…` (or unset) is the embedded SQLite default,
// `postgres://` / `postgresql://` is PostgreSQL.
import path from 'node:path';

export type Provider = 'sqlite' | 'postgres';

export const DEFAULT_SQLITE_URL = 'file:./data/yibao.db';

export function resolveDatabaseUrl(raw: string | undefined): string {
  const url = (raw ?? '').trim();
  return url === '' ? DEFAULT_SQLITE_URL : url;
}

export function providerOf(url: string): Provider {
  if (/^postgres(ql)?:\/\//i.test(url)) return 'postgres';
  if (/^file:/i.test(url)) return 'sqlite';
  throw new Error(`DATABASE_URL 无法识别: "${url}"（应为 file:路径 或 postgresql://…）`);
}

/** Absolute path of a `file:` URL, relative paths resolved against the working directory. */
export function sqliteFilePath(url: string): string {
  const p = url.replace(/^file:/i, '').split('?')[0];
  return path.isAbsolute(p) ? p : path.resolve(/*turbopackIgnore: true*/ process.cwd(), p);
}
