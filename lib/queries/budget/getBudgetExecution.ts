import 'server-only';
import { cachedByDataVersion } from '../../cache';
// 预算执行 per county (income and expense against the plan in force) and, for the selected region, per
// item. 序时进度 = months ÷ 12; the seasonal expectation is the region's own profile over past years.
import type { Db } from '../../db';
import { EXPENSE_ITEMS, INCOME_ITEMS } from '../../domain/codes';
import { indicators } from '../../indicators/registry';
import { allowedRegion, requireCityOrCounty, type Scope } from '../scope';
import { makePeriod } from '../../indicators/compute';
import { EXPENSE, INCOME, fundSum, loadBudgetData, planLines, resolveAsOf, versionInForce, type BudgetData, type PlanVersion } from './data';
import { execution, type Execution } from './execution';
import { budgetDataFor, type BudgetRequest } from './request';

export interface CountyExecutionRow {
  code: string;
  income: Execution;
  expense: Execution;
  /** 基金收入 year to date: every income row (the city total includes the city account's interest) */
  fundIncome: number;
  /** 当期结余 year to date: 基金收入 − 基金支出, the same figure as 总览 and 县域画像 */
  balance: number | null;
}

export interface ItemExecutionRow extends Execution {
  item: string;
  kind: 'income' | 'expense';
}

export interface BudgetExecution {
  asOf: number | null;
  lastAvailable: number | null;
  version: PlanVersion | null;
  timeProgress: number | null;
  /** city total first, then the visible counties */
  counties: CountyExecutionRow[];
  /** the selected region (the city total for 'ALL') */
  regionCode: string;
  items: ItemExecutionRow[];
}

export function assembleBudgetExecution(scope: Scope, d: BudgetData, req: BudgetRequest): BudgetExecution {
  requireCityOrCounty(scope);
  const region = allowedRegion(scope, req.region);
  const { asOf, lastAvailable } = resolveAsOf(d, req.year, req.month);
  const version = versionInForce(d, req.year, asOf);
  const regionCode = region === 'ALL' ? d.cityCode : region;
  if (asOf === null) return { asOf, lastAvailable, version, timeProgress: null, counties: [], regionCode, items: [] };
  const lines = planLines(d, version);
  const visible = d.counties.filter((c) => scope.kind === 'city' || (scope.kind === 'county' && c === scope.regionCode));
  const row = (code: string, sel: string | null): CountyExecutionRow => {
    const income = execution(d, lines, sel, INCOME, 'income', asOf);
    const expense = execution(d, lines, sel, EXPENSE, 'expense', asOf);
    const from = makePeriod(req.year, 1);
    const fundIncome = fundSum(d, sel, INCOME, from, asOf);
    const fundExpense = fundSum(d, sel, EXPENSE, from, asOf);
    return { code, income, expense, fundIncome, balance: indicators.current_balance.compute({ income: fundIncome, expense: fundExpense }) };
  };
  const sel = region === 'ALL' ? null : region;
  const items: ItemExecutionRow[] = [
    ...INCOME_ITEMS.map((it) => ({ item: it.code, kind: 'income' as const, ...execution(d, lines, sel, new Set([it.code]), 'income', asOf) })),
    ...EXPENSE_ITEMS.map((it) => ({ item: it.code, kind: 'expense' as const, ...execution(d, lines, sel, new Set([it.code]), 'expense', asOf) })),
  ].filter((r) => r.plan !== null || r.actual !== 0);
  return {
    asOf, lastAvailable, version,
    timeProgress: indicators.time_progress.compute({ asOfMonth: asOf }),
    counties: [row(d.cityCode, null), ...visible.map((c) => row(c, c))],
    regionCode,
    items,
  };
}

export async function loadBudgetExecution(db: Db, scope: Scope, cityCode: string, req: BudgetRequest): Promise<BudgetExecution> {
  return assembleBudgetExecution(scope, await loadBudgetData(db, cityCode, req.scheme), req);
}

async function getBudgetExecutionUncached(scope: Scope, cityCode: string, req: BudgetRequest): Promise<BudgetExecution> {
  return assembleBudgetExecution(scope, await budgetDataFor(cityCode, req.scheme), req);
}

/** Kept between requests until the data changes (lib/cache). */
export const getBudgetExecution = cachedByDataVersion('budget/getBudgetExecution', getBudgetExecutionUncached);
