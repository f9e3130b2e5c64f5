import { test, expect, type Page } from '@playwright/test';
import path from 'node:path';
import { openE2eDb, pct, scalar } from './sql';

const shots = path.join(path.dirname(process.env.E2E_DB ?? '.tmp/e2e/yibao.db'), 'shots');
const tile = (page: Page, name: string) =>
  page.locator('article.kpi-tile').filter({ has: page.locator('.kpi-name', { hasText: new RegExp(`^${name}$`) }) });

/** Server time of the whole streamed page: the document's response ends when the last widget has rendered. */
async function serverTime(page: Page): Promise<{ ttfb: number; streamed: number }> {
  return page.evaluate(() => {
    const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return { ttfb: Math.round(n.responseStart - n.requestStart), streamed: Math.round(n.responseEnd - n.requestStart) };
  });
}

const COUNTIES = [
  { code: '439981', name: '安平市', verdict: '下降', tone: 'worse', paymentFails: true },
  { code: '439921', name: '清河县', verdict: '上升', tone: 'better', paymentFails: false },
] as const;

for (const c of COUNTIES) {
  test(`分级诊疗 for ${c.name}: shares match SQL, the pooling effect says ${c.verdict}`, async ({ page }) => {
    test.setTimeout(180_000);
    const db = openE2eDb();
    const share = (year: number) =>
      scalar(
        db,
        `SELECT SUM(CASE WHEN i.level = 'PRIMARY' THEN u.visits ELSE 0 END) * 1.0 / SUM(u.visits)
           FROM UtilizationFact u JOIN Institution i ON i.code = u.institutionCode
          WHERE u.insuredRegionCode = ? AND u.schemeCode = 'RESIDENT' AND u.period BETWEEN ? AND ?`,
        c.code, year * 100 + 1, year * 100 + 12,
      );
    const inCounty = scalar(
      db,
      `SELECT SUM(CASE WHEN i.regionCode = u.insuredRegionCode THEN u.visits ELSE 0 END) * 1.0 / SUM(u.visits)
         FROM UtilizationFact u JOIN Institution i ON i.code = u.institutionCode
        WHERE u.visitType = 'INPATIENT' AND u.insuredRegionCode = ? AND u.schemeCode = 'RESIDENT' AND u.period BETWEEN 202201 AND 202212`,
      c.code,
    );
    const share2019 = share(2019);
    const share2022 = share(2022);
    db.close();

    await page.goto(`/tiered-care?region=${c.code}&year=2022&scheme=RESIDENT`);
    await expect(page.getByRole('heading', { name: '分级诊疗', level: 1 })).toBeVisible();
    await expect(page.locator('.page-sub')).toContainText(c.name);
    await expect(tile(page, '基层就诊占比').locator('.kpi-value')).toHaveText(pct(share2022));
    await expect(tile(page, '县域内就诊率').locator('.kpi-value')).toHaveText(pct(inCounty));

    // Pooling effect: the county's interval excludes 0, in the direction of its story.
    const callout = page.getByTestId(`its-callout-${c.code}`);
    await expect(callout).toContainText(`${c.name}：${c.verdict}`);
    await expect(callout).toHaveAttribute('data-tone', c.tone);
    await expect(callout).toContainText('95%置信区间');
    await expect(page.getByTestId('pretrend-callout')).toContainText('统筹前趋势检验');
    await expect(page.getByTestId('pretrend-callout')).toContainText('野聚类自助法 p =');
    // Every chart with its pooling marker; the counterfactual chart is there.
    await expect(page.getByRole('figure', { name: /反事实路径/ })).toBeVisible();
    await expect(page.locator('.recharts-reference-line').first()).toBeAttached();

    // Patient flows: before vs after, with the county's pre-pooling share in the table.
    const flows = page.locator('#table-flow-table');
    await expect(flows).toContainText('本县基层医疗机构');
    await expect(flows).toContainText(pct(share2019));
    await expect(page.locator('#flows .recharts-sankey-nodes, #flows svg').first()).toBeAttached();

    // Differentiated payment: 安平市 flagged from 2020, 清河县 never.
    const row = page.getByTestId('payment-matrix').locator('tr', { hasText: c.name });
    if (c.paymentFails) await expect(row).toContainText('✗');
    else await expect(row).not.toContainText('✗');

    const t = await serverTime(page);
    console.log(`[tiered-care ${c.code}] first byte ${t.ttfb} ms, whole streamed page ${t.streamed} ms (next dev)`);
    await page.screenshot({ path: path.join(shots, `tiered-care-${c.code}.png`), fullPage: true });
  });
}

test('分级诊疗: the outcome and flow choices live in the URL; a chart shows its table', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/tiered-care?region=439981&year=2024&scheme=RESIDENT');
  await page.getByRole('navigation', { name: '分析指标' }).getByRole('link', { name: '县域内就诊率' }).click();
  await expect(page).toHaveURL(/outcome=in_county_rate/, { timeout: 30_000 });
  await expect(page.getByTestId('its-callout-439981')).toContainText('县域内就诊率比');
  await page.getByRole('navigation', { name: '统计口径' }).getByRole('link', { name: '住院' }).click();
  await expect(page).toHaveURL(/flow=INPATIENT/, { timeout: 30_000 });
  await expect(page).toHaveURL(/outcome=in_county_rate/);
  const forest = page.getByRole('figure', { name: /统筹后24个月/ });
  await forest.getByRole('button', { name: '表格' }).click();
  await expect(forest.locator('table')).toContainText('安平市');
  // The city view: every county in the forest plot and the DiD cohorts.
  await page.goto('/tiered-care?year=2024&scheme=RESIDENT');
  await expect(page.getByTestId('did-callout')).toContainText('平均统筹效应');
  await expect(page.locator('#effect')).toContainText('2021年7月统筹');
  const t = await serverTime(page);
  console.log(`[tiered-care city] first byte ${t.ttfb} ms, whole streamed page ${t.streamed} ms (next dev)`);
  await page.screenshot({ path: path.join(shots, 'tiered-care-city.png'), fullPage: true });
});

test('分级诊疗 on a phone', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/tiered-care?region=439981&year=2024&scheme=RESIDENT');
  await expect(tile(page, '基层就诊占比')).toBeVisible();
  await expect(page.getByTestId('its-callout-439981')).toBeVisible();
  await page.screenshot({ path: path.join(shots, 'tiered-care-phone.png'), fullPage: true });
});
