// Hand-worked values for the indicators the early-warning rules read (lib/risk/rules).
import { describe, expect, it } from 'vitest';
import { indicators as I } from '../registry';
import { indicatorStatus } from '../status';

describe('risk indicators', () => {
  it('current_balance_rate: income 1,000, expense 1,060 → −6.0% (赤字超过5%); 1,050 → −5.0% is only 当期赤字', () => {
    expect(I.current_balance_rate.compute({ income: 1000, expense: 1060 })).toBeCloseTo(-0.06, 12);
    expect(indicatorStatus(I.current_balance_rate, -0.06)).toBe('bad');
    expect(indicatorStatus(I.current_balance_rate, I.current_balance_rate.compute({ income: 1000, expense: 1050 }))).toBe('warn');
    expect(indicatorStatus(I.current_balance_rate, 0)).toBe('good');
    expect(I.current_balance_rate.compute({ income: 0, expense: 10 })).toBeNull();
  });

  it('collection_rate_change: 97.5% − 99.0% = −1.5 points', () => {
    expect(I.collection_rate_change.compute({ rate: 0.975, rateLastYear: 0.99 })).toBeCloseTo(-0.015, 12);
    expect(indicatorStatus(I.collection_rate_change, -0.015)).toBe('warn');
    expect(I.collection_rate_change.compute({ rate: 0.975, rateLastYear: null })).toBeNull();
  });

  it('outflow_admission_share: (240 city + 96 out of city) / 1,000 = 33.6%; change on a 12.6% baseline = +21.0 points', () => {
    const share = I.outflow_admission_share.compute({ cityAdmissions: 240, outOfCityAdmissions: 96, allAdmissions: 1000 });
    expect(share).toBeCloseTo(0.336, 12);
    const change = I.outflow_share_change.compute({ share, baselineShare: 0.126 });
    expect(change).toBeCloseTo(0.21, 12);
    expect(indicatorStatus(I.outflow_share_change, change)).toBe('bad');
    expect(indicatorStatus(I.outflow_share_change, 0.03)).toBe('warn');
    expect(indicatorStatus(I.outflow_share_change, 0.029)).toBe('good');
  });

  it('cost_index: 19,500 actual ÷ (100 visits × 100 median) = 1.95', () => {
    expect(I.cost_index.compute({ totalCost: 19_500, expectedCost: 10_000 })).toBeCloseTo(1.95, 12);
    expect(I.cost_index.compute({ totalCost: 19_500, expectedCost: 0 })).toBeNull();
  });

  it('cost_robust_z: 0.6745 × (ln 2 − 0) ÷ 0.0477 = 9.81; MAD 0 → null', () => {
    const mad = Math.log(1.1) / 2;
    expect(I.cost_robust_z.compute({ logIndex: Math.log(2), peerMedian: 0, peerMad: mad })).toBeCloseTo(9.81, 2);
    expect(indicatorStatus(I.cost_robust_z, 3.5)).toBe('warn');
    expect(indicatorStatus(I.cost_robust_z, 5)).toBe('bad');
    expect(I.cost_robust_z.compute({ logIndex: 1, peerMedian: 0, peerMad: 0 })).toBeNull();
  });

  it('cost_spike: index 1.3 on a baseline of 1.0 → +30%', () => {
    expect(I.cost_spike.compute({ index: 1.3, baselineIndex: 1 })).toBeCloseTo(0.3, 12);
    expect(indicatorStatus(I.cost_spike, 0.3)).toBe('warn');
    expect(indicatorStatus(I.cost_spike, 0.5)).toBe('bad');
  });
});
