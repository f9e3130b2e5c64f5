// Public report URLs. The view (county, year, scheme) lives in the path, not the query, so every view is a
// static page cached per release: /open, /open/2023, /open/2023/resident, /open/439921, /open/439921/2023/resident.
import type { SchemeFilter } from '../domain/codes';

export interface OpenViewParams {
  /** null = the city */
  code: string | null;
  /** null = the latest published year */
  year: number | null;
  scheme: SchemeFilter;
}

const SCHEME_SLUGS: Record<string, SchemeFilter> = { all: 'ALL', employee: 'EMPLOYEE', resident: 'RESIDENT', maternity: 'MATERNITY' };

/**
 * Reads the path segments after /open: [code]? [year]? [scheme]? in that order. null for anything else
 * (the page answers 404). Region codes are 6 characters (GB/T 2260, or local codes like 4399A1).
 */
export function parseOpenSlug(slug: readonly string[] | undefined): OpenViewParams | null {
  const segs = [...(slug ?? [])].map((s) => decodeURIComponent(s));
  const out: OpenViewParams = { code: null, year: null, scheme: 'ALL' };
  let i = 0;
  if (i < segs.length && /^[0-9A-Za-z]{6}$/.test(segs[i]) && !/^\d{4}$/.test(segs[i])) out.code = segs[i++].toUpperCase();
  if (i < segs.length && /^\d{4}$/.test(segs[i])) out.year = Number(segs[i++]);
  if (i < segs.length && segs[i].toLowerCase() in SCHEME_SLUGS) out.scheme = SCHEME_SLUGS[segs[i++].toLowerCase()];
  return i === segs.length ? out : null;
}

/** The canonical path of a view; `cityCode` given → the city is written as /open (no code). */
export function openPath(v: { code: string | null; year: number | null; scheme: SchemeFilter }, cityCode?: string): string {
  const parts = ['/open'];
  if (v.code && v.code !== cityCode) parts.push(v.code);
  if (v.year !== null) parts.push(String(v.year));
  if (v.scheme !== 'ALL') parts.push(v.scheme.toLowerCase());
  return parts.join('/');
}

/** Query of the download route for one chart of a view. */
export function downloadHref(v: { code: string | null; year: number; scheme: SchemeFilter }, chart: string, format: 'csv' | 'csv-gbk' | 'xlsx'): string {
  const q = new URLSearchParams({ year: String(v.year), scheme: v.scheme, chart, format });
  if (v.code) q.set('code', v.code);
  return `/api/open/download?${q.toString()}`;
}
