import { test, expect, type Page } from '@playwright/test';
import path from 'node:path';
import { openE2eDb, pct, scalar } from './sql';
import { hydrated } from './dashboard';

const shots = path.join(path.dirname(process.env.E2E_DB ?? '.tmp/e2e/yibao.db'), 'shots');
const tile = (page: Page, name: string) => page.locator('article.kpi-tile').filter({ has: page.locator('.kpi-name', { hasText: new RegExp(`^${name}$`) }) });

for (const [year, scheme, schemes] of [[2024, 'RESIDENT', ['RESIDENT']], [2021, 'EMPLOYEE', ['EMPLOYEE']]] as const) {
  test(`总览 tiles match independent SQL: ${year} ${scheme}`, async ({ page }) => {
    const db = openE2eDb();
    const inList = schemes.map((s) => `'${s}'`).join(',');
    const asOf = scalar(db, `SELECT MAX(period) FROM LedgerFact WHERE period BETWEEN ? AND ?`, year * 100 + 1, year * 100 + 12);
    const coverage = scalar(db, `SELECT SUM(enrolled) * 1.0 / SUM(shouldEnroll) FROM EnrollmentFact WHERE period = ? AND schemeCode IN (${inList})`, asOf);
    const collection = scalar(db, `SELECT SUM(collected) / SUM(due) FROM ContributionFact WHERE period BETWEEN ? AND ? AND schemeCode IN (${inList})`, year * 100 + 1, asOf);
    const primary = scalar(db, `SELECT SUM(CASE WHEN i.level = 'PRIMARY' THEN u.visits ELSE 0 END) * 1.0 / SUM(u.visits)
      FROM UtilizationFact u JOIN Institution i ON i.code = u.institutionCode WHERE u.period BETWEEN ? AND ? AND u.schemeCode IN (${inList})`, year * 100 + 1, asOf);
    const inCounty = scalar(db, `SELECT SUM(CASE WHEN i.regionCode = u.insuredRegionCode THEN u.visits ELSE 0 END) * 1.0 / SUM(u.visits)
      FROM UtilizationFact u JOIN Institution i ON i.code = u.institutionCode WHERE u.visitType = 'INPATIENT' AND u.period BETWEEN ? AND ? AND u.schemeCode IN (${inList})`, year * 100 + 1, asOf);
    const balance = scalar(db, `SELECT SUM(balance) FROM BalanceFact WHERE account = 'POOL' AND period = ? AND schemeCode IN (${inList})`, asOf);
    const t12 = scalar(db, `SELECT SUM(amount) FROM LedgerFact WHERE account = 'POOL' AND item IN ('INPATIENT','OUTPATIENT','CHRONIC','MATERNITY','OTHER_EXPENSE')
      AND period > ? AND period <= ? AND schemeCode IN (${inList})`, asOf - 100, asOf);
    db.close();

    await page.goto(`/?year=${year}&scheme=${scheme}`);
    await expect(page.getByRole('heading', { name: '总览' })).toBeVisible();
    await expect(page.getByRole('banner')).toContainText('演示数据');
    await expect(tile(page, '参保率').locator('.kpi-value')).toHaveText(pct(coverage));
    await expect(tile(page, '征缴率').locator('.kpi-value')).toHaveText(pct(collection));
    await expect(tile(page, '基层就诊占比').locator('.kpi-value')).toHaveText(pct(primary));
    await expect(tile(page, '县域内就诊率').locator('.kpi-value')).toHaveText(pct(inCounty));
    await expect(tile(page, '累计结余可支付月数').locator('.kpi-value')).toHaveText(`${(balance / (t12 / 12)).toFixed(1)}个月`);
    await expect(tile(page, '累计结余').locator('.kpi-value')).toHaveText(`${(balance / 1e8).toFixed(2)}亿元`);
    // Every tile can say what it is and where it came from.
    await tile(page, '参保率').locator('summary').click();
    await expect(tile(page, '参保率')).toContainText('EnrollmentFact.enrolled');
    await page.screenshot({ path: path.join(shots, `overview-${year}-${scheme}.png`), fullPage: true });
  });
}

test('总览 filters live in the URL; the county table drills down and sorts', async ({ page }) => {
  await page.goto('/?year=2024&scheme=RESIDENT');
  // A kept page arrives whole at once: the select submits itself only once the client has hydrated.
  await hydrated(page);
  await page.getByLabel('年度').selectOption('2020');
  await expect(page).toHaveURL(/year=2020/);
  await expect(page.locator('.page-sub')).toContainText('2020年');
  const table = page.locator('table').last();
  await expect(table).toContainText('安平市');
  await table.getByRole('button', { name: /基层就诊占比/ }).first().click();
  await expect(page).toHaveURL(/counties\.sort=primary_visit_share/);
  await expect(table.getByRole('link', { name: '清河县' })).toHaveAttribute('href', /\/counties\/439921/);
});

test('总览 on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/?year=2024&scheme=ALL');
  await expect(tile(page, '参保率')).toBeVisible();
  await page.screenshot({ path: path.join(shots, 'overview-phone.png'), fullPage: true });
});
