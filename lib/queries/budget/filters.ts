// The 预算执行 page's extra URL filter: the as-of month (统计截至月份), parsed with zod like the base
// filters (lib/queries/filters.ts); a bad value falls back to "the year's last month with data".
import { z } from 'zod';

const month = z.coerce.number().int().min(1).max(12);

export function parseAsOfMonth(params: Record<string, string | string[] | undefined>): number | null {
  const raw = Array.isArray(params.month) ? params.month[0] : params.month;
  if (raw === undefined || raw === '') return null;
  const r = month.safeParse(raw);
  return r.success ? r.data : null;
}
