import { describe, expect, it } from 'vitest';
import { recoveryPer10kExpense } from './supervision';

describe('recovery_per_10k_expense 每万元基金支出拒付追回金额', () => {
  it('is (refused + recovered) per 10 000 元 of fund expense (hand-worked)', () => {
    // 拒付 30 000 元 + 追回 20 000 元 = 50 000 元 against 统筹基金支出 2 亿元 = 20 000 万元 → 2.5 元/万元
    expect(recoveryPer10kExpense.compute({ amountRefused: 30_000, amountRecovered: 20_000, fundExpense: 200_000_000 })).toBeCloseTo(2.5, 12);
    expect(recoveryPer10kExpense.compute({ amountRefused: 0, amountRecovered: 0, fundExpense: 1e8 })).toBe(0);
  });
  it('is missing, never 0, when an input is missing or there is no expense', () => {
    expect(recoveryPer10kExpense.compute({ amountRefused: null, amountRecovered: 5, fundExpense: 1e8 })).toBeNull();
    expect(recoveryPer10kExpense.compute({ amountRefused: 1, amountRecovered: 5, fundExpense: 0 })).toBeNull();
    expect(recoveryPer10kExpense.compute({ amountRefused: 1, amountRecovered: 5, fundExpense: undefined })).toBeNull();
  });
  it('states unit, polarity and source', () => {
    expect(recoveryPer10kExpense.displayUnit).toBe('元/万元');
    expect(recoveryPer10kExpense.polarity).toBe('higher_better');
    expect(recoveryPer10kExpense.policyRef).toContain('四（二）');
  });
});
