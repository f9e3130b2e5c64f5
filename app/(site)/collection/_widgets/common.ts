// Helpers shared by the widgets of 参保征缴 and 预算执行 (server side): region names, drill-down links,
// and the status words that go with every status colour.
import type { DatasetInfo } from '@/lib/queries/meta/getDatasetInfo';
import { STATUS_LABEL } from '../../ui/status';
import type { Status } from '@/lib/indicators/types';
import { regionDisplayName } from '@/lib/domain/codes';

export interface PageContext {
  cityCode: string;
  cityName: string;
  counties: { code: string; name: string; shortName: string }[];
}

export function pageContext(info: DatasetInfo): PageContext {
  return { cityCode: info.cityCode, cityName: info.cityName, counties: info.counties.map((c) => ({ code: c.code, name: c.name, shortName: c.shortName })) };
}

/** code → display name; the city is '江临市（全市）'. */
export function regionName(ctx: PageContext, code: string): string {
  return regionDisplayName({ code: ctx.cityCode, name: ctx.cityName }, ctx.counties, code);
}

/** A label short enough for a chart axis: long names (江临高新技术产业开发区) give way to the short name. */
export function chartName(ctx: PageContext, code: string): string {
  const name = regionName(ctx, code);
  if (name.length <= 6) return name;
  return ctx.counties.find((c) => c.code === code)?.shortName ?? name;
}

/** Link from a city-level row to the same page filtered to one county (drill-down keeps the other filters). */
export function drillHref(path: string, params: Record<string, string | number | null | undefined>, code: string, ctx: PageContext): string | null {
  if (code === ctx.cityCode) return null;
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') q.set(k, String(v));
  q.set('region', code);
  return `${path}?${q.toString()}`;
}

/** Status word for a table cell (status never depends on colour alone). */
export function statusText(s: Status): string {
  return s === 'none' ? '—' : STATUS_LABEL[s];
}

/** Order: the city first, then counties in the dataset's order. */
export function byRegionOrder<T extends { code: string }>(ctx: PageContext, rows: T[]): T[] {
  const order = [ctx.cityCode, ...ctx.counties.map((c) => c.code)];
  const rank = (c: string) => { const i = order.indexOf(c); return i === -1 ? order.length : i; };
  return [...rows].sort((a, b) => rank(a.code) - rank(b.code));
}
