// Display helpers of the 风险预警 page on top of lib/format (the one number formatter).
import { formatValue } from '@/lib/format';
import type { IndicatorUnit } from '@/lib/indicators/types';
import { formatDateTimeZh } from '@/lib/dates';

/** A warning's value in its unit; robust z-scores (unit 'count') get one decimal. */
export function fmtMeasure(value: number | null | undefined, unit: string, signed = false): string {
  const u = unit as IndicatorUnit;
  return formatValue(value, u, { digits: u === 'count' ? 1 : undefined, signed: signed && u !== 'pp' });
}

/** An instant as 2025-11-23 12:34 (Beijing time: the bureau's clock, whatever the server's; lib/dates). */
export const fmtDateTime = (iso: string | null | undefined): string => formatDateTimeZh(iso);
