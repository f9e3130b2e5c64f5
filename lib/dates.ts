// Dates and months, one home (date-fns): YYYYMM month keys ("periods") to calendar dates and back, month
// arithmetic, month ends, and instants shown in Beijing time in Chinese. Periods stay integers in the
// warehouse and the indicator code; these helpers are where they meet the calendar.
import { addMonths as addCalendarMonths, endOfMonth, format, getDaysInMonth } from 'date-fns';
import { zhCN } from 'date-fns/locale';
import { TZDate } from '@date-fns/tz';

/** The first day of a YYYYMM period as a calendar date (local midnight). */
export function periodStart(period: number): Date {
  return new Date(Math.floor(period / 100), (period % 100) - 1, 1);
}

/** The YYYYMM period of a calendar date. */
export function periodOfDate(d: Date): number {
  return d.getFullYear() * 100 + d.getMonth() + 1;
}

/**
 * Shift a YYYYMM period by n calendar months (n may be negative): 202401, -1 → 202312. Integer arithmetic on
 * year × 12 + month for the usual case (the risk evaluation shifts months millions of times, and a Date per
 * call dominated it); the calendar path for the rest (a fractional n, a year below 100, which Date reads as 19xx).
 */
export function shiftPeriod(period: number, n: number): number {
  if (Number.isInteger(period) && Number.isInteger(n) && period >= 10_000) {
    const months = Math.floor(period / 100) * 12 + (period % 100) - 1 + n;
    const year = Math.floor(months / 12);
    return year * 100 + (months - year * 12) + 1;
  }
  return periodOfDate(addCalendarMonths(periodStart(period), n));
}

/** Days in month `month` (1–12) of `year`: 2024, 2 → 29. */
export function daysInMonth(year: number, month: number): number {
  return getDaysInMonth(new Date(year, month - 1, 1));
}

/** The last calendar day of a YYYYMM period as 'YYYY-MM-DD' (a month-end cut-off): 202402 → '2024-02-29'. */
export function monthEndIso(period: number): string {
  return format(endOfMonth(periodStart(period)), 'yyyy-MM-dd');
}

const BEIJING = 'Asia/Shanghai';

/**
 * An instant (ISO text or Date) in Beijing time — the bureau's clock, whatever the server's — as
 * '2025-11-23 12:34'; '—' when missing.
 */
export function formatDateTimeZh(instant: string | Date | null | undefined): string {
  if (!instant) return '—';
  return format(new TZDate(new Date(instant), BEIJING), 'yyyy-MM-dd HH:mm', { locale: zhCN });
}

/** The time of day of an instant in Beijing time, 'HH:mm' (e.g. a lock that ends within the hour). */
export function formatTimeZh(instant: string | Date): string {
  return format(new TZDate(new Date(instant), BEIJING), 'HH:mm');
}

/** A calendar date in Chinese: '2024-03-05' → '2024年3月5日'. */
export function formatDateZh(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  return format(new Date(y, m - 1, d), 'yyyy年M月d日', { locale: zhCN });
}
