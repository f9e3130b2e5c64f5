// Execution of one selection (region × items) against the plan in force: 执行率, 序时进度, 偏差, and the
// same against the selection's own seasonal profile. Pure over BudgetData; formulas from the registry.
import { makePeriod } from '../../indicators/compute';
import { indicators } from '../../indicators/registry';
import { indicatorStatus } from '../../indicators/status';
import type { Status } from '../../indicators/types';
import { expectedProgressAt, SEASONAL_YEARS } from '../../budget/pacing';
import type { BudgetLineLite } from '../../budget/versions';
import { plannedIncomeKeys } from '../../budget/planBasis';
import { hasPlan, ledgerMonthly, ledgerSum, planSum, type BudgetData, type RegionSel } from './data';

export interface Execution {
  /** null when the plan has no line for the selection */
  plan: number | null;
  /** actual year to date; for income on the budget's basis (预算口径收入, lib/budget/planBasis) */
  actual: number;
  rate: number | null;
  /** rate − 序时进度 */
  deviation: number | null;
  /** expected progress from the seasonal profile of the past years (null without history) */
  expected: number | null;
  /** rate − seasonal expected progress */
  seasonalDeviation: number | null;
  /** from the seasonal deviation when there is history, else from the deviation against 序时进度 */
  status: Status;
}

export function execution(
  d: BudgetData, lines: readonly BudgetLineLite[], region: RegionSel, items: ReadonlySet<string>, kind: 'income' | 'expense', asOf: number,
): Execution {
  const I = indicators;
  const year = Math.floor(asOf / 100);
  const rateDef = kind === 'income' ? I.income_execution_rate : I.expense_execution_rate;
  const devDef = kind === 'income' ? I.income_execution_deviation : I.expense_execution_deviation;
  const plan = hasPlan(lines, region, items) ? planSum(lines, region, items) : null;
  // Income on the budget's basis (lib/budget/planBasis): only what the plan has lines for, as on 总览.
  const actual = ledgerSum(d, region, items, makePeriod(year, 1), asOf, undefined, kind === 'income' && lines.length ? plannedIncomeKeys(lines) : undefined);
  const rate = rateDef.compute({ ytdActual: actual, annualPlan: plan });
  const deviation = devDef.compute({ ytdActual: actual, annualPlan: plan, asOfMonth: asOf });
  // The selection's own history: the SEASONAL_YEARS complete years before this one.
  const history = ledgerMonthly(d, region, items, undefined, makePeriod(year - 1, 12));
  for (const p of [...history.keys()]) if (p < makePeriod(year - SEASONAL_YEARS, 1)) history.delete(p);
  const exp = expectedProgressAt(history, asOf);
  const expected = exp.basis === 'seasonal' ? exp.value : null;
  const seasonalDeviation = expected === null ? null : devDef.compute({ ytdActual: actual, annualPlan: plan, asOfMonth: asOf, expectedProgress: expected });
  return { plan, actual, rate, deviation, expected, seasonalDeviation, status: indicatorStatus(devDef, seasonalDeviation ?? deviation) };
}
