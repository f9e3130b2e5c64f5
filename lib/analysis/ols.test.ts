import { describe, expect, it } from 'vitest';
import { SingularMatrixError } from './linalg';
import { clusterRobust, defaultHacLag, neweyWest, ols, praisWinsten } from './ols';
import { ar1, mulberry32, normalGenerator } from './random';

function simulated(n: number, seed: number) {
  const normal = normalGenerator(mulberry32(seed));
  const X = Array.from({ length: n }, (_, i) => [1, i / 10, normal()]);
  const y = X.map((r) => 2 + 0.5 * r[1] - 1.5 * r[2] + normal());
  return { X, y };
}

describe('ols', () => {
  it('recovers an exact linear relation', () => {
    const X = [
      [1, 0],
      [1, 1],
      [1, 2],
      [1, 3],
    ];
    const fit = ols(X, [1, 3, 5, 7]);
    expect(fit.coefficients[0]).toBeCloseTo(1, 12);
    expect(fit.coefficients[1]).toBeCloseTo(2, 12);
    expect(fit.rss).toBeCloseTo(0, 20);
    expect(fit.r2).toBeCloseTo(1, 12);
  });

  it('matches the closed form of simple regression, including the classical SE', () => {
    const x = [1, 2, 3, 4, 5, 6];
    const y = [2.1, 3.9, 6.2, 7.8, 10.1, 12.2];
    const fit = ols(
      x.map((v) => [1, v]),
      y,
    );
    const n = x.length;
    const mx = x.reduce((s, v) => s + v, 0) / n;
    const my = y.reduce((s, v) => s + v, 0) / n;
    const sxx = x.reduce((s, v) => s + (v - mx) ** 2, 0);
    const b1 = x.reduce((s, v, i) => s + (v - mx) * (y[i] - my), 0) / sxx;
    expect(fit.coefficients[1]).toBeCloseTo(b1, 12);
    expect(fit.coefficients[0]).toBeCloseTo(my - b1 * mx, 12);
    const s2 = y.reduce((s, v, i) => s + (v - (my - b1 * mx) - b1 * x[i]) ** 2, 0) / (n - 2);
    expect(fit.se[1]).toBeCloseTo(Math.sqrt(s2 / sxx), 12);
    expect(fit.dfResidual).toBe(4);
  });

  it('throws a clear error on a column without variance', () => {
    const X = [
      [1, 5, 1],
      [1, 5, 2],
      [1, 5, 3],
      [1, 5, 4],
    ];
    expect(() => ols(X, [1, 2, 3, 5], { names: ['intercept', 'flat', 'x'] })).toThrow(SingularMatrixError);
    expect(() => ols(X, [1, 2, 3, 5], { names: ['intercept', 'flat', 'x'] })).toThrow(/"flat"/);
    expect(() => ols([[1], [1]], [1])).toThrow(/rows/);
    expect(() => ols([[1, 2]], [1])).toThrow(/more observations/);
  });
});

describe('robust covariances', () => {
  it('default HAC lag rule floor(4 (n/100)^(2/9))', () => {
    expect(defaultHacLag(96)).toBe(3);
    expect(defaultHacLag(60)).toBe(3);
    expect(defaultHacLag(120)).toBe(4);
    expect(defaultHacLag(1000)).toBe(6);
  });

  it('Newey–West for an intercept-only model equals the Bartlett long-run variance of the mean', () => {
    const normal = normalGenerator(mulberry32(7));
    const y = ar1(200, 0.6, 1, normal);
    const X = y.map(() => [1]);
    const fit = ols(X, y);
    const e = fit.residuals;
    const n = e.length;
    const lag = 5;
    let s = 0;
    for (let l = -lag; l <= lag; l++) {
      const w = 1 - Math.abs(l) / (lag + 1);
      for (let t = Math.abs(l); t < n; t++) s += w * e[t] * e[t - Math.abs(l)];
    }
    const naive = s / (n * n);
    expect(neweyWest(X, e, lag, { smallSample: false })[0][0]).toBeCloseTo(naive, 14);
    expect(neweyWest(X, e, lag)[0][0]).toBeCloseTo((naive * n) / (n - 1), 14);
  });

  it('lag-0 Newey–West (HC1) equals cluster-robust with singleton clusters', () => {
    const { X, y } = simulated(80, 3);
    const fit = ols(X, y);
    const hc1 = neweyWest(X, fit.residuals, 0);
    const cr = clusterRobust(
      X,
      fit.residuals,
      X.map((_, i) => i),
    ).covariance;
    hc1.forEach((row, i) => row.forEach((v, j) => expect(cr[i][j]).toBeCloseTo(v, 14)));
  });

  it('cluster-robust: block selection and small-sample factor', () => {
    const { X, y } = simulated(60, 11);
    const fit = ols(X, y);
    const clusters = X.map((_, i) => `g${i % 6}`);
    const full = clusterRobust(X, fit.residuals, clusters);
    const block = clusterRobust(X, fit.residuals, clusters, { rows: [2, 1] });
    expect(full.nClusters).toBe(6);
    expect(block.covariance[0][0]).toBeCloseTo(full.covariance[2][2], 14);
    expect(block.covariance[0][1]).toBeCloseTo(full.covariance[2][1], 14);
    // Absorbed (nested) parameters are not counted in K.
    const absorbed = clusterRobust(X, fit.residuals, clusters, { absorbedParams: 1 });
    expect(absorbed.covariance[1][1] / full.covariance[1][1]).toBeCloseTo((60 - 3) / (60 - 2), 12);
    expect(() => clusterRobust(X, fit.residuals, X.map(() => 'one'))).toThrow(/2 clusters/);
  });

  it('Prais–Winsten recovers the AR(1) coefficient and the regression coefficients', () => {
    const normal = normalGenerator(mulberry32(99));
    const n = 2000;
    const e = ar1(n, 0.6, 1, normal);
    const X = Array.from({ length: n }, (_, t) => [1, Math.sin(t / 7)]);
    const y = X.map((r, t) => 1 + 2 * r[1] + e[t]);
    const fit = praisWinsten(X, y);
    expect(fit.converged).toBe(true);
    expect(fit.rho).toBeGreaterThan(0.55);
    expect(fit.rho).toBeLessThan(0.65);
    expect(Math.abs(fit.coefficients[1] - 2)).toBeLessThan(3 * fit.se[1]);
    expect(fit.dfResidual).toBe(n - 3);
  });
});
