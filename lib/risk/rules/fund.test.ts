// Hand-worked cases for the fund-level rules, at every band edge (lower bounds inclusive, upper bounds
// exclusive, as the registry's bands).
import type { Point } from '../types';
import { describe, expect, it } from 'vitest';
import { CITY, dataset, months, withCityFund } from '../testFixtures';
import { currentDeficitRule, growthGapRule, reserveMonthsRule } from './fund';

const at = (series: { points: Point[] }, period: number) => series.points.find((p) => p.period === period)!;

describe('reserve_months 累计结余可支付月数', () => {
  // Expense 100 a month → trailing-12 expense 1,200 → one month of expense = 100, so months of reserve = balance ÷ 100.
  const balances = new Map([
    [202312, 299.99], [202401, 300], [202402, 599.99], [202403, 600], [202404, 1499.99], [202405, 1500],
  ]);
  const d = withCityFund(dataset(), 'RESIDENT', months(202301, 17, () => 100), months(202301, 17, () => 100), balances);
  const [city] = reserveMonthsRule.evaluate(d, reserveMonthsRule.defaults);

  it('is evaluated for the city fund once 12 months of expense exist', () => {
    expect(city.key).toBe(`${CITY}|RESIDENT`);
    expect(city.points.map((p) => p.period)).toEqual([202312, 202401, 202402, 202403, 202404, 202405]);
  });

  it.each([
    [202312, 2.9999, 'SEVERE', 3],
    [202401, 3, 'WARNING', 6], // 3.0 is 不足, not 严重不足
    [202402, 5.9999, 'WARNING', 6],
    [202403, 6, null, null], // 6.0 is 合理
    [202404, 14.9999, null, null],
    [202405, 15, 'NOTICE', 15], // 15.0 is 过多
  ])('%i: %f months → %s (threshold %s)', (period, months, severity, threshold) => {
    const p = at(city, period);
    expect(p.value).toBeCloseTo(months, 6);
    expect(p.severity).toBe(severity);
    expect(p.threshold).toBe(threshold);
  });

  it('keeps the figures it was computed from', () => {
    const p = at(city, 202401);
    expect(p.inputs.find((i) => i.label === '近12个月基金支出')?.value).toBe(1200);
    expect(p.inputs.find((i) => i.label === '累计结余')?.value).toBe(300);
    expect(p.detail).toContain('3.0个月');
  });

  it('a month whose balance is missing is not evaluated (not read as a balance of 0, 严重不足)', () => {
    const gap = withCityFund(dataset(), 'RESIDENT', months(202301, 17, () => 100), months(202301, 17, () => 100), new Map([[202312, 900], [202402, 900]]));
    // The legacy balances of the counties have rows for every month; the city pool lacks 2024-01.
    gap.balances.set(`${CITY}|RESIDENT|LEGACY`, new Map([[202312, 100], [202401, 100], [202402, 100]]));
    const [c] = reserveMonthsRule.evaluate(gap, reserveMonthsRule.defaults);
    expect(c.points.map((p) => [p.period, p.value, p.severity])).toEqual([[202312, 10, null], [202402, 10, null]]);
  });

  it('thresholds are parameters: 严重不足 below 4 months makes 3.0 severe', () => {
    const [c] = reserveMonthsRule.evaluate(d, { ...reserveMonthsRule.defaults, severeBelow: 4 });
    expect(at(c, 202401).severity).toBe('SEVERE');
    expect(reserveMonthsRule.validate({ ...reserveMonthsRule.defaults, severeBelow: 7 })).toHaveLength(1);
  });
});

describe('current_deficit 当期赤字 (rolling 12 months and year to date)', () => {
  // Income 100 a month in 2024. Expense 100 a month, then 160 in December: the year's expense is 1,260,
  // so the current balance is −60 = −5% of income: 当期赤字, exactly at (not beyond) the 5% severe line.
  const expense = months(202401, 12, (i) => (i === 11 ? 160 : 100));
  const d = withCityFund(dataset(), 'EMPLOYEE', months(202401, 12, () => 100), expense, months(202401, 12, () => 1000));
  const series = currentDeficitRule.evaluate(d, currentDeficitRule.defaults);
  const t12 = series.find((s) => s.key.endsWith('|t12'))!;
  const ytd = series.find((s) => s.key.endsWith('|ytd'))!;

  it('rolling window needs 12 months; year to date starts in January', () => {
    expect(t12.points.map((p) => p.period)).toEqual([202412]);
    expect(ytd.points).toHaveLength(12);
  });

  it('−5.0% is a deficit (警示), not beyond the severe line', () => {
    expect(at(t12, 202412).value).toBeCloseTo(-0.05, 12);
    expect(at(t12, 202412).severity).toBe('WARNING');
    expect(at(ytd, 202412).severity).toBe('WARNING');
    expect(at(ytd, 202411).value).toBe(0); // balanced: not a deficit
    expect(at(ytd, 202411).severity).toBeNull();
  });

  it('a little more expense is severe; with a 10% severe line it stays 警示', () => {
    const e2 = months(202401, 12, (i) => (i === 11 ? 160.01 : 100));
    const d2 = withCityFund(dataset(), 'EMPLOYEE', months(202401, 12, () => 100), e2, months(202401, 12, () => 1000));
    const s2 = currentDeficitRule.evaluate(d2, currentDeficitRule.defaults).find((s) => s.key.endsWith('|t12'))!;
    expect(at(s2, 202412).severity).toBe('SEVERE');
    const s3 = currentDeficitRule.evaluate(d2, { ...currentDeficitRule.defaults, severeRate: 0.1 }).find((s) => s.key.endsWith('|t12'))!;
    expect(at(s3, 202412).severity).toBe('WARNING');
  });
});

describe('growth_gap 支出增速快于收入增速', () => {
  // Income flat at 100 a month for two years (growth 0). Expense 100 a month in 2023, then 2024 at 102 / 105 / 101.9.
  function gapIn2024(expense2024: number) {
    const d = withCityFund(dataset(), 'RESIDENT', months(202301, 24, () => 100), months(202301, 24, (i) => (i < 12 ? 100 : expense2024)), months(202301, 24, () => 5000));
    const [s] = growthGapRule.evaluate(d, growthGapRule.defaults);
    return at(s, 202412);
  }
  it.each([
    [102, 0.02, 'WARNING'], // +2.0 points: 警示 (lower bound inclusive)
    [101.9, 0.019, null],
    [105, 0.05, 'SEVERE'],
    [104.9, 0.049, 'WARNING'],
  ])('expense %f a month in 2024 → gap %f → %s', (e, gap, severity) => {
    const p = gapIn2024(e);
    expect(p.value).toBeCloseTo(gap, 10);
    expect(p.severity).toBe(severity);
  });

  it('needs 24 months: the first evaluated month is the 24th', () => {
    const d = withCityFund(dataset(), 'RESIDENT', months(202301, 24, () => 100), months(202301, 24, () => 100), months(202301, 24, () => 5000));
    expect(growthGapRule.evaluate(d, growthGapRule.defaults)[0].points.map((p) => p.period)).toEqual([202412]);
  });
});
