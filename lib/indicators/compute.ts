// Pure numeric helpers used by the indicator definitions. No I/O, no dates from the clock.
// Periods are calendar months as integers YYYYMM (202403), as in prisma/schema.base.prisma.

import { shiftPeriod } from '../dates';
import type { MaybeNumber } from './types';

/** A finite number (not null/undefined/NaN/±Infinity). */
export function isNum(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

/** num ÷ den; null when either is missing or den is 0. */
export function safeRatio(num: MaybeNumber, den: MaybeNumber): number | null {
  if (!isNum(num) || !isNum(den) || den === 0) return null;
  return num / den;
}

/** a − b; null when either is missing. */
export function safeDiff(a: MaybeNumber, b: MaybeNumber): number | null {
  if (!isNum(a) || !isNum(b)) return null;
  return a - b;
}

/** Sum of all values; null when any is missing (a partial sum would silently understate). */
export function safeSum(...values: MaybeNumber[]): number | null {
  let total = 0;
  for (const v of values) {
    if (!isNum(v)) return null;
    total += v;
  }
  return total;
}

/**
 * current ÷ previous − 1. null when either is missing or previous <= 0:
 * growth on a zero or negative base (e.g. a balance that was in deficit) has no meaning.
 */
export function growthRate(current: MaybeNumber, previous: MaybeNumber): number | null {
  if (!isNum(current) || !isNum(previous) || previous <= 0) return null;
  return current / previous - 1;
}

/**
 * How an amount changed against the year before, by the one rule every page uses: a growth rate on a
 * positive base; on a zero or negative base (a deficit year) the change as an amount (current − previous),
 * since a percentage of a negative base reads backwards (−15.09 → −29.06亿 is not "−92.6%").
 * null when either side is missing.
 */
export function changeOf(current: MaybeNumber, previous: MaybeNumber): { kind: 'rate' | 'amount'; value: number } | null {
  if (!isNum(current) || !isNum(previous)) return null;
  return previous > 0 ? { kind: 'rate', value: current / previous - 1 } : { kind: 'amount', value: current - previous };
}

// ───────────────────────── periods ─────────────────────────

/** A YYYYMM integer with month 1..12 (years 1900..2999). */
export function isValidPeriod(period: unknown): period is number {
  if (!isNum(period) || !Number.isInteger(period)) return false;
  const year = Math.floor(period / 100);
  const month = period % 100;
  return year >= 1900 && year <= 2999 && month >= 1 && month <= 12;
}

function assertPeriod(period: number): void {
  if (!isValidPeriod(period)) throw new Error(`无效的期间 ${period}：应为 YYYYMM 格式的整数，例如 202403`);
}

export function periodYear(period: number): number {
  assertPeriod(period);
  return Math.floor(period / 100);
}

export function periodMonth(period: number): number {
  assertPeriod(period);
  return period % 100;
}

export function makePeriod(year: number, month: number): number {
  const p = year * 100 + month;
  assertPeriod(p);
  return p;
}

/** Shift a period by n months (n may be negative): addMonths(202401, -1) = 202312. */
export function addMonths(period: number, n: number): number {
  assertPeriod(period);
  return shiftPeriod(period, n);
}

/** Same month one year earlier: 202403 → 202303. */
export function previousYearPeriod(period: number): number {
  return addMonths(period, -12);
}

/** All periods from `from` to `to` inclusive, in order ([] when from > to). */
export function periodRange(from: number, to: number): number[] {
  assertPeriod(from);
  assertPeriod(to);
  const out: number[] = [];
  for (let p = from; p <= to; p = addMonths(p, 1)) out.push(p);
  return out;
}

/**
 * Months elapsed in the budget year at the end of the as-of month: 202403 → 3.
 * Also accepts a bare month 1..12. null for anything else (missing or malformed).
 */
export function monthsElapsed(asOfPeriod: MaybeNumber): number | null {
  if (!isNum(asOfPeriod) || !Number.isInteger(asOfPeriod)) return null;
  if (asOfPeriod >= 1 && asOfPeriod <= 12) return asOfPeriod;
  if (!isValidPeriod(asOfPeriod)) return null;
  return asOfPeriod % 100;
}

/** 序时进度 = months elapsed ÷ 12 (202403 → 0.25). */
export function timeProgress(asOfPeriod: MaybeNumber): number | null {
  const m = monthsElapsed(asOfPeriod);
  return m === null ? null : m / 12;
}

// ───────────────────────── monthly series ─────────────────────────

/** Monthly values keyed by YYYYMM: a Map, a plain record, or rows of {period, value}. */
export type PeriodValues =
  | ReadonlyMap<number, MaybeNumber>
  | Readonly<Record<number, MaybeNumber>>
  | ReadonlyArray<{ period: number; value: MaybeNumber }>;

/**
 * Normalise any PeriodValues into a Map. Later rows win when an array repeats a period. A Map is returned
 * as is, read-only: copying it on every trailing sum dominated the risk evaluation (lib/risk).
 */
export function toPeriodMap(values: PeriodValues): ReadonlyMap<number, MaybeNumber> {
  if (values instanceof Map) return values;
  if (Array.isArray(values)) {
    const m = new Map<number, MaybeNumber>();
    for (const row of values as ReadonlyArray<{ period: number; value: MaybeNumber }>) m.set(row.period, row.value);
    return m;
  }
  const m = new Map<number, MaybeNumber>();
  for (const [k, v] of Object.entries(values as Record<string, MaybeNumber>)) m.set(Number(k), v);
  return m;
}

/** Sum over the given periods; null if any of them is missing (strict: no partial windows). */
export function sumPeriods(values: PeriodValues, periods: readonly number[]): number | null {
  const m = toPeriodMap(values);
  return safeSum(...periods.map((p) => m.get(p)));
}

/** Sum of the n months ending at asOfPeriod (inclusive); null if any month is missing. */
export function trailingSum(values: PeriodValues, asOfPeriod: number, n: number): number | null {
  if (!Number.isInteger(n) || n < 1) throw new Error(`trailingSum: n 应为正整数，收到 ${n}`);
  return sumPeriods(values, periodRange(addMonths(asOfPeriod, -(n - 1)), asOfPeriod));
}

/** Sum of the 12 months ending at asOfPeriod (滚动12个月); null if any month is missing. */
export function trailing12(values: PeriodValues, asOfPeriod: number): number | null {
  return trailingSum(values, asOfPeriod, 12);
}

/** Growth of the trailing-12 sum on the trailing-12 sum a year earlier (滚动12个月同比增速). */
export function trailing12Growth(values: PeriodValues, asOfPeriod: number): number | null {
  return growthRate(trailing12(values, asOfPeriod), trailing12(values, previousYearPeriod(asOfPeriod)));
}

/** Year-to-date sum: January of the as-of year through the as-of month; null if any month is missing. */
export function ytdSum(values: PeriodValues, asOfPeriod: number): number | null {
  return sumPeriods(values, periodRange(makePeriod(periodYear(asOfPeriod), 1), asOfPeriod));
}

/**
 * Seasonal progress: the average share of a full year's total reached by the as-of month, over the
 * complete earlier years in `values` (at most `maxYears`, most recent first). An alternative to
 * 序时进度 for items with a strong seasonal profile.
 * null when no earlier year is complete or has a positive total.
 */
export function seasonalProgress(values: PeriodValues, asOfPeriod: number, maxYears = 3): number | null {
  const m = toPeriodMap(values);
  const month = periodMonth(asOfPeriod);
  const shares: number[] = [];
  for (let y = periodYear(asOfPeriod) - 1; y >= 1900 && shares.length < maxYears; y--) {
    const months = periodRange(makePeriod(y, 1), makePeriod(y, 12));
    if (!months.some((p) => m.has(p))) {
      // stop at the first year with no data at all: the series has started
      break;
    }
    const annual = sumPeriods(m, months);
    const ytd = sumPeriods(m, months.slice(0, month));
    const share = annual !== null && annual > 0 ? safeRatio(ytd, annual) : null;
    if (share !== null) shares.push(share);
  }
  if (shares.length === 0) return null;
  return shares.reduce((a, b) => a + b, 0) / shares.length;
}

// ───────────────────────── domain formulas ─────────────────────────

/**
 * 累计结余可支付月数 = accumulated balance ÷ (trailing-12-month expense ÷ 12).
 * null when either is missing or the trailing expense is not positive.
 * A negative balance gives negative months (the fund is already in deficit).
 */
export function monthsOfReserve(accumulatedBalance: MaybeNumber, trailing12Expense: MaybeNumber): number | null {
  if (!isNum(trailing12Expense) || trailing12Expense <= 0) return null;
  return safeRatio(accumulatedBalance, trailing12Expense / 12);
}

/** 执行偏差 = year-to-date actual ÷ annual plan − 序时进度 (in percentage points as a fraction). */
export function executionDeviation(ytdActual: MaybeNumber, annualPlan: MaybeNumber, asOfPeriod: MaybeNumber): number | null {
  return safeDiff(safeRatio(ytdActual, annualPlan), timeProgress(asOfPeriod));
}
