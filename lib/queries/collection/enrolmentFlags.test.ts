import { describe, expect, it } from 'vitest';
import { selectiveEnrolmentFlag } from './enrolmentFlags';

describe('selectiveEnrolmentFlag', () => {
  it('石门县-like: standard +12%, enrolment −2.4%, coverage −1.6pp → bad', () => {
    expect(selectiveEnrolmentFlag({ standardGrowth: 0.12, enrollmentYoy: -0.024, coverageChange: -0.016 })).toEqual({ status: 'bad', label: '缴费上涨，参保明显下降' });
  });
  it('a mild fall in both → warn', () => {
    expect(selectiveEnrolmentFlag({ standardGrowth: 0.12, enrollmentYoy: -0.011, coverageChange: -0.004 })?.status).toBe('warn');
  });
  it('population loss alone (head count down, coverage steady within ±0.2pp) is not flagged', () => {
    expect(selectiveEnrolmentFlag({ standardGrowth: 0.12, enrollmentYoy: -0.008, coverageChange: 0.001 })).toBeNull();
    expect(selectiveEnrolmentFlag({ standardGrowth: 0.136, enrollmentYoy: -0.008, coverageChange: -0.0005 })).toBeNull();
  });
  it('no rise in the standard (2020: 250 → 250) → no flag, whatever enrolment does', () => {
    expect(selectiveEnrolmentFlag({ standardGrowth: 0, enrollmentYoy: -0.03, coverageChange: -0.02 })).toBeNull();
    expect(selectiveEnrolmentFlag({ standardGrowth: null, enrollmentYoy: -0.03, coverageChange: -0.02 })).toBeNull();
  });
  it('enrolment up while the standard rises → no flag', () => {
    expect(selectiveEnrolmentFlag({ standardGrowth: 0.1, enrollmentYoy: 0.01, coverageChange: -0.002 })).toBeNull();
  });
});
