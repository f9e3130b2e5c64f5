// Browser tests in Debian's Chromium (Playwright cannot download its own browser here: STACK.md)
// against the production build serving the demo city from a fresh SQLite file.
import { defineConfig } from '@playwright/test';
import path from 'node:path';

const PORT = Number(process.env.E2E_PORT ?? 3210);
const E2E_DIR = path.resolve(__dirname, process.env.E2E_DIR ?? '.tmp/e2e');
export const E2E_DB = path.join(E2E_DIR, 'yibao.db');
// Tests read the same file with plain SQL (app/e2e/sql.ts) and save screenshots beside it.
process.env.E2E_DB = E2E_DB;
// E2E_DEV=1 serves with `next dev` (no production build needed while developing a page).
const serve = process.env.E2E_DEV === '1' ? `npx next dev -p ${PORT} -H 127.0.0.1` : `npx next start -p ${PORT} -H 127.0.0.1`;

export default defineConfig({
  testDir: './app',
  testMatch: '**/*.e2e.ts',
  timeout: 60_000,
  workers: 1,
  outputDir: path.join(E2E_DIR, 'results'),
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'zh-CN',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: `rm -rf '${E2E_DIR}' && mkdir -p '${E2E_DIR}' && npx tsx scripts/prepare-db.ts && ${serve}`,
    url: `http://127.0.0.1:${PORT}/`,
    timeout: 180_000,
    reuseExistingServer: false,
    // E2E_FAULTS=1 lets tests break one widget on purpose (?e2e-fail=…, app/ui/faults.ts); never set in production.
    env: { DATABASE_URL: `file:${E2E_DB}`, E2E_DB, E2E_FAULTS: '1' },
    stdout: 'pipe',
  },
});
