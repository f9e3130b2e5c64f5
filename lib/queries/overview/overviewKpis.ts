// The eight 总览 indicators, computed by the registry from KpiInputs. Pure: tested without a database.
import { indicators, type IndicatorCode } from '../../indicators/registry';
import { indicatorStatus, notApplicableReason } from '../../indicators/status';
import type { Status } from '../../indicators/types';
import type { KpiInputs } from './kpiInputs';

export const OVERVIEW_CODES = [
  'coverage_rate', 'collection_rate', 'income_execution_rate', 'expense_execution_rate',
  'accumulated_balance', 'months_of_reserve', 'primary_visit_share', 'in_county_rate',
] as const satisfies readonly IndicatorCode[];
export type OverviewCode = (typeof OVERVIEW_CODES)[number];

/**
 * The eight values for one region. `scheme` = the page's scheme filter: an indicator that does not apply to
 * it (registry notApplicable, e.g. 基层就诊占比 under 生育保险) is null, never 0 (see notApplicableNotes).
 */
export function computeOverview(i: KpiInputs, scheme: string = 'ALL'): Record<OverviewCode, number | null> {
  const out = computeApplicable(i);
  for (const code of OVERVIEW_CODES) if (notApplicableReason(indicators[code], scheme)) out[code] = null;
  return out;
}

/** 「不适用」notes of the tiles under a scheme filter: code → reason. */
export function notApplicableNotes(scheme: string): Partial<Record<OverviewCode, string>> {
  const out: Partial<Record<OverviewCode, string>> = {};
  for (const code of OVERVIEW_CODES) {
    const r = notApplicableReason(indicators[code], scheme);
    if (r) out[code] = r;
  }
  return out;
}

function computeApplicable(i: KpiInputs): Record<OverviewCode, number | null> {
  // A balance missing a part (a scheme or county with expenses but no balance row) is not shown: see i.missing.
  const partial = (i.missing.balance?.length ?? 0) > 0;
  const balance = partial ? null : indicators.accumulated_balance.compute({ cityPool: i.cityPool, legacyBalances: i.legacyBalances });
  return {
    coverage_rate: indicators.coverage_rate.compute({ enrolled: i.enrolled, shouldEnroll: i.shouldEnroll }),
    collection_rate: indicators.collection_rate.compute({ collected: i.collected, due: i.due }),
    income_execution_rate: indicators.income_execution_rate.compute({ ytdActual: i.incomePlanBasisYtd, annualPlan: i.incomePlan }),
    expense_execution_rate: indicators.expense_execution_rate.compute({ ytdActual: i.expenseYtd, annualPlan: i.expensePlan }),
    accumulated_balance: balance,
    months_of_reserve: indicators.months_of_reserve.compute({ accumulatedBalance: balance, trailing12Expense: i.trailing12Expense }),
    primary_visit_share: indicators.primary_visit_share.compute({ primaryVisits: i.primaryVisits, allVisits: i.allVisits }),
    in_county_rate: indicators.in_county_rate.compute({ inCountyAdmissions: i.inCountyAdmissions, allAdmissions: i.allAdmissions }),
  };
}

/** 「部分数据」notes of a region's tiles: which part a total lacks (then the tile shows no value). */
export function partialNotes(i: KpiInputs | undefined): Partial<Record<OverviewCode, string>> {
  const m = i?.missing.balance;
  if (!m?.length) return {};
  const note = `部分数据：缺少${m.join('、')}，不计算`;
  return { accumulated_balance: note, months_of_reserve: note };
}

/**
 * Status of a tile. An execution rate has no good or bad level of its own: it is judged by its deviation
 * from 序时进度, so those two tiles take the status of the deviation indicator.
 */
export function statusOf(code: OverviewCode, value: number | null, timeProgress: number | null = null): Status {
  if (code === 'income_execution_rate' || code === 'expense_execution_rate') {
    const dev = code === 'income_execution_rate' ? indicators.income_execution_deviation : indicators.expense_execution_deviation;
    return value === null || timeProgress === null ? 'none' : indicatorStatus(dev, value - timeProgress);
  }
  return indicatorStatus(indicators[code], value);
}

/** The figures a province compares its cities on: the year's income, expense and 当期结余, then the 总览 eight. */
export const CITY_COMPARISON_CODES = ['fund_income_ytd', 'fund_expense_ytd', 'current_balance', ...OVERVIEW_CODES] as const satisfies readonly IndicatorCode[];
export type CityComparisonCode = (typeof CITY_COMPARISON_CODES)[number];

/** A city's (or the province's) comparison row, from its summed inputs (元 for money, ratios 0–1, months). */
export function computeCityComparison(i: KpiInputs, scheme: string = 'ALL'): Record<CityComparisonCode, number | null> {
  return {
    fund_income_ytd: indicators.fund_income_ytd.compute({ income: i.incomeYtd }),
    fund_expense_ytd: indicators.fund_expense_ytd.compute({ expense: i.expenseYtd }),
    current_balance: indicators.current_balance.compute({ income: i.incomeYtd, expense: i.expenseYtd }),
    ...computeOverview(i, scheme),
  };
}
