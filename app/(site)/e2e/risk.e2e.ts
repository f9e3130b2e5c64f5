// 风险预警 in the browser: evaluate, check a warning's figure against independent SQL, move a warning
// through 新发 → 已核实 → 已处置, change a threshold and see the warning close, try the what-if.
// The e2e server loads the demo city without evaluating warnings (scripts/prepare-db.ts), so the first
// test runs the evaluation from the page's 重新评估 button.
import { test, expect } from '@playwright/test';
import path from 'node:path';
import { openE2eDb, scalar } from './sql';
import { stateFile } from './auth';

const shots = path.join(path.dirname(process.env.E2E_DB ?? '.tmp/e2e/yibao.db'), 'shots');

test.describe.configure({ mode: 'serial' });

test('风险预警: evaluate from the page; figures match independent SQL', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('/risk');
  await expect(page.getByRole('heading', { name: '风险预警', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: '重新评估' }).click();
  await expect(page.getByText(/评估完成（/)).toBeVisible({ timeout: 120_000 });
  await page.goto('/risk');

  const db = openE2eDb();
  const open = (sev: string) => scalar(db, `SELECT COUNT(*) FROM RiskWarning WHERE status IN ('NEW','VERIFIED') AND severity = ?`, sev);
  // Resident months of reserve at the last month, computed here from the facts with plain SQL.
  const last = scalar(db, `SELECT MAX(period) FROM LedgerFact`);
  const balance = scalar(db, `SELECT SUM(balance) FROM BalanceFact WHERE account = 'POOL' AND schemeCode = 'RESIDENT' AND period = ?`, last);
  const t12 = scalar(db, `SELECT SUM(amount) FROM LedgerFact WHERE account = 'POOL' AND schemeCode = 'RESIDENT'
    AND item IN ('INPATIENT','OUTPATIENT','CHRONIC','MATERNITY','OTHER_EXPENSE') AND period > ? AND period <= ?`, last - 100, last);
  const severe = open('SEVERE'), warning = open('WARNING'), notice = open('NOTICE');
  db.close();

  await expect(page.getByTestId('open-SEVERE')).toHaveText(String(severe));
  await expect(page.getByTestId('open-WARNING')).toHaveText(String(warning));
  await expect(page.getByTestId('open-NOTICE')).toHaveText(String(notice));
  expect(severe + warning + notice).toBeGreaterThan(10);

  // the filter form submits on change once hydrated (FilterAutoSubmit marks it data-enhanced)
  await expect(page.locator('#risk-filter[data-enhanced="true"]')).toBeAttached({ timeout: 30_000 });
  await page.getByRole('combobox', { name: '规则' }).selectOption('reserve_months');
  await expect(page).toHaveURL(/rule=reserve_months/);
  const reserve = page.locator('[data-testid="warning-card"][data-rule="reserve_months"]').filter({ hasText: '居民医保' });
  await expect(reserve).toContainText(`${(balance / (t12 / 12)).toFixed(1)}个月`);
  await expect(reserve).toContainText('2023年11月');
  await reserve.getByText('计算依据、走势数据与处理记录').click();
  await expect(reserve).toContainText('近12个月基金支出');
  await expect(reserve.getByRole('img')).toBeVisible(); // the small trend chart
  await page.screenshot({ path: path.join(shots, 'risk-reserve.png'), fullPage: false });

  await page.goto('/risk');
  await page.screenshot({ path: path.join(shots, 'risk-page.png'), fullPage: true });
});

test('风险预警: a warning moves 新发 → 已核实 → 已处置 with notes, who and when', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/risk?rule=subsidy_shortfall');
  const w = page.locator('[data-testid="warning-card"][data-rule="subsidy_shortfall"]');
  await expect(w).toHaveCount(1);
  await expect(w).toContainText('桃源县');
  await expect(w).toContainText('新发');
  await w.getByText('计算依据、走势数据与处理记录').click();
  await w.getByLabel('核实').check();
  await w.getByRole('textbox', { name: '处理说明' }).fill('经核对县财政拨付凭证，2021年起县级补助仅拨付约六成');
  await w.getByRole('button', { name: '提交' }).click();
  await expect(w.getByText('已核实，当前状态：已核实')).toBeVisible({ timeout: 60_000 });
  await expect(w.locator('h3 + span')).toHaveText('已核实');

  // Disposal needs a note: an empty one is refused by the form.
  await w.getByLabel('处置').check();
  await w.getByRole('textbox', { name: '处理说明' }).fill('已发函督促桃源县政府补足县级补助缺口');
  await w.getByRole('button', { name: '提交' }).click();
  // Disposed: it leaves the list of open warnings.
  await expect(page.locator('[data-testid="warning-card"][data-rule="subsidy_shortfall"]')).toHaveCount(0, { timeout: 60_000 });

  await page.goto('/risk?rule=subsidy_shortfall&status=all');
  const done = page.locator('[data-testid="warning-card"][data-rule="subsidy_shortfall"]');
  await expect(done).toContainText('已处置');
  await done.getByText('计算依据、走势数据与处理记录').click();
  await expect(done).toContainText('核实（新发 → 已核实）');
  await expect(done).toContainText('处置（已核实 → 已处置）');
  // who did it: the signed-in user's name (the tests run as the demo admin)
  await expect(done).toContainText('演示·系统管理员');
  await done.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(shots, 'risk-workflow.png'), fullPage: false });

  const db = openE2eDb();
  expect(scalar(db, `SELECT COUNT(*) FROM RiskWarningEvent e JOIN RiskWarning w ON w.id = e.warningId
    WHERE w.ruleCode = 'subsidy_shortfall' AND e.action IN ('VERIFY','DISPOSE') AND e.actor = '演示·系统管理员'`)).toBe(2);
  db.close();

  await page.goto('/risk#history');
  await expect(page.locator('#history table')).toContainText('已发函督促桃源县政府补足县级补助缺口');
});

test('风险预警: changing a threshold makes a new rule version and closes what no longer holds', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/risk?rule=coverage_drop');
  await expect(page.locator('[data-testid="warning-card"][data-rule="coverage_drop"]')).toContainText('石门县');
  const rule = page.getByTestId('rule-coverage_drop');
  await rule.getByText('调整阈值与版本记录').click();
  // 石门县 resident coverage falls 1.6 points a year: 警示 only beyond 2.5 points, 严重 beyond 4.
  await rule.getByLabel(/警示：同比降幅超过/).fill('2.5');
  await rule.getByLabel(/严重：同比降幅超过/).fill('4');
  await rule.getByLabel(/调整说明/).fill('按省考核口径放宽参保率下降阈值');
  await rule.getByRole('button', { name: '保存为新版本并重新评估' }).click();
  await expect(rule.getByText(/已保存为第2版并重新评估：新发 0 条，解除 1 条/)).toBeVisible({ timeout: 120_000 });
  await expect(rule).toContainText('第2版（演示·系统管理员');
  await expect(rule.locator('table')).toContainText('按省考核口径放宽参保率下降阈值');

  await page.goto('/risk?rule=coverage_drop');
  await expect(page.getByText('没有符合条件的预警')).toBeVisible();
  await page.goto('/risk?rule=coverage_drop&status=all');
  const closed = page.locator('[data-testid="warning-card"][data-rule="coverage_drop"]');
  await expect(closed).toContainText('已解除');
  await closed.getByText('计算依据、走势数据与处理记录').click();
  await expect(closed).toContainText('按规则第2版重新评估');
  await page.screenshot({ path: path.join(shots, 'risk-threshold.png'), fullPage: false });
});

test('风险预警: projection band and what-if', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/risk#projection');
  const central = page.getByTestId('exhaust-central');
  await expect(central).toContainText(/\d{4}年\d{1,2}月（\d+个月后）/);
  const before = await page.getByTestId('exhaust-whatif').textContent();
  const slider = page.getByRole('slider', { name: '基金支出年增长率' });
  // Wait for hydration: a range input filled before React takes over keeps its value and later fills of
  // the same value fire no change.
  await expect(page.locator('[data-testid="projection-panel"][data-ready="true"]')).toBeVisible({ timeout: 60_000 });
  await slider.fill('5');
  await expect(page.getByTestId('exhaust-whatif')).not.toHaveText(before ?? '');
  await expect(page.getByTestId('projection-outcomes')).toContainText('支出增长5.0%');
  await page.locator('#projection').scrollIntoViewIfNeeded();
  await page.locator('#projection').screenshot({ path: path.join(shots, 'risk-projection.png') });
  // every chart has a table view
  await page.locator('#projection').getByRole('button', { name: '表格' }).click();
  await expect(page.locator('#projection table')).toContainText('中情景');
});

test('总览 shows open warnings by severity, linking to 风险预警', async ({ page }) => {
  await page.goto('/');
  const widget = page.getByTestId('open-warnings');
  await expect(widget).toContainText('严重预警');
  await widget.getByRole('link', { name: '严重预警' }).click();
  await expect(page).toHaveURL(/\/risk\?severity=SEVERE/);
  await expect(page.getByRole('heading', { name: '风险预警', level: 1 })).toBeVisible();
});

test('风险预警 on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/risk');
  await expect(page.getByTestId('severity-tiles')).toBeVisible();
  await page.screenshot({ path: path.join(shots, 'risk-phone.png'), fullPage: false });
});

test('风险预警: a warning\'s details load when it is opened, only within the viewer\'s scope', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const db = openE2eDb();
  const own = scalar(db, `SELECT MIN(id) FROM RiskWarning WHERE regionCode = '439922'`); // 石门县, the demo county user's
  const other = scalar(db, `SELECT MIN(id) FROM RiskWarning WHERE regionCode = '439923'`); // 桃源县
  const inputLabel = JSON.parse(String(db.prepare('SELECT inputs FROM RiskWarning WHERE id = ?').pluck().get(other)))[0].label as string;
  db.close();
  expect(own).toBeGreaterThan(0);
  expect(other).toBeGreaterThan(0);

  // The list's HTML carries no details: no trend table, no handling form.
  const html = await (await page.request.get('/risk?status=all&region=439923')).text();
  expect(html).toContain(`data-warning-id="${other}"`);
  expect(html).not.toContain('aria-label="走势数据"');
  expect(html).not.toContain('name="warningId"');

  // Opening a card fetches its details from the server.
  await page.goto('/risk?status=all&region=439923');
  const card = page.locator(`[data-testid="warning-card"][data-warning-id="${other}"]`);
  await expect(card.getByTestId('warning-detail')).toHaveCount(0);
  const fetched = page.waitForResponse((r) => r.url().endsWith(`/api/risk/warnings/${other}`));
  await card.getByText('计算依据、走势数据与处理记录').click();
  expect((await fetched).status()).toBe(200);
  await expect(card.getByTestId('warning-detail')).toContainText(inputLabel);
  await expect(card.getByRole('table', { name: '走势数据' })).toBeVisible();
  await expect(card.getByTestId('warning-detail')).toContainText('发出预警');

  // A county user opens its own county's warnings, never another county's (403), the anonymous none (401).
  const county = await browser.newContext({ storageState: stateFile('county') });
  try {
    const mine = await county.request.get(`/api/risk/warnings/${own}`);
    expect(mine.status()).toBe(200);
    expect((await mine.json()).id).toBe(own);
    const theirs = await county.request.get(`/api/risk/warnings/${other}`);
    expect(theirs.status()).toBe(403);
    expect((await theirs.json()).error).toContain('无权查看');
    const cp = await county.newPage();
    await cp.goto('/risk?status=all');
    const mineCard = cp.locator(`[data-testid="warning-card"][data-warning-id="${own}"]`);
    await mineCard.getByText('计算依据、走势数据与处理记录').click();
    await expect(mineCard.getByTestId('warning-detail')).toContainText('处理记录');
    await expect(cp.locator(`[data-testid="warning-card"][data-warning-id="${other}"]`)).toHaveCount(0);
  } finally {
    await county.close();
  }
  const anon = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  try {
    expect((await anon.request.get(`/api/risk/warnings/${own}`, { maxRedirects: 0 })).status()).toBe(401);
  } finally {
    await anon.close();
  }
});
