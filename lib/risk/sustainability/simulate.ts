// Stochastic projection of a fund's accumulated balance (基金可持续性): several thousand simulated paths
// around the deterministic central projection of lib/risk/projection.ts, in the manner of the Social
// Security and Medicare Trustees' stochastic projections (percentile bands with parameter uncertainty).
//
// Model, per series (fund income, fund expense), on the log of the last `fitMonths` monthly values:
//   ln x_t = a + b·t + season(month of t) + r_t                  (OLS: trend + 11 month dummies)
// The residuals r_t keep the spread and autocorrelation of the shocks. One simulated path:
//   1. a moving-block bootstrap (circular blocks of `blockLength` months, the same blocks for income and
//      expense so their co-movement is kept) draws residuals for a pseudo-history and a pseudo-future;
//   2. the deterministic projection (level of the last 12 months × seasonal profile × median rolling
//      growth, exactly as projection.ts) is re-estimated on the pseudo-history — this is where the
//      uncertainty of the fitted level, season and growth enters;
//   3. the path's forecast error e_k = pseudo-future_k ÷ re-estimated projection_k, divided by the same
//      ratio on the noise-free fitted series (e0_k: the projection's own structure, e.g. growth applied in
//      whole years, is the central assumption, not an error), multiplies the real central projection:
//        X_k = D_k · e_k / e0_k.
// On a series without shocks every e_k = e0_k, so every path — and the median — is the deterministic
// projection. The bootstrap of forecast errors follows Thombs & Schucany (1990, JASA 85:486) and the
// block bootstrap Künsch (1989, Ann. Stat. 17:1217).
import { addMonths, periodMonth } from '../../indicators/compute';
import { ols } from '../../analysis/ols';
import { mulberry32 } from '../../analysis/random';
import { projectScenarios, type MonthlySeries, type ProjectionBase } from '../projection';

export interface SimulationOptions {
  /** simulated paths (default 4000) */
  paths?: number;
  /** months ahead (default 60) */
  horizon?: number;
  /** seed of the generator: the same inputs and seed give the same figures */
  seed?: number;
  /** months of history the shock model is fitted on (default 96, fewer when fewer exist; at least 36 are
   *  needed). The coverage test (simulate.test.ts) holds at 96 months; with 48 the 80% band covered ~69%. */
  fitMonths?: number;
  /** block length of the residual bootstrap, months (default 6) */
  blockLength?: number;
}

export const DEFAULT_SIMULATION = { paths: 4000, horizon: 60, seed: 20_170_101, fitMonths: 96, blockLength: 6 } as const;

export interface Simulation {
  lastPeriod: number;
  /** accumulated balance at the end of lastPeriod, 元 */
  balance: number;
  base: ProjectionBase;
  /** central annual growth of income and expense (median rolling 12-month growth, projection.ts) */
  growth: { income: number; expense: number };
  /** the projected months, length horizon */
  periods: number[];
  /** the deterministic central projection of monthly income and expense, 元 (length horizon) */
  income: number[];
  expense: number[];
  /** expense of the 12 months up to lastPeriod, oldest first, 元 (seeds 可支付月数) */
  pastExpense: number[];
  /** path j month k multiplier at [j·horizon + k]: simulated value = central value × multiplier */
  incomeMult: Float64Array;
  expenseMult: Float64Array;
  paths: number;
  horizon: number;
  seed: number;
  fitMonths: number;
  blockLength: number;
  /** standard deviation of the log residuals (monthly shock size); 0 when the series had a non-positive month */
  residualSd: { income: number; expense: number };
  /** the annual growth re-estimated on each path's pseudo-history (parameter uncertainty); NaN without shocks */
  growthDraws: { income: Float64Array; expense: Float64Array };
}

/** Calendar month (1..12) of the i-th of n months whose last has calendar month `lastMonth`. */
function monthAt(i: number, n: number, lastMonth: number): number {
  return ((((lastMonth - 1 - (n - 1 - i)) % 12) + 12) % 12) + 1;
}

function sum(v: ArrayLike<number>, from: number, to: number): number {
  let s = 0;
  for (let i = from; i <= to; i++) s += v[i];
  return s;
}

function medianOf(xs: number[]): number {
  xs.sort((a, b) => a - b);
  const m = xs.length >> 1;
  return xs.length % 2 ? xs[m] : (xs[m - 1] + xs[m]) / 2;
}

/**
 * The deterministic projection of one series on a plain array of n consecutive months (the same rules as
 * projection.ts on a map: level = last 12 months; profile = mean share of each calendar month over the
 * last ≤3 complete years, flat when none; growth = median rolling 12-month growth at each of the last 24
 * months that have 24 months of data). Writes horizon values into `out`; returns the annual growth used,
 * NaN when the level or the growth cannot be computed.
 */
export function deterministicPath(v: ArrayLike<number>, n: number, lastMonth: number, horizon: number, out: Float64Array | number[]): number {
  if (n < 24) return NaN;
  const level = sum(v, n - 12, n - 1);
  const profile = new Array<number>(12).fill(0);
  let used = 0;
  const lastYearEnd = lastMonth === 12 ? n - 1 : n - 1 - lastMonth;
  for (let y = 0; y < 3; y++) {
    const e = lastYearEnd - 12 * y;
    const s = e - 11;
    if (s < 0) break;
    const total = sum(v, s, e);
    if (!(total > 0)) continue;
    for (let i = s; i <= e; i++) profile[monthAt(i, n, lastMonth) - 1] += v[i] / total;
    used++;
  }
  if (used === 0) profile.fill(1 / 12);
  else {
    const norm = profile.reduce((a, b) => a + b, 0);
    for (let m = 0; m < 12; m++) profile[m] /= norm;
  }
  const gs: number[] = [];
  for (let k = 23; k >= 0; k--) {
    const p = n - 1 - k;
    if (p - 23 < 0) continue;
    const prev = sum(v, p - 23, p - 12);
    if (!(prev > 0)) continue;
    gs.push(sum(v, p - 11, p) / prev - 1);
  }
  if (gs.length === 0) return NaN;
  const g = medianOf(gs);
  for (let k = 1; k <= horizon; k++) {
    const m = ((lastMonth - 1 + k) % 12) + 1;
    out[k - 1] = level * profile[m - 1] * Math.pow(1 + g, Math.ceil(k / 12));
  }
  return g;
}

interface ShockModel {
  fitted: number[]; // ŷ over the window (log)
  future: number[]; // ŷ over the horizon (log)
  residuals: number[];
  sd: number;
}

/** OLS of the log series on trend + month dummies; null when a month is not positive (no log). */
function fitShocks(v: number[], lastMonth: number, horizon: number): ShockModel | null {
  const n = v.length;
  if (v.some((x) => !(x > 0))) return null;
  const row = (t: number, month: number) => {
    const r = [1, t / 12];
    for (let m = 2; m <= 12; m++) r.push(month === m ? 1 : 0);
    return r;
  };
  const X = v.map((_, i) => row(i, monthAt(i, n, lastMonth)));
  const fit = ols(X, v.map(Math.log));
  const beta = fit.coefficients;
  const future: number[] = [];
  for (let k = 1; k <= horizon; k++) {
    const r = row(n - 1 + k, ((lastMonth - 1 + k) % 12) + 1);
    future.push(r.reduce((s, x, j) => s + x * beta[j], 0));
  }
  const sd = Math.sqrt(fit.residuals.reduce((s, e) => s + e * e, 0) / Math.max(1, n - beta.length));
  // A series that is already an exact trend × season leaves rounding-level residuals: treat as none so
  // the deterministic case is exactly deterministic.
  // OLS residuals are smaller than the shocks (they sum to n − p degrees of freedom, not n): rescaled by
  // √(n / (n − p)) before resampling (Stine 1987, JASA 82:1072), or the bands come out too narrow.
  const inflate = Math.sqrt(n / (n - beta.length));
  const residuals = sd < 1e-9 ? fit.residuals.map(() => 0) : fit.residuals.map((e) => e * inflate);
  return { fitted: fit.fitted, future, residuals, sd: sd < 1e-9 ? 0 : sd };
}

/** Contiguous values ending at lastPeriod (up to `max` months), oldest first. */
function window(series: MonthlySeries, lastPeriod: number, max: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < max; k++) {
    const v = series.get(addMonths(lastPeriod, -k));
    if (v === undefined || !Number.isFinite(v)) break;
    out.push(v);
  }
  return out.reverse();
}

/**
 * Runs the simulation. Returns null when the deterministic projection cannot be made (fewer than 24
 * months of income/expense or no balance at lastPeriod) — the same condition as projectScenarios.
 * Throws when fewer than 36 contiguous months end at lastPeriod (no seasonal shock model possible).
 * Income and expense in 元; the balance in 元.
 */
export function simulateFund(
  history: { income: MonthlySeries; expense: MonthlySeries; balance: MonthlySeries },
  lastPeriod: number,
  options: SimulationOptions = {},
): Simulation | null {
  const o = { ...DEFAULT_SIMULATION, ...options };
  const H = o.horizon;
  const s = projectScenarios(history, lastPeriod, { horizon: H });
  if (!s) return null;
  const central = s.central;
  const income = central.points.map((p) => p.income);
  const expense = central.points.map((p) => p.expense);
  const pastExpense: number[] = [];
  for (let k = 11; k >= 0; k--) pastExpense.push(history.expense.get(addMonths(lastPeriod, -k)) ?? s.base.expenseLevel / 12);

  const lastMonth = periodMonth(lastPeriod);
  const vi = window(history.income, lastPeriod, o.fitMonths);
  const ve = window(history.expense, lastPeriod, o.fitMonths);
  const W = Math.min(vi.length, ve.length);
  if (W < 36) throw new Error(`simulateFund: 需要截至${lastPeriod}连续至少36个月的收支数据（实有${W}个月）`);
  const series = [vi.slice(-W), ve.slice(-W)];
  const models = series.map((v) => fitShocks(v, lastMonth, H));

  const P = o.paths;
  const mults = [new Float64Array(P * H), new Float64Array(P * H)];
  // e0: forecast error of the deterministic projection on the noise-free fitted series
  const e0 = models.map((m) => {
    if (!m) return null;
    const x0 = m.fitted.map(Math.exp);
    const d0 = new Float64Array(H);
    if (Number.isNaN(deterministicPath(x0, W, lastMonth, H, d0))) return null;
    return m.future.map((f, k) => Math.exp(f) / d0[k]);
  });
  const growthDraws = [new Float64Array(P).fill(NaN), new Float64Array(P).fill(NaN)];
  const rand = mulberry32(o.seed);
  const idx = new Int32Array(W + H);
  const pseudo = new Float64Array(W);
  const d = new Float64Array(H);
  const B = Math.max(1, Math.min(o.blockLength, W));
  for (let j = 0; j < P; j++) {
    // blocks start at a random phase so the history/future boundary falls inside a block as often as in reality
    for (let i = -Math.floor(rand() * B); i < W + H; i += B) {
      const start = Math.floor(rand() * W);
      for (let b = 0; b < B && i + b < W + H; b++) if (i + b >= 0) idx[i + b] = (start + b) % W;
    }
    for (let sI = 0; sI < 2; sI++) {
      const m = models[sI];
      const e0s = e0[sI];
      const out = mults[sI];
      if (!m || !e0s) {
        out.fill(1, j * H, (j + 1) * H);
        continue;
      }
      for (let i = 0; i < W; i++) pseudo[i] = Math.exp(m.fitted[i] + m.residuals[idx[i]]);
      const g = deterministicPath(pseudo, W, lastMonth, H, d);
      growthDraws[sI][j] = g;
      if (Number.isNaN(g)) {
        out.fill(1, j * H, (j + 1) * H);
        continue;
      }
      for (let k = 0; k < H; k++) {
        const future = Math.exp(m.future[k] + m.residuals[idx[W + k]]);
        out[j * H + k] = future / d[k] / e0s[k];
      }
    }
  }
  return {
    lastPeriod,
    balance: s.base.balance,
    base: s.base,
    growth: central.growth,
    periods: central.points.map((p) => p.period),
    income,
    expense,
    pastExpense,
    incomeMult: mults[0],
    expenseMult: mults[1],
    paths: P,
    horizon: H,
    seed: o.seed,
    fitMonths: W,
    blockLength: B,
    residualSd: { income: models[0]?.sd ?? 0, expense: models[1]?.sd ?? 0 },
    growthDraws: { income: growthDraws[0], expense: growthDraws[1] },
  };
}
