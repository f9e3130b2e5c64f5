/**
 * Ordinary least squares plus the robust covariance estimators used by the pooling-effect analysis:
 * Newey–West (HAC) for a single monthly series, cluster-robust by unit for panel DiD.
 */
import {
  type Matrix,
  type Vector,
  cholesky,
  choleskyInverse,
  choleskySolve,
  crossprod,
  crossprodVec,
  matVec,
  sandwich,
  scaleMatrix,
  zeros,
} from './linalg';

export interface OlsResult {
  coefficients: Vector;
  residuals: Vector;
  fitted: Vector;
  /** Classical (homoskedastic, independent errors) standard errors: sqrt(diag(σ² (X'X)⁻¹)). */
  se: Vector;
  /** Classical covariance σ² (X'X)⁻¹ with σ² = RSS / (n − p). */
  covariance: Matrix;
  /** (X'X)⁻¹ — the "bread" for the sandwich estimators. */
  xtxInv: Matrix;
  sigma2: number;
  rss: number;
  r2: number;
  n: number;
  p: number;
  dfResidual: number;
}

function checkDesign(X: Matrix, y: Vector): { n: number; p: number } {
  const n = X.length;
  if (n === 0) throw new Error('ols: empty design');
  const p = X[0].length;
  if (y.length !== n) throw new Error(`ols: X has ${n} rows but y has ${y.length}`);
  for (let i = 0; i < n; i++) {
    if (X[i].length !== p) throw new Error(`ols: row ${i} of X has ${X[i].length} columns, expected ${p}`);
    if (!Number.isFinite(y[i])) throw new Error(`ols: y[${i}] is not finite`);
    for (let j = 0; j < p; j++) if (!Number.isFinite(X[i][j])) throw new Error(`ols: X[${i}][${j}] is not finite`);
  }
  if (n <= p) throw new Error(`ols: need more observations (${n}) than parameters (${p})`);
  return { n, p };
}

/**
 * OLS fit. Throws SingularMatrixError (with the offending column named when `names` is given) if the
 * design is rank deficient.
 */
export function ols(X: Matrix, y: Vector, options: { names?: string[] } = {}): OlsResult {
  const { n, p } = checkDesign(X, y);
  const L = cholesky(crossprod(X), { names: options.names });
  const coefficients = choleskySolve(L, crossprodVec(X, y));
  const xtxInv = choleskyInverse(L);
  const fitted = matVec(X, coefficients);
  const residuals = y.map((v, i) => v - fitted[i]);
  const rss = residuals.reduce((s, e) => s + e * e, 0);
  const dfResidual = n - p;
  const sigma2 = rss / dfResidual;
  const covariance = scaleMatrix(xtxInv, sigma2);
  const ybar = y.reduce((s, v) => s + v, 0) / n;
  const tss = y.reduce((s, v) => s + (v - ybar) ** 2, 0);
  return {
    coefficients,
    residuals,
    fitted,
    se: covariance.map((row, j) => Math.sqrt(row[j])),
    covariance,
    xtxInv,
    sigma2,
    rss,
    r2: tss > 0 ? 1 - rss / tss : NaN,
    n,
    p,
    dfResidual,
  };
}

/**
 * Default Newey–West truncation lag: floor(4 (n/100)^(2/9)) — the Newey & West (1994) rule of thumb
 * (also the default in Stata/EViews-style software). For 5–10 years of monthly data this gives 3–4 lags,
 * enough for the short-memory autocorrelation left after modelling trend and seasonality. A lag of 12 is
 * sometimes used for monthly data but with < 10 years it makes the variance estimate itself very noisy;
 * pass `hacLag` explicitly if you want it.
 */
export function defaultHacLag(n: number): number {
  return Math.max(0, Math.floor(4 * Math.pow(n / 100, 2 / 9)));
}

/**
 * HAC "meat" Σ_l w_l Σ_t (s_t s_{t−l}' + s_{t−l} s_t') with Bartlett weights w_l = 1 − l/(lag+1)
 * (w_0 = 1, counted once). `scores` are the per-observation score rows (x_t e_t for OLS), in time order.
 */
export function hacMeat(scores: Matrix, lag: number): Matrix {
  const n = scores.length;
  const p = n === 0 ? 0 : scores[0].length;
  if (!(Number.isInteger(lag) && lag >= 0)) throw new Error(`HAC lag must be a non-negative integer (got ${lag})`);
  const S = zeros(p, p);
  const L = Math.min(lag, n - 1);
  for (let l = 0; l <= L; l++) {
    const w = l === 0 ? 1 : 1 - l / (lag + 1);
    for (let t = l; t < n; t++) {
      const a = scores[t];
      const b = scores[t - l];
      for (let j = 0; j < p; j++) {
        if (a[j] === 0 && b[j] === 0) continue;
        const Sj = S[j];
        for (let k = 0; k < p; k++) {
          // Γ_l + Γ_l' for l > 0, Γ_0 once.
          Sj[k] += l === 0 ? w * a[j] * a[k] : w * (a[j] * b[k] + b[j] * a[k]);
        }
      }
    }
  }
  return S;
}

/**
 * Newey–West HAC covariance of OLS coefficients: (X'X)⁻¹ S (X'X)⁻¹ with Bartlett-weighted S.
 * Rows of X and residuals must be in time order (gaps are treated as adjacent).
 * `smallSample` (default true) multiplies by n/(n−p), as Stata's `newey` does; it matters with ~100 points.
 */
export function neweyWest(
  X: Matrix,
  residuals: Vector,
  lag?: number,
  options: { xtxInv?: Matrix; smallSample?: boolean } = {},
): Matrix {
  const n = X.length;
  const p = n === 0 ? 0 : X[0].length;
  if (residuals.length !== n) throw new Error('neweyWest: residuals length does not match X');
  const L = lag ?? defaultHacLag(n);
  const bread = options.xtxInv ?? choleskyInverse(cholesky(crossprod(X)));
  const scores = X.map((row, i) => row.map((v) => v * residuals[i]));
  const V = sandwich(bread, hacMeat(scores, L));
  return options.smallSample === false ? V : scaleMatrix(V, n / (n - p));
}

/**
 * Cluster-robust (CR1) covariance: (X'X)⁻¹ [Σ_g X_g' e_g e_g' X_g] (X'X)⁻¹ · G/(G−1) · (N−1)/(N−K).
 *
 * `rows`: return only the covariance block of these coefficients (default: all).
 * `absorbedParams`: parameters for fixed effects nested within clusters (e.g. unit dummies when clustering
 * by unit). They are not counted in K, following Stata's xtreg/reghdfe convention — counting them would
 * inflate the SEs for no reason because they cannot soak up between-cluster variation.
 */
export function clusterRobust(
  X: Matrix,
  residuals: Vector,
  clusters: ReadonlyArray<string | number>,
  options: { xtxInv?: Matrix; absorbedParams?: number; rows?: number[] } = {},
): { covariance: Matrix; nClusters: number } {
  const n = X.length;
  const p = n === 0 ? 0 : X[0].length;
  if (residuals.length !== n || clusters.length !== n) throw new Error('clusterRobust: length mismatch');
  const sums = new Map<string | number, Vector>();
  for (let i = 0; i < n; i++) {
    let s = sums.get(clusters[i]);
    if (!s) {
      s = new Array<number>(p).fill(0);
      sums.set(clusters[i], s);
    }
    const e = residuals[i];
    const xi = X[i];
    for (let j = 0; j < p; j++) s[j] += xi[j] * e;
  }
  const G = sums.size;
  if (G < 2) throw new Error('clusterRobust: need at least 2 clusters');
  const bread = options.xtxInv ?? choleskyInverse(cholesky(crossprod(X)));
  // Only the requested block of the covariance: with many fixed-effect dummies that is far cheaper.
  const rows = options.rows ?? bread.map((_, j) => j);
  const q = rows.length;
  const cov = zeros(q, q);
  for (const s of sums.values()) {
    const u = rows.map((r) => {
      const b = bread[r];
      let acc = 0;
      for (let j = 0; j < p; j++) acc += b[j] * s[j];
      return acc;
    });
    for (let a = 0; a < q; a++) for (let c = 0; c < q; c++) cov[a][c] += u[a] * u[c];
  }
  const K = p - (options.absorbedParams ?? 0);
  const factor = (G / (G - 1)) * ((n - 1) / (n - K));
  return { covariance: scaleMatrix(cov, factor), nClusters: G };
}

export interface PraisWinstenResult {
  coefficients: Vector;
  /** Covariance from the transformed (whitened) regression. */
  covariance: Matrix;
  se: Vector;
  /** Estimated AR(1) coefficient of the errors. */
  rho: number;
  /** X b on the original scale. */
  fitted: Vector;
  /** y − X b on the original scale (still autocorrelated). */
  residuals: Vector;
  /** Whitened residuals (≈ white noise if AR(1) is adequate). */
  innovations: Vector;
  /** n − p − 1: one df spent on ρ. */
  dfResidual: number;
  iterations: number;
  converged: boolean;
}

/**
 * Prais–Winsten feasible GLS with AR(1) errors, iterated to convergence of ρ (ρ from the original-scale
 * residuals, Σ e_t e_{t−1} / Σ e_{t−1}², as Stata's `prais`). The first observation is kept, scaled by
 * sqrt(1 − ρ²). An alternative to OLS + Newey–West for short autocorrelated series, where Newey–West
 * intervals are known to be too narrow; ρ̂ is itself biased towards 0 in short series, so some
 * under-coverage remains.
 */
export function praisWinsten(
  X: Matrix,
  y: Vector,
  options: { maxIter?: number; tol?: number; names?: string[] } = {},
): PraisWinstenResult {
  const n = X.length;
  const maxIter = options.maxIter ?? 100;
  const tol = options.tol ?? 1e-8;
  let fit = ols(X, y, { names: options.names });
  let rho = 0;
  let converged = false;
  let iterations = 0;
  for (let it = 1; it <= maxIter; it++) {
    iterations = it;
    const fitted = matVec(X, fit.coefficients);
    const e = y.map((v, i) => v - fitted[i]);
    let num = 0;
    let den = 0;
    for (let t = 1; t < n; t++) {
      num += e[t] * e[t - 1];
      den += e[t - 1] * e[t - 1];
    }
    const r = Math.max(-0.99, Math.min(0.99, den > 0 ? num / den : 0));
    const c = Math.sqrt(1 - r * r);
    const Xs = X.map((row, t) => (t === 0 ? row.map((v) => v * c) : row.map((v, j) => v - r * X[t - 1][j])));
    const ys = y.map((v, t) => (t === 0 ? v * c : v - r * y[t - 1]));
    fit = ols(Xs, ys, { names: options.names });
    const change = Math.abs(r - rho);
    rho = r;
    if (change < tol) {
      converged = true;
      break;
    }
  }
  const p = fit.p;
  const dfResidual = n - p - 1;
  // Re-scale σ² to the df that accounts for ρ.
  const covariance = scaleMatrix(fit.xtxInv, fit.rss / dfResidual);
  const fitted = matVec(X, fit.coefficients);
  return {
    coefficients: fit.coefficients,
    covariance,
    se: covariance.map((row, j) => Math.sqrt(row[j])),
    rho,
    fitted,
    residuals: y.map((v, i) => v - fitted[i]),
    innovations: fit.residuals,
    dfResidual,
    iterations,
    converged,
  };
}
