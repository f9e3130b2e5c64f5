// Who may read which edition of the monthly report (issue: county users get their county's edition; the
// city edition needs the city role). Checked by the page, the downloads and the generation action. With
// several cities (设区市) in one warehouse every city has its own city edition; a county user reads only its
// own county's edition, never another county's or another city's; a city user bound to a city, only that
// city's editions.
import { boundCity, ScopeError, type Scope } from '../queries/scope';
import type { Pool } from '../regions/pools';
import { selectCity } from '../regions/selectCity';

export interface ReportViewer {
  role: 'admin' | 'city' | 'county' | 'public';
  scope: Scope;
}

/** One city code, or every city code of the warehouse. */
export type CityCodes = string | readonly string[];
const isCity = (code: string, cities: CityCodes) => (typeof cities === 'string' ? code === cities : cities.includes(code));

/** The city an edition's region belongs to (a city's own code, a county's city), or null when unknown. */
export type CityOf = (regionCode: string) => string | null | undefined;

/** CityOf over a warehouse's cities (lib/regions/pools Pool: code and counties). */
export function cityOfAmong(cities: readonly { code: string; counties: readonly { code: string }[] }[]): CityOf {
  return (code) => cities.find((c) => c.code === code || c.counties.some((k) => k.code === code))?.code ?? null;
}

/**
 * A city edition (`regionCode` is one of `cityCodes`): city analysts and admins; a county edition: the city
 * role, or that county's own users. A city user bound to a city (Scope cityCode) reads only that city's
 * editions: the edition's city is `cityOf(regionCode)` when given; without it, the one city of a string
 * `cityCodes` (whose counties the caller lists), and with a list, only the bound city's own edition.
 */
export function canReadEdition(v: ReportViewer, regionCode: string, cityCodes: CityCodes, cityOf?: CityOf): boolean {
  if (v.role === 'public' || v.scope.kind === 'public') return false;
  if (v.scope.kind === 'city' && v.scope.cityCode) {
    const city = cityOf ? cityOf(regionCode) : isCity(regionCode, cityCodes) ? regionCode : typeof cityCodes === 'string' ? cityCodes : null;
    if (city !== v.scope.cityCode) return false;
  }
  if (isCity(regionCode, cityCodes)) return (v.role === 'city' || v.role === 'admin') && v.scope.kind === 'city';
  if (v.scope.kind === 'city') return v.role === 'city' || v.role === 'admin';
  return v.scope.regionCode === regionCode;
}

/** Starting a generation run (all editions of a month): city analysts and admins. */
export function canGenerate(v: ReportViewer): boolean {
  return (v.role === 'city' || v.role === 'admin') && v.scope.kind === 'city';
}

/**
 * The city whose editions a generation run started by `v` covers, from the form's `city` field (`asked`,
 * null when absent). Returns the city's code — the warehouse's only city when it holds one, the bound city of
 * a city user bound to one (asked for or not) — or null: every city's editions, which only an unbound
 * (province-level) analyst or admin gets, by asking for no city among several.
 * @throws ScopeError when `v` may not generate (county users, the public: canGenerate), when a bound city user
 *   asks for another city, or when `asked` is not a city of the warehouse
 */
export function generationCity(v: ReportViewer, cities: readonly Pool[], asked: string | null): string | null {
  if (!canGenerate(v)) throw new ScopeError('只有市医保局可以生成月度报告');
  if (cities.length > 1 && asked !== null && !cities.some((c) => c.code === asked)) throw new ScopeError(`本库没有该地市（${asked}）`);
  // selectCity refuses a bound user another city (or a city the warehouse does not hold) and gives them their
  // own when none is asked; with one city it selects none: that city is the run's.
  const city = selectCity(cities, asked === null ? {} : { city: asked }, v.scope);
  return city ?? (cities.length === 1 ? cities[0].code : null);
}

/**
 * Whose generation jobs `v` follows (their progress): null for every job — an unbound analyst or admin, or
 * anyone in a warehouse of one city; a bound city user's city among several (jobs of every city, or of
 * another city, are not theirs to see).
 * @throws ScopeError when `v` may not generate (canGenerate)
 */
export function jobCity(v: ReportViewer, cities: readonly Pick<Pool, 'code'>[]): string | null {
  if (!canGenerate(v)) throw new ScopeError('只有市医保局可以查看报告生成任务');
  return cities.length > 1 ? boundCity(v.scope) : null;
}

/** The editions a viewer may read, among `codes` (each city's code before its counties'). */
export function readableEditions(v: ReportViewer, codes: string[], cityCodes: CityCodes, cityOf?: CityOf): string[] {
  return codes.filter((c) => canReadEdition(v, c, cityCodes, cityOf));
}
