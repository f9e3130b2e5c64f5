/**
 * Poisson GLM (log link) by iteratively reweighted least squares, with quasi-Poisson dispersion.
 * Mirrors R's glm(family = quasipoisson): same starting values (μ = y + 0.1), same convergence rule on
 * the deviance, dispersion = Pearson χ² / (n − p), covariance = dispersion · (X'WX)⁻¹.
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
} from './linalg';
import { defaultHacLag, hacMeat } from './ols';

export interface PoissonGlmResult {
  coefficients: Vector;
  /** Quasi-Poisson standard errors: sqrt(dispersion · diag((X'WX)⁻¹)). */
  se: Vector;
  /** Plain Poisson standard errors (dispersion fixed at 1). */
  sePoisson: Vector;
  /** dispersion · (X'WX)⁻¹ */
  covariance: Matrix;
  /** (X'WX)⁻¹ at the solution — the bread for sandwich estimators. */
  covarianceUnscaled: Matrix;
  /** Pearson χ² / (n − p). */
  dispersion: number;
  pearsonChi2: number;
  deviance: number;
  /** Fitted means μ (response scale, offset included). */
  fitted: Vector;
  /** η = Xβ + offset. */
  linearPredictor: Vector;
  pearsonResiduals: Vector;
  n: number;
  p: number;
  dfResidual: number;
  iterations: number;
  converged: boolean;
}

function poissonDeviance(y: Vector, mu: Vector): number {
  let d = 0;
  for (let i = 0; i < y.length; i++) {
    // y log(y/μ) → 0 as y → 0.
    d += 2 * ((y[i] > 0 ? y[i] * Math.log(y[i] / mu[i]) : 0) - (y[i] - mu[i]));
  }
  return d;
}

export function poissonGlm(
  X: Matrix,
  y: Vector,
  offset?: Vector,
  options: { maxIter?: number; tol?: number; names?: string[] } = {},
): PoissonGlmResult {
  const n = X.length;
  if (n === 0) throw new Error('poissonGlm: empty design');
  const p = X[0].length;
  if (y.length !== n) throw new Error(`poissonGlm: X has ${n} rows but y has ${y.length}`);
  if (offset && offset.length !== n) throw new Error('poissonGlm: offset length does not match X');
  for (let i = 0; i < n; i++) {
    if (!(Number.isFinite(y[i]) && y[i] >= 0)) throw new Error(`poissonGlm: y[${i}] must be a finite count ≥ 0`);
    if (offset && !Number.isFinite(offset[i])) throw new Error(`poissonGlm: offset[${i}] is not finite`);
    if (X[i].length !== p) throw new Error(`poissonGlm: row ${i} of X has ${X[i].length} columns, expected ${p}`);
  }
  if (n <= p) throw new Error(`poissonGlm: need more observations (${n}) than parameters (${p})`);
  const off = offset ?? new Array<number>(n).fill(0);
  const maxIter = options.maxIter ?? 50;
  const tol = options.tol ?? 1e-10;

  let mu = y.map((v) => v + 0.1);
  let eta = mu.map((m) => Math.log(m));
  let dev = poissonDeviance(y, mu);
  let beta: Vector = new Array<number>(p).fill(0);
  let converged = false;
  let iterations = 0;

  for (let it = 1; it <= maxIter; it++) {
    iterations = it;
    // Working response and weights for the log link: z = η − offset + (y − μ)/μ, w = μ.
    const z = eta.map((e, i) => e - off[i] + (y[i] - mu[i]) / mu[i]);
    const L = cholesky(crossprod(X, mu), { names: options.names });
    let newBeta = choleskySolve(L, crossprodVec(X, z, mu));
    let newEta = matVec(X, newBeta).map((v, i) => v + off[i]);
    let newMu = newEta.map((e) => Math.exp(e));
    let newDev = poissonDeviance(y, newMu);
    // Step halving if the step overshoots (non-finite or clearly increased deviance — not rounding noise near a
    // perfect fit), a safeguard R applies only to non-finite values.
    const overshoot = (d: number) => !Number.isFinite(d) || d > dev + 1e-6 * (Math.abs(dev) + 1);
    for (let h = 0; h < 30 && overshoot(newDev) && it > 1; h++) {
      newBeta = newBeta.map((b, j) => (b + beta[j]) / 2);
      newEta = matVec(X, newBeta).map((v, i) => v + off[i]);
      newMu = newEta.map((e) => Math.exp(e));
      newDev = poissonDeviance(y, newMu);
    }
    if (!Number.isFinite(newDev)) throw new Error('poissonGlm: IRLS diverged (non-finite deviance)');
    const change = Math.abs(newDev - dev) / (Math.abs(newDev) + 0.1);
    // R stops on the deviance alone; also requiring a negligible coefficient step costs one more (quadratically
    // convergent) iteration and makes the coefficients accurate to ~1e-10 rather than ~sqrt(tol).
    const step = Math.max(...newBeta.map((b, j) => Math.abs(b - beta[j]) / (Math.abs(b) + 0.1)));
    beta = newBeta;
    eta = newEta;
    mu = newMu;
    dev = newDev;
    if (change < tol && step < 1e-8) {
      converged = true;
      break;
    }
  }

  const covarianceUnscaled = choleskyInverse(cholesky(crossprod(X, mu), { names: options.names }));
  const pearsonResiduals = y.map((v, i) => (v - mu[i]) / Math.sqrt(mu[i]));
  const pearsonChi2 = pearsonResiduals.reduce((s, r) => s + r * r, 0);
  const dfResidual = n - p;
  const dispersion = pearsonChi2 / dfResidual;
  const covariance = scaleMatrix(covarianceUnscaled, dispersion);
  return {
    coefficients: beta,
    se: covariance.map((row, j) => Math.sqrt(row[j])),
    sePoisson: covarianceUnscaled.map((row, j) => Math.sqrt(row[j])),
    covariance,
    covarianceUnscaled,
    dispersion,
    pearsonChi2,
    deviance: dev,
    fitted: mu,
    linearPredictor: eta,
    pearsonResiduals,
    n,
    p,
    dfResidual,
    iterations,
    converged,
  };
}

/**
 * HAC (Newey–West, Bartlett) sandwich covariance for a Poisson/quasi-Poisson fit with rows in time order:
 * (X'WX)⁻¹ [Σ Bartlett-weighted autocovariances of x_t (y_t − μ_t)] (X'WX)⁻¹, times n/(n−p) by default.
 * Robust to both overdispersion and residual autocorrelation, so no dispersion factor is applied.
 */
export function poissonHac(
  X: Matrix,
  fit: Pick<PoissonGlmResult, 'fitted' | 'covarianceUnscaled'>,
  y: Vector,
  lag?: number,
  options: { smallSample?: boolean } = {},
): Matrix {
  const n = X.length;
  const p = n === 0 ? 0 : X[0].length;
  const scores = X.map((row, i) => row.map((v) => v * (y[i] - fit.fitted[i])));
  const V = sandwich(fit.covarianceUnscaled, hacMeat(scores, lag ?? defaultHacLag(n)));
  return options.smallSample === false ? V : scaleMatrix(V, n / (n - p));
}
