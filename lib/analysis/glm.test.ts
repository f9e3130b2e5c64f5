import { describe, expect, it } from 'vitest';
import { poissonGlm, poissonHac } from './glm';
import { mulberry32 } from './random';

function poissonDraw(lambda: number, u: () => number): number {
  // Knuth's method: fine for the small means used here.
  const L = Math.exp(-lambda);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= u();
  } while (p > L);
  return k - 1;
}

describe('poissonGlm', () => {
  it('intercept only: exp(b0) = mean, Poisson SE = 1/sqrt(Σy)', () => {
    const y = [3, 5, 2, 8, 4, 6];
    const fit = poissonGlm(
      y.map(() => [1]),
      y,
    );
    const sum = y.reduce((s, v) => s + v, 0);
    expect(Math.exp(fit.coefficients[0])).toBeCloseTo(sum / y.length, 10);
    expect(fit.sePoisson[0]).toBeCloseTo(1 / Math.sqrt(sum), 10);
    const mu = sum / y.length;
    const pearson = y.reduce((s, v) => s + (v - mu) ** 2 / mu, 0);
    expect(fit.dispersion).toBeCloseTo(pearson / (y.length - 1), 10);
    expect(fit.se[0]).toBeCloseTo(fit.sePoisson[0] * Math.sqrt(fit.dispersion), 12);
    expect(fit.converged).toBe(true);
  });

  it('offset: intercept = log(Σy / Σexposure); group dummy = log ratio of rates', () => {
    const y = [10, 12, 30, 28];
    const exposure = [100, 120, 150, 140];
    const X = [
      [1, 0],
      [1, 0],
      [1, 1],
      [1, 1],
    ];
    const fit = poissonGlm(
      X,
      y,
      exposure.map((e) => Math.log(e)),
    );
    const r0 = 22 / 220;
    const r1 = 58 / 290;
    expect(fit.coefficients[0]).toBeCloseTo(Math.log(r0), 10);
    expect(fit.coefficients[1]).toBeCloseTo(Math.log(r1 / r0), 10);
  });

  it('satisfies the score equations X′(y − μ) = 0 on simulated data; handles zeros', () => {
    const u = mulberry32(5);
    const n = 120;
    const X = Array.from({ length: n }, (_, i) => [1, i / n, Math.cos((2 * Math.PI * i) / 12)]);
    const y = X.map((r) => poissonDraw(Math.exp(0.2 + 1.1 * r[1] + 0.4 * r[2]), u));
    expect(y.some((v) => v === 0)).toBe(true);
    const fit = poissonGlm(X, y);
    for (let j = 0; j < 3; j++) {
      const score = X.reduce((s, r, i) => s + r[j] * (y[i] - fit.fitted[i]), 0);
      expect(Math.abs(score)).toBeLessThan(1e-6);
    }
    expect(Math.abs(fit.coefficients[1] - 1.1)).toBeLessThan(3 * fit.se[1]);
    // HAC sandwich is PSD with positive diagonal and (at lag 0) close to the dispersion-scaled variance
    // when the model is right.
    const hac = poissonHac(X, fit, y, 0);
    hac.forEach((row, j) => expect(row[j]).toBeGreaterThan(0));
    expect(hac[1][1] / fit.covariance[1][1]).toBeGreaterThan(0.5);
    expect(hac[1][1] / fit.covariance[1][1]).toBeLessThan(2);
  });

  it('rejects negative counts and singular designs', () => {
    expect(() => poissonGlm([[1], [1]], [1, -1])).toThrow(/non-negative|≥ 0/);
    expect(() =>
      poissonGlm(
        [
          [1, 2],
          [1, 2],
          [1, 2],
        ],
        [1, 2, 3],
        undefined,
        { names: ['intercept', 'constant'] },
      ),
    ).toThrow(/"constant"/);
  });
});
