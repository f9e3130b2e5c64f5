import { test, expect } from '@playwright/test';
import path from 'node:path';
import { openE2eDb, pct, scalar } from './sql';

const shots = path.join(path.dirname(process.env.E2E_DB ?? '.tmp/e2e/yibao.db'), 'shots');

test('县域画像 index lists every county and opens a profile', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/counties?year=2024&scheme=RESIDENT');
  await expect(page.getByRole('heading', { name: '县域画像', level: 1 })).toBeVisible();
  await expect(page.locator('[data-testid^="county-card-"]')).toHaveCount(8);
  await page.screenshot({ path: path.join(shots, 'counties-index.png'), fullPage: true });
  await page.getByTestId('county-card-439981').click();
  await expect(page).toHaveURL(/\/counties\/439981/, { timeout: 30_000 });
  await expect(page.getByRole('heading', { name: /安平市/, level: 1 })).toBeVisible();
});

const COUNTIES = [
  { code: '439981', name: '安平市', rank: '8/8', tone: 'worse' },
  { code: '439921', name: '清河县', rank: '1/8', tone: 'better' },
] as const;

for (const c of COUNTIES) {
  test(`县域画像 ${c.name}: values match SQL, rank ${c.rank} on 基层就诊占比`, async ({ page }) => {
    test.setTimeout(180_000);
    const db = openE2eDb();
    const primary = scalar(
      db,
      `SELECT SUM(CASE WHEN i.level = 'PRIMARY' THEN u.visits ELSE 0 END) * 1.0 / SUM(u.visits)
         FROM UtilizationFact u JOIN Institution i ON i.code = u.institutionCode
        WHERE u.insuredRegionCode = ? AND u.schemeCode = 'RESIDENT' AND u.period BETWEEN 202401 AND 202412`,
      c.code,
    );
    const coverage = scalar(db, `SELECT SUM(enrolled) * 1.0 / SUM(shouldEnroll) FROM EnrollmentFact WHERE regionCode = ? AND schemeCode = 'RESIDENT' AND period = 202412`, c.code);
    db.close();

    await page.goto(`/counties/${c.code}?year=2024&scheme=RESIDENT`);
    await expect(page.getByRole('heading', { name: `${c.name} · 县域画像` })).toBeVisible();
    await expect(page.getByTestId('profile-summary')).toBeVisible();
    const row = page.locator('tr[data-code="primary_visit_share"]');
    await expect(row.locator('td').first()).toHaveText(pct(primary));
    await expect(row).toContainText(c.rank);
    await expect(page.locator('tr[data-code="coverage_rate"] td').first()).toHaveText(pct(coverage));
    // Pooling effect on this county, with its interval.
    await expect(page.getByTestId('county-its-primary_visit_share')).toHaveAttribute('data-tone', c.tone);
    await expect(page.getByTestId('county-its-primary_visit_share')).toContainText('95%置信区间');
    await page.screenshot({ path: path.join(shots, `county-${c.code}.png`), fullPage: true });
  });
}

test('县域画像: the region filter moves to another county; phone', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/counties/439981?year=2024&scheme=RESIDENT');
  // The select submits on change once the filter bar has hydrated (FilterAutoSubmit).
  await expect(page.locator('#filter-bar')).toHaveAttribute('data-enhanced', 'true', { timeout: 30_000 });
  await page.getByLabel('地区').selectOption('439921');
  await expect(page).toHaveURL(/\/counties\/439921/, { timeout: 30_000 });
  await expect(page.getByRole('heading', { name: /清河县/, level: 1 })).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/counties/439981?year=2023&scheme=RESIDENT');
  await expect(page.locator('.page-sub')).toContainText('2023年');
  await expect(page.locator('tr[data-code="primary_visit_share"]')).toBeVisible();
  await page.screenshot({ path: path.join(shots, 'county-phone.png'), fullPage: true });
});
