// Shared by the dashboard browser tests (参保征缴, 预算执行): waiting for hydration, finding KPI tiles, rows
// and columns, and checking a money cell against the column's stated unit.
import { expect as baseExpect, type Page, type Locator } from '@playwright/test';

// The machine is shared: give server renders after a navigation more time than the 5 s default.
export const expect = baseExpect.configure({ timeout: 15_000 });

/** Interactions need the client to have hydrated: FilterAutoSubmit marks the filter form when it has. */
export const hydrated = (page: Page) => expect(page.locator('#filter-bar')).toHaveAttribute('data-enhanced', 'true', { timeout: 30_000 });
export const tile = (page: Page, name: string) => page.locator('article.kpi-tile').filter({ has: page.locator('.kpi-name', { hasText: new RegExp(`^${name}$`) }) });
export const rowOf = (table: Locator, first: string) => table.locator('tbody tr').filter({ has: table.page().locator('td:first-child', { hasText: new RegExp(`^${first}$`) }) });
/** Header text without sort icons and without the unit a money column states: '支出预算（亿元）' → '支出预算'. */
export const bareHeader = (h: string) => h.replace(/[↕▲▼]/g, '').trim().replace(/（(元|万元|亿元)）$/, '');
/**
 * A money cell of a DataTable column: the column states its unit once in the header (万元 or 亿元) and the
 * cell holds the number only; it must equal `v` to the decimals shown.
 */
export async function expectYuanCell(table: Locator, header: string, cell: Locator, v: number) {
  const heads = await table.locator('thead th').allInnerTexts();
  const h = heads.find((x) => bareHeader(x) === header) ?? '';
  const unit = /（(元|万元|亿元)）/.exec(h)?.[1];
  if (!unit) throw new Error(`column ${header} states no money unit: ${h}`);
  const text = (await cell.innerText()).trim();
  expect(text, 'money cells carry no unit').not.toMatch(/元/);
  const shown = Number(text.replace(/,/g, '').replace('−', '-'));
  const digits = (text.split('.')[1] ?? '').length;
  const d = unit === '亿元' ? 1e8 : unit === '万元' ? 1e4 : 1;
  expect(Math.abs(shown - v / d), `${header}: ${text}${unit} vs ${v}元`).toBeLessThanOrEqual(0.5 * 10 ** -digits + 1e-9);
}
export async function columnIndex(table: Locator, header: string): Promise<number> {
  const heads = await table.locator('thead th').allInnerTexts();
  const i = heads.findIndex((h) => bareHeader(h) === header);
  if (i < 0) throw new Error(`no column ${header} in ${heads.join('|')}`);
  return i;
}
