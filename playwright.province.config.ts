// Browser tests on the demo province (lib/demo/province.ts, DEMO=province): a production server on its own
// SQLite file and port, with a reduced number of cities (E2E_PROVINCE_CITIES, default 4) so the load stays
// short; the same sign-in setup as the demo city's tests (app/(site)/e2e/global-setup.ts).
//   npx next build && npx playwright test -c playwright.province.config.ts
import { defineConfig } from '@playwright/test';
import path from 'node:path';

const PORT = Number(process.env.E2E_PROVINCE_PORT ?? 3211);
const E2E_DIR = path.resolve(__dirname, process.env.E2E_PROVINCE_DIR ?? '.tmp/e2e-province');
const E2E_DB = path.join(E2E_DIR, 'yibao.db');
const CITIES = process.env.E2E_PROVINCE_CITIES ?? '4';
process.env.E2E_DB = E2E_DB;
process.env.E2E_BASE_URL = `http://127.0.0.1:${PORT}`;
process.env.E2E_PROVINCE_CITIES = CITIES;

export default defineConfig({
  testDir: './app',
  testMatch: '**/*.province-e2e.ts',
  timeout: 90_000,
  workers: 1,
  outputDir: path.join(E2E_DIR, 'results'),
  globalSetup: './app/(site)/e2e/global-setup.ts',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    storageState: path.join(E2E_DIR, 'state-city.json'),
    locale: 'zh-CN',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: `rm -rf '${E2E_DIR}' && mkdir -p '${E2E_DIR}' && npx tsx --conditions=react-server scripts/prepare-db.ts && npx next start -p ${PORT} -H 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}/`,
    timeout: 300_000,
    reuseExistingServer: false,
    env: { DATABASE_URL: `file:${E2E_DB}`, E2E_DB, DEMO: 'province', DEMO_CITIES: CITIES, DEMO_ACCOUNTS_FILE: path.join(E2E_DIR, 'demo-accounts.txt'), REPORTS_AFTER_IMPORT: '0' },
    stdout: 'pipe',
  },
});
