// Hand-worked deficit attribution (市级统筹意见（征求意见稿）三(三)). Amounts in 万元 × 1e4 so the arithmetic reads by eye.
import { describe, expect, it } from 'vitest';
import { attributeDeficit, sumAttributions, type AttributionInput } from './deficit';

const W = 10_000; // 1万元
const base: AttributionInput = {
  income: 9_000 * W, expense: 10_000 * W,
  countySubsidyDue: 600 * W, countySubsidyCollected: 600 * W,
  premiumPlan: 3_000 * W, premiumActual: 3_050 * W,
  pooled: true,
};

describe('attributeDeficit', () => {
  it('county met its plan: the whole 1,000万 gap is covered by the city from surplus', () => {
    const a = attributeDeficit(base);
    expect(a.regime).toBe('city');
    expect(a.balance).toBe(-1_000 * W);
    expect(a.gap).toBe(1_000 * W);
    expect(a.countySubsidyUnpaid).toBe(0);
    expect(a.premiumShortfall).toBe(0); // 3,050 collected against a plan of 3,000
    expect(a.countyMakeup).toBe(0);
    expect(a.countyGapShare).toBe(0);
    expect(a.cityCovers).toBe(1_000 * W);
    expect(a.metPlan).toBe(true);
    expect(a.reasons.map((r) => r.code)).toEqual(['CITY_COVERS']);
  });

  it('county subsidy unpaid (58% of 600万 delivered): the county makes up 252万, the city covers the other 248万 of a 500万 gap', () => {
    const a = attributeDeficit({ ...base, income: 9_500 * W, countySubsidyCollected: 348 * W, premiumActual: 3_000 * W });
    expect(a.gap).toBe(500 * W);
    expect(a.countySubsidyUnpaid).toBe(252 * W);
    expect(a.premiumShortfall).toBe(0);
    expect(a.countyMakeup).toBe(252 * W);
    expect(a.countyGapShare).toBe(252 * W);
    expect(a.cityCovers).toBe(248 * W);
    expect(a.countyGapShare + a.cityCovers).toBe(a.gap);
    expect(a.metPlan).toBe(false);
    expect(a.reasons).toEqual([
      { code: 'COUNTY_SUBSIDY_UNPAID', amount: 252 * W },
      { code: 'CITY_COVERS', amount: 248 * W },
    ]);
  });

  it('county subsidy unpaid without a deficit: the county still owes the 252万 (追缴到位), the city covers nothing', () => {
    const a = attributeDeficit({ ...base, income: 10_300 * W, countySubsidyCollected: 348 * W });
    expect(a.balance).toBe(300 * W);
    expect(a.gap).toBe(0);
    expect(a.countyMakeup).toBe(252 * W);
    expect(a.countyGapShare).toBe(0);
    expect(a.cityCovers).toBe(0);
    expect(a.reasons.map((r) => r.code)).toEqual(['COUNTY_SUBSIDY_UNPAID', 'NO_GAP']);
  });

  it('both: unpaid subsidy 252万 + premiums 180万 short of plan = 432万 from the county, 568万 of the 1,000万 gap from the city', () => {
    const a = attributeDeficit({ ...base, countySubsidyCollected: 348 * W, premiumActual: 2_820 * W });
    expect(a.gap).toBe(1_000 * W);
    expect(a.countySubsidyUnpaid).toBe(252 * W);
    expect(a.premiumShortfall).toBe(180 * W);
    expect(a.countyMakeup).toBe(432 * W);
    expect(a.countyGapShare).toBe(432 * W);
    expect(a.cityCovers).toBe(568 * W);
    expect(a.reasons.map((r) => r.code)).toEqual(['COUNTY_SUBSIDY_UNPAID', 'PREMIUM_SHORTFALL', 'CITY_COVERS']);
  });

  it('both, with a gap (300万) smaller than what the county owes (432万): the county closes the gap alone', () => {
    const a = attributeDeficit({ ...base, income: 9_700 * W, countySubsidyCollected: 348 * W, premiumActual: 2_820 * W });
    expect(a.gap).toBe(300 * W);
    expect(a.countyMakeup).toBe(432 * W);
    expect(a.countyGapShare).toBe(300 * W);
    expect(a.cityCovers).toBe(0);
  });

  it('an over-delivered subsidy does not offset a premium shortfall', () => {
    const a = attributeDeficit({ ...base, countySubsidyCollected: 650 * W, premiumActual: 2_900 * W });
    expect(a.countySubsidyUnpaid).toBe(0);
    expect(a.countyMakeup).toBe(100 * W);
    expect(a.cityCovers).toBe(900 * W);
  });

  it('no premium plan line: shortfall cannot be established, subsidy still counts', () => {
    const a = attributeDeficit({ ...base, premiumPlan: null, countySubsidyCollected: 500 * W });
    expect(a.premiumShortfall).toBeNull();
    expect(a.countyMakeup).toBe(100 * W);
    expect(a.reasons.map((r) => r.code)).toContain('NO_PLAN');
  });

  it('before city pooling the county balances its own pool: nothing is attributed', () => {
    const a = attributeDeficit({ ...base, pooled: false, countySubsidyCollected: 348 * W });
    expect(a.regime).toBe('county');
    expect(a.gap).toBe(1_000 * W);
    expect(a.countyMakeup).toBe(0);
    expect(a.cityCovers).toBe(0);
    expect(a.reasons.map((r) => r.code)).toEqual(['COUNTY_POOL']);
  });
});

describe('sumAttributions', () => {
  it('adds funds without netting one fund’s surplus against another’s gap', () => {
    const resident = attributeDeficit({ ...base, countySubsidyCollected: 348 * W, premiumActual: 2_820 * W }); // gap 1000: county 432, city 568
    const employee = attributeDeficit({ ...base, income: 5_200 * W, expense: 5_000 * W, countySubsidyDue: 0, countySubsidyCollected: 0 }); // surplus 200
    const s = sumAttributions([resident, employee])!;
    expect(s.balance).toBe(-800 * W);
    expect(s.gap).toBe(1_000 * W);
    expect(s.countyMakeup).toBe(432 * W);
    expect(s.cityCovers).toBe(568 * W);
    expect(s.countySubsidyUnpaid).toBe(252 * W);
    expect(s.premiumShortfall).toBe(180 * W);
    expect(s.metPlan).toBe(false);
  });

  it('a county-pool fund contributes its balance but no attribution; empty → null', () => {
    const pooled = attributeDeficit(base); // city covers 1000
    const own = attributeDeficit({ ...base, pooled: false, countySubsidyCollected: 0 });
    const s = sumAttributions([pooled, own])!;
    expect(s.regime).toBe('city');
    expect(s.cityCovers).toBe(1_000 * W);
    expect(s.countySubsidyUnpaid).toBe(0);
    expect(s.reasons.map((r) => r.code)).toEqual(['CITY_COVERS', 'COUNTY_POOL']);
    expect(sumAttributions([own])!.regime).toBe('county');
    expect(sumAttributions([])).toBeNull();
  });
});
