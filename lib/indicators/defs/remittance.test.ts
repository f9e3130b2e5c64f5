import { describe, expect, it } from 'vitest';
import { indicatorStatus } from '../status';
import { remittanceTimelinessRate, unificationOverdueItems } from './remittance';

describe('unification_overdue_items 六统一逾期事项数', () => {
  it('passes the count through and keeps missing missing', () => {
    expect(unificationOverdueItems.compute({ overdueItems: 3 })).toBe(3);
    expect(unificationOverdueItems.compute({ overdueItems: 0 })).toBe(0);
    expect(unificationOverdueItems.compute({ overdueItems: null })).toBeNull();
    expect(unificationOverdueItems.compute({ overdueItems: Number.NaN })).toBeNull();
  });
  it('is good with none overdue and bad with one', () => {
    expect(indicatorStatus(unificationOverdueItems, 0)).toBe('good');
    expect(indicatorStatus(unificationOverdueItems, 1)).toBe('bad');
  });
});

describe('remittance_timeliness_rate 上解及时率', () => {
  it('is on-time remittances over remittances due (hand-worked: 9 of 12 → 75%)', () => {
    expect(remittanceTimelinessRate.compute({ onTime: 9, total: 12 })).toBe(0.75);
    expect(remittanceTimelinessRate.compute({ onTime: 0, total: 0 })).toBeNull();
  });
});
