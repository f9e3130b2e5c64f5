// Before the browser tests: sign in as each demo role through the real /login form and save the
// session cookies (E2E_DIR/state-<role>.json).
import { chromium, type FullConfig } from '@playwright/test';
import { loginAs, stateFile, type E2eRole } from './auth';

export default async function globalSetup(config: FullConfig) {
  const use = config.projects[0].use;
  const browser = await chromium.launch(use.launchOptions);
  try {
    for (const role of ['admin', 'city', 'county'] as E2eRole[]) {
      const context = await browser.newContext({ baseURL: use.baseURL, locale: 'zh-CN' });
      const page = await context.newPage();
      await loginAs(page, role);
      await context.storageState({ path: stateFile(role) });
      await context.close();
    }
  } finally {
    await browser.close();
  }
}
