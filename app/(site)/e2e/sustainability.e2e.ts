// 基金可持续性 in the browser: the fan chart and its table, the leadership figures, a lever moved and the
// depletion month changing, the 总览 line; screenshots at desktop and phone width.
import { test, expect, type Page } from '@playwright/test';
import path from 'node:path';

const shots = path.join(path.dirname(process.env.E2E_DB ?? '.tmp/e2e/yibao.db'), 'shots');

test.describe.configure({ mode: 'serial' });

async function openPanel(page: Page) {
  await page.goto('/risk?pscheme=RESIDENT#sustainability');
  const panel = page.locator('[data-testid="sustainability-panel"][data-ready="true"]');
  await expect(panel).toBeVisible({ timeout: 90_000 });
  return panel;
}

test('基金可持续性: fan chart with table, figures, a lever moves the depletion month', async ({ page }) => {
  test.setTimeout(180_000);
  const panel = await openPanel(page);
  console.log(`[sustainability] browser simulation ${await panel.getAttribute('data-client-ms')} ms`);
  await expect(page.getByTestId('p3-12')).toHaveText(/\d+\.\d%/);
  await expect(page.getByTestId('depletion-median')).toHaveText(/\d{4}年\d{1,2}月|5年内不耗尽/);
  await expect(page.getByTestId('adequacy')).toHaveText(/通过|未通过/);
  await expect(page.getByTestId('attribution')).toContainText('新的收入数据');
  await expect(page.getByTestId('smallest-levers')).toContainText('个人缴费标准提高');
  // the fan chart draws its bands (recharts areas) and has a table view with the percentiles
  const fig = page.locator('#sustainability figure');
  await expect(fig.locator('.recharts-area').first()).toBeVisible();
  await page.locator('#sustainability').scrollIntoViewIfNeeded();
  await page.locator('#sustainability').screenshot({ path: path.join(shots, 'sustainability-desktop.png') });
  await fig.getByRole('button', { name: '表格' }).click();
  await expect(fig.locator('table')).toContainText('可支付月数 中位数');
  await expect(fig.locator('table')).toContainText('累计结余 2.5%');
  await fig.getByRole('button', { name: '图表' }).click();

  const before = await page.getByTestId('lever-depletion').textContent();
  const p3Before = await page.getByTestId('lever-p3').textContent();
  await page.getByRole('slider', { name: '个人缴费标准提高（元/人·年）' }).fill('300');
  await expect(page.getByTestId('lever-contribution-value')).toHaveText('300元/人·年');
  await expect(page.getByTestId('lever-depletion')).not.toHaveText(before ?? '');
  console.log(`[sustainability] depletion ${before} → ${await page.getByTestId('lever-depletion').textContent()}; P(<3,12m) ${p3Before} → ${await page.getByTestId('lever-p3').textContent()}`);
  await page.getByTestId('levers').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(shots, 'sustainability-lever.png'), fullPage: false });
});

test('总览 shows the 可持续性 line linking to the panel', async ({ page }) => {
  await page.goto('/');
  const line = page.getByTestId('overview-sustainability');
  await expect(line).toContainText(/居民医保基金：12个月内可支付月数低于3个月的概率 \d+\.\d%/, { timeout: 60_000 });
  await line.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(shots, 'sustainability-overview.png'), fullPage: false });
});

test('基金可持续性 on a phone', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await openPanel(page);
  await page.locator('#sustainability').scrollIntoViewIfNeeded();
  await page.locator('#sustainability').screenshot({ path: path.join(shots, 'sustainability-phone.png') });
});

test('基金可持续性 loads its data and code when it comes into view, not with the page', async ({ page }) => {
  test.setTimeout(120_000);
  // The rendering of 风险预警 carries no simulation input (the monthly history) and no panel.
  const html = await (await page.request.get('/risk')).text();
  expect(html).not.toContain('"income":[[');
  expect(html).not.toContain('data-testid="sustainability-panel"');
  const asked: string[] = [];
  page.on('request', (r) => { if (r.url().includes('/api/risk/sustainability')) asked.push(r.url()); });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/risk');
  await expect(page.locator('#risk-filter[data-enhanced="true"]')).toBeAttached({ timeout: 30_000 });
  expect(asked).toEqual([]);
  await expect(page.getByTestId('sustainability-panel')).toHaveCount(0);
  const fetched = page.waitForResponse((r) => r.url().includes('/api/risk/sustainability?scheme=RESIDENT'));
  await page.locator('#sustainability').scrollIntoViewIfNeeded();
  expect((await fetched).status()).toBe(200);
  await expect(page.locator('[data-testid="sustainability-panel"][data-ready="true"]')).toBeVisible({ timeout: 90_000 });
});
