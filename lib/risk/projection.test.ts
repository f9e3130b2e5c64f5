// Projection on series with a known answer.
import { describe, expect, it } from 'vitest';
import { FLAT_PROFILE, growthSpread, projectBalance, projectScenarios, seasonalProfile } from './projection';
import { months } from './testFixtures';

describe('projectBalance', () => {
  const base = { lastPeriod: 202412, balance: 1200, incomeLevel: 1200, expenseLevel: 1800, incomeProfile: FLAT_PROFILE, expenseProfile: FLAT_PROFILE };

  it('no growth: income 100 and expense 150 a month use up a balance of 1,200 in 24 months', () => {
    const p = projectBalance(base, { income: 0, expense: 0 });
    expect(p.points[0]).toMatchObject({ period: 202501 });
    expect(p.points[0].balance).toBeCloseTo(1150, 9);
    expect(p.monthsUntilExhausted).toBe(24);
    expect(p.exhaustedAt).toBe(202612);
    expect(p.points[23].balance).toBeCloseTo(0, 9);
  });

  it('expense growing 10% a year: 1,980 in year one (balance 420), then 181.5 a month against 100 → exhausted in month 18', () => {
    // year 1: 1,800 × 1.1 = 1,980 of expense vs 1,200 of income → 1,200 − 780 = 420 left
    // year 2: 1,800 × 1.21 / 12 = 181.5 a month, deficit 81.5 → 420 / 81.5 = 5.15 → the 6th month of year 2
    const p = projectBalance(base, { income: 0, expense: 0.1 });
    expect(p.points[11].balance).toBeCloseTo(420, 9);
    expect(p.points[16].balance).toBeCloseTo(420 - 5 * 81.5, 9);
    expect(p.monthsUntilExhausted).toBe(18);
    expect(p.exhaustedAt).toBe(202606);
  });

  it('a surplus never runs out within the horizon', () => {
    const p = projectBalance({ ...base, expenseLevel: 1000 }, { income: 0.05, expense: 0.03 }, 60);
    expect(p.exhaustedAt).toBeNull();
    expect(p.points).toHaveLength(60);
  });

  it('months of reserve on the projected figures: 1,150 ÷ 150 = 7.67 in the first month', () => {
    const p = projectBalance(base, { income: 0, expense: 0 });
    expect(p.points[0].monthsOfReserve).toBeCloseTo(1150 / 150, 9);
  });
});

describe('seasonal profile and growth spread', () => {
  it('profile: a year with half its income in January gives January 0.5 and the rest 0.5/11', () => {
    const income = months(202401, 12, (i) => (i === 0 ? 1100 : 100));
    const p = seasonalProfile(income, 202412)!;
    expect(p[0]).toBeCloseTo(0.5, 12);
    expect(p[5]).toBeCloseTo(0.5 / 11, 12);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(seasonalProfile(income, 202411)).toBeNull(); // 2024 not complete yet, no earlier year
  });

  it('spread of rolling 12-month growth: a series growing exactly 10% a year has median, low and high 10%', () => {
    const v = months(202101, 48, (i) => 100 * Math.pow(1.1, Math.floor(i / 12)));
    const s = growthSpread(v, 202412, 24)!;
    expect(s.samples).toHaveLength(24);
    expect(s.central).toBeCloseTo(0.1, 12);
    expect(s.low).toBeCloseTo(0.1, 12);
    expect(s.high).toBeCloseTo(0.1, 12);
  });

  it('scenarios: low uses the lowest income growth with the highest expense growth', () => {
    // income steady 100 a month; expense 100 a month in 2022, 110 in 2023, 121 in 2024 (10% a year)
    const income = months(202201, 36, () => 100);
    const expense = months(202201, 36, (i) => 100 * Math.pow(1.1, Math.floor(i / 12)));
    const balance = new Map([[202412, 3000]]);
    const s = projectScenarios({ income, expense, balance }, 202412)!;
    expect(s.base.incomeLevel).toBe(1200);
    expect(s.base.expenseLevel).toBeCloseTo(1452, 9);
    expect(s.central.growth.expense).toBeCloseTo(0.1, 12);
    expect(s.low.growth).toEqual({ income: s.incomeSpread.low, expense: s.expenseSpread.high });
    // year 1: expense 1,452 × 1.1 = 1,597.2 vs income 1,200 → −397.2 a year
    expect(s.central.points[11].balance).toBeCloseTo(3000 - 397.2, 6);
    expect(s.low.monthsUntilExhausted! <= s.central.monthsUntilExhausted!).toBe(true);
    expect(s.central.monthsUntilExhausted! <= s.high.monthsUntilExhausted!).toBe(true);
  });
});
