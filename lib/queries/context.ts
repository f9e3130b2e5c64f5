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
import { cityParams, selectableCounties, selectCity } from '../regions/selectCity';
import { boundCity, isProvinceWide, ScopeError } from '../auth/scope';
import { forbidden } from 'next/navigation';
import { headers } from 'next/headers';

type Params = Record<string, string | string[] | undefined>;

export interface RequestContext {
  info: DatasetInfo;
  viewer: Viewer;
  scope: Scope;
  filters: BaseFilters;
  /** the selected region's code: the county, or the city's code for 'ALL' */
  regionCode: string;
  /** '江临市（全市）', the county's name, or '某省（全省）' at province level */
  regionLabel: string;
  /** '城乡居民基本医疗保险', or '全部险种' */
  schemeLabel: string;
  /** the last month (1–12) of the selected year with data */
  lastMonth: number;
  /** the as-of month asked for in the URL when the data reach it, else null (= lastMonth) */
  month: number | null;
  /** table sort params to keep across filter changes */
  sorts: Record<string, string>;
  /** `{ city }` when a city is selected among several (lib/regions/selectCity): kept in links and filter forms */
  keep: Record<string, string>;
  /** the counties the filter bar's 地区 select offers: a county user only its own (another is a 403) */
  regions: DatasetInfo['counties'];
  /** the filter bar's 地市 select when the warehouse holds several cities and the viewer may choose; else {} */
  cityChoice: { cities?: { code: string; name: string }[]; city?: string };
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
  const [viewer, params] = await Promise.all([getViewer(), searchParams]);
  const sel = await selectedDataset(params, viewer);
  if (!sel) return null;
  const { info, keep } = sel;
  if (info.years.length === 0) return null;
  const filters = parseBaseFilters(params, { years: info.years, regionCodes: info.counties.map((c) => c.code), defaultScheme: opts.defaultScheme });
  const lastMonth = filters.year === Math.floor(info.lastPeriod / 100) ? info.lastPeriod % 100 : 12;
  const asked = parseAsOfMonth(params);
  const month = asked !== null && asked <= lastMonth ? asked : null;
  const regionCode = filters.region === 'ALL' ? info.cityCode : filters.region;
  return {
    info, viewer, scope: viewer.scope, filters, regionCode,
    regionLabel: info.level === 'province' ? `${info.cityName}（全省）` : regionDisplayName({ code: info.cityCode, name: info.cityName }, info.counties, regionCode),
    schemeLabel: schemeLabel(filters.scheme),
    lastMonth, month,
    sorts: tableSortParams(params),
    keep,
    regions: selectableCounties(info.counties, viewer.scope),
    cityChoice: info.cities.length > 1 && isProvinceWide(viewer.scope) ? { cities: info.cities.map((c) => ({ code: c.code, name: c.name })), city: keep.city ?? '' } : {},
    params,
    key: `${info.cityCode}-${filters.year}-${filters.scheme}-${filters.region}-${month ?? ''}`,
  };
}

/**
 * The dataset of a request: the selected city's (lib/regions/selectCity), or the province level when the
 * warehouse holds several cities and none is selected; with the params that keep the selection. A county
 * user, or a city user bound to a city, asking for another city gets the 403 page. Null when no city is registered.
 */
export async function selectedDataset(params: Params, viewer: Viewer): Promise<{ info: DatasetInfo; keep: Record<string, string> } | null> {
  const all = await getDatasetInfo();
  if (!all) return null;
  let city: string | null;
  try {
    city = selectCity(all.cities, params, viewer.scope);
  } catch (e) {
    if (e instanceof ScopeError) forbidden();
    throw e;
  }
  const info = city && city !== all.cityCode ? await getDatasetInfo(city) : all;
  if (!info) return null;
  return { info, keep: cityParams(info.cities, city) };
}

/**
 * The dataset of a county's pages (/counties/<code>): the county's city's, whatever the URL's `city` says;
 * null when no city is registered. A county of no city gives the warehouse's default (the page's 404).
 */
export async function datasetOfCounty(code: string): Promise<{ info: DatasetInfo; keep: Record<string, string> } | null> {
  const all = await getDatasetInfo();
  if (!all) return null;
  const city = all.cities.find((c) => c.counties.some((k) => k.code === code))?.code ?? null;
  const info = city && city !== all.cityCode ? await getDatasetInfo(city) : all;
  if (!info) return null;
  return { info, keep: cityParams(info.cities, city) };
}

/**
 * For the layouts of the pages that take `city=`, `region=` or `county=`: a county user or a bound city user
 * naming another city, or a region not theirs (lib/regions/selectCity checkRegionParams), gets the 403 page
 * from the layout, above the page's loading state, so the response carries the real status (a page streams
 * behind its loading state with 200). Reads the query from proxy.ts's x-yibao-path header; does nothing
 * without those parameters or for the province-wide (they may open any city and region).
 */
export async function requireCityAccess(): Promise<void> {
  const path = (await headers()).get('x-yibao-path');
  const query = path?.includes('?') ? new URLSearchParams(path.slice(path.indexOf('?') + 1)) : null;
  if (!query || !['city', 'region', 'county'].some((k) => query.has(k))) return;
  const viewer = await getViewer();
  if (viewer.scope.kind !== 'county' && boundCity(viewer.scope) === null) return;
  // Repeated names stay lists, as the page's own searchParams give them: the layout and the page must judge
  // the same `city` (the first), or `?city=<other>&city=<own>` would pass here and fail in the page.
  const params: Params = {};
  for (const k of new Set(query.keys())) {
    const all = query.getAll(k);
    params[k] = all.length > 1 ? all : all[0];
  }
  await selectedDataset(params, viewer);
}
