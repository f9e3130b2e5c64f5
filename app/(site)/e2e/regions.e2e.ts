// Region levels and 年度数据: the nation is registered and its annual fund figures (as published in
// the 全国医疗保障事业发展统计公报, amounts in 亿元; sources in lib/ingest/fixtures/README.md) are imported through
// the admin page like any file; /regions/100000 then shows 收入, 支出, 当期结余, growth, 累计结余 and 可支付月数
// per scheme and year, labelled 年度数据, checked against plain SQL.
import { test, expect, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { openE2eDb, pct } from './sql';
import { stateFile } from './auth';

const shots = path.join(path.dirname(process.env.E2E_DB ?? '.tmp/e2e/yibao.db'), 'shots');
const FIXTURES = path.resolve(__dirname, '../../../lib/ingest/fixtures');
const NATION_ANNUAL = path.join(FIXTURES, 'national-annual-fund.csv');
/** The bulletin file's rows as printed (no quoted cells in it): row count, years and sources to expect. */
const BULLETIN = fs.readFileSync(NATION_ANNUAL, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/).slice(1).map((line) => {
  const [, scheme, year, , , , source] = line.split(',');
  return { scheme, year: Number(year), source };
});
const YEARS = [...new Set(BULLETIN.map((b) => b.year))].sort((a, b) => a - b);

async function upload(page: Page, file: string) {
  await page.goto('/admin');
  await expect(page.locator('form[data-live="true"]')).toBeAttached({ timeout: 30_000 });
  await page.getByLabel('选择要导入的文件').setInputFiles({ name: path.basename(file), mimeType: 'text/csv', buffer: fs.readFileSync(file) });
  await page.getByRole('button', { name: '上传并导入' }).click();
  const result = page.getByTestId('import-result');
  await expect(result).toBeVisible({ timeout: 60_000 });
  return result;
}

/** 亿元 with two decimals and thousands separators, as the table shows a column scaled to 亿元. */
const yi = (yuan: number) => (yuan / 1e8).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

test.describe.configure({ mode: 'serial' });
test.beforeAll(() => fs.mkdirSync(shots, { recursive: true }));

test('年度数据: the admin registers the nation and imports its annual figures through the product’s import', async ({ page }) => {
  test.setTimeout(180_000);
  await expect(await upload(page, path.join(FIXTURES, 'regions-nation.csv'))).toContainText('已导入地区1行');
  const r = await upload(page, NATION_ANNUAL);
  await expect(r).toContainText(`已导入年度基金收支${BULLETIN.length}行`);
  await expect(r).toContainText('“基金收入”按表头单位“亿元”换算为元');
  const db = openE2eDb();
  const n = db.prepare(`SELECT COUNT(*) AS n FROM AnnualFundFact WHERE regionCode = '100000'`).get() as { n: number };
  db.close();
  expect(n.n).toBe(BULLETIN.length);
});

test.describe('as the city bureau', () => {
  test.use({ storageState: stateFile('city') });

  test('年度数据 of the nation: figures per scheme and year match SQL; missing stays missing', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto('/regions');
    const node = page.getByTestId('region-tree').getByRole('listitem').filter({ hasText: '全国' });
    await expect(node).toContainText(`年度数据 ${YEARS[0]}—${YEARS[YEARS.length - 1]}年`);
    await node.getByRole('link', { name: '全国' }).click();
    await expect(page).toHaveURL(/\/regions\/100000$/);
    await expect(page.getByRole('heading', { name: '全国', level: 1 })).toBeVisible();
    await expect(page.getByTestId('region-sub')).toContainText('国家 · 区划代码 100000');
    await expect(page.getByRole('heading', { name: /年度数据/, level: 2 })).toBeVisible();
    await expect(page.getByTestId('annual-note')).toContainText('没有月度数据');

    const db = openE2eDb();
    const fact = (scheme: string, year: number) => db.prepare(`SELECT income, expense, balance FROM AnnualFundFact WHERE regionCode = '100000' AND schemeCode = ? AND year = ?`).get(scheme, year) as { income: number; expense: number; balance: number | null };
    const e21 = fact('EMPLOYEE', 2021);
    const e22 = fact('EMPLOYEE', 2022);
    const e24 = fact('EMPLOYEE', 2024);
    const r21 = fact('RESIDENT', 2021);
    const r22 = fact('RESIDENT', 2022);
    db.close();

    // One table per scheme, each labelled 年度数据.
    await expect(page.locator('#table-annual-EMPLOYEE .table-caption')).toHaveText('全国 · 职工基本医疗保险（年度数据）');
    await expect(page.locator('#table-annual-EMPLOYEE thead')).toContainText('基金收入（亿元）');
    const cells = async (scheme: string, year: number) =>
      (await page.locator(`#table-annual-${scheme} tbody tr`).filter({ hasText: String(year) }).first().locator('td').allInnerTexts()).map((t) => t.trim());
    /** 结余水平 by the documented bands: <3 严重不足, 3–6 不足, 6–9 合理, 9–15 较多, ≥15 过多 (lower bound inclusive). */
    const level = (m: number) => (m < 3 ? '严重不足' : m < 6 ? '不足' : m < 9 ? '合理' : m < 15 ? '较多' : '过多');
    // 年度, 收入, 支出, 当期结余, 收入增长, 支出增长, 累计结余, 可支付月数, 结余水平
    const r22Months = r22.balance! / (r22.expense / 12);
    expect(await cells('RESIDENT', 2022)).toEqual([
      '2022', yi(r22.income), yi(r22.expense), yi(r22.income - r22.expense),
      pct(r22.income / r21.income - 1), pct(r22.expense / r21.expense - 1), yi(r22.balance!),
      `${r22Months.toFixed(1)}个月`, level(r22Months),
    ]);
    // The bulletin prints no 累计结存 for the employee fund: shown as missing, never 0.
    expect(e22.balance).toBeNull();
    expect(await cells('EMPLOYEE', 2022)).toEqual([
      '2022', yi(e22.income), yi(e22.expense), yi(e22.income - e22.expense),
      pct(e22.income / e21.income - 1), pct(e22.expense / e21.expense - 1), '—', '—', '—',
    ]);
    // 2021 has no previous year; the employees' 2023 is not in the file, so 2024 has no growth either.
    expect(await cells('EMPLOYEE', 2021)).toEqual(['2021', yi(e21.income), yi(e21.expense), yi(e21.income - e21.expense), '—', '—', '—', '—', '—']);
    expect(await cells('EMPLOYEE', 2024)).toEqual(['2024', yi(e24.income), yi(e24.expense), yi(e24.income - e24.expense), '—', '—', '—', '—', '—']);
    await expect(page.getByTestId('annual-definitions')).toContainText('累计结余可支付月数：年末累计结余 ÷（全年基金支出 ÷ 12）');
    for (const source of new Set(BULLETIN.map((b) => b.source))) await expect(page.locator('.source-note').last()).toContainText(source);
    await page.screenshot({ path: path.join(shots, 'regions-nation.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: path.join(shots, 'regions-nation-390.png'), fullPage: true });
  });

  test('the demo city’s page says it has no annual figures and lists its counties', async ({ page }) => {
    await page.goto('/regions/439900');
    await expect(page.getByRole('heading', { name: '江临市', level: 1 })).toBeVisible();
    await expect(page.getByText('暂无年度数据')).toBeVisible();
    await expect(page.getByTestId('region-children').getByRole('link', { name: '石门县' })).toHaveAttribute('href', '/counties/439922');
  });
});

test.describe('as a county', () => {
  test.use({ storageState: stateFile('county') });
  test('a county user is refused the region pages (403)', async ({ page }) => {
    const res = await page.goto('/regions/100000');
    expect(res?.status()).toBe(403);
  });
});

test.describe('anonymous', () => {
  test.use({ storageState: { cookies: [], origins: [] } });
  test('the public is sent to sign in', async ({ page }) => {
    await page.goto('/regions/100000');
    await expect(page).toHaveURL(/\/login\?next=%2Fregions%2F100000/);
  });
});
