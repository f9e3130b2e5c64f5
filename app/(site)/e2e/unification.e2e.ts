// 六统一: the matrix per scheme for two years, deadlines, late items highlighted, transition items; phone.
import { test, expect } from '@playwright/test';
import path from 'node:path';

const shots = path.join(path.dirname(process.env.E2E_DB ?? '.tmp/e2e/yibao.db'), 'shots');

test('六统一 at the end of 2021: 石门县 信息系统 finished late, highlighted, with days late', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/unification?year=2021');
  await expect(page.getByRole('heading', { name: '六统一进度', level: 1 })).toBeVisible();
  await expect(page.getByTestId('page-sub')).toContainText('2021年12月31日');
  for (const scheme of ['EMPLOYEE', 'RESIDENT', 'MATERNITY']) {
    const cell = page.getByTestId(`matrix-${scheme}`).locator('tr[data-county="439922"] td[data-state]').nth(5);
    await expect(cell).toHaveAttribute('data-state', 'done_late');
    await expect(cell).toContainText('逾期181天');
  }
  await expect(page.getByTestId('matrix-RESIDENT').locator('tbody tr')).toHaveCount(8);
  const late = page.locator('#table-late');
  await expect(late.locator('tbody tr')).toHaveCount(3);
  await expect(late).toContainText('石门县');
  await expect(late).toContainText('2020-12-31');
  await expect(page.locator('#table-transition')).toContainText('2021-12-31');
  await page.screenshot({ path: path.join(shots, 'unification-2021.png'), fullPage: true });
});

test('六统一 at the end of 2020: nothing overdue yet (信息系统 due on the last day)', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/unification?year=2020');
  await expect(page.getByTestId('page-sub')).toContainText('2020年12月31日');
  const cell = page.getByTestId('matrix-RESIDENT').locator('tr[data-county="439922"] td[data-state]').nth(5);
  await expect(cell).toHaveAttribute('data-state', 'in_progress');
  await expect(page.locator('#table-late')).toContainText('没有逾期事项');
  // 湖滨管理区's resident pooling lags to 2021-07: in progress within the transition at the end of 2020
  await expect(page.getByTestId('matrix-RESIDENT').locator('tr[data-county="4399A2"] td[data-state]').first()).toHaveAttribute('data-state', 'in_progress');
  await page.screenshot({ path: path.join(shots, 'unification-2020.png'), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/unification?year=2021');
  await expect(page.getByTestId('matrix-EMPLOYEE')).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  await page.screenshot({ path: path.join(shots, 'unification-phone.png'), fullPage: true });
});
