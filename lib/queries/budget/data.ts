import 'server-only';
// The facts behind the 预算执行 page for one scheme filter: monthly fund ledger (统筹基金 account) per
// county and item, every budget version with its lines, the pooling months, and the county-level subsidy
// due and delivered. Monthly × county × item is small (a city: tens of thousands of rows), so one load per
// request feeds every widget (React cache in request.ts); the widgets compute through the registry.
import { poolRegionCodes, regionIn } from '../pool';
import { storedCityKeys } from '../../regions/cityKeys';
import type { Db } from '../../db';
import type { SchemeCode, SchemeFilter } from '../../domain/codes';
import { EXPENSE_ITEM_CODES, INCOME_ITEM_CODES } from '../../domain/codes';
import { makePeriod } from '../../indicators/compute';
import { versionInForce as planInForce, type BudgetLineLite } from '../../budget/versions';
import { schemesOf } from '../overview/kpiInputs';
import { onIncomePlanBasis } from '../../budget/planBasis';

export interface LedgerRow {
  regionCode: string;
  schemeCode: string;
  item: string;
  period: number;
  amount: number;
}

export interface PlanVersion {
  id: number;
  year: number;
  seq: number;
  kind: string;
  docNo: string;
  approvedOn: string;
  reason: string;
}

export interface BudgetData {
  cityCode: string;
  schemes: SchemeCode[];
  /** POOL-account ledger rows of the county-level units (the city's own rows are kept apart) */
  ledger: LedgerRow[];
  /** the same rows by county code */
  ledgerByRegion: Map<string, LedgerRow[]>;
  /** the city account's own rows (interest on the city pool): not part of any county's plan */
  cityLedger: LedgerRow[];
  versions: PlanVersion[];
  /** version id → its lines for the schemes */
  lines: Map<number, BudgetLineLite[]>;
  /** `${region}|${scheme}` → pooling month */
  pooling: Map<string, number>;
  /** county-level subsidy (SUBSIDY_COUNTY) per county, scheme and month */
  countySubsidy: { regionCode: string; schemeCode: string; period: number; due: number; collected: number }[];
  /** county codes that appear in the data */
  counties: string[];
}

/** The budget page's rows of `cityCode` (its own code and its counties'; only those when the warehouse holds several cities). */
export async function loadBudgetData(db: Db, cityCode: string, scheme: SchemeFilter): Promise<BudgetData> {
  const schemes = schemesOf(scheme);
  const p = db.prisma;
  const [codes, cityKeys] = await Promise.all([poolRegionCodes(db, cityCode), storedCityKeys(p, cityCode)]);
  const [ledger, versions, lines, pooling, subsidy] = await Promise.all([
    p.ledgerFact.groupBy({
      by: ['regionCode', 'schemeCode', 'item', 'period'],
      where: { account: 'POOL', schemeCode: { in: schemes }, ...regionIn(codes) },
      _sum: { amount: true },
    }),
    // The city's own versions (each city approves and adjusts its own budget): another city's are not its plan.
    p.budgetVersion.findMany({ where: { cityCode: { in: cityKeys } }, orderBy: [{ year: 'asc' }, { seq: 'asc' }] }),
    p.budgetLine.findMany({ where: { schemeCode: { in: schemes }, ...regionIn(codes) }, select: { versionId: true, regionCode: true, schemeCode: true, item: true, amount: true } }),
    p.poolingMilestone.findMany({ where: { schemeCode: { in: schemes }, ...regionIn(codes) } }),
    p.contributionFact.findMany({ where: { source: 'SUBSIDY_COUNTY', schemeCode: { in: schemes }, ...regionIn(codes) }, select: { regionCode: true, schemeCode: true, period: true, due: true, collected: true } }),
  ]);
  const rows: LedgerRow[] = ledger.map((r) => ({ regionCode: r.regionCode, schemeCode: r.schemeCode, item: r.item, period: r.period, amount: r._sum.amount ?? 0 }));
  const byVersion = new Map<number, BudgetLineLite[]>();
  for (const l of lines) {
    let list = byVersion.get(l.versionId);
    if (!list) { list = []; byVersion.set(l.versionId, list); }
    list.push({ regionCode: l.regionCode, schemeCode: l.schemeCode, item: l.item, amount: l.amount });
  }
  const county = rows.filter((r) => r.regionCode !== cityCode);
  const ledgerByRegion = new Map<string, LedgerRow[]>();
  for (const r of county) {
    let list = ledgerByRegion.get(r.regionCode);
    if (!list) { list = []; ledgerByRegion.set(r.regionCode, list); }
    list.push(r);
  }
  return {
    cityCode,
    schemes,
    ledger: county,
    ledgerByRegion,
    cityLedger: rows.filter((r) => r.regionCode === cityCode),
    versions,
    lines: byVersion,
    pooling: new Map(pooling.map((m) => [`${m.regionCode}|${m.schemeCode}`, m.effectivePeriod])),
    countySubsidy: subsidy,
    counties: [...new Set([...county.map((r) => r.regionCode), ...lines.map((l) => l.regionCode)])].filter((c) => c !== cityCode).sort(),
  };
}

// ───────────── selection helpers (pure) ─────────────

/** Region filter: a county code, or null for every county (the city total). */
export type RegionSel = string | null;

export const INCOME = new Set(INCOME_ITEM_CODES);
export const EXPENSE = new Set(EXPENSE_ITEM_CODES);

/** Last period with ledger data in `year`. */
export function lastPeriodOf(d: BudgetData, year: number): number | null {
  let last: number | null = null;
  for (const r of d.ledger) if (Math.floor(r.period / 100) === year && (last === null || r.period > last)) last = r.period;
  return last;
}

/** The as-of month: the requested month when data reaches it, else the year's last month with data. */
export function resolveAsOf(d: BudgetData, year: number, month?: number | null): { asOf: number | null; lastAvailable: number | null } {
  const lastAvailable = lastPeriodOf(d, year);
  if (lastAvailable === null) return { asOf: null, lastAvailable };
  if (month && month >= 1 && month <= 12 && makePeriod(year, month) <= lastAvailable) return { asOf: makePeriod(year, month), lastAvailable };
  return { asOf: lastAvailable, lastAvailable };
}

/**
 * The plan in force at the end of the as-of month: the latest version of the year approved by then
 * (an adjustment approved in July does not change the plan a March review measured against). Falls back
 * to the year's first version when none was approved yet.
 */
export function versionInForce(d: BudgetData, year: number, asOf: number | null): PlanVersion | null {
  return planInForce(d.versions, year, asOf);
}

export function planLines(d: BudgetData, version: PlanVersion | null): BudgetLineLite[] {
  return version ? d.lines.get(version.id) ?? [] : [];
}

/** Sum of plan lines for a region selection and a set of items (and optionally one scheme). */
export function planSum(lines: readonly BudgetLineLite[], region: RegionSel, items: ReadonlySet<string>, scheme?: string): number {
  let s = 0;
  for (const l of lines) if ((region === null || l.regionCode === region) && items.has(l.item) && (!scheme || l.schemeCode === scheme)) s += l.amount;
  return s;
}

/** Has the plan any line for the selection (a missing line is not a zero plan)? */
export function hasPlan(lines: readonly BudgetLineLite[], region: RegionSel, items: ReadonlySet<string>, scheme?: string): boolean {
  return lines.some((l) => (region === null || l.regionCode === region) && items.has(l.item) && (!scheme || l.schemeCode === scheme));
}

function rowsOf(d: BudgetData, region: RegionSel): readonly LedgerRow[] {
  return region === null ? d.ledger : d.ledgerByRegion.get(region) ?? [];
}

/**
 * Ledger sum over [from, to] for a region selection and items (and optionally one scheme). `onPlan`, when
 * given, keeps only the rows of (region, scheme) pairs it holds (lib/budget/planBasis: the budget's basis).
 */
export function ledgerSum(
  d: BudgetData, region: RegionSel, items: ReadonlySet<string>, from: number, to: number, scheme?: string, onPlan?: ReadonlySet<string>,
): number {
  let s = 0;
  for (const r of rowsOf(d, region)) {
    if (r.period < from || r.period > to) continue;
    if (scheme && r.schemeCode !== scheme) continue;
    if (onPlan && !onIncomePlanBasis(onPlan, r.regionCode, r.schemeCode)) continue;
    if (items.has(r.item)) s += r.amount;
  }
  return s;
}

/** Monthly ledger series (every period with data) for a region selection and items. */
export function ledgerMonthly(d: BudgetData, region: RegionSel, items: ReadonlySet<string>, scheme?: string, upTo?: number): Map<number, number> {
  const m = new Map<number, number>();
  for (const r of rowsOf(d, region)) {
    if (scheme && r.schemeCode !== scheme) continue;
    if (upTo !== undefined && r.period > upTo) continue;
    if (items.has(r.item)) m.set(r.period, (m.get(r.period) ?? 0) + r.amount);
  }
  return m;
}

/**
 * 基金收入 or 支出 over [from, to] of a region selection as 当期结余 counts it: for the city total (null)
 * the counties' rows plus the city account's own rows (市级专户利息), as on every page.
 */
export function fundSum(d: BudgetData, region: RegionSel, items: ReadonlySet<string>, from: number, to: number): number {
  let s = ledgerSum(d, region, items, from, to);
  if (region === null) for (const r of d.cityLedger) if (r.period >= from && r.period <= to && items.has(r.item)) s += r.amount;
  return s;
}

/** County-level subsidy due and delivered over [from, to]. */
export function countySubsidySum(d: BudgetData, region: RegionSel, from: number, to: number, scheme?: string): { due: number; collected: number } {
  let due = 0, collected = 0;
  for (const r of d.countySubsidy) {
    if (r.period < from || r.period > to) continue;
    if (region !== null && r.regionCode !== region) continue;
    if (scheme && r.schemeCode !== scheme) continue;
    due += r.due;
    collected += r.collected;
  }
  return { due, collected };
}

/** Years with ledger data, ascending. */
export function dataYears(d: BudgetData): number[] {
  return [...new Set(d.ledger.map((r) => Math.floor(r.period / 100)))].sort((a, b) => a - b);
}
