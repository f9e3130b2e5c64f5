// Logging in as each demo role and seeing what that role should; the county user who edits the URL to
// another county gets the 403 page; the anonymous visitor is sent from /risk to /login and can open
// /open; failed logins say why in Chinese; no page is blocked by the Content-Security-Policy.
import path from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { credentials, loginAs, stateFile } from './auth';
import { openE2eDb, scalar } from './sql';

const shots = path.join(path.dirname(process.env.E2E_DB ?? '.tmp/e2e/yibao.db'), 'shots');
const nav = (page: Page) => page.getByRole('navigation', { name: '主导航' });

/** Collects CSP violations and page errors while a test runs. */
function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  return problems;
}

test.describe('anonymous', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('is sent from /risk to /login, can open /open; login errors are Chinese', async ({ page }) => {
    const problems = watchConsole(page);
    await page.goto('/risk?status=all');
    await expect(page).toHaveURL(/\/login\?next=%2Frisk/);
    await expect(page.getByLabel('用户名')).toBeVisible();
    await expect(page.getByLabel('密码')).toBeVisible();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: path.join(shots, 'login-desktop.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: path.join(shots, 'login-phone.png'), fullPage: true });
    await page.getByLabel('用户名').fill('demo-city');
    await page.getByLabel('密码').fill('not-the-password');
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByRole('form', { name: '登录' }).getByRole('alert')).toHaveText('用户名或密码不正确');
    await page.goto('/open');
    await expect(page).toHaveURL(/\/open$/);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(nav(page).getByRole('link', { name: '管理' })).toHaveCount(0);
    expect(problems).toEqual([]);
  });

  test('signs in with the generated password and lands where it was going', async ({ page }) => {
    const problems = watchConsole(page);
    await page.goto('/collection?year=2024');
    await expect(page).toHaveURL(/\/login/);
    const c = credentials('city');
    await page.getByLabel('用户名').fill(c.username);
    await page.getByLabel('密码').fill(c.password);
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page).toHaveURL(/\/collection\?year=2024/, { timeout: 30_000 });
    await expect(page.getByText('演示·市医保局分析员')).toBeVisible();
    // 退出登录 ends the session: /risk sends to /login again
    await page.getByRole('button', { name: '退出登录' }).click();
    await expect(page).toHaveURL(/\/login/, { timeout: 30_000 });
    await page.goto('/risk');
    await expect(page).toHaveURL(/\/login/);
    expect(problems).toEqual([]);
  });
});

test.describe('county user (石门县)', () => {
  test.use({ storageState: stateFile('county') });

  test('sees its own county, gets the 403 page for another county and for admin pages', async ({ page }) => {
    const problems = watchConsole(page);
    await page.goto('/counties/439922?year=2024&scheme=RESIDENT');
    await expect(page.getByRole('heading', { name: /石门县 · 县域画像/ })).toBeVisible();
    await expect(nav(page).getByRole('link', { name: '管理' })).toHaveCount(0);
    await expect(page.getByText('演示·石门县医保局')).toBeVisible();
    const res = await page.goto('/counties/439921?year=2024&scheme=RESIDENT');
    expect(res?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: '403 · 无权访问' })).toBeVisible();
    await expect(page.getByText('清河县')).toHaveCount(0);
    // one shell: the 403 page sits in the page's own layout, the 404 page for an unknown path draws its own
    await expect(page.locator('header.app-header')).toHaveCount(1);
    expect((await page.goto('/no-such-page'))?.status()).toBe(404);
    await expect(page.locator('header.app-header')).toHaveCount(1);
    expect((await page.goto('/counties/439999'))?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: '没有这个县（市、区）' })).toBeVisible();
    await expect(page.locator('header.app-header')).toHaveCount(1);
    await page.goto('/counties/439921?year=2024&scheme=RESIDENT');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: path.join(shots, 'forbidden-phone.png'), fullPage: true });
    const admin = await page.goto('/admin/users');
    expect(admin?.status()).toBe(403);
    expect(problems).toEqual([]);
  });
});

test.describe('city analyst', () => {
  test.use({ storageState: stateFile('city') });

  test('sees every county and the analysis pages, not administration', async ({ page }) => {
    await page.goto('/counties/439921?year=2024&scheme=RESIDENT');
    await expect(page.getByRole('heading', { name: /清河县 · 县域画像/ })).toBeVisible();
    await page.goto('/risk?status=all');
    await expect(page.getByRole('heading', { name: '风险预警', level: 1 })).toBeVisible();
    await expect(page.getByText('调整阈值与版本记录')).toHaveCount(0);
    await expect(nav(page).getByRole('link', { name: '管理' })).toHaveCount(0);
    expect((await page.goto('/admin'))?.status()).toBe(403);
  });
});

test.describe('admin', () => {
  test('creates a county user, who can sign in; disables them; the audit trail shows it and exports it', async ({ page, browser }) => {
    const problems = watchConsole(page);
    await page.goto('/admin/users');
    await expect(page.getByRole('heading', { name: '管理 · 用户' })).toBeVisible();
    const form = page.getByRole('form', { name: '新建用户' });
    await form.getByLabel('用户名').fill('qinghe-analyst');
    await form.getByLabel('姓名或单位').fill('清河县医保局');
    await form.getByLabel('角色').selectOption('county');
    await form.getByLabel('所属地区（县级用户）').selectOption('439921');
    await form.getByLabel(/初始密码/).fill('qinghe-initial-pw');
    await form.getByRole('button', { name: '新建用户' }).click();
    await expect(form.getByRole('status')).toHaveText('已新建用户 qinghe-analyst', { timeout: 30_000 });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: path.join(shots, 'admin-users-desktop.png'), fullPage: true });

    // the new user signs in and sees their own county
    const other = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const p2 = await other.newPage();
    await p2.goto('/login');
    await p2.getByLabel('用户名').fill('qinghe-analyst');
    await p2.getByLabel('密码').fill('qinghe-initial-pw');
    await p2.getByRole('button', { name: '登录' }).click();
    await expect(p2).toHaveURL(/\/$/, { timeout: 30_000 });
    expect((await p2.goto('/counties/439922'))?.status()).toBe(403);

    // disabling ends their session at once
    await page.reload();
    await page.getByRole('article', { name: '用户 qinghe-analyst' }).getByRole('button', { name: '停用' }).click();
    await expect(page.getByRole('article', { name: '用户 qinghe-analyst' }).getByText('已停用', { exact: true })).toBeVisible();
    await p2.goto('/risk');
    await expect(p2).toHaveURL(/\/login/);
    await other.close();

    await page.goto('/admin/audit?action=USER_CREATE');
    await expect(page.getByRole('cell', { name: 'user:qinghe-analyst' })).toBeVisible();
    await page.goto('/admin/audit');
    await expect(page.getByRole('cell', { name: '停用用户' }).first()).toBeVisible();
    await page.screenshot({ path: path.join(shots, 'admin-audit-desktop.png'), fullPage: false });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: path.join(shots, 'admin-audit-phone.png'), fullPage: false });
    const csv = await page.request.get('/api/admin/audit?format=csv&action=USER_DISABLE');
    expect(csv.status()).toBe(200);
    const text = await csv.text();
    expect(text).toContain('user:qinghe-analyst');
    expect(text.split('\r\n').length).toBe(2); // header + the one event

    const db = openE2eDb();
    expect(scalar(db, `SELECT COUNT(*) FROM AuditEvent WHERE action = 'LOGIN' AND actorName = 'qinghe-analyst'`)).toBe(1);
    db.close();
    expect(problems).toEqual([]);
  });
});
