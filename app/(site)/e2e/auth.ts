// Who the browser tests act as: the demo accounts prepare-db generated for the e2e database (their
// passwords are in E2E_DIR/demo-accounts.txt) and the sessions global-setup.ts saved for them.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';

export type E2eRole = 'admin' | 'city' | 'county';
export const E2E_DIR = path.dirname(process.env.E2E_DB ?? path.resolve('.tmp/e2e/yibao.db'));

export interface Credential { username: string; password: string; role: E2eRole }

/** The generated demo credentials (file format: lib/auth/demo.ts). */
export function credentials(role: E2eRole): Credential {
  const lines = fs.readFileSync(path.join(E2E_DIR, 'demo-accounts.txt'), 'utf8').split('\n').filter((l) => /^demo-/.test(l));
  for (const l of lines) {
    const [username, password, r] = l.trim().split(/\s+/);
    if (r === role) return { username, password, role };
  }
  throw new Error(`no demo account with role ${role}`);
}

/** The saved session of a role, for `test.use({ storageState: stateFile('county') })`. */
export const stateFile = (role: E2eRole) => path.join(E2E_DIR, `state-${role}.json`);

/** Signs in through the /login form (the page must be at /login or will be sent there). */
export async function loginAs(page: Page, role: E2eRole, next?: string): Promise<void> {
  const c = credentials(role);
  await page.goto(next ? `/login?next=${encodeURIComponent(next)}` : '/login');
  await page.getByLabel('用户名').fill(c.username);
  await page.getByLabel('密码').fill(c.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}
