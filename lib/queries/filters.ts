// URL filters, parsed once with zod: year, scheme and region live in the URL so every view can be
// shared and bookmarked. Bad values fall back to defaults instead of erroring.
import { z } from 'zod';
import type { SchemeFilter } from '../domain/codes';

export interface BaseFilters {
  year: number;
  scheme: SchemeFilter;
  region: string | 'ALL';
}

type Params = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

const schema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  scheme: z.enum(['ALL', 'EMPLOYEE', 'RESIDENT', 'MATERNITY']).optional().catch(undefined),
  region: z.string().regex(/^[0-9A-Za-z-]{2,20}$/).optional().catch(undefined),
});

export function parseBaseFilters(params: Params, ctx: { years: number[]; regionCodes: string[]; defaultScheme?: SchemeFilter }): BaseFilters {
  const raw = schema.parse({ year: first(params.year), scheme: first(params.scheme), region: first(params.region) });
  const latest = ctx.years[ctx.years.length - 1];
  const year = raw.year !== undefined && ctx.years.includes(raw.year) ? raw.year : latest;
  const region = raw.region && ctx.regionCodes.includes(raw.region) ? raw.region : 'ALL';
  return { year, scheme: raw.scheme ?? ctx.defaultScheme ?? 'RESIDENT', region };
}

/** Table sort params (`<table>.sort=field.desc`) to keep when the filters change. */
export function tableSortParams(params: Params): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) if (k.endsWith('.sort') && typeof v === 'string') out[k] = v;
  return out;
}
