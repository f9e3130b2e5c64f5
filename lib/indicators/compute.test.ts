import { describe, expect, it } from 'vitest';
import {
  addMonths,
  executionDeviation,
  growthRate,
  isValidPeriod,
  monthsElapsed,
  monthsOfReserve,
  periodRange,
  previousYearPeriod,
  safeDiff,
  safeRatio,
  safeSum,
  seasonalProgress,
  timeProgress,
  trailing12,
  trailing12Growth,
  trailingSum,
  ytdSum,
} from './compute';

/** 12 monthly values for a year, e.g. monthly(2023, () => 100). */
function monthly(year: number, f: (m: number) => number | null): Array<{ period: number; value: number | null }> {
  return Array.from({ length: 12 }, (_, i) => ({ period: year * 100 + i + 1, value: f(i + 1) }));
}

describe('safe arithmetic', () => {
  it('safeRatio divides and returns null on missing input or zero denominator', () => {
    expect(safeRatio(3, 4)).toBe(0.75);
    expect(safeRatio(0, 4)).toBe(0);
    expect(safeRatio(3, 0)).toBeNull();
    expect(safeRatio(null, 4)).toBeNull();
    expect(safeRatio(3, undefined)).toBeNull();
    expect(safeRatio(Number.NaN, 4)).toBeNull();
    expect(safeRatio(3, Number.POSITIVE_INFINITY)).toBeNull();
  });

  it('safeDiff and safeSum are null when any input is missing', () => {
    expect(safeDiff(320, 350)).toBe(-30);
    expect(safeDiff(320, null)).toBeNull();
    expect(safeSum(1, 2, 3)).toBe(6);
    expect(safeSum()).toBe(0);
    expect(safeSum(1, undefined, 3)).toBeNull();
  });

  it('growthRate is current/previous − 1 and null on a non-positive base', () => {
    expect(growthRate(110, 100)).toBeCloseTo(0.1, 12);
    expect(growthRate(90, 100)).toBeCloseTo(-0.1, 12);
    expect(growthRate(5, 0)).toBeNull();
    expect(growthRate(5, -10)).toBeNull();
    expect(growthRate(null, 100)).toBeNull();
  });
});

describe('periods (YYYYMM integers)', () => {
  it('validates periods', () => {
    expect(isValidPeriod(202403)).toBe(true);
    expect(isValidPeriod(202400)).toBe(false);
    expect(isValidPeriod(202413)).toBe(false);
    expect(isValidPeriod(2024.03)).toBe(false);
    expect(isValidPeriod(3)).toBe(false);
  });

  it('monthsElapsed: 202403 → 3, 202412 → 12, bare months pass through, malformed → null', () => {
    expect(monthsElapsed(202403)).toBe(3);
    expect(monthsElapsed(202412)).toBe(12);
    expect(monthsElapsed(202401)).toBe(1);
    expect(monthsElapsed(7)).toBe(7);
    expect(monthsElapsed(202413)).toBeNull();
    expect(monthsElapsed(0)).toBeNull();
    expect(monthsElapsed(null)).toBeNull();
  });

  it('timeProgress = months elapsed ÷ 12', () => {
    expect(timeProgress(202403)).toBe(0.25);
    expect(timeProgress(202406)).toBe(0.5);
    expect(timeProgress(202412)).toBe(1);
    expect(timeProgress(undefined)).toBeNull();
  });

  it('addMonths crosses year boundaries both ways', () => {
    expect(addMonths(202401, -1)).toBe(202312);
    expect(addMonths(202312, 1)).toBe(202401);
    expect(addMonths(202403, -14)).toBe(202301);
    expect(addMonths(202403, 0)).toBe(202403);
    expect(previousYearPeriod(202403)).toBe(202303);
    expect(() => addMonths(202413, 1)).toThrow(/YYYYMM/);
  });

  it('periodRange is inclusive and ordered', () => {
    expect(periodRange(202311, 202402)).toEqual([202311, 202312, 202401, 202402]);
    expect(periodRange(202403, 202403)).toEqual([202403]);
    expect(periodRange(202404, 202403)).toEqual([]);
  });
});

describe('monthly series', () => {
  // 2023: 10, 20, …, 120 (sum 780); 2024 Jan–Mar: 200 each
  const rows = [...monthly(2023, (m) => m * 10), { period: 202401, value: 200 }, { period: 202402, value: 200 }, { period: 202403, value: 200 }];

  it('trailing12 sums the 12 months ending at the as-of month, from any input shape', () => {
    // 202304..202403 = (40+…+120) + 3×200 = 720 + 600 = 1320
    expect(trailing12(rows, 202403)).toBe(1320);
    expect(trailing12(rows, 202312)).toBe(780);
    const asMap = new Map(rows.map((r) => [r.period, r.value] as const));
    expect(trailing12(asMap, 202403)).toBe(1320);
    const asRecord = Object.fromEntries(rows.map((r) => [r.period, r.value]));
    expect(trailing12(asRecord, 202403)).toBe(1320);
  });

  it('trailing12 is null when any month in the window is missing or null', () => {
    expect(trailing12(rows, 202404)).toBeNull(); // 202404 missing
    expect(trailing12(rows, 202311)).toBeNull(); // 202212 missing
    const withNull = rows.map((r) => (r.period === 202306 ? { ...r, value: null } : r));
    expect(trailing12(withNull, 202403)).toBeNull();
  });

  it('trailingSum with other windows', () => {
    expect(trailingSum(rows, 202403, 3)).toBe(600);
    expect(trailingSum(rows, 202401, 2)).toBe(320);
    expect(() => trailingSum(rows, 202403, 0)).toThrow();
  });

  it('ytdSum sums January through the as-of month', () => {
    expect(ytdSum(rows, 202403)).toBe(600);
    expect(ytdSum(rows, 202302)).toBe(30);
  });

  it('trailing12Growth compares with the window a year earlier', () => {
    // 2022 all 50 (600), 2023 all 60 (720) → +20%
    const series = [...monthly(2022, () => 50), ...monthly(2023, () => 60)];
    expect(trailing12Growth(series, 202312)).toBeCloseTo(0.2, 12);
    expect(trailing12Growth(series, 202212)).toBeNull(); // no 2021 data
  });

  it('seasonalProgress averages the share of the annual total reached by the as-of month', () => {
    // 2022: Jan–Mar 100 each of 1200 → 0.25; 2023: Jan–Mar 60 each, rest 120 → 180/1260
    const series = [...monthly(2022, () => 100), ...monthly(2023, (m) => (m <= 3 ? 60 : 120))];
    const expected = (0.25 + 180 / 1260) / 2;
    expect(seasonalProgress(series, 202403)).toBeCloseTo(expected, 12);
    expect(seasonalProgress(series, 202403, 1)).toBeCloseTo(180 / 1260, 12);
    expect(seasonalProgress(series, 202203)).toBeNull(); // no complete earlier year
  });
});

describe('domain formulas', () => {
  it('monthsOfReserve: 1.2亿 balance, trailing-12 expense 2.4亿 → 6.0 months', () => {
    expect(monthsOfReserve(120_000_000, 240_000_000)).toBe(6);
    expect(monthsOfReserve(-20_000_000, 240_000_000)).toBe(-1);
    expect(monthsOfReserve(120_000_000, 0)).toBeNull();
    expect(monthsOfReserve(120_000_000, null)).toBeNull();
    expect(monthsOfReserve(null, 240_000_000)).toBeNull();
  });

  it('executionDeviation: plan 1200万, ytd 330万 at 202403 → 0.275 − 0.25 = +0.025', () => {
    expect(executionDeviation(3_300_000, 12_000_000, 202403)).toBeCloseTo(0.025, 12);
    expect(executionDeviation(3_300_000, 0, 202403)).toBeNull();
    expect(executionDeviation(3_300_000, 12_000_000, null)).toBeNull();
  });
});
