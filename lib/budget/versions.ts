// Budget versions: the approved budget and each approved adjustment is a full snapshot of lines
// (prisma BudgetVersion/BudgetLine; never overwritten). What an adjustment changed is the difference of
// two consecutive snapshots (市级统筹意见（征求意见稿）三(三): 预算调整方案按程序经批准后执行). Pure functions.
import { EXPENSE_ITEM_CODES, INCOME_ITEM_CODES } from '../domain/codes';
import { indicators } from '../indicators/registry';
import { monthEndIso } from '../dates';
import { cityKeysOf } from '../regions/cityKeys';

export interface BudgetLineLite {
  regionCode: string;
  schemeCode: string;
  item: string;
  amount: number;
}

export interface Change {
  before: number;
  after: number;
  /** after − before (indicator budget_adjustment_amount) */
  change: number;
}

export interface LineChange extends Change {
  regionCode: string;
  schemeCode: string;
  item: string;
}

export interface VersionDiff {
  /** lines whose amount changed (a line missing on one side counts as 0), in the order of `after` then `before` */
  lines: LineChange[];
  /** every item present on either side, income items first */
  byItem: (Change & { item: string })[];
  income: Change;
  expense: Change;
}

export function isIncomeItem(item: string): boolean {
  return INCOME_ITEM_CODES.includes(item);
}
export function isExpenseItem(item: string): boolean {
  return EXPENSE_ITEM_CODES.includes(item);
}

export function versionTotals(lines: readonly BudgetLineLite[]): { income: number; expense: number } {
  let income = 0;
  let expense = 0;
  for (const l of lines) {
    if (isIncomeItem(l.item)) income += l.amount;
    else if (isExpenseItem(l.item)) expense += l.amount;
  }
  return { income, expense };
}

const change = (before: number, after: number): Change => ({
  before, after, change: indicators.budget_adjustment_amount.compute({ adjusted: after, previous: before }) ?? 0,
});

const ITEM_ORDER = [...INCOME_ITEM_CODES, ...EXPENSE_ITEM_CODES];

export function diffBudgetVersions(before: readonly BudgetLineLite[], after: readonly BudgetLineLite[]): VersionDiff {
  const key = (l: BudgetLineLite) => `${l.regionCode}|${l.schemeCode}|${l.item}`;
  const b = new Map<string, BudgetLineLite>();
  for (const l of before) b.set(key(l), l);
  const a = new Map<string, BudgetLineLite>();
  for (const l of after) a.set(key(l), l);
  const lines: LineChange[] = [];
  const seen = new Set<string>();
  for (const l of [...after, ...before]) {
    const k = key(l);
    if (seen.has(k)) continue;
    seen.add(k);
    const c = change(b.get(k)?.amount ?? 0, a.get(k)?.amount ?? 0);
    // Amounts are whole 元 in practice; ignore float noise below a fen.
    if (Math.abs(c.change) >= 0.005) lines.push({ regionCode: l.regionCode, schemeCode: l.schemeCode, item: l.item, ...c });
  }
  const sumBy = (ls: readonly BudgetLineLite[]) => {
    const m = new Map<string, number>();
    for (const l of ls) m.set(l.item, (m.get(l.item) ?? 0) + l.amount);
    return m;
  };
  const bi = sumBy(before);
  const ai = sumBy(after);
  const items = [...new Set([...bi.keys(), ...ai.keys()])].sort((x, y) => rank(x) - rank(y));
  const tb = versionTotals(before);
  const ta = versionTotals(after);
  return {
    lines,
    byItem: items.map((item) => ({ item, ...change(bi.get(item) ?? 0, ai.get(item) ?? 0) })),
    income: change(tb.income, ta.income),
    expense: change(tb.expense, ta.expense),
  };
}

function rank(item: string): number {
  const i = ITEM_ORDER.indexOf(item);
  return i === -1 ? ITEM_ORDER.length : i;
}

/** What a budget version needs to say when it is in force. */
export interface VersionDates {
  year: number;
  /** 0 = the approved budget, 1.. = adjustments in order */
  seq: number;
  /** 'YYYY-MM-DD' */
  approvedOn: string;
}

/**
 * The budget version in force at the end of the as-of month (YYYYMM): the latest version of that year
 * approved by then — an adjustment approved in July does not change the plan a March review measured
 * against (《关于实施基本医疗保险和生育保险市级统筹的意见（征求意见稿）》三（三）: 预算调整方案按程序经批准后执行). A budget not yet approved in January still
 * guides the month, so without an approved one the year's first version applies. `asOf` null: the year's
 * latest version. null when the year has no version. The one rule for the budget page, the 总览 plan and
 * the budget-deviation warning.
 */
export function versionInForce<V extends VersionDates>(versions: readonly V[], year: number, asOf: number | null): V | null {
  const ofYear = versions.filter((v) => v.year === year).sort((a, b) => a.seq - b.seq);
  if (ofYear.length === 0) return null;
  if (asOf === null) return ofYear[ofYear.length - 1];
  const end = monthEndIso(asOf);
  const approved = ofYear.filter((v) => v.approvedOn <= end);
  return approved.length ? approved[approved.length - 1] : ofYear[0];
}

/**
 * Each city's budget version in force (versionInForce per city): in a province each city (设区市, its own
 * 市级统筹 pool) approves and adjusts its own budget, so one city's adjustment never changes another's plan.
 * `cities`: the warehouse's city codes; a version belongs to the city it names (cityCode), and one naming
 * none ('') to the only city of a one-city warehouse (with several, to none). One entry per city with a
 * version of `year`, in `cities` order. Pure.
 */
export function versionsInForceByCity<V extends VersionDates & { cityCode: string }>(versions: readonly V[], cities: readonly string[], year: number, asOf: number | null): V[] {
  const out: V[] = [];
  for (const city of cities) {
    const keys = cityKeysOf(cities.length, city);
    const v = versionInForce(versions.filter((x) => keys.includes(x.cityCode)), year, asOf);
    if (v) out.push(v);
  }
  return out;
}
