// 考核: the scorecard and ranking for two years, a county's evidence sheet against plain SQL, publishing a
// year, the XLSX export read back, the print layout; desktop and phone screenshots.
import { test, expect } from '@playwright/test';
import ExcelJS from 'exceljs';
import path from 'node:path';
import { openE2eDb, pct, scalar } from './sql';

const shots = path.join(path.dirname(process.env.E2E_DB ?? '.tmp/e2e/yibao.db'), 'shots');

test('考核 2021: scorecard, rank intervals, and the three demo stories in the evidence sheets', async ({ page }) => {
  test.setTimeout(240_000);
  const db = openE2eDb();
  const countySubsidy = scalar(db, `SELECT SUM(collected) * 1.0 / SUM(due) FROM ContributionFact WHERE regionCode = '439923' AND schemeCode = 'RESIDENT' AND source = 'SUBSIDY_COUNTY' AND period BETWEEN 202101 AND 202112`);
  db.close();

  await page.goto('/assessment?year=2021');
  await expect(page.getByRole('heading', { name: '县级医保工作考核', level: 1 })).toBeVisible();
  await expect(page.getByTestId('page-sub')).toContainText('2021年度');
  await expect(page.getByTestId('publication')).toContainText('未发布');
  await expect(page.getByTestId('scorecard').locator('tbody tr')).toHaveCount(8);
  await expect(page.getByTestId('rank-intervals').locator('tbody tr')).toHaveCount(8);
  await expect(page.getByTestId('scorecard')).toContainText('基金统收统支');
  await page.screenshot({ path: path.join(shots, 'assessment-2021.png'), fullPage: true });

  // 桃源县: county subsidy share not delivered → every point of the indicator lost
  await page.goto('/assessment?year=2021&county=439923#sheet');
  const taoyuan = page.getByTestId('evidence-sheet');
  await expect(taoyuan).toHaveAttribute('data-county', '439923');
  const subsidy = taoyuan.locator('tr[data-indicator="subsidy_delivery_rate"]');
  await expect(subsidy.locator('td').nth(1)).toContainText(pct(countySubsidy));
  await expect(subsidy).toContainText('0.0 / 6.0');
  await expect(subsidy).toContainText('县级财政补助应到位金额');

  // 望山区: ~24 days late on average → the delay indicator scores 0
  await page.goto('/assessment?year=2021&county=439903#sheet');
  const wangshan = page.getByTestId('evidence-sheet').locator('tr[data-indicator="remittance_avg_delay"]');
  await expect(wangshan).toContainText('0.0 / 7.0');
  await expect(wangshan.locator('td').nth(1)).toContainText('天');

  // 石门县: coverage falling and the 信息系统 overdue in 2021 (3 schemes)
  await page.goto('/assessment?year=2021&county=439922#sheet');
  const shimen = page.getByTestId('evidence-sheet');
  await expect(shimen.locator('tr[data-indicator="unification_overdue_items"] td').nth(1)).toHaveText('3项');
  await expect(shimen.locator('tr[data-indicator="unification_overdue_items"]')).toContainText('失5.0分');
  await expect(shimen.locator('tr[data-indicator="coverage_rate_change"]')).toContainText('失');
  await expect(page.getByTestId('path-grade')).toBeVisible();
  await page.screenshot({ path: path.join(shots, 'assessment-2021-shimen.png'), fullPage: true });

  // print layout of the sheet
  await page.getByTestId('print-link').click();
  await expect(page.getByTestId('print-sheet')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('heading', { level: 1 })).toContainText('2021年度县级医保工作考核计分表');
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: path.join(shots, 'assessment-print.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });
});

test('考核 2023: publish, published banner, XLSX export reads back', async ({ page }) => {
  test.setTimeout(360_000);
  await page.goto('/assessment?year=2023');
  await expect(page.getByTestId('page-sub')).toContainText('2023年度');
  await expect(page.getByTestId('publication')).toContainText('未发布');
  await page.getByRole('button', { name: '发布2023年考核结果' }).click();
  // the action revalidates the page: the banner turns into the published one
  await expect(page.getByTestId('publication')).toContainText('已发布（第1版）', { timeout: 60_000 });
  await page.reload();
  await expect(page.getByTestId('publication')).toContainText('已发布（第1版）');
  await expect(page.getByTestId('diffs')).toHaveCount(0);
  const totalCell = page.getByTestId('scorecard').locator('tr[data-county="439921"] td').nth(6);
  const shownTotal = (await totalCell.innerText()).trim();
  const shownShimen = (await page.getByTestId('scorecard').locator('tr[data-county="439922"] td').nth(6).locator('strong').innerText()).trim();

  const downloadP = page.waitForEvent('download');
  await page.getByTestId('export-xlsx').click();
  const download = await downloadP;
  const file = path.join(shots, 'assessment-2023.xlsx');
  await download.saveAs(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['计分卡', '计分依据', '考核方案']);
  const card = wb.getWorksheet('计分卡')!;
  expect(card.rowCount).toBe(9);
  const header = (card.getRow(1).values as unknown[]).slice(1);
  expect(header).toContain('总分(分)');
  const qinghe = card.getRows(2, 8)!.find((r) => r.getCell(1).value === '清河县')!;
  expect(Number(qinghe.getCell(header.indexOf('总分(分)') + 1).value).toFixed(1)).toBe(shownTotal);
  expect(String(qinghe.getCell(header.indexOf('结果状态') + 1).value)).toContain('已发布');
  const ev = wb.getWorksheet('计分依据')!;
  expect(ev.rowCount).toBe(1 + 8 * 17);
  const evHeader = (ev.getRow(1).values as unknown[]).slice(1);
  const row = ev.getRows(2, ev.rowCount - 1)!.find((r) => r.getCell(1).value === '桃源县' && r.getCell(4).value === 'subsidy_delivery_rate')!;
  expect(Number(row.getCell(evHeader.indexOf('得分(分)') + 1).value)).toBe(0);
  expect(String(row.getCell(evHeader.indexOf('依据数据') + 1).value)).toContain('县级财政补助应到位金额');

  await page.screenshot({ path: path.join(shots, 'assessment-2023.png'), fullPage: true });

  // A correction of 2023 data through the import (石门县, December resident enrolment 20 000 lower):
  // the published scores stay, the difference is shown beside them.
  const db = openE2eDb();
  const r = db.prepare(`SELECT * FROM EnrollmentFact WHERE regionCode = '439922' AND schemeCode = 'RESIDENT' AND period = 202312`).get() as Record<string, number>;
  db.close();
  const tplHeader = (await (await page.request.get('/api/import/templates/enrollment.csv')).text()).replace(/^\uFEFF/, '').trim();
  const enrolmentCsv = (enrolled: number) => `${tplHeader}\r\n439922,居民医保,2023-12,${r.shouldEnroll},${enrolled},${r.povertyShouldEnroll},${r.subsidisedExtreme},${r.subsidisedMinLiving},${r.subsidisedMonitored},${r.subsidisedOther},${r.duplicates}\r\n`;
  const replace = async (csv: string, name: string) => {
    const started = await page.request.post(`/api/import?name=${encodeURIComponent(name)}&mode=REPLACE`, { data: Buffer.from('\uFEFF' + csv, 'utf8') });
    const { jobId } = (await started.json()) as { jobId: string };
    // the server is busy with the post-import steps: a dropped poll is retried, not a failure
    const jobStatus = async () => {
      try {
        return ((await (await page.request.get(`/api/import/jobs/${jobId}`)).json()) as { result?: { status: string } }).result?.status ?? 'running';
      } catch {
        return 'running';
      }
    };
    await expect.poll(jobStatus, { timeout: 150_000, intervals: [1000, 2000, 5000] }).toBe('LOADED');
  };
  await replace(enrolmentCsv(r.enrolled - 20000), '参保-石门-2023-12-更正.csv');
  await page.goto('/assessment?year=2023');
  await expect(page.getByTestId('publication')).toContainText('已发布（第1版）');
  await expect(page.getByTestId('scorecard').locator('tr[data-county="439922"] td').nth(6).locator('strong')).toHaveText(shownShimen);
  await expect(page.getByTestId('diffs')).toContainText('石门县');
  await expect(page.getByTestId('diffs')).toContainText('总分');
  await expect(page.getByTestId('scorecard').locator('tr[data-county="439922"] [data-testid="live-total"]')).toContainText('现');
  await page.screenshot({ path: path.join(shots, 'assessment-2023-corrected.png'), fullPage: true });
  // The browser tests share one database: put the original figure back for the tests after this one.
  await replace(enrolmentCsv(r.enrolled), '参保-石门-2023-12-还原.csv');
});

test('考核 on a phone (390 px): the scorecard scrolls, the sheet reads', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/assessment?year=2023&county=439903');
  await expect(page.getByTestId('evidence-sheet')).toBeVisible();
  await expect(page.getByTestId('publication')).toContainText('已发布');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  await page.screenshot({ path: path.join(shots, 'assessment-phone.png'), fullPage: true });
});
