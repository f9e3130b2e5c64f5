// 月度报告 in the browser: the 2024-12 city report with figures checked against independent SQL, the
// region and version selectors, print layout, phone width; generating the month's editions from /reports
// with visible progress, then downloading the archived PDF and DOCX.
import { test, expect } from '@playwright/test';
import path from 'node:path';
import { openE2eDb, pct, scalar } from './sql';
import { stateFile } from './auth';

const shots = path.join(path.dirname(process.env.E2E_DB ?? '.tmp/e2e/yibao.db'), 'shots');

test('the 2024-12 city report states the demo stories with the figures of the data', async ({ page }) => {
  test.setTimeout(300_000); // first compile of the pages under `next dev` on a shared machine
  const db = openE2eDb();
  // 桃源县's county subsidy delivered in 2024, and 安平市's primary-care share, by plain SQL.
  const delivery = scalar(db, `SELECT SUM(collected) / SUM(due) FROM ContributionFact WHERE regionCode = '439923' AND source = 'SUBSIDY_COUNTY' AND period BETWEEN 202401 AND 202412`);
  const primary = scalar(db, `SELECT SUM(CASE WHEN i.level = 'PRIMARY' THEN u.visits ELSE 0 END) * 1.0 / SUM(u.visits)
    FROM UtilizationFact u JOIN Institution i ON i.code = u.institutionCode WHERE u.insuredRegionCode = '439981' AND u.period BETWEEN 202401 AND 202412`);
  const balance = scalar(db, `SELECT SUM(balance) FROM BalanceFact WHERE account = 'POOL' AND period = 202412 AND schemeCode = 'RESIDENT'`);
  const t12 = scalar(db, `SELECT SUM(amount) FROM LedgerFact WHERE account = 'POOL' AND item IN ('INPATIENT','OUTPATIENT','CHRONIC','MATERNITY','OTHER_EXPENSE') AND period BETWEEN 202401 AND 202412 AND schemeCode = 'RESIDENT'`);
  db.close();

  await page.goto('/reports/202412');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('江临市（全市）2024年12月基本医疗保险基金运行分析报告');
  const body = page.locator('article.rpt');
  await expect(body).toContainText(`居民医保统筹基金累计结余可支付${(balance / (t12 / 12)).toFixed(1)}个月`);
  await expect(body).toContainText(`桃源县县级财政补助到位率${pct(delivery)}`);
  await expect(body).toContainText(`安平市基层就诊占比${pct(primary)}`);
  // Each sentence carries the keys of the figures it states.
  await expect(body.locator('.rpt-sentence', { hasText: '桃源县县级财政补助到位率' })).toHaveAttribute('data-refs', /subsidy_delivery_rate@439923:202412/);
  await expect(body.locator('svg.rpt-chart')).toHaveCount(2);
  await page.screenshot({ path: path.join(shots, 'report-202412-city.png'), fullPage: true });

  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.app-nav')).toBeHidden();
  await page.screenshot({ path: path.join(shots, 'report-202412-print.png') });
  await page.emulateMedia({ media: 'screen' });

  // The region selector switches to a county's edition.
  await page.getByLabel('地区').selectOption('439923');
  await page.getByRole('button', { name: '查看' }).click();
  await expect(page).toHaveURL(/region=439923/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('桃源县2024年12月基本医疗保险基金运行分析报告');

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/reports/202412?region=439981');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('安平市');
  await page.screenshot({ path: path.join(shots, 'report-202412-anping-phone.png'), fullPage: true });
});

test('generating a month shows progress, then the archive offers PDF and DOCX downloads', async ({ page, request }) => {
  test.setTimeout(420_000);
  await page.goto('/reports');
  await expect(page.getByRole('heading', { name: '月度报告', level: 1 })).toBeVisible();
  await page.getByLabel('月份').selectOption('202412');
  await page.getByRole('button', { name: /生成该月全部报告/ }).click();
  const job = page.getByTestId('report-job');
  await expect(job).toBeVisible();
  await expect(job).toHaveAttribute('data-state', 'RUNNING');
  await page.screenshot({ path: path.join(shots, 'reports-progress.png') });
  await expect(job).toHaveAttribute('data-state', 'DONE', { timeout: 400_000 });
  const rows = page.locator('[data-testid=report-archive] tbody tr[data-period="202412"]');
  // Every edition of the month is archived: the city and its 8 county-level units. An edition viewed earlier
  // in the suite, whose figures the shared database has since changed, may also have an older version listed.
  await expect.poll(async () => new Set(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-region')))).size).toBe(9);
  await page.screenshot({ path: path.join(shots, 'reports-archive.png'), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(shots, 'reports-archive-phone.png'), fullPage: true });

  const pdf = await request.get('/reports/202412/download?region=439900&v=1&format=pdf');
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  const docx = await request.get('/reports/202412/download?region=439923&v=1&format=docx');
  expect(docx.status()).toBe(200);
  expect((await docx.body()).subarray(0, 2).toString()).toBe('PK');
  expect((await request.get('/reports/202412/download?region=439900&v=9&format=pdf')).status()).toBe(404);
});

test.describe('as a county user', () => {
  test.use({ storageState: stateFile('county') });
  test('gets only the own county edition; the city edition and its files are refused', async ({ page, request }) => {
    test.setTimeout(180_000);
    await page.goto('/reports/202412');
    const h1 = page.getByRole('heading', { level: 1 });
    await expect(h1).toContainText('2024年12月基本医疗保险基金运行分析报告');
    await expect(h1).not.toContainText('全市');
    await expect(page.getByLabel('地区')).toHaveCount(0);
    // The city edition (and another county's): the 403 page with its status.
    expect((await page.goto('/reports/202412?region=439900'))?.status()).toBe(403);
    await expect(page.locator('[data-access="denied"]')).toBeVisible();
    expect((await request.get('/reports/202412/download?region=439900&v=1&format=pdf')).status()).toBe(403);
    expect((await request.get('/api/reports/jobs/1')).status()).toBe(403);
  });
});
