// Who may read which edition of the monthly report (issue: county users get their county's edition; the
// city edition needs the city role). Checked by the page, the downloads and the generation action. With
// several cities (设区市) in one warehouse every city has its own city edition; a county user reads only its
// own county's edition, never another county's or another city's; a city user bound to a city, only that
// city's editions.
import type { Scope } from '../queries/scope';

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

/** The editions a viewer may read, among `codes` (each city's code before its counties'). */
export function readableEditions(v: ReportViewer, codes: string[], cityCodes: CityCodes, cityOf?: CityOf): string[] {
  return codes.filter((c) => canReadEdition(v, c, cityCodes, cityOf));
}
