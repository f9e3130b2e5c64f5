// Small display helpers of the admin pages (numbers still go through lib/format).
import { formatPeriod } from '@/lib/format';
import { formatDateTimeZh } from '@/lib/dates';

/** '2026-11-23 12:05' in Beijing time (lib/dates). */
export const formatDateTime = (iso: string): string => formatDateTimeZh(iso);

/** '2024年1月' or '2024年1月—2024年3月'. */
export function periodRange(from: number | null, to: number | null): string {
  if (!from) return '';
  return from === to || !to ? formatPeriod(from) : `${formatPeriod(from)}—${formatPeriod(to)}`;
}

export function bytesLabel(bytes: number | null): string {
  if (!bytes) return '—';
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export function durationLabel(ms: number | null): string {
  if (ms === null || ms === undefined) return '—';
  return ms < 1000 ? `${ms} 毫秒` : `${(ms / 1000).toFixed(1)} 秒`;
}

export const MODE_LABELS: Record<string, string> = { APPEND: '追加', REPLACE: '更正（替换）' };
