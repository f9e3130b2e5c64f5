// Display helpers of the 风险预警 page on top of lib/format (the one number formatter).
import { formatValue } from '@/lib/format';
import type { IndicatorUnit } from '@/lib/indicators/types';

/** A warning's value in its unit; robust z-scores (unit 'count') get one decimal. */
export function fmtMeasure(value: number | null | undefined, unit: string, signed = false): string {
  const u = unit as IndicatorUnit;
  return formatValue(value, u, { digits: u === 'count' ? 1 : undefined, signed: signed && u !== 'pp' });
}

const dateTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
});

/** An instant as 2025/11/23 12:34 (Beijing time: the bureau's clock, whatever the server's). */
export function fmtDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return dateTime.format(new Date(iso));
}
