// 参保征缴 in the browser: figures against independent SQL for two years and two schemes, drill-down,
// sorting in the URL, CSV and XLSX export read back, the demo city's stories, and phone layout.
import { test } from '@playwright/test';
import path from 'node:path';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { openE2eDb, pct, scalar } from './sql';
import { columnIndex, expect, expectYuanCell, hydrated, rowOf, tile } from './dashboard';

const shots = path.join(path.dirname(process.env.E2E_DB ?? '.tmp/e2e/yibao.db'), 'shots');
const TAOYUAN = '439923';
const SHIMEN = '439922';
const inList = (xs: readonly string[]) => xs.map((s) => `'${s}'`).join(',');

for (const [year, scheme, coverageSchemes] of [[2024, 'RESIDENT', ['RESIDENT']], [2021, 'EMPLOYEE', ['EMPLOYEE']]] as const) {
  test(`参保征缴 figures match independent SQL: ${year} ${scheme}`, async ({ page }) => {
    const db = openE2eDb();
    const asOf = scalar(db, `SELECT MAX(period) FROM EnrollmentFact WHERE period BETWEEN ? AND ?`, year * 100 + 1, year * 100 + 12);
    const coverage = scalar(db, `SELECT SUM(enrolled) * 1.0 / SUM(shouldEnroll) FROM EnrollmentFact WHERE period = ? AND schemeCode IN (${inList(coverageSchemes)})`, asOf);
    const collection = scalar(db, `SELECT SUM(collected) / SUM(due) FROM ContributionFact WHERE period BETWEEN ? AND ? AND schemeCode = ?`, year * 100 + 1, asOf, scheme);
    const countyCoverage = scalar(db, `SELECT SUM(enrolled) * 1.0 / SUM(shouldEnroll) FROM EnrollmentFact WHERE period = ? AND schemeCode = ? AND regionCode = ?`, asOf, scheme, SHIMEN);
    const delivery = scalar(db, `SELECT SUM(collected) / SUM(due) FROM ContributionFact WHERE period BETWEEN ? AND ? AND schemeCode = ? AND source = 'SUBSIDY_COUNTY' AND regionCode = ?`, year * 100 + 1, asOf, scheme, TAOYUAN);
    db.close();

    await page.goto(`/collection?year=${year}&scheme=${scheme}`);
    await expect(page.getByRole('heading', { name: '参保征缴', level: 1 })).toBeVisible();
    await expect(page.getByTestId('collection-kpis')).toHaveAttribute('data-as-of', String(asOf));
    await expect(tile(page, '参保率').locator('.kpi-value')).toHaveText(pct(coverage));
    await expect(tile(page, '征缴率').locator('.kpi-value')).toHaveText(pct(collection));
    const table = page.locator('#table-coverage table');
    const covCol = await columnIndex(table, '参保率');
    await expect(rowOf(table, '石门县').locator('td').nth(covCol)).toHaveText(pct(countyCoverage));
    await expect(rowOf(table, '江临市（全市）').locator('td').nth(covCol)).toHaveText(pct(coverage));
    const delCol = await columnIndex(table, '县级财政补助到位率');
    if (scheme === 'RESIDENT') {
      // The story: 桃源县 pays only about 58% of its county subsidy share.
      await expect(rowOf(table, '桃源县').locator('td').nth(delCol)).toHaveText(pct(delivery));
      expect(delivery).toBeLessThan(0.65);
    } else {
      await expect(rowOf(table, '桃源县').locator('td').nth(delCol)).toHaveText('—');
      await expect(page.locator('#table-delivery')).toHaveCount(0);
    }
    await page.screenshot({ path: path.join(shots, `collection-${year}-${scheme}.png`), fullPage: true });
  });
}

test('参保征缴 drills from the city row to 桃源县, whose county subsidy delivery is ~58%', async ({ page }) => {
  const db = openE2eDb();
  const delivery = scalar(db, `SELECT SUM(collected) / SUM(due) FROM ContributionFact WHERE period BETWEEN 202301 AND 202312 AND schemeCode = 'RESIDENT' AND source = 'SUBSIDY_COUNTY' AND regionCode = ?`, TAOYUAN);
  const gap = scalar(db, `SELECT SUM(due) - SUM(collected) FROM ContributionFact WHERE period BETWEEN 202301 AND 202312 AND schemeCode = 'RESIDENT' AND source = 'SUBSIDY_COUNTY' AND regionCode = ?`, TAOYUAN);
  db.close();
  await page.goto('/collection?year=2023&scheme=RESIDENT');
  await hydrated(page);
  await page.locator('#table-coverage').getByRole('link', { name: '桃源县' }).click();
  await expect(page).toHaveURL(new RegExp(`region=${TAOYUAN}`), { timeout: 30_000 });
  await expect(page.getByTestId('page-sub')).toContainText('桃源县');
  const t = tile(page, '财政补助到位率');
  await expect(t.locator('.kpi-value')).toHaveText(pct(delivery));
  await expect(t.locator('.kpi-status')).toHaveText('预警');
  // the source table of the county: the county level's unpaid amount in 万元
  const sources = page.locator('#table-sources table');
  const gapCol = await columnIndex(sources, '未征（未到位）金额');
  await expectYuanCell(sources, '未征（未到位）金额', rowOf(sources, '县级财政补助').locator('td').nth(gapCol), gap);
  await page.screenshot({ path: path.join(shots, 'collection-taoyuan.png'), fullPage: true });
});

test('参保征缴 stories: 石门县 flagged as enrolment falls while contributions rise; the standard is below the national minimum', async ({ page }) => {
  await page.goto('/collection?year=2024&scheme=RESIDENT');
  const flags = page.getByTestId('selective-flags');
  await expect(flags).toContainText('石门县：2021、2022、2023、2024年参保明显下降');
  const table = page.locator('#table-enrolment table');
  const flagCol = await columnIndex(table, '标记');
  await expect(rowOf(table, '石门县').locator('td').nth(flagCol)).toContainText('缴费上涨，参保明显下降');
  await expect(page.getByTestId('standards-note')).toContainText('2020年起本地标准低于国家最低标准');
  const std = page.locator('#table-standards table');
  const gapCol = await columnIndex(std, '个人缴费标准与国家最低标准差额');
  await expect(rowOf(std, '2020').locator('td').nth(gapCol)).toHaveText('−30元');
  await expect(rowOf(std, '2021').locator('td').nth(gapCol)).toHaveText('−40元');
  await expect(tile(page, '个人缴费标准与国家最低标准差额').locator('.kpi-value')).toHaveText('−20元');
});

test('参保征缴 table sorts (state in the URL) and exports CSV and XLSX that read back', async ({ page }) => {
  const db = openE2eDb();
  const cov = db.prepare(`SELECT regionCode, SUM(enrolled) * 1.0 / SUM(shouldEnroll) AS c FROM EnrollmentFact WHERE period = 202412 AND schemeCode = 'RESIDENT' GROUP BY regionCode`).all() as { regionCode: string; c: number }[];
  const taoyuanCoverage = cov.find((r) => r.regionCode === TAOYUAN)!.c;
  const lowest = cov.reduce((a, b) => (b.c < a.c ? b : a));
  db.close();
  await page.goto('/collection?year=2024&scheme=RESIDENT');
  await hydrated(page);
  const table = page.locator('#table-coverage table');
  const covHeader = table.locator('thead th').nth(await columnIndex(table, '参保率'));
  await table.getByRole('button', { name: '参保率', exact: true }).click();
  await expect(page).toHaveURL(/coverage\.sort=coverage\.desc/, { timeout: 30_000 });
  await expect(covHeader).toHaveAttribute('aria-sort', 'descending');
  await table.getByRole('button', { name: '参保率', exact: true }).click();
  await expect(page).toHaveURL(/coverage\.sort=coverage\.asc/, { timeout: 30_000 });
  await expect(covHeader).toHaveAttribute('aria-sort', 'ascending');
  // ascending: the county with the lowest coverage (石门县) comes first; the city total stays pinned on top
  expect(lowest.regionCode).toBe(SHIMEN);
  await expect(table.locator('tbody tr').first()).toHaveClass(/total-row/);
  await expect(table.locator('tbody tr:not(.total-row)').first().locator('td').first()).toHaveText('石门县');
  // the sort survives a reload (URL state)
  await page.reload();
  await expect(page.locator('#table-coverage table tbody tr:not(.total-row)').first().locator('td').first()).toHaveText('石门县');

  const block = page.locator('#table-coverage');
  const [csvDl] = await Promise.all([page.waitForEvent('download'), block.getByRole('button', { name: '导出CSV' }).click()]);
  expect(csvDl.suggestedFilename()).toBe('2024年各县参保率与征缴率.csv');
  const csvPath = path.join(shots, 'coverage.csv');
  await csvDl.saveAs(csvPath);
  const csv = fs.readFileSync(csvPath, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff); // BOM for Excel
  const lines = csv.slice(1).split('\r\n').map((l) => l.split(','));
  expect(lines[0]).toContain('参保率(%)');
  expect(lines[1][0]).toBe('江临市（全市）'); // exported in the on-screen order: the pinned total first,
  expect(lines[2][0]).toBe('石门县'); // then the counties as sorted
  const csvCol = lines[0].indexOf('参保率(%)');
  const csvTaoyuan = lines.find((l) => l[0] === '桃源县')!;
  expect(Number(csvTaoyuan[csvCol])).toBeCloseTo(Math.round(taoyuanCoverage * 1000) / 10, 6);

  const [xlsxDl] = await Promise.all([page.waitForEvent('download'), block.getByRole('button', { name: '导出XLSX' }).click()]);
  expect(xlsxDl.suggestedFilename()).toBe('2024年各县参保率与征缴率.xlsx');
  const xlsxPath = path.join(shots, 'coverage.xlsx');
  await xlsxDl.saveAs(xlsxPath);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsxPath);
  const ws = wb.worksheets[0];
  const header = (ws.getRow(1).values as unknown[]).slice(1);
  expect(header).toEqual(lines[0]);
  expect(ws.rowCount).toBe(lines.length);
  const xCol = header.indexOf('参保率(%)') + 1;
  const xTaoyuan = [...Array(ws.rowCount).keys()].map((i) => ws.getRow(i + 1)).find((r) => r.getCell(1).value === '桃源县')!;
  expect(xTaoyuan.getCell(xCol).value).toBeCloseTo(Math.round(taoyuanCoverage * 1000) / 10, 6);
  expect(typeof xTaoyuan.getCell(xCol).value).toBe('number');
});

test('参保征缴 chart has a table view with the same numbers', async ({ page }) => {
  await page.goto('/collection?year=2024&scheme=RESIDENT');
  await hydrated(page);
  const figure = page.locator('figure', { hasText: '各县（市、区）县级财政补助到位率' });
  await figure.getByRole('button', { name: '表格' }).click();
  await expect(figure.locator('table')).toContainText('桃源县');
  await expect(figure.getByRole('button', { name: '导出XLSX' })).toBeVisible();
});

test('参保征缴 on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/collection?year=2024&scheme=RESIDENT&region=439922');
  await hydrated(page);
  await expect(tile(page, '参保率')).toBeVisible();
  await expect(page.locator('#table-coverage')).toBeVisible();
  await page.screenshot({ path: path.join(shots, 'collection-phone.png'), fullPage: true });
});
