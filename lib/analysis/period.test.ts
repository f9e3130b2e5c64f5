import { describe, expect, it } from 'vitest';
import { indexToPeriod, monthOfPeriod, monthsBetween, periodRange, periodToIndex } from './period';
import { ar1, mulberry32, normalGenerator } from './random';

describe('period helpers', () => {
  it('YYYYMM ↔ month index', () => {
    expect(monthsBetween(201912, 202001)).toBe(1);
    expect(monthsBetween(201701, 202412)).toBe(95);
    expect(indexToPeriod(periodToIndex(202312))).toBe(202312);
    expect(monthOfPeriod(202007)).toBe(7);
    expect(periodRange(201911, 202002)).toEqual([201911, 201912, 202001, 202002]);
    expect(() => periodToIndex(202013)).toThrow(/Invalid period/);
    expect(() => periodToIndex(2020.5)).toThrow(/Invalid period/);
  });
});

describe('random', () => {
  it('mulberry32 is deterministic and uniform-ish; AR(1) has the right lag-1 correlation', () => {
    const a = mulberry32(123);
    const b = mulberry32(123);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    xs.forEach((x) => expect(x >= 0 && x < 1).toBe(true));
    const normal = normalGenerator(mulberry32(1));
    const e = ar1(20000, 0.7, 1, normal);
    let num = 0;
    let den = 0;
    for (let t = 1; t < e.length; t++) {
      num += e[t] * e[t - 1];
      den += e[t - 1] * e[t - 1];
    }
    expect(num / den).toBeGreaterThan(0.67);
    expect(num / den).toBeLessThan(0.73);
  });
});
