// Page figures are kept between requests (lib/cache) until the data changes: right after an import the
// pages show the new figures, never the cached ones. A correction of the resident fund's December 2024
// expenses (doubled), imported with `npm run import -- --replace` as a scheduled load would, then the
// original rows imported back.
import { test, expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openE2eDb } from './sql';

const tile = (page: Page, name: string) => page.locator('article.kpi-tile').filter({ has: page.locator('.kpi-name', { hasText: new RegExp(`^${name}$`) }) }).locator('.kpi-value');
const EXPENSE = ['INPATIENT', 'OUTPATIENT', 'CHRONIC', 'MATERNITY', 'OTHER_EXPENSE'];

function ledgerFile(name: string, factor: number): string {
  const db = openE2eDb();
  const rows = db.prepare(`SELECT regionCode, schemeCode, account, period, item, amount FROM LedgerFact
    WHERE period = 202412 AND schemeCode = 'RESIDENT' AND item NOT IN ('INCOME_TOTAL', 'EXPENSE_TOTAL') ORDER BY regionCode, account, item`).all() as
    { regionCode: string; schemeCode: string; account: string; period: number; item: string; amount: number }[];
  db.close();
  expect(rows.length).toBeGreaterThan(0);
  const lines = ['区划代码,险种,账户,年月,项目,金额(元)', ...rows.map((r) =>
    [r.regionCode, r.schemeCode, r.account, '2024-12', r.item, (EXPENSE.includes(r.item) ? r.amount * factor : r.amount).toFixed(2)].join(','))];
  const file = path.join(path.dirname(process.env.E2E_DB!), name);
  fs.writeFileSync(file, '\uFEFF' + lines.join('\r\n') + '\r\n');
  return file;
}

function importLedger(file: string) {
  execFileSync(path.resolve('node_modules/.bin/tsx'), ['--conditions=react-server', 'scripts/import.ts', file, '--kind', 'LEDGER', '--replace'], {
    env: { ...process.env, DATABASE_URL: `file:${process.env.E2E_DB}` }, stdio: 'pipe',
  });
}

test('a figure on 总览 and on 预算执行 changes right after an import (no stale cache)', async ({ page }) => {
  test.setTimeout(180_000);
  const overview = '/?year=2024&scheme=RESIDENT';
  const budget = '/budget?year=2024&scheme=RESIDENT';
  const original = ledgerFile('cache-ledger-original.csv', 1);
  const doubled = ledgerFile('cache-ledger-doubled.csv', 2);

  // Twice each, so the second answer comes from the cache.
  for (let i = 0; i < 2; i++) { await page.goto(overview); await page.goto(budget); }
  await page.goto(overview);
  const months = await tile(page, '累计结余可支付月数').textContent();
  await page.goto(budget);
  const rate = await tile(page, '支出预算执行率').textContent();
  expect(months).toMatch(/个月$/);
  expect(rate).toMatch(/%$/);

  importLedger(doubled);
  try {
    // December's expenses doubled: fewer months of reserve, a higher expense execution rate.
    await page.goto(overview);
    await expect(tile(page, '累计结余可支付月数')).not.toHaveText(months!, { timeout: 1000 });
    expect(parseFloat((await tile(page, '累计结余可支付月数').textContent())!)).toBeLessThan(parseFloat(months!));
    await page.goto(budget);
    await expect(tile(page, '支出预算执行率')).not.toHaveText(rate!, { timeout: 1000 });
    expect(parseFloat((await tile(page, '支出预算执行率').textContent())!)).toBeGreaterThan(parseFloat(rate!));
  } finally {
    importLedger(original);
  }
  // And back.
  await page.goto(overview);
  await expect(tile(page, '累计结余可支付月数')).toHaveText(months!, { timeout: 1000 });
  await page.goto(budget);
  await expect(tile(page, '支出预算执行率')).toHaveText(rate!, { timeout: 1000 });
});
