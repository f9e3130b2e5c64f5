// Projection of the accumulated balance. Pure and dependency-free so the what-if panel can run it in
// the browser.
//
// Model: each future month = the annual level of the last 12 months × that calendar month's share of a
// year (seasonal profile, averaged over recent complete years) × (1 + annual growth) for every year ahead:
//   x(T+k) = L · s(month of T+k) · (1 + g)^ceil(k/12)
// so the 12 months after T total L·(1+g), the next 12 L·(1+g)², and so on. Income and expense each have
// their own level, profile and growth; balance(T+k) = balance(T+k−1) + income − expense.
// Scenarios come from the spread of recent growth: the rolling 12-month growth rate measured at each of
// the last `window` months. Central: the medians. Low (悲观): the lowest income growth with the highest
// expense growth. High (乐观): the reverse.
import { addMonths, periodMonth, trailing12, trailing12Growth } from '../indicators/compute';
import { median } from './stats';

export type MonthlySeries = ReadonlyMap<number, number>;

/** Seasonal profile: share of each calendar month (index 0 = January) in a year's total; sums to 1. */
export type Profile = readonly number[];

export const FLAT_PROFILE: Profile = Array.from({ length: 12 }, () => 1 / 12);

/**
 * Average share of each calendar month in the annual total, over the last `years` complete calendar
 * years ending at or before `lastPeriod` (years with a missing month or a non-positive total are skipped).
 * null when no year qualifies.
 */
export function seasonalProfile(values: MonthlySeries, lastPeriod: number, years = 3): Profile | null {
  const lastFullYear = periodMonth(lastPeriod) === 12 ? Math.floor(lastPeriod / 100) : Math.floor(lastPeriod / 100) - 1;
  const sums = new Array<number>(12).fill(0);
  let used = 0;
  for (let y = lastFullYear; y > lastFullYear - years; y--) {
    const months = Array.from({ length: 12 }, (_, i) => values.get(y * 100 + i + 1));
    if (months.some((v) => v === undefined || !Number.isFinite(v))) continue;
    const total = (months as number[]).reduce((a, b) => a + b, 0);
    if (total <= 0) continue;
    months.forEach((v, i) => (sums[i] += (v as number) / total));
    used++;
  }
  if (used === 0) return null;
  const profile = sums.map((s) => s / used);
  const norm = profile.reduce((a, b) => a + b, 0);
  return profile.map((s) => s / norm);
}

export interface GrowthSpread {
  central: number;
  low: number;
  high: number;
  /** the rolling 12-month growth rates the spread was taken from, oldest first */
  samples: { period: number; growth: number }[];
}

/** Rolling 12-month growth at each of the last `window` months; null when none can be computed. */
export function growthSpread(values: MonthlySeries, lastPeriod: number, window = 24): GrowthSpread | null {
  const samples: { period: number; growth: number }[] = [];
  for (let k = window - 1; k >= 0; k--) {
    const p = addMonths(lastPeriod, -k);
    const g = trailing12Growth(values, p);
    if (g !== null) samples.push({ period: p, growth: g });
  }
  if (samples.length === 0) return null;
  const gs = samples.map((s) => s.growth);
  return { central: median(gs)!, low: Math.min(...gs), high: Math.max(...gs), samples };
}

export interface ProjectionBase {
  /** the last month with data */
  lastPeriod: number;
  /** accumulated balance at the end of lastPeriod */
  balance: number;
  /** income and expense of the 12 months ending at lastPeriod */
  incomeLevel: number;
  expenseLevel: number;
  incomeProfile: Profile;
  expenseProfile: Profile;
}

export interface Growth {
  /** annual growth of fund income (contributions and subsidies) */
  income: number;
  /** annual growth of fund expense */
  expense: number;
}

export interface ProjectionPoint {
  period: number;
  income: number;
  expense: number;
  balance: number;
  /** 累计结余可支付月数 on the projected figures (balance ÷ trailing-12 expense × 12) */
  monthsOfReserve: number | null;
}

export interface Projection {
  growth: Growth;
  points: ProjectionPoint[];
  /** first month the balance is at or below zero, null within the horizon */
  exhaustedAt: number | null;
  /** months from lastPeriod to exhaustedAt */
  monthsUntilExhausted: number | null;
}

/** Projects `horizon` months ahead at the given growth. */
export function projectBalance(base: ProjectionBase, growth: Growth, horizon = 120, pastExpense?: MonthlySeries): Projection {
  const points: ProjectionPoint[] = [];
  let balance = base.balance;
  let exhaustedAt: number | null = null;
  let monthsUntil: number | null = null;
  // trailing-12 expense for months of reserve: start from the actual last 12 months when given
  const window: number[] = [];
  for (let k = 11; k >= 0; k--) {
    const v = pastExpense?.get(addMonths(base.lastPeriod, -k));
    window.push(v ?? base.expenseLevel / 12);
  }
  for (let k = 1; k <= horizon; k++) {
    const period = addMonths(base.lastPeriod, k);
    const m = periodMonth(period) - 1;
    const years = Math.ceil(k / 12);
    const income = base.incomeLevel * base.incomeProfile[m] * Math.pow(1 + growth.income, years);
    const expense = base.expenseLevel * base.expenseProfile[m] * Math.pow(1 + growth.expense, years);
    balance += income - expense;
    window.shift();
    window.push(expense);
    const t12 = window.reduce((a, b) => a + b, 0);
    points.push({ period, income, expense, balance, monthsOfReserve: t12 > 0 ? balance / (t12 / 12) : null });
    if (exhaustedAt === null && balance <= 0) {
      exhaustedAt = period;
      monthsUntil = k;
    }
  }
  return { growth, points, exhaustedAt, monthsUntilExhausted: monthsUntil };
}

export interface ScenarioSet {
  base: ProjectionBase;
  incomeSpread: GrowthSpread;
  expenseSpread: GrowthSpread;
  low: Projection;
  central: Projection;
  high: Projection;
}

/** Builds the base from monthly history and runs the three scenarios. null without 24 months of history. */
export function projectScenarios(
  history: { income: MonthlySeries; expense: MonthlySeries; balance: MonthlySeries },
  lastPeriod: number,
  opts: { horizon?: number; window?: number; profileYears?: number } = {},
): ScenarioSet | null {
  const balance = history.balance.get(lastPeriod);
  const incomeLevel = trailing12(history.income, lastPeriod);
  const expenseLevel = trailing12(history.expense, lastPeriod);
  const incomeSpread = growthSpread(history.income, lastPeriod, opts.window ?? 24);
  const expenseSpread = growthSpread(history.expense, lastPeriod, opts.window ?? 24);
  if (balance === undefined || incomeLevel === null || expenseLevel === null || !incomeSpread || !expenseSpread) return null;
  const base: ProjectionBase = {
    lastPeriod, balance, incomeLevel, expenseLevel,
    incomeProfile: seasonalProfile(history.income, lastPeriod, opts.profileYears ?? 3) ?? FLAT_PROFILE,
    expenseProfile: seasonalProfile(history.expense, lastPeriod, opts.profileYears ?? 3) ?? FLAT_PROFILE,
  };
  const h = opts.horizon ?? 120;
  return {
    base, incomeSpread, expenseSpread,
    low: projectBalance(base, { income: incomeSpread.low, expense: expenseSpread.high }, h, history.expense),
    central: projectBalance(base, { income: incomeSpread.central, expense: expenseSpread.central }, h, history.expense),
    high: projectBalance(base, { income: incomeSpread.high, expense: expenseSpread.low }, h, history.expense),
  };
}
