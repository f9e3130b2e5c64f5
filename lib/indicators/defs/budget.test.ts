// Hand-worked values for the deficit-attribution, adjustment and remittance indicators (市级统筹意见（征求意见稿）三(三)).
import { describe, expect, it } from 'vitest';
import { indicators as I } from '../registry';
import { indicatorStatus } from '../status';

describe('deficit attribution indicators', () => {
  it('fund_gap: expense 1.10亿 − income 1.00亿 = 1000万; surplus → 0', () => {
    expect(I.fund_gap.compute({ income: 100_000_000, expense: 110_000_000 })).toBe(10_000_000);
    expect(indicatorStatus(I.fund_gap, 10_000_000)).toBe('bad');
    expect(I.fund_gap.compute({ income: 100_000_000, expense: 90_000_000 })).toBe(0);
    expect(indicatorStatus(I.fund_gap, 0)).toBe('good');
    expect(I.fund_gap.compute({ income: null, expense: 90_000_000 })).toBeNull();
  });

  it('premium_shortfall: plan 5000万, actual 4700万 → 300万; over-collection → 0', () => {
    expect(I.premium_shortfall.compute({ premiumPlan: 50_000_000, premiumActual: 47_000_000 })).toBe(3_000_000);
    expect(I.premium_shortfall.compute({ premiumPlan: 50_000_000, premiumActual: 51_000_000 })).toBe(0);
  });

  it('county_makeup_amount: unpaid county subsidy 400万 + premium shortfall 300万 = 700万; overpaid subsidy does not offset', () => {
    expect(I.county_makeup_amount.compute({ countySubsidyGap: 4_000_000, premiumShortfall: 3_000_000 })).toBe(7_000_000);
    expect(I.county_makeup_amount.compute({ countySubsidyGap: -1_000_000, premiumShortfall: 3_000_000 })).toBe(3_000_000);
    expect(I.county_makeup_amount.compute({ countySubsidyGap: 0, premiumShortfall: 0 })).toBe(0);
    expect(indicatorStatus(I.county_makeup_amount, 0)).toBe('good');
  });

  it('gap 1000万 with county owing 700万: county part 700万, city covers 300万', () => {
    expect(I.county_gap_share.compute({ fundGap: 10_000_000, countyMakeup: 7_000_000 })).toBe(7_000_000);
    expect(I.city_cover_amount.compute({ fundGap: 10_000_000, countyMakeup: 7_000_000 })).toBe(3_000_000);
  });

  it('gap 500万 with county owing 800万: county part is capped at the gap, city covers nothing', () => {
    expect(I.county_gap_share.compute({ fundGap: 5_000_000, countyMakeup: 8_000_000 })).toBe(5_000_000);
    expect(I.city_cover_amount.compute({ fundGap: 5_000_000, countyMakeup: 8_000_000 })).toBe(0);
  });

  it('budget_adjustment_amount: 2.30亿 → 2.116亿 (×0.92) = −1840万', () => {
    expect(I.budget_adjustment_amount.compute({ adjusted: 211_600_000, previous: 230_000_000 })).toBe(-18_400_000);
  });

  it('net_remittance: remitted 3.2亿, allocated 3.5亿 → −3000万 (the county draws on the city pool)', () => {
    expect(I.net_remittance.compute({ remitUp: 320_000_000, allocateDown: 350_000_000 })).toBe(-30_000_000);
  });
});
