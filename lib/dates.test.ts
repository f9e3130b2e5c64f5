import { describe, expect, it } from 'vitest';
import { daysInMonth, formatDateTimeZh, formatDateZh, monthEndIso, periodOfDate, periodStart, shiftPeriod } from './dates';
import { addMonths } from './indicators/compute';

describe('lib/dates', () => {
  it('shifts periods across years and agrees with the registry helper', () => {
    expect(shiftPeriod(202401, -1)).toBe(202312);
    expect(shiftPeriod(202312, 1)).toBe(202401);
    expect(shiftPeriod(202403, -27)).toBe(202112);
    for (const [p, n] of [[202001, -13], [201712, 85], [202406, 0]] as const) expect(addMonths(p, n)).toBe(shiftPeriod(p, n));
    expect(periodOfDate(periodStart(202409))).toBe(202409);
  });
  it('month ends and lengths, leap years included', () => {
    expect(monthEndIso(202402)).toBe('2024-02-29');
    expect(monthEndIso(202302)).toBe('2023-02-28');
    expect(monthEndIso(202412)).toBe('2024-12-31');
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 4)).toBe(30);
  });
  it('formats instants in Beijing time and dates in Chinese', () => {
    expect(formatDateTimeZh('2025-11-23T04:34:00Z')).toBe('2025-11-23 12:34');
    expect(formatDateTimeZh('2025-12-31T16:05:00Z')).toBe('2026-01-01 00:05');
    expect(formatDateTimeZh(null)).toBe('—');
    expect(formatDateZh('2024-03-05')).toBe('2024年3月5日');
  });
});
