import 'server-only';
import { cachedByDataVersion } from '../../cache';
// The 预算执行 tiles for the city or one county, at the as-of month: execution rates (judged by their
// deviation from the seasonal expectation, or from 序时进度 without history), 当期结余, 累计结余, and the
// year's deficit attribution (县级应补足, 市级结余弥补). Previous = the same month a year earlier.
import type { Db } from '../../db';
import { indicators, type IndicatorCode } from '../../indicators/registry';
import { indicatorStatus } from '../../indicators/status';
import type { Status } from '../../indicators/types';
import type { Scope } from '../scope';
import { loadBudgetData, type BudgetData } from './data';
import { assembleBudgetExecution, getBudgetExecution, type BudgetExecution } from './getBudgetExecution';
import { assembleDeficitAttribution } from './getDeficitAttribution';
import { getAccumulatedBalance, loadAccumulatedBalance, type AccumulatedBalance } from './getAccumulatedBalance';
import { budgetDataFor, type BudgetRequest } from './request';

export const BUDGET_KPI_CODES = [
  'income_execution_rate', 'expense_execution_rate', 'income_execution_deviation', 'expense_execution_deviation',
  'current_balance', 'accumulated_balance', 'county_makeup_amount', 'city_cover_amount',
] as const satisfies readonly IndicatorCode[];
export type BudgetKpiCode = (typeof BUDGET_KPI_CODES)[number];

export interface BudgetKpi {
  code: BudgetKpiCode;
  value: number | null;
  previous: number | null;
  status: Status;
  /** what the deviation was measured against */
  basis?: 'seasonal' | 'time';
}

export interface BudgetKpis {
  asOf: number | null;
  timeProgress: number | null;
  versionDocNo: string | null;
  tiles: BudgetKpi[];
}

function values(scope: Scope, d: BudgetData, req: BudgetRequest, balance: AccumulatedBalance | null, ex: BudgetExecution) {
  const row = ex.counties.find((c) => c.code === ex.regionCode);
  const att = assembleDeficitAttribution(scope, d, req).counties.find((c) => c.code === ex.regionCode);
  const v: Record<BudgetKpiCode, number | null> = {
    income_execution_rate: row?.income.rate ?? null,
    expense_execution_rate: row?.expense.rate ?? null,
    // The deviation shown is against the seasonal expectation where there is history.
    income_execution_deviation: row ? row.income.seasonalDeviation ?? row.income.deviation : null,
    expense_execution_deviation: row ? row.expense.seasonalDeviation ?? row.expense.deviation : null,
    current_balance: row?.balance ?? null,
    accumulated_balance: balance?.accumulated ?? null,
    county_makeup_amount: att && att.regime === 'city' ? att.countyMakeup : null,
    city_cover_amount: att && att.regime === 'city' ? att.cityCovers : null,
  };
  const basis = {
    income: row?.income.seasonalDeviation !== null && row?.income.seasonalDeviation !== undefined ? 'seasonal' as const : 'time' as const,
    expense: row?.expense.seasonalDeviation !== null && row?.expense.seasonalDeviation !== undefined ? 'seasonal' as const : 'time' as const,
  };
  return { ex, v, basis, row };
}

export async function assembleBudgetKpis(
  scope: Scope, d: BudgetData, req: BudgetRequest,
  balanceAt: (asOf: number | null, year: number) => Promise<AccumulatedBalance | null>,
  execution?: BudgetExecution,
): Promise<BudgetKpis> {
  // Execution once for the selected year (shared with the page's other widgets when given) and once for
  // the same month a year earlier.
  const first = execution ?? assembleBudgetExecution(scope, d, req);
  const asOf = first.asOf;
  const lastReq: BudgetRequest = { ...req, year: req.year - 1, month: asOf ? asOf % 100 : req.month };
  const [bal, balLast] = await Promise.all([balanceAt(asOf, req.year), asOf ? balanceAt(asOf - 100, req.year - 1) : Promise.resolve(null)]);
  const now = values(scope, d, req, bal, first);
  const last = asOf ? values(scope, d, lastReq, balLast, assembleBudgetExecution(scope, d, lastReq)) : null;
  const I = indicators;
  const tiles = BUDGET_KPI_CODES.map((code): BudgetKpi => {
    const value = now.v[code];
    let status: Status;
    if (code === 'income_execution_rate') status = now.row?.income.status ?? 'none';
    else if (code === 'expense_execution_rate') status = now.row?.expense.status ?? 'none';
    else status = indicatorStatus(I[code], value);
    const basis = code.startsWith('income') ? now.basis.income : code.startsWith('expense') ? now.basis.expense : undefined;
    return { code, value, previous: last && last.ex.asOf ? last.v[code] : null, status, basis };
  });
  return { asOf, timeProgress: first.timeProgress, versionDocNo: first.version?.docNo ?? null, tiles };
}

export async function loadBudgetKpis(db: Db, scope: Scope, cityCode: string, req: BudgetRequest): Promise<BudgetKpis> {
  const d = await loadBudgetData(db, cityCode, req.scheme);
  return assembleBudgetKpis(scope, d, req, (asOf, year) => loadAccumulatedBalance(db, scope, cityCode, { ...req, year, asOf }));
}

async function getBudgetKpisUncached(scope: Scope, cityCode: string, req: BudgetRequest): Promise<BudgetKpis> {
  const [d, execution] = await Promise.all([budgetDataFor(cityCode, req.scheme), getBudgetExecution(scope, cityCode, req)]);
  return assembleBudgetKpis(scope, d, req, (asOf, year) => getAccumulatedBalance(scope, cityCode, { ...req, year, asOf }), execution);
}

/** Kept between requests until the data changes (lib/cache). */
export const getBudgetKpis = cachedByDataVersion('budget/getBudgetKpis', getBudgetKpisUncached);
