// The demo province (DEMO=province, playwright.province.config.ts): a city-role user opens 总览 at province
// level, compares the cities (totals against independent SQL), clicks into a city (its 总览 with its
// counties, as a city user sees today) and into a county; 县域画像 lists the cities; a per-city page asks
// for a city, 风险预警 compares the cities and shows one city's figures; a county user stays in its city (403
// for another); a city user bound to a city sees that city only (403 for another city, its counties and its
// warnings; no province level).
import { test, type Page } from '@playwright/test';
import path from 'node:path';
import { openE2eDb, scalar } from './sql';
import { expect, tile } from './dashboard';
import { credentials, credentialsOf, loginAs, stateFile } from './auth';

const shots = path.join(path.dirname(process.env.E2E_DB ?? '.tmp/e2e-province/yibao.db'), 'shots');
const EXPENSE = `('INPATIENT','OUTPATIENT','CHRONIC','MATERNITY','OTHER_EXPENSE')`;

/** Every chart drawn (its lazily loaded plot: Recharts or the flow diagram's SVG; the skeleton has none), or showing why it is empty. */
// For the pictures only (the tests assert elsewhere): a chart still undrawn after 30 s is noted, not failed.
const chartsDrawn = (page: Page) => page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('figure.chart-block')]
  .every((f) => f.querySelector('svg') || f.querySelector('.empty-state') || f.dataset.chartFailed), undefined, { timeout: 30_000 })
  .catch(() => test.info().annotations.push({ type: 'note', description: `${page.url()}: a chart was not drawn within 30 s` }));

async function snap(page: Page, name: string, detail?: string) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await chartsDrawn(page);
  // From the top: after a click the page keeps its scroll, and a full-page shot would show the sticky nav mid-page.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(shots, `${name}-desktop.png`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await chartsDrawn(page);
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(shots, `${name}-phone.png`), fullPage: true });
  // A part of the phone page at full size (the whole page is too tall to read when scaled down).
  // The sticky header would cover the part's top in an element shot: unstuck for this picture only.
  if (detail) {
    await page.addStyleTag({ content: '.app-header, .app-nav { position: static !important; }' });
    await page.locator(detail).screenshot({ path: path.join(shots, `${name}-phone-detail.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test.describe('city role on the province', () => {
  test("考核 is published for the selected city: its own version 1, another city stays unpublished; /open lists each city's report", async ({ page }) => {
    test.setTimeout(180_000);
    const db = openE2eDb();
    const [first, second] = db.prepare(`SELECT code, name FROM Region WHERE kind = 'CITY' ORDER BY sortOrder, code LIMIT 2`).all() as { code: string; name: string }[];
    db.close();
    await page.goto(`/assessment?year=2023&city=${second.code}`);
    await expect(page.getByTestId('publication')).toContainText('未发布', { timeout: 60_000 });
    await page.getByRole('button', { name: '发布2023年考核结果' }).click();
    await expect(page.getByTestId('publication')).toContainText('已发布（第1版）', { timeout: 60_000 });
    const after = openE2eDb();
    const rows = after.prepare(`SELECT cityCode, version FROM Release WHERE kind = 'ASSESSMENT' AND year = 2023`).all();
    after.close();
    expect(rows).toEqual([{ cityCode: second.code, version: 1 }]);
    // The other city: unpublished, and publishing is offered for it too.
    await page.goto(`/assessment?year=2023&city=${first.code}`);
    await expect(page.getByTestId('publication')).toContainText('未发布', { timeout: 60_000 });
    await expect(page.getByRole('button', { name: '发布2023年考核结果' })).toBeVisible();
    // The public report: each city's own, chosen on /open (published at load for every city).
    await page.goto('/open');
    await expect(page.getByTestId('open-cities').getByRole('link', { name: first.name })).toBeVisible();
    await page.getByTestId('open-cities').getByRole('link', { name: second.name }).click();
    await expect(page).toHaveURL(new RegExp(`/open/${second.code}$`));
    await expect(page.locator('h1')).toContainText(second.name);
  });

  test('总览 compares the cities; a city opens its own 总览; a county its profile', async ({ page }) => {
    const db = openE2eDb();
    const cities = db.prepare(`SELECT code, name FROM Region WHERE kind = 'CITY' ORDER BY sortOrder, code`).all() as { code: string; name: string }[];
    const asOf = scalar(db, `SELECT MAX(period) FROM LedgerFact WHERE period BETWEEN 202401 AND 202412`);
    const balance = scalar(db, `SELECT SUM(balance) FROM BalanceFact WHERE account = 'POOL' AND period = ? AND schemeCode = 'RESIDENT'`, asOf);
    const t12 = scalar(db, `SELECT SUM(amount) FROM LedgerFact WHERE account = 'POOL' AND item IN ${EXPENSE} AND period > ? AND period <= ? AND schemeCode = 'RESIDENT'`, asOf - 100, asOf);
    const first = cities[0];
    const firstCodes = (db.prepare(`SELECT code FROM Region WHERE code = ? OR parentCode = ?`).all(first.code, first.code) as { code: string }[]).map((r) => `'${r.code}'`).join(',');
    const firstBalance = scalar(db, `SELECT SUM(balance) FROM BalanceFact WHERE account = 'POOL' AND period = ? AND schemeCode = 'RESIDENT' AND regionCode IN (${firstCodes})`, asOf);
    const county = db.prepare(`SELECT code, name FROM Region WHERE parentCode = ? ORDER BY sortOrder, code LIMIT 1`).get(first.code) as { code: string; name: string };
    const firstOpen = scalar(db, `SELECT COUNT(*) FROM RiskWarning WHERE status IN ('NEW','VERIFIED') AND regionCode IN (${firstCodes})`);
    db.close();
    expect(cities.length).toBeGreaterThan(1);

    await page.goto('/?year=2024&scheme=RESIDENT');
    await expect(page.getByRole('heading', { name: '总览', level: 1 })).toBeVisible();
    await expect(page.locator('.page-sub')).toContainText('（全省）');
    // Province totals: the sum of every city's rows; months of reserve from the summed balance and expense.
    await expect(tile(page, '累计结余').locator('.kpi-value')).toHaveText(`${(balance / 1e8).toFixed(2)}亿元`);
    await expect(tile(page, '累计结余可支付月数').locator('.kpi-value')).toHaveText(`${(balance / (t12 / 12)).toFixed(1)}个月`);
    const table = page.locator('table').last();
    for (const c of cities) await expect(table.getByRole('link', { name: c.name })).toBeVisible();
    await expect(table).toContainText('（全省合计）');
    await expect(page.getByRole('figure', { name: /各地市累计结余可支付月数/ })).toBeVisible();
    await snap(page, 'province-overview', 'section[aria-labelledby="city-compare-h"]');

    // Into a city: its 总览 as a city user sees it today, with its counties; the nav keeps the city.
    await table.getByRole('link', { name: first.name }).click();
    await expect(page).toHaveURL(new RegExp(`city=${first.code}`));
    await expect(page.locator('.page-sub')).toContainText(`${first.name}（全市）`);
    await expect(tile(page, '累计结余').locator('.kpi-value')).toHaveText(`${(firstBalance / 1e8).toFixed(2)}亿元`);
    await expect(page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '预算执行' })).toHaveAttribute('href', `/budget?city=${first.code}`);
    // Its own open warnings (its code's and its counties'), as counted in SQL.
    await expect(page.getByTestId('open-warnings').getByLabel(`未处理预警合计：${firstOpen}条`)).toBeVisible();
    const counties = page.locator('table').last();
    await expect(counties.getByRole('link', { name: county.name })).toBeVisible();
    await snap(page, 'province-city-overview', 'section[aria-labelledby="county-h"]');

    // Into a county: its profile within its city.
    await counties.getByRole('link', { name: county.name }).click();
    await expect(page.getByRole('heading', { name: new RegExp(`${county.name} · 县域画像`) })).toBeVisible();
    await expect(page.getByRole('link', { name: new RegExp(`← 县域画像（${first.name}）`) })).toBeVisible();
    await snap(page, 'province-county');
  });

  test('县域画像 lists the cities and drills into one city\'s counties; 预算执行 asks for a city', async ({ page }) => {
    const db = openE2eDb();
    const city = db.prepare(`SELECT code, name FROM Region WHERE kind = 'CITY' ORDER BY sortOrder, code LIMIT 1 OFFSET 1`).get() as { code: string; name: string };
    const county = db.prepare(`SELECT name FROM Region WHERE parentCode = ? ORDER BY sortOrder, code LIMIT 1`).get(city.code) as { name: string };
    db.close();
    await page.goto('/counties?year=2024&scheme=RESIDENT');
    await expect(page.locator('.page-sub')).toContainText('各地市');
    await page.locator('table').last().getByRole('link', { name: city.name }).click();
    await expect(page).toHaveURL(new RegExp(`/counties\\?.*city=${city.code}`));
    await expect(page.locator('table').last().getByRole('link', { name: county.name })).toBeVisible();
    await snap(page, 'province-counties-city');

    await page.goto('/budget?year=2024&scheme=RESIDENT');
    const prompt = page.getByTestId('choose-city');
    await expect(prompt.getByRole('heading', { name: '请选择地市' })).toBeVisible();
    await snap(page, 'province-budget-prompt');
    await prompt.getByRole('link', { name: city.name }).click();
    await expect(page.getByRole('heading', { name: '预算执行', level: 1 })).toBeVisible();
    await expect(page.getByTestId('page-sub')).toContainText(`${city.name}（全市）`);
  });
  test('every page at province level and for one city: province level asks for a city (风险预警 compares them), a city gets its own figures', async ({ page }) => {
    // Visits ten pages twice (province level, then one city) and takes screenshots: more than the default 90 s on a loaded 2-core machine.
    test.setTimeout(240_000);
    const db = openE2eDb();
    const city = db.prepare(`SELECT code, name FROM Region WHERE kind = 'CITY' ORDER BY sortOrder, code LIMIT 1`).get() as { code: string; name: string };
    db.close();
    const perCity = ['/collection', '/budget', '/tiered-care', '/unification', '/assessment', '/reports', '/reports/202412', '/assessment/print'];
    for (const href of perCity) {
      const res = await page.goto(`${href}?year=2024`);
      expect(res?.status(), href).toBe(200);
      await expect(page.getByTestId('choose-city').getByRole('heading', { name: '请选择地市' }), href).toBeVisible();
      await expect(page.getByTestId('route-error'), href).toHaveCount(0);
    }
    for (const href of [...perCity, '/risk']) {
      await page.goto(`${href}?year=2024&city=${city.code}`);
      await expect(page.getByTestId('route-loading'), href).toHaveCount(0, { timeout: 30_000 });
      await expect(page.getByTestId('choose-city'), href).toHaveCount(0);
      await expect(page.getByTestId('route-error'), href).toHaveCount(0);
      await expect(page.locator('main'), href).toContainText(city.name);
    }
    await page.goto(`/tiered-care?year=2024&city=${city.code}`);
    await snap(page, 'province-city-tiered-care');
  });

  test("the unbound analyst's role reads 全省; a city's region page links to that city's 总览", async ({ page }) => {
    const db = openE2eDb();
    const city = db.prepare(`SELECT code FROM Region WHERE kind = 'CITY' ORDER BY sortOrder, code LIMIT 1`).get() as { code: string };
    db.close();
    expect((await page.goto(`/regions/${city.code}`))?.status()).toBe(200);
    await expect(page.locator('.user-menu-role')).toHaveText('医保局（全省）');
    await expect(page.getByRole('link', { name: '本市月度数据见总览' })).toHaveAttribute('href', `/?city=${city.code}`);
  });

  test('风险预警 compares the cities at province level; a city shows its own warnings, fund and sustainability', async ({ page }) => {
    const db = openE2eDb();
    const cities = db.prepare(`SELECT code, name FROM Region WHERE kind = 'CITY' ORDER BY sortOrder, code`).all() as { code: string; name: string }[];
    const city = cities[1];
    const codes = (db.prepare(`SELECT code FROM Region WHERE code = ? OR parentCode = ?`).all(city.code, city.code) as { code: string }[]).map((r) => `'${r.code}'`).join(',');
    const open = scalar(db, `SELECT COUNT(*) FROM RiskWarning WHERE status IN ('NEW','VERIFIED') AND regionCode IN (${codes})`);
    const severe = scalar(db, `SELECT COUNT(*) FROM RiskWarning WHERE status IN ('NEW','VERIFIED') AND severity = 'SEVERE' AND regionCode IN (${codes})`);
    const everywhere = scalar(db, `SELECT COUNT(*) FROM RiskWarning WHERE status IN ('NEW','VERIFIED')`);
    db.close();
    expect(open).toBeGreaterThan(0);
    expect(everywhere).toBeGreaterThan(open);

    await page.goto('/risk');
    const table = page.getByTestId('risk-cities').locator('table');
    for (const c of cities) await expect(table.getByRole('link', { name: c.name })).toBeVisible();
    const row = table.locator('tr', { has: page.getByRole('link', { name: city.name }) });
    await expect(row.locator('td').nth(1)).toHaveText(String(severe));
    await expect(row.locator('td').nth(4)).toHaveText(String(open));
    await expect(row.locator('td').nth(6)).toHaveText(/个月|—/);
    await snap(page, 'province-risk');

    await table.getByRole('link', { name: city.name }).click();
    await expect(page).toHaveURL(new RegExp(`/risk\\?city=${city.code}`));
    await expect(page.getByTestId('page-sub')).toContainText(`${city.name}（全市）`);
    // The city's open warnings: its own and its counties', counted in SQL above.
    await expect(page.getByTestId('open-total')).toHaveText(String(open));
    await expect(page.getByTestId('open-SEVERE')).toHaveText(String(severe));
    // Links keep the city.
    await expect(page.getByTestId('severity-tiles').getByRole('link').first()).toHaveAttribute('href', new RegExp(`city=${city.code}`));
    // The sustainability panel loads that city's pool (the API takes the city; without one it would mix them).
    const mine = await page.request.get(`/api/risk/sustainability?scheme=RESIDENT&city=${city.code}`);
    expect(mine.status()).toBe(200);
    expect((await page.request.get('/api/risk/sustainability?scheme=RESIDENT')).status()).toBe(409);
    // The assessment export and the report download take the city too (no archive yet: 404, not 409).
    expect((await page.request.get(`/assessment/export?year=2024&city=${city.code}`)).status()).toBe(200);
    expect((await page.request.get('/assessment/export?year=2024')).status()).toBe(409);
    expect((await page.request.get(`/reports/202412/download?city=${city.code}`)).status()).toBe(404);
    expect((await page.request.get('/reports/202412/download')).status()).toBe(409);
  });
});

test.describe('county user on the province', () => {
  test.use({ storageState: stateFile('county') });

  test('sees its own city and is refused another', async ({ page }) => {
    const db = openE2eDb();
    const user = db.prepare(`SELECT regionCode FROM User WHERE username = ?`).get(credentials('county').username) as { regionCode: string };
    const own = db.prepare(`SELECT c.code, c.name FROM Region r JOIN Region c ON c.code = r.parentCode WHERE r.code = ?`).get(user.regionCode) as { code: string; name: string };
    const other = db.prepare(`SELECT code FROM Region WHERE kind = 'CITY' AND code <> ? LIMIT 1`).get(own.code) as { code: string };
    db.close();
    await page.goto('/?year=2024&scheme=RESIDENT');
    await expect(page.locator('.page-sub')).not.toContainText('（全省）');
    const res = await page.goto(`/?year=2024&city=${other.code}`);
    expect(res?.status()).toBe(403);
    // A repeated name: the layout and the page judge the same (first) value, so the status is a real 403.
    const twice = await page.goto(`/?year=2024&city=${other.code}&city=${own.code}`);
    expect(twice?.status()).toBe(403);
    // The fund-sustainability data: its own city's pool; another city's is refused.
    expect((await page.request.get('/api/risk/sustainability?scheme=RESIDENT')).status()).toBe(200);
    expect((await page.request.get(`/api/risk/sustainability?scheme=RESIDENT&city=${other.code}`)).status()).toBe(403);
    // 风险预警 of another city: the 403 page; its own city's: its warnings.
    expect((await page.goto(`/risk?city=${other.code}`))?.status()).toBe(403);
    await page.goto('/risk');
    await expect(page.getByTestId('page-sub')).toContainText(`${own.name}（全市）`);
  });

  test('another county of its own city, named by region= or county=, is a 403; its 地区 select offers its own county only', async ({ page }) => {
    const db = openE2eDb();
    const user = db.prepare(`SELECT regionCode FROM User WHERE username = ?`).get(credentials('county').username) as { regionCode: string };
    const sibling = db.prepare(`SELECT s.code FROM Region r JOIN Region s ON s.parentCode = r.parentCode WHERE r.code = ? AND s.code <> r.code ORDER BY s.sortOrder, s.code LIMIT 1`).get(user.regionCode) as { code: string };
    db.close();
    for (const href of ['/', '/budget', '/collection', '/tiered-care', '/risk', '/counties']) {
      const r = await page.goto(`${href}?region=${sibling.code}`);
      expect(r?.status(), `${href} region=${sibling.code}`).toBe(403);
      await expect(page.locator('[data-access="denied"]'), href).toBeVisible();
    }
    expect((await page.goto(`/reports/202412?region=${sibling.code}`))?.status()).toBe(403);
    expect((await page.goto(`/assessment/print?year=2024&county=${sibling.code}`))?.status()).toBe(403);
    expect((await page.request.get(`/reports/202412/download?region=${sibling.code}`)).status()).toBe(403);
    // its own county: the page, and the select lists only it (and 全市)
    expect((await page.goto(`/?region=${user.regionCode}`))?.status()).toBe(200);
    const options = await page.locator('select[name="region"] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(options.filter((v) => v !== 'ALL')).toEqual([user.regionCode]);
    expect((await page.goto(`/reports/202412?region=${user.regionCode}`))?.status()).toBe(200);
  });
});

test.describe('city user bound to a city on the province', () => {
  // Signed in within the test as the bound account (global-setup saves one session per role only).
  test.use({ storageState: { cookies: [], origins: [] } });

  test("sees its own city's pages; another city, its counties and warnings are 403; no province level", async ({ page }) => {
    const db = openE2eDb();
    const user = db.prepare(`SELECT username, regionCode FROM "User" WHERE role = 'city' AND regionCode IS NOT NULL ORDER BY username LIMIT 1`).get() as { username: string; regionCode: string };
    const own = db.prepare(`SELECT code, name FROM Region WHERE code = ? AND kind = 'CITY'`).get(user.regionCode) as { code: string; name: string };
    const other = db.prepare(`SELECT code, name FROM Region WHERE kind = 'CITY' AND code <> ? ORDER BY sortOrder, code LIMIT 1`).get(own.code) as { code: string; name: string };
    const ownCounty = db.prepare(`SELECT code, name FROM Region WHERE parentCode = ? ORDER BY sortOrder, code LIMIT 1`).get(own.code) as { code: string; name: string };
    const otherCounty = db.prepare(`SELECT code, name FROM Region WHERE parentCode = ? ORDER BY sortOrder, code LIMIT 1`).get(other.code) as { code: string; name: string };
    const otherWarning = db.prepare(`SELECT w.id FROM RiskWarning w JOIN Region r ON r.code = w.regionCode WHERE r.code = ? OR r.parentCode = ? ORDER BY w.id LIMIT 1`).get(other.code, other.code) as { id: number } | undefined;
    const ownWarning = db.prepare(`SELECT w.id FROM RiskWarning w JOIN Region r ON r.code = w.regionCode WHERE r.code = ? OR r.parentCode = ? ORDER BY w.id LIMIT 1`).get(own.code, own.code) as { id: number } | undefined;
    db.close();
    expect(own, 'the demo province has a city user bound to a city').toBeTruthy();
    await loginAs(page, credentialsOf(user.username));

    // 总览 without city=: their city (its counties), not the province; no 地市 select, no city comparison.
    const res = await page.goto('/?year=2024&scheme=RESIDENT');
    expect(res?.status()).toBe(200);
    await expect(page.locator('.page-sub')).toContainText(`${own.name}（全市）`);
    await expect(page.locator('.page-sub')).not.toContainText('（全省）');
    await expect(page.locator('.brand-city')).toHaveText(own.name);
    await expect(page.getByRole('figure', { name: /各地市/ })).toHaveCount(0);
    await expect(page.locator('select[name="city"]')).toHaveCount(0);
    await expect(page.locator('table').last().getByRole('link', { name: ownCounty.name })).toBeVisible();
    await snap(page, 'province-bound-city-overview');

    // Their city's per-city pages render for it, asked for by name or not.
    for (const href of ['/collection', '/budget', '/tiered-care', '/unification', '/counties', `/counties?city=${own.code}`, `/budget?city=${own.code}`]) {
      const r = await page.goto(href.includes('?') ? `${href}&year=2024` : `${href}?year=2024`);
      expect(r?.status(), href).toBe(200);
      await expect(page.getByTestId('route-loading'), href).toHaveCount(0, { timeout: 30_000 });
      await expect(page.getByTestId('choose-city'), href).toHaveCount(0);
      await expect(page.getByTestId('route-error'), href).toHaveCount(0);
      await expect(page.locator('main'), href).toContainText(own.name);
    }
    const county = await page.goto(`/counties/${ownCounty.code}?year=2024`);
    expect(county?.status()).toBe(200);
    await expect(page.getByRole('heading', { name: new RegExp(`${ownCounty.name} · 县域画像`) })).toBeVisible();

    // Another city: by city=, by a county page of its, by a warning of its, by its region page — 403 each.
    for (const href of ['/', '/collection', '/budget', '/tiered-care', '/unification', '/counties']) {
      const r = await page.goto(`${href}?year=2024&city=${other.code}`);
      expect(r?.status(), `${href} city=${other.code}`).toBe(403);
    }
    const twice = await page.goto(`/?year=2024&city=${other.code}&city=${own.code}`);
    expect(twice?.status()).toBe(403);
    const otherCountyPage = await page.goto(`/counties/${otherCounty.code}?year=2024`);
    expect(otherCountyPage?.status()).toBe(403);
    await expect(page.locator('main')).not.toContainText(otherCounty.name);
    const region = await page.goto(`/regions/${other.code}`);
    expect(region?.status()).toBe(403);
    // A county of another city named by region=: 403, never their own city shown under the foreign address.
    for (const href of ['/', '/budget', '/tiered-care', '/collection', '/risk', '/reports/202412']) {
      const r = await page.goto(`${href}?region=${otherCounty.code}`);
      expect(r?.status(), `${href} region=${otherCounty.code}`).toBe(403);
    }
    expect((await page.goto(`/budget?region=${ownCounty.code}`))?.status()).toBe(200);
    await expect(page.locator('.user-menu-role')).toHaveText(`${own.name}医保局（全市）`);
    if (otherWarning) expect((await page.request.get(`/api/risk/warnings/${otherWarning.id}`)).status()).toBe(403);
    if (ownWarning) expect((await page.request.get(`/api/risk/warnings/${ownWarning.id}`)).status()).toBe(200);
    expect(otherWarning ?? ownWarning, 'the province has warnings to check').toBeTruthy();
  });
});

test.describe('admin on the province', () => {
  test.use({ storageState: stateFile('admin') });

  test("/admin/open on a phone: each release one block, nothing scrolls sideways; a table on a desktop", async ({ page }) => {
    const db = openE2eDb();
    const city = db.prepare(`SELECT code FROM Region WHERE kind = 'CITY' ORDER BY sortOrder, code LIMIT 1`).get() as { code: string };
    const n = scalar(db, `SELECT COUNT(*) FROM Release WHERE kind = 'OPEN_REPORT' AND cityCode = ?`, city.code);
    db.close();
    expect(n, 'the demo load published the city\'s reports').toBeGreaterThan(0);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/admin/open?city=${city.code}`);
    const table = page.getByTestId('releases');
    await expect(table.locator('tbody tr')).toHaveCount(n);
    // Neither the page nor the table's frame is wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    const frame = table.locator('xpath=..');
    expect(await frame.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    // Each field under its column's name, the withdraw form inside its release's block.
    const first = table.locator('tbody tr').first();
    await expect(first.locator('td[data-label="发布时间"]')).toBeVisible();
    await expect(first.getByRole('button', { name: /撤回/ })).toBeVisible();
    await page.screenshot({ path: path.join(shots, 'province-admin-open-phone.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await expect(table.locator('thead th').first()).toBeVisible();
    await page.screenshot({ path: path.join(shots, 'province-admin-open-desktop.png'), fullPage: true });
  });
});
