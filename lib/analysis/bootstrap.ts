/**
 * Wild cluster restricted (WCR) bootstrap for Wald tests of OLS coefficients — the standard remedy when
 * there are few clusters (a city has ~10 counties), where CR1 + χ² (or even F) tests over-reject
 * (Cameron, Gelbach & Miller 2008; Roodman et al. 2019 "boottest"). Webb's six-point weights because with
 * fewer than ~12 clusters Rademacher weights allow too few distinct draws (Webb 2014).
 *
 * H0 (tested coefficients = 0) is imposed: the bootstrap samples are y* = ỹ + ũ·v_g from the restricted fit,
 * one weight v_g per cluster. Everything is linear in v, so each replicate costs O(G²q), not a refit:
 *   β*_R = Σ_g v_g a_g,                  a_g = [(X'X)⁻¹X_g'ũ_g]_R
 *   score_h* = Σ_g v_g (δ_gh a_g − P_h w_g),   P_h = [(X'X)⁻¹]_R X_h'X_h,  w_g = (X'X)⁻¹X_g'ũ_g
 */
import { type Matrix, type Vector, cholesky, choleskyInverse, choleskySolve, crossprod, crossprodVec, matVec } from './linalg';
import { ols } from './ols';
import { mulberry32 } from './random';

export interface BootstrapWaldResult {
  /** Wald statistic on the original data with the CR0 covariance (no small-sample factor; it cancels in p). */
  statistic: number;
  /** Bootstrap p-value: share of replicates with W* ≥ W. */
  p: number;
  replications: number;
  weights: 'webb' | 'rademacher';
}

const WEBB = [-Math.sqrt(1.5), -1, -Math.sqrt(0.5), Math.sqrt(0.5), 1, Math.sqrt(1.5)];

function quadFormInv(V: Matrix, b: Vector): number {
  const L = cholesky(V, { tol: 1e-12 });
  const x = choleskySolve(L, b);
  return b.reduce((s, v, i) => s + v * x[i], 0);
}

/**
 * WCR bootstrap p-value for H0: β_j = 0 for all j in `testCols` (joint), with clusters given per row.
 * Deterministic for a given `seed`.
 */
export function wildClusterBootstrapWald(
  X: Matrix,
  y: Vector,
  clusters: ReadonlyArray<string | number>,
  testCols: number[],
  options: { replications?: number; seed?: number; weights?: 'webb' | 'rademacher'; xtxInv?: Matrix } = {},
): BootstrapWaldResult {
  const p = X[0].length;
  const q = testCols.length;
  if (q === 0) throw new Error('wildClusterBootstrapWald: nothing to test');
  const B = options.replications ?? 9999;
  const weightsKind = options.weights ?? 'webb';
  const bread = options.xtxInv ?? choleskyInverse(cholesky(crossprod(X)));
  const R = testCols.map((c) => bread[c]); // q × p rows of (X'X)⁻¹

  // Cluster membership in first-appearance order (deterministic for a given input).
  const gIndex = new Map<string | number, number>();
  const members: number[][] = [];
  clusters.forEach((c, i) => {
    let g = gIndex.get(c);
    if (g === undefined) {
      g = members.length;
      gIndex.set(c, g);
      members.push([]);
    }
    members[g].push(i);
  });
  const G = members.length;
  if (G < 2) throw new Error('wildClusterBootstrapWald: need at least 2 clusters');

  const rowsTimes = (M: Matrix, v: Vector) => M.map((r) => r.reduce((s, x, j) => s + x * v[j], 0));
  const clusterXtv = (g: number, v: Vector) => {
    const s = new Array<number>(p).fill(0);
    for (const i of members[g]) {
      const e = v[i];
      if (e === 0) continue;
      const xi = X[i];
      for (let j = 0; j < p; j++) s[j] += xi[j] * e;
    }
    return s;
  };

  // Original Wald statistic (CR1 factor omitted: it cancels between W and W*).
  const beta = matVec(bread, crossprodVec(X, y));
  const fitted = matVec(X, beta);
  const e = y.map((v, i) => v - fitted[i]);
  const uOrig = members.map((_, g) => rowsTimes(R, clusterXtv(g, e)));
  const Vorig = Array.from({ length: q }, (_, a) =>
    Array.from({ length: q }, (_, b) => uOrig.reduce((s, u) => s + u[a] * u[b], 0)),
  );
  const bR = testCols.map((c) => beta[c]);
  const statistic = quadFormInv(Vorig, bR);

  // Restricted fit (tested columns dropped).
  const keep = Array.from({ length: p }, (_, j) => j).filter((j) => !testCols.includes(j));
  const Xr = X.map((row) => keep.map((j) => row[j]));
  const ur = ols(Xr, y).residuals;

  const a: Vector[] = [];
  const w: Vector[] = [];
  for (let g = 0; g < G; g++) {
    const s = clusterXtv(g, ur);
    w.push(rowsTimes(bread, s));
    a.push(rowsTimes(R, s));
  }
  // P_h = R X_h'X_h  (q × p)
  const P: Matrix[] = members.map((rows) => {
    const Ph = Array.from({ length: q }, () => new Array<number>(p).fill(0));
    for (const i of rows) {
      const xi = X[i];
      const z = rowsTimes(R, xi);
      for (let k = 0; k < q; k++) {
        if (z[k] === 0) continue;
        for (let j = 0; j < p; j++) Ph[k][j] += z[k] * xi[j];
      }
    }
    return Ph;
  });
  // K[h][g] = δ_gh a_g − P_h w_g
  const K: Vector[][] = members.map((_, h) =>
    members.map((__, g) => {
      const pw = rowsTimes(P[h], w[g]);
      return pw.map((v, k) => (g === h ? a[g][k] : 0) - v);
    }),
  );

  const rand = mulberry32(options.seed ?? 20240101);
  let exceed = 0;
  const v = new Array<number>(G);
  for (let b = 0; b < B; b++) {
    for (let g = 0; g < G; g++) {
      v[g] = weightsKind === 'webb' ? WEBB[Math.floor(rand() * 6)] : rand() < 0.5 ? -1 : 1;
    }
    const bStar = new Array<number>(q).fill(0);
    for (let g = 0; g < G; g++) for (let k = 0; k < q; k++) bStar[k] += v[g] * a[g][k];
    const V = Array.from({ length: q }, () => new Array<number>(q).fill(0));
    for (let h = 0; h < G; h++) {
      const u = new Array<number>(q).fill(0);
      for (let g = 0; g < G; g++) {
        const Khg = K[h][g];
        for (let k = 0; k < q; k++) u[k] += v[g] * Khg[k];
      }
      for (let r = 0; r < q; r++) for (let c = 0; c < q; c++) V[r][c] += u[r] * u[c];
    }
    let Wstar: number;
    try {
      Wstar = quadFormInv(V, bStar);
    } catch {
      Wstar = Infinity; // degenerate draw: count it as extreme (conservative)
    }
    if (Wstar >= statistic) exceed++;
  }
  return { statistic, p: exceed / B, replications: B, weights: weightsKind };
}
