// Budget pacing: how far the year's plan has been executed by each month, against 序时进度 (months ÷ 12)
// and against the county's own seasonal profile from past years. Resident premiums arrive in January–March and subsidies quarterly, so income
// executed at 85% in March can be on pace even though 序时进度 is 25%. Pure functions.
import { makePeriod, seasonalProgress, toPeriodMap, type PeriodValues } from '../indicators/compute';
import { indicators } from '../indicators/registry';

export const SEASONAL_YEARS = 3;

/**
 * Monthly values with the months a series has no row for filled with 0, from the first year that has any
 * row up to `lastYear`. A fund item with no booking in a month (subsidies arrive quarterly) is a zero, not
 * a gap; years before the series starts stay absent so a profile does not average in empty years.
 */
export function fillMonths(values: PeriodValues, lastYear: number): Map<number, number> {
  const m = toPeriodMap(values);
  const out = new Map<number, number>();
  const years = [...m.keys()].map((p) => Math.floor(p / 100));
  if (years.length === 0) return out;
  const first = Math.min(...years);
  for (let y = first; y <= lastYear; y++) {
    for (let mo = 1; mo <= 12; mo++) {
      const p = makePeriod(y, mo);
      const v = m.get(p);
      out.set(p, typeof v === 'number' && Number.isFinite(v) ? v : 0);
    }
  }
  return out;
}

/**
 * Expected cumulative share of the annual total at the end of each month (index 0 = January) from the
 * complete earlier years of `values` (at most `maxYears`). null for a month when no earlier year has a
 * positive total.
 */
export function seasonalProfile(values: PeriodValues, year: number, maxYears = SEASONAL_YEARS): (number | null)[] {
  const filled = fillMonths(values, year - 1);
  return Array.from({ length: 12 }, (_, i) => seasonalProgress(filled, makePeriod(year, i + 1), maxYears));
}

export interface PacingPoint {
  period: number;
  /** actual booked in the month (null after the as-of month) */
  actual: number | null;
  /** year-to-date actual (null after the as-of month) */
  cumulative: number | null;
  /** 预算执行率 at month end */
  executionRate: number | null;
  /** 序时进度 */
  timeProgress: number | null;
  /** expected progress from the seasonal profile */
  seasonalProgress: number | null;
  /** execution rate − 序时进度 */
  deviation: number | null;
  /** execution rate − seasonal progress */
  seasonalDeviation: number | null;
}

export interface PacingInput {
  kind: 'income' | 'expense';
  year: number;
  /** annual plan in force */
  plan: number | null;
  /** monthly actuals of this year and earlier years (for the seasonal profile) */
  monthly: PeriodValues;
  /** last month with data (YYYYMM); later months carry only the pace lines */
  asOf: number;
  maxYears?: number;
}

export function pacingCurve(i: PacingInput): PacingPoint[] {
  const rate = i.kind === 'income' ? indicators.income_execution_rate : indicators.expense_execution_rate;
  const dev = i.kind === 'income' ? indicators.income_execution_deviation : indicators.expense_execution_deviation;
  const filled = fillMonths(i.monthly, i.year);
  const profile = seasonalProfile(i.monthly, i.year, i.maxYears);
  const out: PacingPoint[] = [];
  let cum = 0;
  for (let m = 1; m <= 12; m++) {
    const period = makePeriod(i.year, m);
    const seen = period <= i.asOf;
    const actual = seen ? filled.get(period) ?? 0 : null;
    if (actual !== null) cum += actual;
    const cumulative = seen ? cum : null;
    const executionRate = rate.compute({ ytdActual: cumulative, annualPlan: i.plan });
    const expected = profile[m - 1];
    out.push({
      period,
      actual,
      cumulative,
      executionRate,
      timeProgress: indicators.time_progress.compute({ asOfMonth: m }),
      seasonalProgress: expected,
      deviation: dev.compute({ ytdActual: cumulative, annualPlan: i.plan, asOfMonth: m }),
      seasonalDeviation: expected === null ? null : dev.compute({ ytdActual: cumulative, annualPlan: i.plan, asOfMonth: m, expectedProgress: expected }),
    });
  }
  return out;
}

/** Expected progress at the as-of month from the seasonal profile, falling back to 序时进度 without history. */
export function expectedProgressAt(values: PeriodValues, asOf: number, maxYears = SEASONAL_YEARS): { value: number | null; basis: 'seasonal' | 'time' } {
  const year = Math.floor(asOf / 100);
  // The profile's entry for the as-of month (seasonalProfile computes all twelve; the risk rules ask per month).
  const month = asOf % 100;
  const s = month >= 1 && month <= 12 ? seasonalProgress(fillMonths(values, year - 1), asOf, maxYears) : seasonalProfile(values, year, maxYears)[month - 1];
  if (s !== null) return { value: s, basis: 'seasonal' };
  return { value: indicators.time_progress.compute({ asOfMonth: asOf }), basis: 'time' };
}
