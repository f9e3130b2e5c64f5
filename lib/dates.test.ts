import { describe, expect, it } from 'vitest';
import { addMonths as addCalendarMonths } from 'date-fns';
import { daysInMonth, formatDateTimeZh, formatDateZh, formatTimeZh, monthEndIso, periodOfDate, periodStart, shiftPeriod } from './dates';
import { addMonths } from './indicators/compute';

describe('lib/dates', () => {
  it('shifts periods across years and agrees with the registry helper', () => {
    expect(shiftPeriod(202401, -1)).toBe(202312);
    expect(shiftPeriod(202312, 1)).toBe(202401);
    expect(shiftPeriod(202403, -27)).toBe(202112);
    for (const [p, n] of [[202001, -13], [201712, 85], [202406, 0]] as const) expect(addMonths(p, n)).toBe(shiftPeriod(p, n));
    expect(periodOfDate(periodStart(202409))).toBe(202409);
  });
  it('shifts by integer arithmetic exactly as the calendar does (out-of-range months included)', () => {
    let checked = 0;
    for (let year = 1899; year <= 2101; year += 7) {
      for (let month = 0; month <= 13; month++) {
        const p = year * 100 + month;
        for (let n = -150; n <= 150; n += 7) {
          expect(shiftPeriod(p, n), `${p} ${n}`).toBe(periodOfDate(addCalendarMonths(periodStart(p), n)));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(10_000);
    // outside the arithmetic path: the calendar's own answer
    expect(shiftPeriod(5001, 1)).toBe(periodOfDate(addCalendarMonths(periodStart(5001), 1)));
    expect(shiftPeriod(202401, 1.5)).toBe(periodOfDate(addCalendarMonths(periodStart(202401), 1.5)));
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
    expect(formatTimeZh('2025-12-31T16:05:00Z')).toBe('00:05');
    expect(formatDateZh('2024-03-05')).toBe('2024年3月5日');
  });
});

describe('instants on pages are Beijing time, through formatDateTimeZh only', () => {
  it('a report version names its time in Beijing time', async () => {
    const { versionLabel } = await import('./reports/store');
    expect(versionLabel({ version: 2, generatedAt: new Date('2026-12-01T08:45:00Z'), trigger: 'MANUAL' })).toContain('2026-12-01 16:45（北京时间）');
  });

  it('no page or module formats an instant from its UTC text or with its own time-zone setting', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const root = path.resolve(__dirname, '..');
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) { if (!['generated', 'e2e', 'node_modules'].includes(e.name)) walk(p); continue; }
        if (!/\.tsx?$/.test(e.name) || /\.test\.tsx?$/.test(e.name)) continue;
        const text = fs.readFileSync(p, 'utf8');
        // toISOString().slice(0, 16): a UTC wall clock shown as if local; toLocale…({ timeZone }): a second formatter.
        if (/toISOString\(\)\.slice\(0, ?1[69]\)|toLocale(?:String|TimeString)\([^)]*timeZone/.test(text)) offenders.push(path.relative(root, p));
      }
    };
    walk(path.join(root, 'app'));
    walk(path.join(root, 'lib'));
    expect(offenders).toEqual([]);
  });
});
