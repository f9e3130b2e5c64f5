import { describe, expect, it } from 'vitest';
import { onIncomePlanBasis, plannedIncomeKeys } from './planBasis';

describe('plannedIncomeKeys / onIncomePlanBasis', () => {
  const lines = [
    { regionCode: '470102', schemeCode: 'RESIDENT', item: 'PREMIUM' },
    { regionCode: '470102', schemeCode: 'EMPLOYEE', item: 'INPATIENT' },
    { regionCode: '470103', schemeCode: 'EMPLOYEE', item: 'OTHER_INCOME' },
  ];
  it('puts a (region, scheme) pair on the basis only when the plan has an income line for it', () => {
    const keys = plannedIncomeKeys(lines);
    expect(onIncomePlanBasis(keys, '470102', 'RESIDENT')).toBe(true);
    expect(onIncomePlanBasis(keys, '470103', 'EMPLOYEE')).toBe(true);
    // an expense line alone does not plan income
    expect(onIncomePlanBasis(keys, '470102', 'EMPLOYEE')).toBe(false);
    // the city account's interest, not planned
    expect(onIncomePlanBasis(keys, '470100', 'RESIDENT')).toBe(false);
  });
});
