// Hand-worked checks for the 分级诊疗 indicators added with the tiered-care page (issue 6).
import { describe, expect, it } from 'vitest';
import { indicators as I } from '../registry';
import { indicatorStatus } from '../status';

describe('referral_down_cagr 下转人次年均增长率', () => {
  it('1 000 → 1 331 over 3 years = 10.0% a year (meets the 10% target); 1 000 → 1 125 over 3 = 4.0% (bad)', () => {
    const ten = I.referral_down_cagr.compute({ downFirst: 1_000, downLast: 1_331, years: 3 })!;
    expect(ten).toBeCloseTo(0.1, 10);
    expect(indicatorStatus(I.referral_down_cagr, ten)).toBe('good');
    const four = I.referral_down_cagr.compute({ downFirst: 1_000, downLast: 1_124.864, years: 3 })!;
    expect(four).toBeCloseTo(0.04, 6);
    expect(indicatorStatus(I.referral_down_cagr, four)).toBe('bad');
  });

  it('a fall is a negative rate; no base, no span or a negative count → null', () => {
    expect(I.referral_down_cagr.compute({ downFirst: 400, downLast: 100, years: 2 })).toBeCloseTo(-0.5, 10);
    expect(I.referral_down_cagr.compute({ downFirst: 0, downLast: 100, years: 2 })).toBeNull();
    expect(I.referral_down_cagr.compute({ downFirst: 100, downLast: 120, years: 0 })).toBeNull();
    expect(I.referral_down_cagr.compute({ downFirst: 100, downLast: -1, years: 1 })).toBeNull();
    expect(I.referral_down_cagr.compute({ downFirst: 100, downLast: null, years: 1 })).toBeNull();
  });
});

describe('visit_composition_share 就诊流向构成', () => {
  it('2 300 of 10 000 visits at city hospitals = 23.0%; structural, so no status', () => {
    const v = I.visit_composition_share.compute({ destinationVisits: 2_300, allVisits: 10_000 });
    expect(v).toBeCloseTo(0.23, 12);
    expect(indicatorStatus(I.visit_composition_share, v)).toBe('none');
    expect(I.visit_composition_share.compute({ destinationVisits: 5, allVisits: 0 })).toBeNull();
  });
});
