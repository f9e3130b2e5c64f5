// URL filters of the 风险预警 page, parsed once with zod: bad values fall back to defaults.
import { z } from 'zod';
import type { SchemeCode } from '../../domain/codes';
import { RULE_CODES } from '../../risk/rules';
import type { Severity, WarningStatus } from '../../risk/types';

export type StatusFilter = 'open' | 'all' | WarningStatus;

export interface RiskFilters {
  status: StatusFilter;
  severity: Severity | 'ALL';
  region: string | 'ALL';
  rule: string | 'ALL';
  page: number;
  /** scheme of the projection panel */
  pscheme: SchemeCode;
  /** page of the handling history (处理记录); absent = 1 */
  hpage?: number;
  /** the selected city when the warehouse holds several (lib/regions/selectCity); kept in every link */
  city?: string;
}

type Params = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

const schema = z.object({
  status: z.enum(['open', 'all', 'NEW', 'VERIFIED', 'DISPOSED', 'FALSE_POSITIVE', 'CLOSED']).catch('open'),
  severity: z.enum(['ALL', 'SEVERE', 'WARNING', 'NOTICE']).catch('ALL'),
  region: z.string().regex(/^[0-9A-Za-z-]{2,20}$/).catch('ALL'),
  rule: z.string().regex(/^[a-z_]{2,40}$/).catch('ALL'),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
  pscheme: z.enum(['EMPLOYEE', 'RESIDENT', 'MATERNITY']).catch('RESIDENT'),
  hpage: z.coerce.number().int().min(1).max(10_000).catch(1),
});

/** `ctx.city`: the selected city's code among several (kept in links), else null/absent. */
export function parseRiskFilters(params: Params, ctx: { regionCodes: string[]; city?: string | null }): RiskFilters {
  const raw = schema.parse({
    status: first(params.status) ?? 'open', severity: first(params.severity) ?? 'ALL', region: first(params.region) ?? 'ALL',
    rule: first(params.rule) ?? 'ALL', page: first(params.page) ?? 1, pscheme: first(params.pscheme) ?? 'RESIDENT',
    hpage: first(params.hpage) ?? 1,
  });
  const { hpage, ...rest } = raw;
  return {
    ...rest,
    ...(hpage > 1 ? { hpage } : {}),
    ...(ctx.city ? { city: ctx.city } : {}),
    region: raw.region !== 'ALL' && ctx.regionCodes.includes(raw.region) ? raw.region : 'ALL',
    rule: raw.rule !== 'ALL' && RULE_CODES.includes(raw.rule) ? raw.rule : 'ALL',
  };
}

/** The query string for a set of filters (links that change one filter keep the others). */
export function riskHref(f: RiskFilters, change: Partial<RiskFilters> = {}, hash = ''): string {
  const next = { ...f, ...change };
  const q = new URLSearchParams();
  if (next.city) q.set('city', next.city);
  if (next.status !== 'open') q.set('status', next.status);
  if (next.severity !== 'ALL') q.set('severity', next.severity);
  if (next.region !== 'ALL') q.set('region', next.region);
  if (next.rule !== 'ALL') q.set('rule', next.rule);
  if (next.page !== 1) q.set('page', String(next.page));
  if (next.pscheme !== 'RESIDENT') q.set('pscheme', next.pscheme);
  if (next.hpage !== undefined && next.hpage > 1) q.set('hpage', String(next.hpage));
  const s = q.toString();
  return `/risk${s ? `?${s}` : ''}${hash}`;
}
