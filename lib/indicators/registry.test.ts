import { describe, expect, it } from 'vitest';
import { AREAS, AREA_LABELS, INDICATOR_CODES, getIndicator, indicators, isIndicatorCode, listIndicators } from './registry';
import type { IndicatorDef } from './types';

const UNITS = ['ratio', 'yuan', 'yuan_per_person', 'months', 'count', 'pp', 'multiple'];
const POLARITIES = ['higher_better', 'lower_better', 'band'];
const STATUSES = ['good', 'warn', 'bad', 'none'];

// The codes other modules are written against (the indicator list of the product).
const REQUIRED_CODES = [
  'coverage_rate', 'poverty_coverage_rate', 'duplicate_enrollment_rate', 'collection_rate', 'subsidy_delivery_rate',
  'resident_contribution_gap', 'subsidy_per_capita', 'subsidy_individual_ratio', 'contribution_income_share',
  'enrollment_yoy',
  'income_execution_rate', 'expense_execution_rate', 'time_progress', 'income_execution_deviation',
  'expense_execution_deviation', 'current_balance', 'accumulated_balance', 'months_of_reserve',
  'expense_income_growth_gap',
  'primary_visit_share', 'in_county_rate', 'out_of_city_share', 'cost_per_visit', 'fund_payment_ratio',
  'referral_down_growth', 'family_doctor_signing_rate', 'key_population_signing_rate',
  'settlement_timeliness_rate', 'policy_reimbursement_ratio', 'assistance_per_case', 'violation_rate',
  'recovery_amount', 'remittance_timeliness_rate', 'remittance_avg_delay',
];

const all = listIndicators();

describe('registry integrity', () => {
  it('contains every required code', () => {
    for (const code of REQUIRED_CODES) expect(isIndicatorCode(code), code).toBe(true);
  });

  it('codes are unique, snake_case, and equal to their registry key', () => {
    const codes = all.map((d) => d.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const [key, def] of Object.entries(indicators)) {
      expect(def.code).toBe(key);
      expect(key).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
    }
    expect(INDICATOR_CODES).toEqual(codes);
  });

  it.each(all.map((d) => [d.code, d] as const))('%s has a complete definition', (_code, def: IndicatorDef) => {
    expect(def.name.trim()).not.toBe('');
    expect(def.name).toMatch(/[\u4e00-\u9fff]/); // 中文名
    expect(def.definition.trim()).not.toBe('');
    expect(def.definition).toMatch(/[\u4e00-\u9fff]/);
    expect(def.formula.trim()).not.toBe('');
    expect(def.sources.length).toBeGreaterThan(0);
    for (const s of def.sources) expect(s.trim()).not.toBe('');
    expect(AREAS).toContain(def.area);
    expect(UNITS).toContain(def.unit);
    expect(POLARITIES).toContain(def.polarity);
    expect(typeof def.compute).toBe('function');
    if (def.target !== undefined) expect(Number.isFinite(def.target)).toBe(true);
  });

  it.each(all.filter((d) => d.bands).map((d) => [d.code, d] as const))('%s has well-formed bands', (_c, def: IndicatorDef) => {
    const bands = def.bands!;
    expect(bands.length).toBeGreaterThan(0);
    for (const b of bands) {
      expect(STATUSES).toContain(b.status);
      expect(b.label.trim()).not.toBe('');
      if (b.min !== undefined && b.max !== undefined) expect(b.min).toBeLessThan(b.max);
    }
    // the last band catches everything the others leave, so no value goes unclassified
    const last = bands[bands.length - 1];
    const unbounded = bands.some((b) => b.min === undefined) && bands.some((b) => b.max === undefined);
    expect(unbounded || (last.min === undefined && last.max === undefined)).toBe(true);
  });

  it.each(all.map((d) => [d.code, d] as const))('%s returns null when inputs are missing', (_c, def: IndicatorDef) => {
    expect(def.compute({})).toBeNull();
  });
});

describe('getIndicator / listIndicators', () => {
  it('returns the definition for a known code', () => {
    expect(getIndicator('coverage_rate')).toBe(indicators.coverage_rate);
    expect(getIndicator('months_of_reserve').name).toBe('累计结余可支付月数');
    const dynamic: string = 'in_county_rate';
    expect(getIndicator(dynamic).name).toBe('县域内就诊率');
  });

  it('throws a clear error on an unknown code', () => {
    expect(() => getIndicator('no_such_indicator')).toThrow(/未知指标代码 "no_such_indicator"/);
    expect(() => getIndicator('')).toThrow(Error);
    expect(() => getIndicator('toString')).toThrow(/unknown indicator code/);
    expect(isIndicatorCode('constructor')).toBe(false);
  });

  it('lists by area in registry order, and every area has indicators', () => {
    for (const area of AREAS) {
      const list = listIndicators(area);
      expect(list.length, area).toBeGreaterThan(0);
      expect(list.every((d) => d.area === area)).toBe(true);
      expect(AREA_LABELS[area]).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(listIndicators('tiered_care').map((d) => d.code).slice(0, 2)).toEqual(['primary_visit_share', 'in_county_rate']);
    expect(AREAS.reduce((n, a) => n + listIndicators(a).length, 0)).toBe(all.length);
  });

  it('compute inputs are type-checked per indicator', () => {
    expect(indicators.coverage_rate.compute({ enrolled: 950, shouldEnroll: 1000 })).toBe(0.95);
    // @ts-expect-error — shouldEnroll is required
    indicators.coverage_rate.compute({ enrolled: 950 });
    // @ts-expect-error — inputs of another indicator
    indicators.months_of_reserve.compute({ enrolled: 950, shouldEnroll: 1000 });
  });
});
