import { describe, expect, it } from 'vitest';
import { expectedProgressAt, fillMonths, pacingCurve, seasonalProfile } from './pacing';

// Resident-like income: 2022 arrives 60/20/20 in Jan–Mar, 2023 40/40/20; nothing booked Apr–Dec (no rows).
const history = [
  { period: 202201, value: 60 }, { period: 202202, value: 20 }, { period: 202203, value: 20 },
  { period: 202301, value: 40 }, { period: 202302, value: 40 }, { period: 202303, value: 20 },
];

describe('fillMonths', () => {
  it('fills months without a row with 0 from the first year with data, not before', () => {
    const m = fillMonths(history, 2023);
    expect(m.size).toBe(24);
    expect(m.get(202206)).toBe(0);
    expect(m.has(202112)).toBe(false);
  });
});

describe('seasonalProfile', () => {
  it('averages the cumulative shares of past years: Jan (0.6+0.4)/2 = 0.5, Feb 0.8, from Mar 1.0', () => {
    const p = seasonalProfile(history, 2024);
    expect(p[0]).toBeCloseTo(0.5, 12);
    expect(p[1]).toBeCloseTo(0.8, 12);
    expect(p[2]).toBeCloseTo(1, 12);
    expect(p[11]).toBeCloseTo(1, 12);
  });

  it('a flat series gives m/12; no history gives nulls', () => {
    const flat = Array.from({ length: 24 }, (_, i) => ({ period: (2022 + Math.floor(i / 12)) * 100 + (i % 12) + 1, value: 10 }));
    const p = seasonalProfile(flat, 2024);
    expect(p[2]).toBeCloseTo(0.25, 12);
    expect(p[5]).toBeCloseTo(0.5, 12);
    expect(seasonalProfile([], 2024).every((x) => x === null)).toBe(true);
  });
});

describe('pacingCurve', () => {
  it('income plan 200, January 90: execution 45%, 序时进度 8.3% (+36.7pp) but 5pp behind the seasonal 50%', () => {
    const pts = pacingCurve({ kind: 'income', year: 2024, plan: 200, monthly: [...history, { period: 202401, value: 90 }], asOf: 202401 });
    expect(pts).toHaveLength(12);
    const jan = pts[0];
    expect(jan.cumulative).toBe(90);
    expect(jan.executionRate).toBeCloseTo(0.45, 12);
    expect(jan.timeProgress).toBeCloseTo(1 / 12, 12);
    expect(jan.deviation).toBeCloseTo(0.45 - 1 / 12, 12);
    expect(jan.seasonalProgress).toBeCloseTo(0.5, 12);
    expect(jan.seasonalDeviation).toBeCloseTo(-0.05, 12);
    // after the as-of month only the pace lines remain
    expect(pts[1].actual).toBeNull();
    expect(pts[1].executionRate).toBeNull();
    expect(pts[1].timeProgress).toBeCloseTo(2 / 12, 12);
    expect(pts[1].seasonalProgress).toBeCloseTo(0.8, 12);
  });

  it('expense: a month with no booking counts as 0 in the cumulative; no plan → null rates', () => {
    const pts = pacingCurve({ kind: 'expense', year: 2024, plan: 120, monthly: [{ period: 202401, value: 10 }, { period: 202403, value: 20 }], asOf: 202403 });
    expect(pts.map((p) => p.cumulative).slice(0, 4)).toEqual([10, 10, 30, null]);
    expect(pts[2].executionRate).toBeCloseTo(0.25, 12);
    expect(pts[2].deviation).toBeCloseTo(0, 12);
    expect(pts[2].seasonalProgress).toBeNull();
    const none = pacingCurve({ kind: 'expense', year: 2024, plan: null, monthly: [{ period: 202401, value: 10 }], asOf: 202401 });
    expect(none[0].executionRate).toBeNull();
  });
});

describe('expectedProgressAt', () => {
  it('uses the seasonal profile when there is history, 序时进度 otherwise', () => {
    expect(expectedProgressAt(history, 202402)).toEqual({ value: expect.closeTo(0.8, 12), basis: 'seasonal' });
    expect(expectedProgressAt([], 202403)).toEqual({ value: 0.25, basis: 'time' });
  });
  it('is exactly the seasonal profile entry for the as-of month (computed for that month only)', () => {
    // ragged history: a gap year, quarterly bookings, a year with a zero total
    const values = [
      ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => ({ period: 201900 + m, value: 10 + m * 1.7 })),
      ...[3, 6, 9, 12].map((m) => ({ period: 202100 + m, value: 33.3 * m })),
      ...[1, 2, 3].map((m) => ({ period: 202200 + m, value: 0 })),
      ...[1, 2, 5, 8, 11].map((m) => ({ period: 202300 + m, value: 7 + m })),
    ];
    let seasonal = 0;
    for (const year of [2019, 2020, 2021, 2022, 2023, 2024, 2025]) {
      const profile = seasonalProfile(values, year);
      for (let m = 1; m <= 12; m++) {
        const got = expectedProgressAt(values, year * 100 + m);
        if (profile[m - 1] !== null) { expect(got).toEqual({ value: profile[m - 1], basis: 'seasonal' }); seasonal++; }
        else expect(got.basis).toBe('time');
      }
    }
    expect(seasonal).toBeGreaterThan(24);
  });
});
