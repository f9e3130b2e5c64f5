import 'server-only';
// Dashboards kept rendered per scope, until the data change.
//
// A dashboard (总览, 参保征缴, 预算执行, 风险预警, 分级诊疗, 县域画像) shows the same thing to everyone of one
// scope (the city's analysts and leaders, one county's bureau, an administrator) for one set of filters,
// until the data version advances (an import, a correction, a rule or warning change, a release:
// lib/cache). Rendering one costs 40–160 ms of CPU, so a meeting room opening the same view at once used
// to queue behind itself. proxy.ts checks the session against the database on every request, as the page
// would, then rewrites the address to /v/<token>/<query><path>, which Next renders once and then serves
// from its page cache (app/v/[token]/…, `force-static`). The token names the scope and the data version and
// is signed with the auth secret, so the rendering cannot be asked for without the proxy having checked
// who is asking (and a direct request to /v/… is a 404 there anyway).
//
// What a kept rendering cannot carry: the signed-in user's name (the shell shows the role, and the name
// after the page loads, from a display cookie proxy.ts sets) and a per-response script nonce (its
// Content-Security-Policy allows this origin's inline scripts, as on the public report pages).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { notFound } from 'next/navigation';
import { authSecret } from './secret';
import { bindVerifiedViewer, type Viewer } from './viewer';
import { boundCity, CITY_SCOPE } from '@/lib/queries/scope';

/** The role and region a kept rendering is made for. */
export interface PageScope {
  role: 'admin' | 'city' | 'county';
  /** the county's code for role 'county', the city's for a city user bound to a city, else null (every city) */
  regionCode: string | null;
}

/** The dashboards kept per scope: their paths as users type them. */
// County codes are six digits, or digits and capitals for functional zones (lib/params isRegionCodeShape).
const CACHED_PATH = /^\/(?:|collection|budget|risk|tiered-care|counties|counties\/[0-9A-Z]{6})$/;

/** Whether `pathname` is a dashboard kept per scope. */
export function isCachedPagePath(pathname: string): boolean {
  return CACHED_PATH.test(pathname);
}

/**
 * The query parameters each kept dashboard reads on the server (its requestContext / filters: lib/queries/
 * context.ts, filters.ts, budget/filters.ts, tieredCare/request.ts, risk/filters.ts). Anything else is
 * left out of the kept address, so made-up names cannot make new renderings; the browser's address keeps
 * them, and what reads them in the browser (a table's sort, a test fault) reads them there.
 */
// `city`: the selected city when the warehouse holds several (lib/regions/selectCity).
const FILTERS = ['year', 'scheme', 'region', 'city'] as const;
const CONTEXT = [...FILTERS, 'month'] as const;
const KEPT_PARAMS: Readonly<Record<string, { names: readonly string[]; sorts: boolean }>> = {
  '/': { names: CONTEXT, sorts: true },
  '/collection': { names: CONTEXT, sorts: true },
  '/budget': { names: CONTEXT, sorts: true },
  '/tiered-care': { names: [...CONTEXT, 'outcome', 'flow'], sorts: true },
  '/counties': { names: FILTERS, sorts: true },
  '/counties/[code]': { names: FILTERS, sorts: true },
  '/risk': { names: ['status', 'severity', 'region', 'city', 'rule', 'page', 'pscheme', 'hpage'], sorts: false },
};

/**
 * Table sorts (`<table>.sort=field.desc`, app/(site)/ui/DataTable) are read by the server only to carry
 * them across a filter change (tableSortParams): kept when name and value have that shape, at most
 * MAX_SORTS of them (a reader sorts one table or two), so they cannot multiply renderings either.
 */
const SORT_NAME = /^[a-z][a-z0-9-]{0,39}\.sort$/;
const SORT_VALUE = /^[A-Za-z0-9_]{1,40}(?:\.(?:asc|desc))?$/;
const MAX_SORTS = 3;

/** The parameters of `params` the kept dashboard at `pathname` reads; the rest dropped. */
export function keptParams(pathname: string, params: URLSearchParams): URLSearchParams {
  const spec = KEPT_PARAMS[/^\/counties\/[^/]+$/.test(pathname) ? '/counties/[code]' : pathname];
  const out = new URLSearchParams();
  if (!spec) return out;
  let sorts = 0;
  for (const [k, v] of params) {
    if (spec.names.includes(k)) out.append(k, v);
    else if (spec.sorts && SORT_NAME.test(k) && SORT_VALUE.test(v) && !out.has(k) && sorts < MAX_SORTS) {
      out.append(k, v);
      sorts++;
    }
  }
  return out;
}

/** Longest query string kept (longer ones are rendered per request: no unbounded keys). */
const MAX_QUERY = 600;

function sign(payload: string): string {
  return createHmac('sha256', authSecret()).update(`page-cache|${payload}`).digest('base64url').slice(0, 22);
}

/** The signed token for a scope at a data version: `city.all.12.<sig>`, `city.470100.12.<sig>` (bound to a city), `county.439902.12.<sig>`. */
export function pageToken(scope: PageScope, dataVersion: number): string {
  const payload = `${scope.role}.${scope.regionCode ?? 'all'}.${dataVersion}`;
  return `${payload}.${sign(payload)}`;
}

/** The scope and data version a token names, or null when it is malformed or its signature is wrong. */
export function readPageToken(token: string): { scope: PageScope; dataVersion: number } | null {
  const m = /^(admin|city|county)\.(all|[0-9A-Z]{6})\.(\d{1,12})\.([\w-]{22})$/.exec(token);
  if (!m) return null;
  const [, role, region, version, sig] = m;
  const want = Buffer.from(sign(`${role}.${region}.${version}`));
  const got = Buffer.from(sig);
  if (want.length !== got.length || !timingSafeEqual(want, got)) return null;
  // A county token always names its county, an admin's never a region; a city token names the bound city or none.
  if (role === 'county' && region === 'all') return null;
  if (role === 'admin' && region !== 'all') return null;
  return { scope: { role: role as PageScope['role'], regionCode: region === 'all' ? null : region }, dataVersion: Number(version) };
}

/**
 * The query string as one path segment: parameters sorted by name (a repeated name keeps its values in
 * their order: the filters read the first), Next's `_rsc` dropped; '_' when empty.
 */
export function encodeQuery(params: URLSearchParams): string | null {
  const kept = [...params].filter(([k]) => k !== '_rsc').sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const qs = new URLSearchParams(kept).toString();
  if (qs.length > MAX_QUERY) return null;
  return qs ? Buffer.from(qs).toString('base64url') : '_';
}

/** encodeQuery's inverse, as the searchParams object a page receives (repeated keys as arrays). */
export function decodeQuery(segment: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  if (segment === '_') return out;
  for (const [k, v] of new URLSearchParams(Buffer.from(decodeURIComponent(segment), 'base64url').toString('utf8'))) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

/**
 * Where proxy.ts sends a signed-in viewer's request for a kept dashboard: `/v/<token>/<query><path>`, or
 * null when this request is rendered per request instead (not a kept path, the public, a county user
 * asking for another county's page or naming a city, a bound city user naming another city or opening a
 * county not known to be of their city — another city answers 403 there —, an over-long query).
 * Only the parameters the page reads go into the address (keptParams). A city user bound to a city has
 * their city in the token: two cities never share a rendering, and a token for one city renders no other
 * (the page's selectCity refuses it). `countyCity`: for a /counties/<code> path, the city of that county
 * (looked up by the caller for a bound city user; null or absent: not known, rendered per request).
 * `regionCities`: for a bound city user, the city of each `region=` value (looked up by the caller; a value
 * absent or of another city: rendered per request, where a region not theirs is a 403). A county user
 * naming a region other than its own county (or ALL) is rendered per request too.
 */
export function cachedPageTarget(viewer: Viewer, pathname: string, params: URLSearchParams, dataVersion: number, countyCity?: string | null, regionCities?: ReadonlyMap<string, string | null>): string | null {
  if (!isCachedPagePath(pathname) || viewer.role === 'public') return null;
  const county = viewer.scope.kind === 'county' ? viewer.scope.regionCode : null;
  const city = boundCity(viewer.scope);
  if (viewer.role === 'county' && !county) return null;
  const code = /^\/counties\/([0-9A-Z]{6})$/.exec(pathname)?.[1];
  if (code && county && code !== county) return null;
  if (code && city !== null && countyCity !== city) return null;
  // A county user naming a city (lib/regions/selectCity): rendered per request, where another city is a 403.
  if (county && params.has('city')) return null;
  // A bound city user naming another city than theirs: the same (their own is their kept rendering).
  if (city !== null && params.getAll('city').some((c) => c !== city)) return null;
  // A region not the viewer's (lib/regions/selectCity checkRegionParams): rendered per request, where it is a 403.
  const regions = params.getAll('region').filter((r) => r !== 'ALL');
  if (county && regions.some((r) => r !== county)) return null;
  if (city !== null && regions.some((r) => regionCities?.get(r) !== city)) return null;
  const regionCode = county ?? city;
  const q = encodeQuery(keptParams(pathname, params));
  if (!q) return null;
  const token = pageToken({ role: viewer.role, regionCode }, dataVersion);
  return `/v/${token}/${q}${pathname === '/' ? '' : pathname}`;
}

/** The viewer a kept rendering is made for: the scope only (no user, no name). */
export function viewerOfPageScope(scope: PageScope): Viewer {
  const base = { userId: null, name: '', username: '', sessionToken: null };
  if (scope.role === 'county' && scope.regionCode) return { ...base, role: 'county', scope: { kind: 'county', regionCode: scope.regionCode } };
  if (scope.role === 'city' && scope.regionCode) return { ...base, role: 'city', scope: { kind: 'city', cityCode: scope.regionCode } };
  return { ...base, role: scope.role, scope: CITY_SCOPE };
}

/**
 * For the /v/… pages and layouts: verifies the token and makes its scope the viewer of this render
 * (getViewer). A token that is not one proxy.ts signed is a 404. Returns the scope.
 */
export function bindCachedViewer(token: string): PageScope {
  const read = readPageToken(decodeURIComponent(token));
  if (!read) notFound();
  bindVerifiedViewer(viewerOfPageScope(read.scope));
  return read.scope;
}

/**
 * The second lock of a kept rendering (the first: proxy.ts signs tokens only for the current data version):
 * the /v page compares its token's data version with the database's before rendering.
 * - 'current': the usual case.
 * - 'behind': the data moved on after the proxy signed the token — a server action on the page changed it
 *   (重新评估, 处理, a threshold) and its answer re-renders this same address, or an import landed in
 *   between. The page reads the current data (lib/cache keys on the version it reads itself), and the
 *   proxy never signs this token again, so it renders: sending the reader elsewhere would drop the
 *   action's answer from the page.
 * - 'ahead': the token names a version the database has not reached: the database went back (restored,
 *   or another one behind the same secret). Never rendered (404).
 * - 'invalid': not a token proxy.ts signed (404).
 */
export function keptVersionVerdict(token: string, currentVersion: number): 'current' | 'behind' | 'ahead' | 'invalid' {
  const read = readPageToken(decodeURIComponent(token));
  if (!read) return 'invalid';
  if (read.dataVersion === currentVersion) return 'current';
  return read.dataVersion < currentVersion ? 'behind' : 'ahead';
}
