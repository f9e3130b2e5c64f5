// 公开: the public annual report in a real browser — accessibility (axe, WCAG 2.2 AA) at desktop and phone
// width, no sideways scrolling, figures without JavaScript equal independent SQL, print to A4 PDF without
// orphan headings (the PDF pages are also saved as PNG to look at), downloads read back, permalinks, 404.
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { openE2eDb, pct, scalar } from './sql';

const shots = path.join(path.dirname(process.env.E2E_DB ?? '.tmp/e2e/yibao.db'), 'shots');
fs.mkdirSync(shots, { recursive: true });

const PAGES = ['/open', '/open/439922', '/open/4399A1/2023'];
const WIDTHS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
];

async function axe(page: Page) {
  return new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
}

for (const w of WIDTHS) {
  test(`公开 pages pass axe with 0 violations and do not scroll sideways at ${w.width}px`, async ({ browser }) => {
    test.setTimeout(240_000);
    const ctx = await browser.newContext({ viewport: { width: w.width, height: w.height }, locale: 'zh-CN' });
    const page = await ctx.newPage();
    for (const p of PAGES) {
      const res = await page.goto(p);
      expect(res?.status()).toBe(200);
      await expect(page.getByRole('heading', { level: 1 })).toContainText('医疗保障基金运行情况');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
      const r = await axe(page);
      expect(r.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.help} (${v.nodes[0]?.target.join(' ')})`)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(w.width);
      await page.screenshot({ path: path.join(shots, `open${p.replace(/\//g, '_')}-${w.name}.png`), fullPage: true });
    }
    await ctx.close();
  });
}

test('公开 renders its figures without JavaScript, equal to independent SQL', async ({ browser }) => {
  test.setTimeout(180_000);
  const db = openE2eDb();
  const coverage = scalar(db, `SELECT SUM(enrolled) * 1.0 / SUM(shouldEnroll) FROM EnrollmentFact WHERE schemeCode IN ('EMPLOYEE','RESIDENT') AND period = 202412`);
  const primary = scalar(db, `SELECT SUM(CASE WHEN i.level = 'PRIMARY' THEN u.visits ELSE 0 END) * 1.0 / SUM(u.visits)
    FROM UtilizationFact u JOIN Institution i ON i.code = u.institutionCode WHERE u.insuredRegionCode = '439922' AND u.schemeCode = 'RESIDENT' AND u.period BETWEEN 202401 AND 202412`);
  const expense = scalar(db, `SELECT SUM(amount) FROM LedgerFact WHERE account = 'POOL' AND period BETWEEN 202401 AND 202412
    AND item IN ('INPATIENT','OUTPATIENT','CHRONIC','MATERNITY','OTHER_EXPENSE')`);
  const released = JSON.parse(String((db.prepare(`SELECT payload FROM Release WHERE kind = 'OPEN_REPORT' AND year = 2024 AND status = 'PUBLISHED' ORDER BY version DESC`).raw().get() as unknown[])[0]));
  db.close();
  const ctx = await browser.newContext({ javaScriptEnabled: false, locale: 'zh-CN' });
  const page = await ctx.newPage();
  await page.goto('/open/2024');
  // The page reads the frozen release. Earlier browser tests import enrolment files into the shared database,
  // so the live figure may have moved since publication: the page must show the released one (checked against
  // independent SQL on an untouched database in lib/open/open.test.ts).
  await expect(page.locator('[data-code="coverage_rate"] dd').first()).toHaveText(pct(released.figures['439900'].ALL.coverage_rate));
  await expect(page.locator('[data-code="expense"] dd').first()).toHaveText(`${(expense / 1e8).toFixed(2)}亿元`);
  // The frozen figure is the registry's formula over the enrolment facts (here within a correction's reach).
  expect(Math.abs(released.figures['439900'].ALL.coverage_rate - coverage)).toBeLessThan(0.005);
  // Charts are server-rendered images with text alternatives; tables carry every number.
  await expect(page.locator('#fund-years svg[role="img"]')).toHaveAttribute('aria-label', /基金收入/);
  await expect(page.locator('#fund-years tbody tr')).toHaveCount(8);
  // The picker is a plain form: without JavaScript it lands on the permalink of the chosen view.
  await page.selectOption('select[name="code"]', '439922');
  await page.selectOption('select[name="scheme"]', 'RESIDENT');
  await page.getByRole('button', { name: '查看' }).click();
  await expect(page).toHaveURL(/\/open\/439922\/2024\/resident$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('石门县2024年医疗保障基金运行情况');
  await expect(page.locator('#tiered-regions tr[data-row="439922"] td[data-col="primary_visit_share"]')).toHaveText(pct(primary));
  await expect(page.locator('#tiered-regions a', { hasText: '本图永久链接' })).toHaveAttribute('href', '/open/439922/2024/resident#tiered-regions');
  await ctx.close();
});

test('公开 works from the keyboard: skip link, picker, chart links', async ({ page }) => {
  await page.goto('/open/2024');
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveText('跳到主要内容');
  let reached = false;
  for (let i = 0; i < 40 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => (document.activeElement as HTMLSelectElement | null)?.name === 'code');
  }
  expect(reached).toBe(true);
  // Every download and permalink is a real link a keyboard reaches (no click-only controls).
  const links = page.locator('#fund-years a');
  await expect(links).toHaveCount(4);
  for (const a of await links.all()) expect(await a.evaluate((x) => x.tabIndex)).toBe(0);
});

test('公开 hides small counts and says why', async ({ page }) => {
  await page.goto('/open/2023');
  const zone = page.locator('#supervision-regions tr[data-row="4399A1"]');
  await expect(zone.locator('td[data-col="institutionsActive"]')).toHaveText('<10');
  await expect(page.locator('#supervision-regions')).toContainText('为保护个人和机构信息不公布具体数字');
  await expect(page.locator('#supervision-regions')).toContainText('（不稳定）');
});

test('公开 downloads are exactly the table, in UTF-8 with BOM, GBK and XLSX', async ({ page, request }) => {
  await page.goto('/open/439922/2024');
  const fig = page.locator('#collection-regions');
  const firstRow = await fig.locator('tbody tr').first().locator('th').innerText();
  const hrefs = await fig.locator('a[download]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')!));
  expect(hrefs).toHaveLength(3);
  const [csv, gbk, xlsx] = await Promise.all(hrefs.map((h) => request.get(h)));
  for (const r of [csv, gbk, xlsx]) expect(r.status()).toBe(200);
  expect(csv.headers()['content-type']).toContain('utf-8');
  const csvBytes = await csv.body();
  expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = csvBytes.toString('utf8').slice(1);
  expect(gbk.headers()['content-type']).toContain('GBK');
  expect(iconv.decode(await gbk.body(), 'gbk')).toBe(text);
  const lines = text.split('\r\n');
  expect(lines[0]).toBe('地区,参保人数,参保率(%),实征金额(万元),征缴率(%)');
  expect(lines[1].split(',')[0]).toBe(firstRow);
  expect(lines.filter((l) => /^(临江区|望山区|清河县|石门县|桃源县|安平市|江临高新技术产业开发区|湖滨管理区|江临市（全市）),/.test(l))).toHaveLength(9);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  expect((ws.getRow(1).values as unknown[]).slice(1).join(',')).toBe(lines[0]);
  expect((ws.getRow(2).values as unknown[]).slice(1).join(',')).toBe(lines[1]);
  // Bad requests get a clear Chinese message.
  const bad = await request.get('/api/open/download?year=2024&scheme=ALL&chart=nope&format=csv');
  expect(bad.status()).toBe(404);
  expect(await bad.text()).toContain('没有图表');
});

test('公开 answers unknown counties and years with a Chinese not-found page', async ({ page }) => {
  for (const p of ['/open/999999', '/open/2031', '/open/439922/1999', '/open/abc/def/ghi/jkl']) {
    const res = await page.goto(p);
    expect(res?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: '未找到该公开报告' })).toBeVisible();
  }
});

test('公开 prints to A4 with no heading left alone at the foot of a page', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('/open/2024');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('form[action="/api/open/view"]')).toBeHidden();
  await expect(page.locator('#fund-years a[download]').first()).toBeHidden();
  const pdf = path.join(shots, 'open-print.pdf');
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  // Pictures of the pages, to look at (pdftoppm from poppler-utils).
  execFileSync('pdftoppm', ['-png', '-r', '50', pdf, path.join(shots, 'open-print')]);
  const pngs = fs.readdirSync(shots).filter((f) => /^open-print-\d+\.png$/.test(f));
  expect(pngs.length).toBeGreaterThan(3);
  // Orphan check on the text of each page: no page ends with a section or chart heading.
  const headings = (await page.locator('h2, h3').allInnerTexts()).map((h) => h.trim()).filter(Boolean);
  const pagesText = execFileSync('pdftotext', ['-layout', pdf, '-']).toString('utf8').split('\f');
  for (const [i, t] of pagesText.entries()) {
    const lines = t.split('\n').map((l) => l.trim()).filter(Boolean);
    const last = lines.at(-1);
    if (!last) continue;
    expect(headings.includes(last), `page ${i + 1} ends with heading 「${last}」`).toBe(false);
  }
});
