// Every page in the navigation, as people see it: on a 390 px phone, through an accessibility scan, over a
// slow link, with a broken widget, and in print. The page list is read from app/(site)/ui/nav.ts (the links the
// signed-in admin of the test session sees, plus the anonymous-only ones), so pages added later are
// covered without touching this file.
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import path from 'node:path';
import { navItemsFor } from '../ui/nav';

const shots = path.join(path.dirname(process.env.E2E_DB ?? '.tmp/e2e/yibao.db'), 'shots');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 900 };
const slug = (href: string) => (href === '/' ? 'overview' : href.slice(1).replace(/\//g, '-'));

/** Waits until the route's loading state and the widgets' skeletons have been replaced by content. */
async function settled(page: Page) {
  await expect(page.getByTestId('route-loading')).toHaveCount(0, { timeout: 30_000 });
  await expect(page.locator('[role="status"][aria-label="加载中"]')).toHaveCount(0, { timeout: 30_000 });
  await expect(page.locator('main h1').first()).toBeVisible();
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

for (const item of navItemsFor('admin')) {
  test(`${item.label} (${item.href}): phone without sideways scroll, axe clean, no internal notes, screenshots`, async ({ page }) => {
    test.setTimeout(180_000); // the axe scan of a long page takes a while on a shared machine
    await page.setViewportSize(PHONE);
    const res = await page.goto(item.href);
    expect(res?.status(), 'status').toBeLessThan(400);
    await settled(page);
    expect(await horizontalOverflow(page), 'document wider than the phone').toBeLessThanOrEqual(0);
    // wide tables scroll inside their own box, with the first column sticky (lists stacked one block per record
    // on a phone, table-stack, do not scroll)
    for (const scroller of await page.locator('.table-scroll:not(:has(> .table-stack))').all()) {
      const firstCell = scroller.locator('tbody tr:first-child > :first-child');
      if ((await firstCell.count()) > 0) expect(await firstCell.evaluate((el) => getComputedStyle(el).position)).toBe('sticky');
    }
    await page.screenshot({ path: path.join(shots, `page-${slug(item.href)}-phone.png`), fullPage: true });

    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const bad = axe.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    expect(bad, 'axe serious/critical violations').toEqual([]);

    // The product stands alone: pages cite documents, never our notes.
    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(/seed 0|DESIGN §|\.\.\/shared|\blib\/[a-z]/);

    await page.setViewportSize(DESKTOP);
    await settled(page);
    await page.screenshot({ path: path.join(shots, `page-${slug(item.href)}-desktop.png`), fullPage: true });
  });

  test(`${item.label} (${item.href}): a throttled navigation shows the loading state before the new page`, async ({ page }) => {
    // The public report is served whole from its release cache, without a loading state, so that it reads
    // without JavaScript (open.e2e.ts checks that).
    test.skip(item.href === '/open', 'the public report has no loading state by design');
    const from = item.href === '/' ? '/collection' : '/';
    await page.goto(from);
    await settled(page);
    await page.waitForTimeout(500); // let the nav links prefetch their loading states
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 1500, downloadThroughput: 50_000, uploadThroughput: 50_000 });
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: item.label, exact: true }).click();
    // the loading state appears while the old page's figures are gone — or, for a kept page whose prefetch
    // already brought it whole (lib/auth/pageCache), the new page itself: never the old figures under the new link
    const target = new RegExp(`${item.href === '/' ? '/$' : item.href.replace(/\//g, '\\/')}`);
    await expect(async () => {
      const loading = await page.getByTestId('route-loading').isVisible();
      expect(loading || target.test(page.url())).toBe(true);
    }).toPass({ timeout: 5_000, intervals: [50] });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await expect(page).toHaveURL(new RegExp(`${item.href === '/' ? '/$' : item.href.replace(/\//g, '\\/')}`));
    await settled(page);
  });

  test(`${item.label} (${item.href}): a chart whose code fails to load leaves the table, exports and the rest working`, async ({ page }) => {
    const sep = item.href.includes('?') ? '&' : '?';
    await page.goto(`${item.href}${sep}e2e-fail=chart-code`);
    await expect(page.getByTestId('route-loading')).toHaveCount(0, { timeout: 30_000 });
    await expect(page.getByTestId('route-error')).toHaveCount(0);
    // Charts whose drawing is loaded as its own chunk (app/(site)/ui/charts: TimeSeriesChart, BarCompareChart).
    const lazy = page.locator('figure.chart-block[data-lazy-plot]');
    await page.waitForTimeout(1000);
    if ((await lazy.count()) === 0) {
      test.info().annotations.push({ type: 'note', description: 'no lazily drawn chart on this page' });
      await expect(page.locator('main h1').first()).toBeVisible();
      return;
    }
    const chart = lazy.first();
    await expect(chart.getByRole('alert')).toContainText('图表加载失败');
    await expect(chart).toHaveAttribute('data-chart-failed', 'true');
    // the rest of the page is untouched: the heading and every other chart's frame are there
    await expect(page.locator('main h1').first()).toBeVisible();
    await chart.getByRole('button', { name: '表格' }).click();
    const table = chart.locator('table.data-table');
    await expect(table).toBeVisible();
    expect(await table.locator('tbody tr').count()).toBeGreaterThan(0);
    const download = page.waitForEvent('download');
    await chart.getByRole('button', { name: '导出CSV' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.csv$/);
  });
}

test('unknown county, batch and malformed segments answer 404/400 with a Chinese page', async ({ page, request }) => {
  const res = await page.goto('/counties/NOPE');
  expect(res?.status()).toBe(404);
  await expect(page.getByTestId('not-found')).toContainText('没有这个县（市、区）');
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
  // well-formed but not one of the city's counties: still a real 404, although the page streams
  const wellFormed = await page.goto('/counties/439999');
  expect(wellFormed?.status()).toBe(404);
  await expect(page.getByTestId('not-found')).toContainText('没有这个县（市、区）');

  const unknown = await page.goto('/no-such-page');
  expect(unknown?.status()).toBe(404);
  await expect(page.getByTestId('not-found')).toContainText('页面不存在');

  for (const url of ['/counties/%ff', '/admin/batches/%ff', '/admin/batches/12345678901234567890123', '/admin/batches/0']) {
    const r = await request.get(url, { maxRedirects: 0 });
    expect([400, 404], url).toContain(r.status());
    expect((await r.text()).length, `${url} has a body`).toBeGreaterThan(0);
  }
  const api = await request.get('/api/import/batches/12345678901234567890123/rejected');
  expect(api.status()).toBe(400);
});

test('county tables keep 全市 pinned as a total, out of sorting and the row count; money in one unit per column', async ({ page }) => {
  await page.goto('/?year=2024&scheme=ALL');
  await settled(page);
  const block = page.locator('#table-counties');
  const first = block.locator('tbody tr').first();
  await expect(first).toHaveClass(/total-row/);
  await expect(first).toContainText('全市');
  const bodyRows = await block.locator('tbody tr:not(.total-row)').count();
  await expect(block.locator('.table-foot')).toContainText(`共 ${bodyRows} 行`);
  for (const dir of ['first', 'second']) {
    await block.getByRole('button', { name: /基层就诊占比/ }).click();
    await expect(block.locator('tbody tr').first(), `after ${dir} sort`).toHaveClass(/total-row/);
  }
  // a money column states its unit once in the header and not in the cells
  const header = block.locator('thead th').filter({ hasText: /累计结余（(万元|亿元)）/ });
  await expect(header).toHaveCount(1);
  const idx = await header.evaluate((th) => Array.from(th.parentElement!.children).indexOf(th));
  const cells = await block.locator(`tbody tr td:nth-child(${idx + 1}), tbody tr th:nth-child(${idx + 1})`).allInnerTexts();
  for (const c of cells) expect(c).not.toMatch(/元/);
});

test('charts: value-axis labels equal their gridlines; all-zero or empty series say 暂无数据', async ({ page }) => {
  await page.goto('/?year=2024&scheme=ALL');
  await settled(page);
  const chart = page.locator('figure.chart-block[data-lazy-plot]').first();
  await expect(chart.locator('.recharts-yAxis-tick-labels text').first()).toBeVisible({ timeout: 15_000 });
  const labels = await chart.locator('.recharts-yAxis-tick-labels text').allTextContents();
  expect(labels.length).toBeGreaterThan(1);
  const nums = labels.map((l) => Number(l.replace(/[%,]/g, '').replace('−', '-')));
  const steps = nums.slice(1).map((n, i) => +(n - nums[i]).toFixed(6));
  expect(new Set(steps).size, `even steps in ${labels.join(' ')}`).toBe(1);
  const decimals = new Set(labels.map((l) => (l.split('.')[1] ?? '').replace(/\D/g, '').length));
  expect(decimals.size, 'one number of decimals per axis').toBe(1);
  // the top label sits on the top gridline: the axis ends at a labelled tick
  const gridTops = await chart.locator('.recharts-cartesian-grid-horizontal line').count();
  expect(gridTops).toBe(labels.length);
});

test('print: A4 stylesheet hides buttons and sort icons and keeps county names on one line', async ({ page }) => {
  await page.goto('/?year=2024&scheme=ALL');
  await settled(page);
  await page.emulateMedia({ media: 'print' });
  expect(await page.locator('.table-actions .btn').first().isVisible()).toBe(false);
  expect(await page.locator('.sort-icon').first().isVisible()).toBe(false);
  expect(await page.locator('.app-nav').isVisible()).toBe(false);
  const ws = await page.locator('#table-counties tbody tr:not(.total-row) td:first-child').first().evaluate((el) => getComputedStyle(el).whiteSpace);
  expect(ws).toBe('nowrap');
  await page.pdf({ path: path.join(shots, 'overview-print.pdf'), format: 'A4' });
});

test.describe('pages only the anonymous visitor sees', () => {
  test.use({ storageState: { cookies: [], origins: [] } });
  for (const item of navItemsFor('public').filter((i) => !navItemsFor('admin').some((a) => a.href === i.href))) {
    test(`${item.label} (${item.href}) signed out: phone without sideways scroll, axe clean`, async ({ page }) => {
      await page.setViewportSize(PHONE);
      await page.goto(item.href);
      await settled(page);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
      await page.screenshot({ path: path.join(shots, `page-${slug(item.href)}-anon-phone.png`), fullPage: true });
    });
  }
});
