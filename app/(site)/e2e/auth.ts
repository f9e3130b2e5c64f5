// Who the browser tests act as: the demo accounts prepare-db generated for the e2e database (their
// passwords are in E2E_DIR/demo-accounts.txt) and the sessions global-setup.ts saved for them.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';

export type E2eRole = 'admin' | 'city' | 'county';
export const E2E_DIR = path.dirname(process.env.E2E_DB ?? path.resolve('.tmp/e2e/yibao.db'));

export interface Credential { username: string; password: string; role: E2eRole }

/** Every generated demo credential, in file order (file format: lib/auth/demo.ts). */
function allCredentials(): Credential[] {
  return fs.readFileSync(path.join(E2E_DIR, 'demo-accounts.txt'), 'utf8').split('\n').filter((l) => /^demo-/.test(l)).map((l) => {
    const [username, password, role] = l.trim().split(/\s+/);
    return { username, password, role: role as E2eRole };
  });
}

/** The first generated demo credential of a role. */
export function credentials(role: E2eRole): Credential {
  const c = allCredentials().find((x) => x.role === role);
  if (!c) throw new Error(`no demo account with role ${role}`);
  return c;
}

/** The generated demo credential of one account (e.g. a city user bound to a city, demo-<city code>). */
export function credentialsOf(username: string): Credential {
  const c = allCredentials().find((x) => x.username === username);
  if (!c) throw new Error(`no demo account ${username}`);
  return c;
}

/** The saved session of a role, for `test.use({ storageState: stateFile('county') })`. */
export const stateFile = (role: E2eRole) => path.join(E2E_DIR, `state-${role}.json`);

/** Signs in through the /login form (the page must be at /login or will be sent there). */
export async function loginAs(page: Page, role: E2eRole | Credential, next?: string): Promise<void> {
  const c = typeof role === 'string' ? credentials(role) : role;
  await page.goto(next ? `/login?next=${encodeURIComponent(next)}` : '/login');
  await page.getByLabel('用户名').fill(c.username);
  await page.getByLabel('密码').fill(c.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}
