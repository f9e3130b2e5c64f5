/** Turning a coefficient and its covariance into reported estimates, intervals and tests. */
import { chiSquareSf, fSf, normalQuantile, normalTwoSidedP, tQuantile, tTwoSidedP } from './distributions';
import { type Matrix, type Vector, cholesky, choleskySolve, subMatrix } from './linalg';

export interface Estimate {
  estimate: number;
  se: number;
  ciLow: number;
  ciHigh: number;
  /** Two-sided p-value for H0: estimate = 0. */
  p: number;
}

/** Reference distribution for Wald intervals: normal, or Student t with `df` degrees of freedom. */
export type ReferenceDistribution = { kind: 'normal' } | { kind: 't'; df: number };

export function criticalValue(level: number, dist: ReferenceDistribution): number {
  if (!(level > 0 && level < 1)) throw new Error(`Confidence level must be in (0, 1) (got ${level})`);
  const pr = 1 - (1 - level) / 2;
  return dist.kind === 'normal' ? normalQuantile(pr) : tQuantile(pr, dist.df);
}

export function makeEstimate(estimate: number, se: number, level: number, dist: ReferenceDistribution): Estimate {
  const q = criticalValue(level, dist);
  const z = estimate / se;
  return {
    estimate,
    se,
    ciLow: estimate - q * se,
    ciHigh: estimate + q * se,
    p: se > 0 ? (dist.kind === 'normal' ? normalTwoSidedP(z) : tTwoSidedP(z, dist.df)) : NaN,
  };
}

export interface WaldTest {
  /** Wald χ² statistic b' V⁻¹ b on the tested coefficients. */
  statistic: number;
  df: number;
  /** P(χ²_df > statistic). */
  p: number;
  /** statistic / df, referred to F(df, dfDenominator) when a denominator df is given (few clusters). */
  fStatistic: number;
  dfDenominator: number | null;
  pF: number | null;
}

/** Joint Wald test that the coefficients at `indices` are all zero. Throws if their covariance is singular. */
export function waldTest(
  coefficients: Vector,
  covariance: Matrix,
  indices: number[],
  dfDenominator?: number,
): WaldTest {
  if (indices.length === 0) throw new Error('waldTest: no coefficients to test');
  const b = indices.map((i) => coefficients[i]);
  const V = subMatrix(covariance, indices);
  const L = cholesky(V, { tol: 1e-12 });
  const x = choleskySolve(L, b);
  const statistic = b.reduce((s, v, i) => s + v * x[i], 0);
  const df = indices.length;
  const fStatistic = statistic / df;
  return {
    statistic,
    df,
    p: chiSquareSf(statistic, df),
    fStatistic,
    dfDenominator: dfDenominator ?? null,
    pF: dfDenominator !== undefined && dfDenominator > 0 ? fSf(fStatistic, df, dfDenominator) : null,
  };
}
