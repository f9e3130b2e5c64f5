import { describe, expect, it } from 'vitest';
import {
  chiSquareCdf,
  chiSquareSf,
  fSf,
  logGamma,
  normalCdf,
  normalQuantile,
  normalTwoSidedP,
  regularizedBeta,
  regularizedGammaP,
  tCdf,
  tQuantile,
  tTwoSidedP,
} from './distributions';

describe('distributions', () => {
  it('logGamma', () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
    expect(logGamma(0.1)).toBeCloseTo(2.252712651734206, 12);
  });

  it('normal CDF and quantile (reference values from R qnorm/pnorm)', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 10);
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517795, 14);
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980316301, 15);
    expect(normalTwoSidedP(1.959963984540054)).toBeCloseTo(0.05, 14);
    for (const p of [0.001, 0.2, 0.6, 0.999]) expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 13);
  });

  it('Student t against closed forms (df 1 = Cauchy, df 2) and R qt', () => {
    expect(tCdf(1.5, 1)).toBeCloseTo(0.5 + Math.atan(1.5) / Math.PI, 13);
    expect(tCdf(-0.7, 2)).toBeCloseTo(0.5 + -0.7 / (2 * Math.sqrt(2 + 0.49)), 13);
    expect(tQuantile(0.975, 10)).toBeCloseTo(2.228138851986274, 10);
    expect(tQuantile(0.975, 7)).toBeCloseTo(2.364624251592785, 10);
    expect(tQuantile(0.025, 7)).toBeCloseTo(-2.364624251592785, 10);
    expect(tTwoSidedP(2.228138851986274, 10)).toBeCloseTo(0.05, 12);
  });

  it('chi-square via the regularized gamma function', () => {
    expect(chiSquareSf(3.841458820694124, 1)).toBeCloseTo(0.05, 13);
    expect(chiSquareSf(5, 2)).toBeCloseTo(Math.exp(-2.5), 14); // df 2 is exponential
    expect(chiSquareCdf(10, 5) + chiSquareSf(10, 5)).toBeCloseTo(1, 15);
    expect(chiSquareSf(10, 5)).toBeCloseTo(0.07523524614651217, 13);
    expect(regularizedGammaP(1, 2)).toBeCloseTo(1 - Math.exp(-2), 15);
  });

  it('F and incomplete beta', () => {
    expect(fSf(3, 2, 10)).toBeCloseTo(Math.pow(1 + (2 * 3) / 10, -5), 13); // F(2, d2) closed form
    expect(regularizedBeta(0.5, 3, 3)).toBeCloseTo(0.5, 14);
    expect(regularizedBeta(0.3, 1, 1)).toBeCloseTo(0.3, 14);
  });
});
