// Hand-worked values for the collection indicators added for the 参保征缴 page.
import { describe, expect, it } from 'vitest';
import { indicators as I } from '../registry';
import { indicatorStatus } from '../status';

describe('coverage_rate_change', () => {
  it('96.2% → 94.2% = −2.0pp bad; −0.3pp warn; −0.1pp (noise) and +0.1pp good', () => {
    const v = I.coverage_rate_change.compute({ coverage: 0.942, coverageLastYear: 0.962 });
    expect(v).toBeCloseTo(-0.02, 12);
    expect(indicatorStatus(I.coverage_rate_change, v)).toBe('bad');
    expect(indicatorStatus(I.coverage_rate_change, -0.003)).toBe('warn');
    expect(indicatorStatus(I.coverage_rate_change, 0.001)).toBe('good');
    expect(indicatorStatus(I.coverage_rate_change, -0.001)).toBe('good');
    expect(I.coverage_rate_change.compute({ coverage: 0.95, coverageLastYear: null })).toBeNull();
  });
});

describe('contribution_standard_growth', () => {
  it('250 → 280 元 = +12%; 250 → 250 = 0; no base → null', () => {
    expect(I.contribution_standard_growth.compute({ standard: 280, standardLastYear: 250 })).toBeCloseTo(0.12, 12);
    expect(I.contribution_standard_growth.compute({ standard: 250, standardLastYear: 250 })).toBe(0);
    expect(I.contribution_standard_growth.compute({ standard: 250, standardLastYear: null })).toBeNull();
  });
});

describe('collection_source_share', () => {
  it('county subsidy 1,720万 of 3.44亿 collected = 5.0%', () => {
    expect(I.collection_source_share.compute({ sourceCollected: 17_200_000, totalCollected: 344_000_000 })).toBeCloseTo(0.05, 12);
    expect(I.collection_source_share.compute({ sourceCollected: 1, totalCollected: 0 })).toBeNull();
  });
});

describe('duplicates_per_10k', () => {
  it('200 duplicates among 400 000 enrolled = 5 per 10 000 (0.05%)', () => {
    expect(I.duplicates_per_10k.compute({ duplicates: 200, enrolled: 400_000 })).toBeCloseTo(5, 12);
    expect(I.duplicates_per_10k.compute({ duplicates: 200, enrolled: 0 })).toBeNull();
  });
});
