import { test, expect, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { openE2eDb, scalar } from './sql';

const shots = path.join(path.dirname(process.env.E2E_DB ?? '.tmp/e2e/yibao.db'), 'shots');
const BOM = '\uFEFF';

// Files as a county would send them (CSV with BOM, Chinese labels), built here so the test owns its data.
const CONTRIB_HEAD = '区划代码,险种,年月,来源,应征金额(元),实征金额(元)';
function contributions(month: string): string {
  const lines = [CONTRIB_HEAD];
  for (const region of ['439902', '439903', '439921', '439922', '439923', '439981']) {
    lines.push(`${region},城乡居民基本医疗保险,${month},个人缴费,120000.00,118800.50`);
    lines.push(`${region},城乡居民基本医疗保险,${month},县级财政补助,80000.00,${region === '439923' ? '46400.00' : '80000.00'}`);
  }
  return BOM + lines.join('\r\n') + '\r\n';
}

const SETTLE_HEAD = '结算流水号,结算日期,参保地区划代码,定点机构编码,险种类型,医疗类别,医疗费总额,政策范围内费用,基金支付,个人负担,转诊类型';
/** 2,400 settlement records of 2025-01 (a month the demo city does not have), one of them broken. */
function settlements(badLine?: number): string {
  const lines = [SETTLE_HEAD];
  for (let i = 0; i < 2400; i++) {
    const inst = i % 3 === 0 ? 'H439922P001' : 'H439902P001';
    const region = i % 3 === 0 ? '439922' : '439902';
    lines.push(`JS2025010000${String(i).padStart(6, '0')},2025-01-${String(1 + (i % 28)).padStart(2, '0')},${region},${inst},390,11,100.00,90.00,50.00,50.00,`);
  }
  if (badLine) lines[badLine - 1] = lines[badLine - 1].replace(',90.00,50.00,50.00,', ',90.00,95.00,5.00,');
  return lines.join('\n') + '\n';
}

async function upload(page: Page, name: string, content: string | Buffer, opts: { mode?: 'REPLACE'; sheet?: string } = {}) {
  await page.goto('/admin');
  // The form's choices are React state: choose only once the page is live.
  await expect(page.locator('form[data-live="true"]')).toBeAttached({ timeout: 30_000 });
  await page.getByLabel('选择要导入的文件').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: typeof content === 'string' ? Buffer.from(content, 'utf8') : content });
  if (opts.mode === 'REPLACE') await page.getByLabel(/更正（替换）/).check();
  if (opts.sheet) await page.getByLabel('工作表').fill(opts.sheet);
  await page.getByRole('button', { name: '上传并导入' }).click();
  const result = page.getByTestId('import-result');
  await expect(result).toBeVisible({ timeout: 30_000 });
  return result;
}

test.beforeAll(() => fs.mkdirSync(shots, { recursive: true }));

test('数据导入: upload a file, see the report, the data and the batch history', async ({ page }) => {
  await page.goto('/admin');
  await expect(page.getByRole('heading', { name: '管理 · 数据导入' })).toBeVisible();
  // The demo city is batch #1 in the history.
  await expect(page.locator('#table-batches')).toContainText('演示数据');

  const result = await upload(page, '征缴-2025年1月.csv', contributions('2025-01'));
  await expect(result).toContainText('已导入征缴12行');
  const db = openE2eDb();
  expect(scalar(db, `SELECT COUNT(*) FROM ContributionFact WHERE period = 202501`)).toBe(12);
  expect(scalar(db, `SELECT SUM(collected) FROM ContributionFact WHERE period = 202501 AND source = 'SUBSIDY_COUNTY'`)).toBeCloseTo(5 * 80000 + 46400, 2);
  const batch = scalar(db, `SELECT MAX(id) FROM ImportBatch`);
  db.close();
  await page.screenshot({ path: path.join(shots, 'admin-import-loaded.png'), fullPage: true });

  await result.getByRole('link', { name: /校验报告/ }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/batches/${batch}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`批次#${batch} · 征缴`);
  await expect(page.getByTestId('batch-note')).toContainText('征缴12行（2025年1月）');
  await expect(page.getByText('征缴（ContributionFact）：12 行')).toBeVisible();
  await page.screenshot({ path: path.join(shots, 'admin-batch-loaded.png'), fullPage: true });

  // The same file again is recognised and refused.
  const again = await upload(page, '征缴-2025年1月-再次.csv', contributions('2025-01'));
  await expect(again).toContainText(`与批次#${batch}`);
  await expect(again).toContainText('不重复导入');
});

test('数据导入: one bad settlement record among thousands rejects the file whole, naming the row; rejected rows download', async ({ page }) => {
  const db = openE2eDb();
  const before = scalar(db, `SELECT COUNT(*) FROM UtilizationFact WHERE period = 202501`);
  const result = await upload(page, '结算明细-2025年1月.csv', settlements(1734));
  await expect(result).toContainText('未导入：发现1处问题，整个文件未写入');
  await expect(result).toContainText('文件“结算明细-2025年1月.csv”第1734行“基金支付”列：基金支付大于政策范围内费用');
  expect(scalar(db, `SELECT COUNT(*) FROM UtilizationFact WHERE period = 202501`)).toBe(before);
  await page.screenshot({ path: path.join(shots, 'admin-import-rejected.png'), fullPage: true });

  await result.getByRole('link', { name: /校验报告/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('未通过校验');
  const problems = page.locator('#table-problems');
  await expect(problems).toContainText('1734');
  await expect(problems).toContainText('基金支付大于政策范围内费用');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下载被拒绝的行（CSV）' }).click()]);
  const csv = fs.readFileSync(await download.path(), 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain('原行号,错误原因');
  expect(csv).toContain(',90.00,95.00,5.00,,1734,“基金支付”列：基金支付大于政策范围内费用');
  await page.screenshot({ path: path.join(shots, 'admin-batch-rejected.png'), fullPage: true });

  // Fixed, the file loads and the month's settlements roll up.
  const ok = await upload(page, '结算明细-2025年1月-已改正.csv', settlements());
  await expect(ok).toContainText('已导入结算明细2,400行');
  expect(scalar(db, `SELECT SUM(visits) FROM UtilizationFact WHERE period = 202501`)).toBe(2400);
  expect(scalar(db, `SELECT SUM(visits) FROM UtilizationRollup WHERE period = 202501`)).toBe(2400);
  db.close();
  await ok.getByRole('link', { name: /校验报告/ }).click();
  await expect(page.getByText(/就诊结算单元（UtilizationFact.*）：2 行/)).toBeVisible();
  await expect(page.getByText('已刷新：就诊结算汇总（UtilizationRollup、UtilizationFlowRollup）2025年1月')).toBeVisible();
  await page.screenshot({ path: path.join(shots, 'admin-batch-settlements.png'), fullPage: true });
  // The demo city's own batch has no file report, and says so.
  await page.goto('/admin/batches/1');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('批次#1 · 演示数据');
});

test('数据导入: a correction replaces its month and the history shows what it replaced; templates page', async ({ page }) => {
  const corr = BOM + '区划代码,险种,年月,应参保人数(人),参保人数(人)\r\n439922,居民医保,2024-12,400000,361234\r\n';
  const result = await upload(page, '参保-石门县-2024年12月-更正.csv', corr, { mode: 'REPLACE' });
  await expect(result).toContainText('替换了批次#1的1行');
  await result.getByRole('link', { name: /校验报告/ }).click();
  const replaced = page.locator('#table-replaced');
  await expect(replaced).toContainText('石门县 · 居民医保 · 2024年12月');
  const db = openE2eDb();
  expect(scalar(db, `SELECT enrolled FROM EnrollmentFact WHERE regionCode = '439922' AND schemeCode = 'RESIDENT' AND period = 202412`)).toBe(361234);
  db.close();
  await page.screenshot({ path: path.join(shots, 'admin-batch-correction.png'), fullPage: true });

  await page.goto('/admin/templates');
  await expect(page.getByRole('heading', { name: '结算明细 SETTLEMENT' })).toBeVisible();
  await expect(page.locator('#settlements ~ .table-scroll, section[aria-labelledby="settlements"]').first()).toContainText('310 职工基本医疗保险');
  await page.screenshot({ path: path.join(shots, 'admin-templates.png'), fullPage: false });
  const res = await page.request.get('/api/import/templates/enrollment.xlsx');
  expect(res.status()).toBe(200);
  expect((await res.body()).subarray(0, 2).toString()).toBe('PK');
});

test('数据导入: files as they come — units read, a sheet chosen, an HTML “.xls” named', async ({ page }) => {
  test.setTimeout(240_000); // three imports, each re-evaluating the warnings of the demo city
  // 金额(万元): converted to 元 and said so.
  const wan = BOM + '区划代码,险种,年月,来源,应征金额(万元),实征金额(万元)\r\n439921,城乡居民基本医疗保险,2026-01,个人缴费,"1,200.50",1.25\r\n';
  const r1 = await upload(page, '征缴-万元.csv', wan);
  await expect(r1).toContainText('“应征金额”按表头单位“万元”换算为元（×10,000）');
  let db = openE2eDb();
  expect(scalar(db, `SELECT due FROM ContributionFact WHERE regionCode = '439921' AND period = 202601`)).toBe(12005000);
  db.close();
  // A workbook with a hidden lookup sheet first and two data sheets: the second data sheet chosen by name.
  const wb = new ExcelJS.Workbook();
  const lookup = wb.addWorksheet('下拉选项');
  lookup.state = 'hidden';
  lookup.addRow(['险种']);
  for (const [name, period, n] of [['参保-1月', '2026-01', 372015], ['参保-2月', '2026-02', 372016]] as const) {
    const ws = wb.addWorksheet(name);
    ws.addRow(['区划代码', '险种', '年月', '应参保人数(人)', '参保人数(人)']);
    ws.addRow(['439922', '城乡居民基本医疗保险', period, 398120, n]);
  }
  const r2 = await upload(page, '参保-2026.xlsx', Buffer.from(await wb.xlsx.writeBuffer()), { sheet: '参保-2月' });
  await expect(r2).toContainText('读取工作表“参保-2月”');
  db = openE2eDb();
  expect(scalar(db, `SELECT enrolled FROM EnrollmentFact WHERE regionCode = '439922' AND schemeCode = 'RESIDENT' AND period = 202602`)).toBe(372016);
  db.close();
  const r3 = await upload(page, '参保.xls', '<html><body><table><tr><td>区划代码</td></tr></table></body></html>');
  await expect(r3).toContainText('这是一个HTML网页');
  await page.screenshot({ path: path.join(shots, 'admin-import-html-xls.png'), fullPage: false });
});

test('数据导入 on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/admin');
  await expect(page.getByRole('button', { name: '上传并导入' })).toBeVisible();
  await page.screenshot({ path: path.join(shots, 'admin-import-phone.png'), fullPage: true });
});
