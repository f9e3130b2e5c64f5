/**
 * Small dense linear algebra for the regression code (designs of up to a few hundred columns).
 * Everything is pure: inputs are never mutated, results are fresh arrays.
 *
 * Least squares goes through the normal equations X'X b = X'y solved by Cholesky. That squares the
 * condition number, which is fine for our designs (dummies, month counters ≤ a few hundred, harmonics
 * in [−1, 1]); what matters more is that exact collinearity is detected and reported clearly rather than
 * producing garbage, which the pivot check below does.
 */

export type Matrix = number[][];
export type Vector = number[];

/** Thrown when a design (or covariance) matrix is singular or not positive definite. */
export class SingularMatrixError extends Error {
  /** Index of the first column found to be (nearly) a linear combination of the earlier ones. */
  readonly column: number;
  constructor(message: string, column: number) {
    super(message);
    this.name = 'SingularMatrixError';
    this.column = column;
  }
}

export function zeros(rows: number, cols: number): Matrix {
  return Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
}

export function identity(n: number): Matrix {
  const I = zeros(n, n);
  for (let i = 0; i < n; i++) I[i][i] = 1;
  return I;
}

export function transpose(A: Matrix): Matrix {
  const r = A.length;
  const c = r === 0 ? 0 : A[0].length;
  const T = zeros(c, r);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) T[j][i] = A[i][j];
  return T;
}

export function matMul(A: Matrix, B: Matrix): Matrix {
  const n = A.length;
  const m = B.length;
  const p = m === 0 ? 0 : B[0].length;
  if (n > 0 && A[0].length !== m) throw new Error(`matMul: shape mismatch ${n}x${A[0].length} · ${m}x${p}`);
  const C = zeros(n, p);
  for (let i = 0; i < n; i++) {
    const Ai = A[i];
    const Ci = C[i];
    for (let k = 0; k < m; k++) {
      const a = Ai[k];
      if (a === 0) continue; // dummies make many entries zero
      const Bk = B[k];
      for (let j = 0; j < p; j++) Ci[j] += a * Bk[j];
    }
  }
  return C;
}

export function matVec(A: Matrix, x: Vector): Vector {
  return A.map((row) => {
    if (row.length !== x.length) throw new Error(`matVec: shape mismatch (${row.length} vs ${x.length})`);
    let s = 0;
    for (let j = 0; j < row.length; j++) s += row[j] * x[j];
    return s;
  });
}

export function dot(a: Vector, b: Vector): number {
  if (a.length !== b.length) throw new Error('dot: length mismatch');
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** X' diag(w) X (w defaults to ones). Only the upper triangle is accumulated, then mirrored. */
export function crossprod(X: Matrix, w?: Vector): Matrix {
  const n = X.length;
  const p = n === 0 ? 0 : X[0].length;
  const A = zeros(p, p);
  for (let i = 0; i < n; i++) {
    const xi = X[i];
    const wi = w ? w[i] : 1;
    for (let j = 0; j < p; j++) {
      const a = xi[j] * wi;
      if (a === 0) continue;
      const Aj = A[j];
      for (let k = j; k < p; k++) Aj[k] += a * xi[k];
    }
  }
  for (let j = 0; j < p; j++) for (let k = 0; k < j; k++) A[j][k] = A[k][j];
  return A;
}

/** X' diag(w) y. */
export function crossprodVec(X: Matrix, y: Vector, w?: Vector): Vector {
  const n = X.length;
  const p = n === 0 ? 0 : X[0].length;
  const b = new Array<number>(p).fill(0);
  for (let i = 0; i < n; i++) {
    const a = y[i] * (w ? w[i] : 1);
    if (a === 0) continue;
    const xi = X[i];
    for (let j = 0; j < p; j++) b[j] += xi[j] * a;
  }
  return b;
}

/**
 * Cholesky factor L (lower triangular, A = L L') of a symmetric positive (semi)definite matrix.
 * A column whose remaining pivot falls below `tol` times its original diagonal is (numerically) a linear
 * combination of the previous columns: we throw instead of silently continuing, naming the column.
 */
export function cholesky(A: Matrix, options: { tol?: number; names?: string[] } = {}): Matrix {
  const n = A.length;
  const tol = options.tol ?? 1e-10;
  const L = zeros(n, n);
  for (let j = 0; j < n; j++) {
    if (A[j].length !== n) throw new Error('cholesky: matrix is not square');
    let d = A[j][j];
    const Lj = L[j];
    for (let k = 0; k < j; k++) d -= Lj[k] * Lj[k];
    const label = options.names?.[j] ? `"${options.names[j]}"` : `#${j}`;
    if (!(A[j][j] > 0) || !Number.isFinite(d)) {
      throw new SingularMatrixError(
        `Singular design: column ${label} is identically zero (or the matrix is not positive definite)`,
        j,
      );
    }
    if (d <= tol * A[j][j]) {
      throw new SingularMatrixError(
        `Singular design: column ${label} is (nearly) a linear combination of the preceding columns ` +
          `(e.g. no variance, or collinear with the intercept / fixed effects)`,
        j,
      );
    }
    const ljj = Math.sqrt(d);
    Lj[j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = A[i][j];
      const Li = L[i];
      for (let k = 0; k < j; k++) s -= Li[k] * Lj[k];
      Li[j] = s / ljj;
    }
  }
  return L;
}

/** Solve (L L') x = b given the Cholesky factor L. */
export function choleskySolve(L: Matrix, b: Vector): Vector {
  const n = L.length;
  const z = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= L[i][k] * z[k];
    z[i] = s / L[i][i];
  }
  const x = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = z[i];
    for (let k = i + 1; k < n; k++) s -= L[k][i] * x[k];
    x[i] = s / L[i][i];
  }
  return x;
}

/** (L L')^{-1} from the Cholesky factor, via inv(L)' inv(L). */
export function choleskyInverse(L: Matrix): Matrix {
  const n = L.length;
  // Linv: lower triangular inverse of L by forward substitution, column by column.
  const Linv = zeros(n, n);
  for (let j = 0; j < n; j++) {
    Linv[j][j] = 1 / L[j][j];
    for (let i = j + 1; i < n; i++) {
      let s = 0;
      for (let k = j; k < i; k++) s -= L[i][k] * Linv[k][j];
      Linv[i][j] = s / L[i][i];
    }
  }
  const inv = zeros(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = i; k < n; k++) s += Linv[k][i] * Linv[k][j];
      inv[i][j] = s;
      inv[j][i] = s;
    }
  }
  return inv;
}

/** Inverse of a symmetric positive definite matrix (throws SingularMatrixError otherwise). */
export function symInverse(A: Matrix, options: { tol?: number; names?: string[] } = {}): Matrix {
  return choleskyInverse(cholesky(A, options));
}

/** B A B' for symmetric A — the sandwich form. */
export function sandwich(bread: Matrix, meat: Matrix): Matrix {
  const M = matMul(matMul(bread, meat), transpose(bread));
  // Symmetrise to remove rounding asymmetry.
  const n = M.length;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < i; j++) {
      const v = (M[i][j] + M[j][i]) / 2;
      M[i][j] = v;
      M[j][i] = v;
    }
  return M;
}

export function scaleMatrix(A: Matrix, s: number): Matrix {
  return A.map((row) => row.map((v) => v * s));
}

/** Sub-matrix on the given row/column indices (same set for both). */
export function subMatrix(A: Matrix, idx: number[]): Matrix {
  return idx.map((i) => idx.map((j) => A[i][j]));
}
