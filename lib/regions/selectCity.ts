// Which city (pool) a request is about when the warehouse holds several (a province's cities): the URL's
// `city=<code>`, else the city of a `region=<county>`, else none (the province level, cities compared).
// A county user is bound to its county's city and refused any other; so is a city user bound to a city (who
// never sees the province level). A `region=` (or the assessment's `county=`) the scope may not see is refused
// the same way, never quietly replaced by the scope's own region. Pure: tested without a database.
import { z } from 'zod';
import { boundCity, isProvinceWide, ScopeError, type Scope } from '../auth/scope';
import type { Pool } from './pools';

type Params = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const code = z.string().regex(/^[0-9A-Z]{6}$/).optional().catch(undefined);

/** The `city` URL parameter, parsed (a six-character region code), or undefined. */
export function parseCityParam(params: Params): string | undefined {
  return code.parse(first(params.city));
}

/**
 * The selected city's code, or null (one city or none in the warehouse: nothing to select; several and
 * none asked for: the province level). A city user bound to a city gets that city, asked for or not.
 * @throws ScopeError when a county user asks for another city than its county's, or a bound city user for
 *   another city than theirs (or theirs is not a city of the warehouse); when `region=` or `county=` names a
 *   region the scope may not see (checkRegionParams)
 */
export function selectCity(cities: readonly Pool[], params: Params, scope: Scope): string | null {
  checkRegionParams(cities, params, scope);
  const asked = parseCityParam(params);
  const bound = boundCity(scope);
  if (bound !== null) {
    // Bound to a city the warehouse no longer holds: nothing of it to show, and no other city instead.
    if (!cities.some((c) => c.code === bound)) throw new ScopeError(`账号所属地市（${bound}）不在本库中，请联系管理员`);
    if (cities.length <= 1) return null;
    if (asked !== undefined && asked !== bound) throw new ScopeError(`无权查看该地市（${asked}）的数据`);
    return bound;
  }
  if (cities.length <= 1) return null;
  const cityOfCounty = (county: string) => cities.find((c) => c.counties.some((k) => k.code === county))?.code ?? null;
  if (scope.kind === 'county') {
    const own = cityOfCounty(scope.regionCode);
    if (asked !== undefined && asked !== own) throw new ScopeError(`无权查看该地市（${asked}）的数据`);
    return own;
  }
  if (asked !== undefined && cities.some((c) => c.code === asked)) return asked;
  const region = first(params.region);
  return region ? cityOfCounty(region) : null;
}

/** The URL parameters that name one region: the dashboards' and reports' `region`, the assessment's `county`. */
const REGION_PARAMS = ['region', 'county'] as const;

/**
 * Whether `scope` may open region `code` (a city's own code or a county-level unit of one of `cities`): a
 * county user only its own county (the city totals come with 全市/ALL, never by the city's code); a city user
 * bound to a city only that city and its counties; the province-wide and the public any (public pages show
 * published aggregates only). A code of no city of the warehouse (unknown, the province's): true — the
 * page falls back to its default region, as for any unknown code.
 */
export function canOpenRegion(cities: readonly Pick<Pool, 'code' | 'counties'>[], code: string, scope: Scope): boolean {
  const city = cities.find((c) => c.code === code || c.counties.some((k) => k.code === code));
  if (!city) return true;
  if (scope.kind === 'county') return code === scope.regionCode;
  const bound = boundCity(scope);
  return bound === null || city.code === bound;
}

/**
 * Refuses a `region=` / `county=` (every value of a repeated one) naming a region the scope may not see
 * (canOpenRegion), so a page answers 403 instead of showing the scope's own region (a bound city user) or
 * failing in every section (a county user).
 * @throws ScopeError `无权查看该地区（<code>）的数据`
 */
export function checkRegionParams(cities: readonly Pick<Pool, 'code' | 'counties'>[], params: Params, scope: Scope): void {
  for (const name of REGION_PARAMS) {
    const v = params[name];
    for (const code of Array.isArray(v) ? v : v === undefined ? [] : [v]) {
      if (code !== 'ALL' && !canOpenRegion(cities, code, scope)) throw new ScopeError(`无权查看该地区（${code}）的数据`);
    }
  }
}

/** The counties of `counties` a scope may pick in a region select: a county user its own only; everyone else all. */
export function selectableCounties<C extends { code: string }>(counties: readonly C[], scope: Scope): C[] {
  return scope.kind === 'county' ? counties.filter((c) => c.code === scope.regionCode) : [...counties];
}

/** The URL parameters that keep a selection across links and filter forms: `{ city }` when one is selected among several. */
export function cityParams(cities: readonly Pool[], selected: string | null): Record<string, string> {
  return cities.length > 1 && selected ? { city: selected } : {};
}

/** The 总览 of city `cityCode`: `/?city=<code>` when the warehouse holds several cities (plain `/` is the province level), else `/`. */
export function cityOverviewHref(cities: readonly Pick<Pool, 'code'>[], cityCode: string): string {
  return cities.length > 1 ? `/?city=${encodeURIComponent(cityCode)}` : '/';
}

/** The cities a scope may open (links that list cities): every city province-wide, else the scope's own (a county's city, a bound city). */
export function citiesVisibleTo<C extends Pick<Pool, 'code' | 'counties'>>(cities: readonly C[], scope: Scope): C[] {
  if (isProvinceWide(scope)) return [...cities];
  const bound = boundCity(scope);
  if (bound !== null) return cities.filter((c) => c.code === bound);
  if (scope.kind === 'county') return cities.filter((c) => c.counties.some((k) => k.code === scope.regionCode));
  return [];
}

/**
 * selectCity for a route handler (an export or download): the selected city's code or null, or the Response
 * to return — 403 with the ScopeError's message for another city, 409 when the warehouse holds several cities
 * and none is named (the province level has no file of its own).
 */
export function cityForRoute(cities: readonly Pool[], params: Params, scope: Scope): string | null | Response {
  let city: string | null;
  try {
    city = selectCity(cities, params, scope);
  } catch (e) {
    if (e instanceof ScopeError) return new Response(e.message, { status: 403 });
    throw e;
  }
  if (cities.length > 1 && !city) return new Response('本库含多个地市，请指定地市（city=）', { status: 409 });
  return city;
}
