import { describe, expect, it } from 'vitest';
import { indicators } from './registry';
import { bandContains, indicatorStatus, indicatorStatusDetail, matchBand, targetStatus } from './status';
import type { Band } from './types';

describe('bands', () => {
  it('bounds are half-open: min <= value < max', () => {
    const b: Band = { min: 6, max: 9, status: 'good', label: '合理' };
    expect(bandContains(b, 6)).toBe(true);
    expect(bandContains(b, 8.999)).toBe(true);
    expect(bandContains(b, 9)).toBe(false);
    expect(bandContains(b, 5.999)).toBe(false);
    expect(bandContains({ status: 'good', label: '全部' }, -1e12)).toBe(true);
  });

  it('tolerates floating-point noise at an edge', () => {
    // 0.3 − 0.25 = 0.04999999999999999 must count as reaching 0.05
    expect(bandContains({ min: 0.05, status: 'bad', label: 'x' }, 0.3 - 0.25)).toBe(true);
  });

  it('first match wins', () => {
    const bands: Band[] = [
      { max: 0, status: 'bad', label: 'a' },
      { max: 10, status: 'warn', label: 'b' },
      { status: 'good', label: 'c' },
    ];
    expect(matchBand(bands, -5)?.label).toBe('a');
    expect(matchBand(bands, 0)?.label).toBe('b');
    expect(matchBand(bands, 10)?.label).toBe('c');
    expect(matchBand([{ min: 0, max: 1, status: 'good', label: 'x' }], 2)).toBeUndefined();
  });
});

describe('targetStatus (5% relative tolerance)', () => {
  it('higher_better: >= target good, within 5% of target warn, else bad', () => {
    expect(targetStatus('higher_better', 0.95, 0.95)).toBe('good');
    expect(targetStatus('higher_better', 0.96, 0.95)).toBe('good');
    expect(targetStatus('higher_better', 0.9025, 0.95)).toBe('warn'); // 0.95 × 0.95 edge
    expect(targetStatus('higher_better', 0.91, 0.95)).toBe('warn');
    expect(targetStatus('higher_better', 0.9, 0.95)).toBe('bad');
  });

  it('lower_better mirrored', () => {
    expect(targetStatus('lower_better', 0.01, 0.01)).toBe('good');
    expect(targetStatus('lower_better', 0.0105, 0.01)).toBe('warn');
    expect(targetStatus('lower_better', 0.011, 0.01)).toBe('bad');
  });

  it('a zero target has no tolerance; band polarity has no target rule', () => {
    expect(targetStatus('higher_better', 0, 0)).toBe('good');
    expect(targetStatus('higher_better', -30, 0)).toBe('bad');
    expect(targetStatus('band', 5, 5)).toBe('none');
  });
});

describe('indicatorStatus', () => {
  it("'none' for a missing value", () => {
    expect(indicatorStatus(indicators.coverage_rate, null)).toBe('none');
    expect(indicatorStatus(indicators.coverage_rate, undefined)).toBe('none');
    expect(indicatorStatus(indicators.months_of_reserve, Number.NaN)).toBe('none');
    expect(indicatorStatusDetail(indicators.coverage_rate, null).label).toBe('无数据');
  });

  it('uses the default target, or the one passed in', () => {
    expect(indicatorStatus(indicators.coverage_rate, 0.95)).toBe('good');
    expect(indicatorStatus(indicators.coverage_rate, 0.93)).toBe('warn');
    expect(indicatorStatus(indicators.coverage_rate, 0.96, 0.97)).toBe('warn');
    expect(indicatorStatus(indicators.coverage_rate, 0.9, 0.9)).toBe('good');
    expect(indicatorStatusDetail(indicators.coverage_rate, 0.93)).toEqual({ status: 'warn', label: '接近目标', target: 0.95 });
  });

  it("'none' when there is neither a band nor a target", () => {
    expect(indicatorStatus(indicators.duplicate_enrollment_rate, 0.003)).toBe('none');
    expect(indicatorStatus(indicators.duplicate_enrollment_rate, 0.003, 0.005)).toBe('good');
    expect(indicatorStatus(indicators.subsidy_individual_ratio, 1.91)).toBe('none');
  });

  it('uses bands when present, and configured bands override the defaults', () => {
    expect(indicatorStatusDetail(indicators.months_of_reserve, 7)).toMatchObject({ status: 'good', label: '合理' });
    const strict: Band[] = [
      { max: 6, status: 'bad', label: '不足' },
      { status: 'good', label: '充足' },
    ];
    expect(indicatorStatus(indicators.months_of_reserve, 4, undefined, { bands: strict })).toBe('bad');
  });

  it('months_of_reserve bands: <3 bad, 3–6 warn, 6–9 good, 9–15 good (较多), >=15 warn', () => {
    const s = (v: number) => indicatorStatusDetail(indicators.months_of_reserve, v);
    expect(s(6)).toMatchObject({ status: 'good', label: '合理' });
    expect(s(5.99)).toMatchObject({ status: 'warn', label: '不足' });
    expect(s(3)).toMatchObject({ status: 'warn', label: '不足' });
    expect(s(2.99)).toMatchObject({ status: 'bad', label: '严重不足' });
    expect(s(-1)).toMatchObject({ status: 'bad', label: '严重不足' });
    expect(s(9)).toMatchObject({ status: 'good', label: '较多' });
    expect(s(14.99)).toMatchObject({ status: 'good', label: '较多' });
    expect(s(15.01)).toMatchObject({ status: 'warn', label: '过多' });
    expect(s(15)).toMatchObject({ status: 'warn', label: '过多' });
  });

  it('expense_income_growth_gap: >=2pp warn, >=5pp bad', () => {
    const s = (v: number) => indicatorStatus(indicators.expense_income_growth_gap, v);
    expect(s(-0.01)).toBe('good');
    expect(s(0.019)).toBe('good');
    expect(s(0.03)).toBe('warn');
    expect(s(0.06)).toBe('bad');
  });

  it('remittance_avg_delay bands', () => {
    const s = (v: number) => indicatorStatus(indicators.remittance_avg_delay, v);
    expect(s(0)).toBe('good');
    expect(s(2.5)).toBe('warn');
    expect(s(5)).toBe('bad');
  });
});

describe('notApplicableReason', () => {
  it('names why an indicator does not apply to a scheme, and applies it to every other filter', async () => {
    const { notApplicableReason } = await import('./status');
    const { indicators } = await import('./registry');
    expect(notApplicableReason(indicators.primary_visit_share, 'MATERNITY')).toMatch(/^不适用/);
    expect(notApplicableReason(indicators.primary_visit_share, 'RESIDENT')).toBeNull();
    expect(notApplicableReason(indicators.primary_visit_share, 'ALL')).toBeNull();
    for (const s of ['EMPLOYEE', 'MATERNITY']) {
      expect(notApplicableReason(indicators.subsidy_delivery_rate, s)).toMatch(/财政补助/);
      expect(notApplicableReason(indicators.subsidy_per_capita, s)).toMatch(/财政补助/);
    }
    expect(notApplicableReason(indicators.subsidy_delivery_rate, 'RESIDENT')).toBeNull();
    expect(notApplicableReason(indicators.coverage_rate, 'MATERNITY')).toBeNull();
  });
});
