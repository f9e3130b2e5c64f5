// From simulated paths to what leadership asks (基金可持续性): percentile bands of the balance and of
// 累计结余可支付月数, the probability of falling below 3 and 6 months within 12 and 24 months, the depletion
// month with its interval, the share of expense payable from income after depletion, and a short-range
// adequacy test in the Trustees' manner (reserves ≥ 3 months in each of the next 24 months).
// 可支付月数 is always the registry's formula (lib/indicators: months_of_reserve), never recomputed here.
import { indicators } from '../../indicators/registry';
import type { Simulation } from './simulate';

export const BAND_LEVELS = [0.025, 0.1, 0.5, 0.9, 0.975] as const;

export interface BandPoint {
  period: number;
  /** 2.5%, 10%, 50%, 90%, 97.5% percentiles across paths */
  p025: number;
  p10: number;
  p50: number;
  p90: number;
  p975: number;
}

/** Monthly multipliers of the central income and expense (a policy lever), length = horizon; 1 = unchanged. */
export interface Adjustment {
  income?: ArrayLike<number>;
  expense?: ArrayLike<number>;
}

export interface AdequacyTest {
  /** months ahead examined */
  horizon: number;
  /** minimum 可支付月数 required in each month */
  threshold: number;
  pass: boolean;
  /** first month on the central path below the threshold, null when none */
  firstFailing: number | null;
  /** lowest 可支付月数 on the central path within the horizon */
  lowest: number | null;
}

export interface CentralPath {
  periods: number[];
  income: number[];
  expense: number[];
  balance: number[];
  monthsOfReserve: (number | null)[];
  /** first month with balance ≤ 0, null within the horizon */
  depletion: number | null;
}

export interface SustainabilitySummary {
  lastPeriod: number;
  paths: number;
  horizon: number;
  seed: number;
  balance: BandPoint[];
  monthsOfReserve: BandPoint[];
  /** P(可支付月数 < 3 or < 6 in at least one month) within the next 12 and 24 months, 0..1 */
  probBelow: { below3: { within12: number; within24: number }; below6: { within12: number; within24: number } };
  depletion: {
    /** share of paths whose balance reaches zero within the horizon, 0..1 */
    probWithinHorizon: number;
    /** percentiles of the depletion month across paths; null = beyond the horizon */
    median: number | null;
    p10: number | null;
    p90: number | null;
    p025: number | null;
    p975: number | null;
    /** median over depleted paths of (income ÷ expense) in the 12 months after depletion, 0..1+; null when no path depletes */
    payableShareAfter: number | null;
  };
  central: CentralPath;
  adequacy: AdequacyTest;
}

function pick(sorted: Float64Array, q: number): number {
  // type 7 (R default), as lib/risk/stats.quantile
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  const a = sorted[lo];
  const b = sorted[hi];
  if (!Number.isFinite(a) || !Number.isFinite(b)) return h - lo < 0.5 || a === b ? a : b;
  return a + (h - lo) * (b - a);
}

function bandOf(period: number, col: Float64Array): BandPoint {
  col.sort();
  return { period, p025: pick(col, 0.025), p10: pick(col, 0.1), p50: pick(col, 0.5), p90: pick(col, 0.9), p975: pick(col, 0.975) };
}

const mor = (balance: number, t12: number) => indicators.months_of_reserve.compute({ accumulatedBalance: balance, trailing12Expense: t12 });

/** The central path (every multiplier 1) with an adjustment; the adequacy test is applied to it. */
export function centralPath(sim: Simulation, adj: Adjustment = {}): CentralPath {
  const H = sim.horizon;
  const win = sim.pastExpense.slice();
  let t12 = win.reduce((a, b) => a + b, 0);
  let b = sim.balance;
  const out: CentralPath = { periods: sim.periods, income: [], expense: [], balance: [], monthsOfReserve: [], depletion: null };
  for (let k = 0; k < H; k++) {
    const inc = sim.income[k] * (adj.income?.[k] ?? 1);
    const exp = sim.expense[k] * (adj.expense?.[k] ?? 1);
    b += inc - exp;
    t12 += exp - win[k % 12];
    win[k % 12] = exp;
    out.income.push(inc);
    out.expense.push(exp);
    out.balance.push(b);
    out.monthsOfReserve.push(mor(b, t12));
    if (out.depletion === null && b <= 0) out.depletion = sim.periods[k];
  }
  return out;
}

/** Trustees-style short-range test on the central path: 可支付月数 ≥ threshold in each of the next `horizon` months. */
export function adequacyTest(path: CentralPath, horizon = 24, threshold = 3): AdequacyTest {
  let firstFailing: number | null = null;
  let lowest: number | null = null;
  for (let k = 0; k < Math.min(horizon, path.periods.length); k++) {
    const m = path.monthsOfReserve[k];
    if (m === null) continue;
    if (lowest === null || m < lowest) lowest = m;
    if (firstFailing === null && m < threshold) firstFailing = path.periods[k];
  }
  return { horizon, threshold, pass: firstFailing === null && lowest !== null, firstFailing, lowest };
}

/**
 * Summarises the simulated paths, optionally under a policy adjustment. Pure; O(paths × horizon).
 * `adequacy` sets the test (default 3 months over 24 months).
 */
export function summarize(sim: Simulation, adj: Adjustment = {}, adequacy: { horizon?: number; threshold?: number } = {}): SustainabilitySummary {
  const { paths: P, horizon: H } = sim;
  const balance = new Float64Array(P * H);
  const months = new Float64Array(P * H);
  const depletionK = new Float64Array(P);
  const payable: number[] = [];
  let b3_12 = 0, b3_24 = 0, b6_12 = 0, b6_24 = 0, depleted = 0;
  const ci = Float64Array.from({ length: H }, (_, k) => sim.income[k] * (adj.income?.[k] ?? 1));
  const ce = Float64Array.from({ length: H }, (_, k) => sim.expense[k] * (adj.expense?.[k] ?? 1));
  const inc = new Float64Array(H);
  const exp = new Float64Array(H);
  const win = new Float64Array(12);
  for (let j = 0; j < P; j++) {
    for (let i = 0; i < 12; i++) win[i] = sim.pastExpense[i];
    let t12 = sim.pastExpense.reduce((a, x) => a + x, 0);
    let b = sim.balance;
    let min12 = Infinity, min24 = Infinity;
    let dk = -1;
    for (let k = 0; k < H; k++) {
      inc[k] = ci[k] * sim.incomeMult[j * H + k];
      exp[k] = ce[k] * sim.expenseMult[j * H + k];
      b += inc[k] - exp[k];
      t12 += exp[k] - win[k % 12];
      win[k % 12] = exp[k];
      const m = mor(b, t12);
      balance[j * H + k] = b;
      months[j * H + k] = m ?? NaN;
      if (m !== null) {
        if (k < 12 && m < min12) min12 = m;
        if (k < 24 && m < min24) min24 = m;
      }
      if (dk < 0 && b <= 0) dk = k;
    }
    if (min12 < 3) b3_12++;
    if (min24 < 3) b3_24++;
    if (min12 < 6) b6_12++;
    if (min24 < 6) b6_24++;
    depletionK[j] = dk < 0 ? Infinity : dk;
    if (dk >= 0) {
      depleted++;
      let si = 0, se = 0;
      for (let k = dk + 1; k < Math.min(H, dk + 13); k++) {
        si += inc[k];
        se += exp[k];
      }
      if (se > 0) payable.push(si / se);
    }
  }
  const col = new Float64Array(P);
  const balanceBands: BandPoint[] = [];
  const monthBands: BandPoint[] = [];
  for (let k = 0; k < H; k++) {
    for (let j = 0; j < P; j++) col[j] = balance[j * H + k];
    balanceBands.push(bandOf(sim.periods[k], col));
    for (let j = 0; j < P; j++) col[j] = months[j * H + k];
    monthBands.push(bandOf(sim.periods[k], col));
  }
  depletionK.sort();
  const dq = (q: number): number | null => {
    const h = Math.round((P - 1) * q); // a month, not an interpolation between months
    const k = depletionK[h];
    return Number.isFinite(k) ? sim.periods[k] : null;
  };
  payable.sort((a, c) => a - c);
  const central = centralPath(sim, adj);
  return {
    lastPeriod: sim.lastPeriod,
    paths: P,
    horizon: H,
    seed: sim.seed,
    balance: balanceBands,
    monthsOfReserve: monthBands,
    probBelow: { below3: { within12: b3_12 / P, within24: b3_24 / P }, below6: { within12: b6_12 / P, within24: b6_24 / P } },
    depletion: {
      probWithinHorizon: depleted / P,
      median: dq(0.5), p10: dq(0.1), p90: dq(0.9), p025: dq(0.025), p975: dq(0.975),
      payableShareAfter: payable.length ? payable[payable.length >> 1] : null,
    },
    central,
    adequacy: adequacyTest(central, adequacy.horizon, adequacy.threshold),
  };
}

/**
 * P(可支付月数 < threshold in at least one of the next `within` months), 0..1, over the simulated paths
 * (no policy adjustment). The risk rule `reserve_shortfall_probability` reads this.
 */
export function probabilityBelow(sim: Simulation, threshold: number, within: number): number {
  const { paths: P, horizon: H } = sim;
  const K = Math.min(within, H);
  let hit = 0;
  const win = new Float64Array(12);
  for (let j = 0; j < P; j++) {
    for (let i = 0; i < 12; i++) win[i] = sim.pastExpense[i];
    let t12 = sim.pastExpense.reduce((a, x) => a + x, 0);
    let b = sim.balance;
    for (let k = 0; k < K; k++) {
      const e = sim.expense[k] * sim.expenseMult[j * H + k];
      b += sim.income[k] * sim.incomeMult[j * H + k] - e;
      t12 += e - win[k % 12];
      win[k % 12] = e;
      const m = mor(b, t12);
      if (m !== null && m < threshold) {
        hit++;
        break;
      }
    }
  }
  return hit / P;
}
