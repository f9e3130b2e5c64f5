// Prisma CLI config. The CLI's native schema engine cannot be downloaded here, so migrations run through
// the WebAssembly engine over a driver adapter (STACK.md). Which schema/adapter: from DATABASE_URL.
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { providerOf, resolveDatabaseUrl } from './lib/db/url';

const url = resolveDatabaseUrl(process.env.DATABASE_URL);
const provider = process.env.PRISMA_PROVIDER === 'postgres' || process.env.PRISMA_PROVIDER === 'sqlite'
  ? process.env.PRISMA_PROVIDER
  : providerOf(url);

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', provider, 'schema.prisma'),
  migrations: { path: path.join('prisma', provider, 'migrations') },
  async adapter() {
    if (provider === 'postgres') {
      const { pgAdapterFactory } = await import('./lib/db/pg');
      return pgAdapterFactory(url);
    }
    const { PrismaBetterSQLite3 } = await import('@prisma/adapter-better-sqlite3');
    return new PrismaBetterSQLite3({ url });
  },
});
