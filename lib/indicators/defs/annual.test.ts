// Hand-worked values for the annual (年度数据) indicators.
import { describe, expect, it } from 'vitest';
import { indicators as I } from '../registry';
import { indicatorStatus } from '../status';

describe('annual indicators', () => {
  it('当期结余 = 收入 − 支出; growth on the previous year; missing inputs stay missing', () => {
    expect(I.annual_current_balance.compute({ income: 1000, expense: 1060 })).toBe(-60);
    expect(indicatorStatus(I.annual_current_balance, -60)).toBe('bad');
    expect(I.annual_income_growth.compute({ income: 1100, incomeLastYear: 1000 })).toBeCloseTo(0.1, 12);
    expect(I.annual_expense_growth.compute({ expense: 1100, expenseLastYear: null })).toBeNull();
    expect(I.annual_accumulated_balance.compute({ balance: null })).toBeNull();
    expect(I.annual_fund_income.compute({ income: 0 })).toBe(0);
  });

  it('可支付月数 = 累计结余 ÷ (全年支出 ÷ 12), judged by the monthly indicator’s bands', () => {
    expect(I.annual_months_of_reserve.compute({ balance: 900, expense: 1200 })).toBe(9); // 900 ÷ 100
    expect(I.annual_months_of_reserve.compute({ balance: 900, expense: 0 })).toBeNull();
    expect(indicatorStatus(I.annual_months_of_reserve, 2.9)).toBe('bad');
    expect(indicatorStatus(I.annual_months_of_reserve, 7)).toBe('good');
    expect(I.annual_months_of_reserve.bands).toBe(I.months_of_reserve.bands);
  });
});
