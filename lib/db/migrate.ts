// Applies the provider's migrations offline with `prisma migrate deploy` through the driver adapter
// configured in prisma.config.ts (the only migrate path that works without engine downloads).
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { providerOf, resolveDatabaseUrl, sqliteFilePath } from './url';

export function migrateDeploy(rawUrl?: string, cwd = process.cwd()): string {
  const url = resolveDatabaseUrl(rawUrl ?? process.env.DATABASE_URL);
  if (providerOf(url) === 'sqlite') fs.mkdirSync(path.dirname(sqliteFilePath(url)), { recursive: true });
  const bin = path.join(cwd, 'node_modules', '.bin', 'prisma');
  return execFileSync(bin, ['migrate', 'deploy'], {
    cwd,
    env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
