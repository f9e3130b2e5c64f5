import 'server-only';
// One request context per filtered page: the dataset, who is asking (getViewer), the URL filters parsed
// once with zod (year, scheme, region, as-of month), and the labels the header shows. A page builds it
// once and passes it (or the request object derived from it) down; widgets never re-parse the URL.
import { getViewer, type Viewer } from '../auth/viewer';
import type { Scope } from '../auth/scope';
import { regionDisplayName, schemeLabel, type SchemeFilter } from '../domain/codes';
import { parseAsOfMonth } from './budget/filters';
import { parseBaseFilters, tableSortParams, type BaseFilters } from './filters';
import { getDatasetInfo, type DatasetInfo } from './meta/getDatasetInfo';

type Params = Record<string, string | string[] | undefined>;

export interface RequestContext {
  info: DatasetInfo;
  viewer: Viewer;
  scope: Scope;
  filters: BaseFilters;
  /** the selected region's code: the county, or the city's code for 'ALL' */
  regionCode: string;
  /** '江临市（全市）' or the county's name */
  regionLabel: string;
  /** '城乡居民基本医疗保险', or '全部险种' */
  schemeLabel: string;
  /** the last month (1–12) of the selected year with data */
  lastMonth: number;
  /** the as-of month asked for in the URL when the data reach it, else null (= lastMonth) */
  month: number | null;
  /** table sort params to keep across filter changes */
  sorts: Record<string, string>;
  /** the raw URL params, for page-specific extras */
  params: Params;
  /** a key for Suspense boundaries: changes with any filter */
  key: string;
}

/**
 * The context of a filtered page, or null when the warehouse holds no data yet (the page shows its empty
 * state). `defaultScheme`: the scheme when the URL names none (RESIDENT unless given).
 */
export async function requestContext(searchParams: Params | Promise<Params>, opts: { defaultScheme?: SchemeFilter } = {}): Promise<RequestContext | null> {
  const [info, viewer, params] = await Promise.all([getDatasetInfo(), getViewer(), searchParams]);
  if (!info || info.years.length === 0) return null;
  const filters = parseBaseFilters(params, { years: info.years, regionCodes: info.counties.map((c) => c.code), defaultScheme: opts.defaultScheme });
  const lastMonth = filters.year === Math.floor(info.lastPeriod / 100) ? info.lastPeriod % 100 : 12;
  const asked = parseAsOfMonth(params);
  const month = asked !== null && asked <= lastMonth ? asked : null;
  const regionCode = filters.region === 'ALL' ? info.cityCode : filters.region;
  return {
    info, viewer, scope: viewer.scope, filters, regionCode,
    regionLabel: regionDisplayName({ code: info.cityCode, name: info.cityName }, info.counties, regionCode),
    schemeLabel: schemeLabel(filters.scheme),
    lastMonth, month,
    sorts: tableSortParams(params),
    params,
    key: `${filters.year}-${filters.scheme}-${filters.region}-${month ?? ''}`,
  };
}
