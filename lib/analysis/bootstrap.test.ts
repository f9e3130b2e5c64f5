import { describe, expect, it } from 'vitest';
import { wildClusterBootstrapWald } from './bootstrap';
import { ols } from './ols';
import { mulberry32, normalGenerator } from './random';

function data(seed: number, effect: number) {
  const normal = normalGenerator(mulberry32(seed));
  const G = 5;
  const X: number[][] = [];
  const y: number[] = [];
  const clusters: string[] = [];
  for (let g = 0; g < G; g++) {
    const ug = normal();
    for (let i = 0; i < 8; i++) {
      const x1 = normal();
      const x2 = normal() + 0.3 * g;
      X.push([1, x1, x2]);
      y.push(1 + 0.5 * x1 + effect * x2 + ug + normal());
      clusters.push(`c${g}`);
    }
  }
  return { X, y, clusters };
}

const WEBB = [-Math.sqrt(1.5), -1, -Math.sqrt(0.5), Math.sqrt(0.5), 1, Math.sqrt(1.5)];

function cr0Wald(X: number[][], y: number[], clusters: string[], col: number): number {
  const fit = ols(X, y);
  const groups = [...new Set(clusters)];
  let v = 0;
  for (const g of groups) {
    let s = 0;
    X.forEach((row, i) => {
      if (clusters[i] !== g) return;
      s += row.reduce((acc, x, j) => acc + fit.xtxInv[col][j] * x, 0) * fit.residuals[i];
    });
    v += s * s;
  }
  return fit.coefficients[col] ** 2 / v;
}

describe('wildClusterBootstrapWald', () => {
  it('matches a brute-force refit of every bootstrap sample (same draws)', () => {
    const { X, y, clusters } = data(3, 0.2);
    const B = 200;
    const seed = 7;
    const fast = wildClusterBootstrapWald(X, y, clusters, [2], { replications: B, seed });
    const W = cr0Wald(X, y, clusters, 2);
    expect(fast.statistic).toBeCloseTo(W, 10);
    // Restricted fit and brute-force replicates.
    const r = ols(
      X.map((row) => [row[0], row[1]]),
      y,
    );
    const rand = mulberry32(seed);
    const groups = [...new Set(clusters)];
    let exceed = 0;
    for (let b = 0; b < B; b++) {
      const v = new Map(groups.map((g) => [g, WEBB[Math.floor(rand() * 6)]]));
      const yStar = y.map((_, i) => r.fitted[i] + r.residuals[i] * (v.get(clusters[i]) as number));
      if (cr0Wald(X, yStar, clusters, 2) >= W) exceed++;
    }
    expect(fast.p).toBeCloseTo(exceed / B, 12);
  });

  it('small p for a large effect, large p for none; deterministic for a seed', () => {
    // With 5 clusters the WCR bootstrap is honest but has little power: t ≈ 9 gives p ≈ 0.03, so test t ≈ 45.
    const big = data(4, 10);
    const none = data(4, 0);
    expect(wildClusterBootstrapWald(big.X, big.y, big.clusters, [2], { replications: 999 }).p).toBeLessThan(0.01);
    const a = wildClusterBootstrapWald(none.X, none.y, none.clusters, [2], { replications: 999 });
    const b = wildClusterBootstrapWald(none.X, none.y, none.clusters, [2], { replications: 999 });
    expect(a.p).toBe(b.p);
    expect(a.p).toBeGreaterThan(0.05);
    const rad = wildClusterBootstrapWald(none.X, none.y, none.clusters, [1, 2], { replications: 999, weights: 'rademacher' });
    expect(rad.weights).toBe('rademacher');
    expect(rad.replications).toBe(999);
    expect(rad.p).toBeGreaterThan(0);
  });
});
