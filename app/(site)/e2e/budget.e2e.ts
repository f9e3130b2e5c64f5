// 预算执行 in the browser: figures against independent SQL for two years and two schemes, the plan in force at
// an as-of month, deficit attribution (桃源县), drill-down, sorting, CSV and XLSX export read back, phone layout.
import { test } from '@playwright/test';
import path from 'node:path';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type Database from 'better-sqlite3';
import { openE2eDb, pct, scalar } from './sql';
import { columnIndex, expect, expectYuanCell, hydrated, rowOf, tile } from './dashboard';

const shots = path.join(path.dirname(process.env.E2E_DB ?? '.tmp/e2e/yibao.db'), 'shots');
const CITY = '439900';
const TAOYUAN = '439923';
const INCOME = `('PREMIUM','SUBSIDY','INTEREST','OTHER_INCOME')`;
const EXPENSE = `('INPATIENT','OUTPATIENT','CHRONIC','MATERNITY','OTHER_EXPENSE')`;
/** Money as the page shows it: ≥1亿 in 亿元 (2 decimals), ≥1万 in 万元 (1 decimal), with a typographic minus. */
function yuan(v: number): string {
  const a = Math.abs(v);
  const [d, unit, digits] = a >= 1e8 ? [1e8, '亿元', 2] : a >= 1e4 ? [1e4, '万元', 1] : [1, '元', 0];
  const s = (a / d).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return (v < 0 && Number(s.replace(/,/g, '')) !== 0 ? '−' : '') + s + unit;
}
/** Plan of the latest version of `year` approved by `byDate`, and county actuals January → `to`. */
function planAndActual(db: Database.Database, year: number, to: number, items: string, scheme: string, region?: string) {
  const version = scalar(db, `SELECT id FROM BudgetVersion WHERE year = ? AND approvedOn <= ? ORDER BY seq DESC LIMIT 1`, year, `${year}-${String(to % 100).padStart(2, '0')}-31`);
  const r = region ? ` AND regionCode = '${region}'` : '';
  const plan = scalar(db, `SELECT SUM(amount) FROM BudgetLine WHERE versionId = ? AND item IN ${items} AND schemeCode = ?${r}`, version, scheme);
  const actual = scalar(db, `SELECT SUM(amount) FROM LedgerFact WHERE account = 'POOL' AND period BETWEEN ? AND ? AND item IN ${items} AND schemeCode = ? AND regionCode <> '${CITY}'${r}`, year * 100 + 1, to, scheme);
  return { plan, actual };
}

for (const [year, scheme] of [[2023, 'RESIDENT'], [2020, 'EMPLOYEE']] as const) {
  test(`预算执行 figures match independent SQL: ${year} ${scheme}`, async ({ page }) => {
    const db = openE2eDb();
    const asOf = scalar(db, `SELECT MAX(period) FROM LedgerFact WHERE period BETWEEN ? AND ?`, year * 100 + 1, year * 100 + 12);
    const inc = planAndActual(db, year, asOf, INCOME, scheme);
    const exp = planAndActual(db, year, asOf, EXPENSE, scheme);
    const countyExp = planAndActual(db, year, asOf, EXPENSE, scheme, TAOYUAN);
    const balance = scalar(db, `SELECT SUM(balance) FROM BalanceFact WHERE account = 'POOL' AND period = ? AND schemeCode = ?`, asOf, scheme);
    // 当期结余 counts every row: the city account's own (its interest) as well as the counties'.
    const own = (items: string) => scalar(db, `SELECT COALESCE(SUM(amount), 0) FROM LedgerFact WHERE account = 'POOL' AND period BETWEEN ? AND ? AND item IN ${items} AND schemeCode = ? AND regionCode = '${CITY}'`, year * 100 + 1, asOf, scheme);
    const ownBalance = own(INCOME) - own(EXPENSE);
    db.close();

    await page.goto(`/budget?year=${year}&scheme=${scheme}`);
    await expect(page.getByRole('heading', { name: '预算执行', level: 1 })).toBeVisible();
    await expect(page.getByTestId('budget-kpis')).toHaveAttribute('data-as-of', String(asOf));
    await expect(tile(page, '收入预算执行率').locator('.kpi-value')).toHaveText(pct(inc.actual / inc.plan));
    await expect(tile(page, '支出预算执行率').locator('.kpi-value')).toHaveText(pct(exp.actual / exp.plan));
    await expect(tile(page, '当期结余').locator('.kpi-value')).toHaveText(yuan(inc.actual - exp.actual + ownBalance));
    await expect(tile(page, '累计结余').locator('.kpi-value')).toHaveText(yuan(balance));
    const table = page.locator('#table-execution table');
    const col = await columnIndex(table, '支出预算执行率');
    await expect(rowOf(table, '桃源县').locator('td').nth(col)).toHaveText(pct(countyExp.actual / countyExp.plan));
    // the versions log lists both adjustments whatever the year
    const versions = page.locator('#table-versions table');
    await expect(rowOf(versions, '2020').filter({ hasText: '江临医保发〔2020〕41号' })).toContainText('2020-07-20');
    await expect(rowOf(versions, '2023').filter({ hasText: '江临医保发〔2023〕57号' })).toContainText('2023-08-18');
    await page.screenshot({ path: path.join(shots, `budget-${year}-${scheme}.png`), fullPage: true });
  });
}

test('预算执行 at an as-of month uses the plan in force then: 2020-03 the approved budget, 2020-08 the COVID adjustment', async ({ page }) => {
  const db = openE2eDb();
  const march = planAndActual(db, 2020, 202003, EXPENSE, 'RESIDENT');
  const aug = planAndActual(db, 2020, 202008, EXPENSE, 'RESIDENT');
  db.close();
  await page.goto('/budget?year=2020&scheme=RESIDENT&month=3');
  await expect(page.getByTestId('execution-note')).toContainText('序时进度 25.0%');
  await expect(page.getByTestId('execution-note')).toContainText('江临医保发〔2020〕9号');
  await expect(tile(page, '支出预算执行率').locator('.kpi-value')).toHaveText(pct(march.actual / march.plan));
  // change the month through the picker; the other filters stay
  await hydrated(page);
  await expect(page.locator('#month-picker')).toHaveAttribute('data-enhanced', 'true');
  await page.locator('select[name="month"]').selectOption('8');
  await expect(page).toHaveURL(/month=8/, { timeout: 30_000 });
  await expect(page).toHaveURL(/year=2020/, { timeout: 30_000 });
  await expect(page.getByTestId('execution-note')).toContainText('江临医保发〔2020〕41号');
  await expect(tile(page, '支出预算执行率').locator('.kpi-value')).toHaveText(pct(aug.actual / aug.plan));
  // the adjustment's diff: inpatient expense cut by 8%
  const items = page.locator('#table-adj-items-1 table');
  const changeCol = await columnIndex(items, '预算调整额');
  await expect(rowOf(items, '住院费用支出').locator('td').nth(changeCol)).toHaveText(/^−/);
  await page.screenshot({ path: path.join(shots, 'budget-2020-08.png'), fullPage: true });
});

test('预算执行 deficit attribution: 桃源县 must make up its unpaid county subsidy; the city covers the rest (2023, resident)', async ({ page }) => {
  const db = openE2eDb();
  const income = scalar(db, `SELECT SUM(amount) FROM LedgerFact WHERE account = 'POOL' AND period BETWEEN 202301 AND 202312 AND item IN ${INCOME} AND schemeCode = 'RESIDENT' AND regionCode = ?`, TAOYUAN);
  const expense = scalar(db, `SELECT SUM(amount) FROM LedgerFact WHERE account = 'POOL' AND period BETWEEN 202301 AND 202312 AND item IN ${EXPENSE} AND schemeCode = 'RESIDENT' AND regionCode = ?`, TAOYUAN);
  const unpaid = scalar(db, `SELECT SUM(due) - SUM(collected) FROM ContributionFact WHERE source = 'SUBSIDY_COUNTY' AND schemeCode = 'RESIDENT' AND period BETWEEN 202301 AND 202312 AND regionCode = ?`, TAOYUAN);
  const plan = scalar(db, `SELECT l.amount FROM BudgetLine l JOIN BudgetVersion v ON v.id = l.versionId WHERE v.year = 2023 AND v.seq = 1 AND l.item = 'PREMIUM' AND l.schemeCode = 'RESIDENT' AND l.regionCode = ?`, TAOYUAN);
  const premium = scalar(db, `SELECT SUM(amount) FROM LedgerFact WHERE account = 'POOL' AND period BETWEEN 202301 AND 202312 AND item = 'PREMIUM' AND schemeCode = 'RESIDENT' AND regionCode = ?`, TAOYUAN);
  db.close();
  const gap = Math.max(0, expense - income);
  const makeup = unpaid + Math.max(0, plan - premium);
  const cityCovers = Math.max(0, gap - makeup);
  expect(gap).toBeGreaterThan(0);

  await page.goto('/budget?year=2023&scheme=RESIDENT');
  await hydrated(page);
  const table = page.locator('#table-attribution table');
  const row = rowOf(table, '桃源县');
  await expectYuanCell(table, '基金收支缺口', row.locator('td').nth(await columnIndex(table, '基金收支缺口')), gap);
  await expectYuanCell(table, '县级补助未到位', row.locator('td').nth(await columnIndex(table, '县级补助未到位')), unpaid);
  await expectYuanCell(table, '县级应补足金额', row.locator('td').nth(await columnIndex(table, '县级应补足金额')), makeup);
  await expectYuanCell(table, '市级结余弥补金额', row.locator('td').nth(await columnIndex(table, '市级结余弥补金额')), cityCovers);
  await expect(row).toContainText('县级财政补助未到位');

  // sort by the county's make-up: the city total stays pinned on top, 桃源县 comes first among counties
  await table.getByRole('button', { name: /^县级应补足金额（(万元|亿元)）$/ }).click();
  await expect(page).toHaveURL(/attribution\.sort=countyMakeup\.desc/, { timeout: 30_000 });
  await expect(table.locator('thead th').nth(await columnIndex(table, '县级应补足金额'))).toHaveAttribute('aria-sort', 'descending');
  await expect(table.locator('tbody tr').nth(1).locator('td').first()).toHaveText('桃源县');

  const block = page.locator('#table-attribution');
  const [csvDl] = await Promise.all([page.waitForEvent('download'), block.getByRole('button', { name: '导出CSV' }).click()]);
  const csvPath = path.join(shots, 'attribution.csv');
  await csvDl.saveAs(csvPath);
  const csv = fs.readFileSync(csvPath, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.slice(1).split('\r\n');
  const header = lines[0].split(',');
  const mCol = header.indexOf('县级应补足金额(万元)');
  expect(mCol).toBeGreaterThan(0);
  const taoyuanLine = lines.find((l) => l.startsWith('桃源县,'))!.split(',');
  expect(Number(taoyuanLine[mCol])).toBeCloseTo(Math.round(makeup / 100) / 100, 6);

  const [xlsxDl] = await Promise.all([page.waitForEvent('download'), block.getByRole('button', { name: '导出XLSX' }).click()]);
  expect(xlsxDl.suggestedFilename()).toBe('2023年各县赤字归因.xlsx');
  const xlsxPath = path.join(shots, 'attribution.xlsx');
  await xlsxDl.saveAs(xlsxPath);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsxPath);
  const ws = wb.worksheets[0];
  const xHeader = (ws.getRow(1).values as unknown[]).slice(1);
  expect(xHeader).toEqual(header);
  const xRow = [...Array(ws.rowCount).keys()].map((i) => ws.getRow(i + 1)).find((r) => r.getCell(1).value === '桃源县')!;
  expect(xRow.getCell(mCol + 1).value).toBeCloseTo(Math.round(makeup / 100) / 100, 6);
  expect(String(xRow.getCell(header.indexOf('原因') + 1).value)).toContain('县级财政补助未到位');
});

test('预算执行 drills from the city row to a county and keeps the filters', async ({ page }) => {
  await page.goto('/budget?year=2024&scheme=RESIDENT&month=6');
  await hydrated(page);
  await page.locator('#table-execution').getByRole('link', { name: '桃源县' }).click();
  await expect(page).toHaveURL(new RegExp(`region=${TAOYUAN}`), { timeout: 30_000 });
  await expect(page).toHaveURL(/month=6/, { timeout: 30_000 });
  await expect(page.getByTestId('page-sub')).toContainText('桃源县');
  await expect(page.getByTestId('page-sub')).toContainText('2024年1—6月');
  await expect(page.locator('#table-items')).toContainText('住院费用支出');
  const years = page.locator('#table-attribution-years table');
  await expect(rowOf(years, '2019')).toContainText('县级统筹（统筹前）');
  await page.screenshot({ path: path.join(shots, 'budget-taoyuan-2024-06.png'), fullPage: true });
});

test('预算执行 on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/budget?year=2024&scheme=ALL');
  await expect(tile(page, '收入预算执行率')).toBeVisible();
  await page.screenshot({ path: path.join(shots, 'budget-phone.png'), fullPage: true });
});
