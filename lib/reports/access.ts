// Who may read which edition of the monthly report (issue: county users get their county's edition; the
// city edition needs the city role). Checked by the page, the downloads and the generation action. With
// several cities (设区市) in one warehouse every city has its own city edition; a county user reads only its
// own county's edition, never another county's or another city's.
import type { Scope } from '../queries/scope';

export interface ReportViewer {
  role: 'admin' | 'city' | 'county' | 'public';
  scope: Scope;
}

/** One city code, or every city code of the warehouse. */
export type CityCodes = string | readonly string[];
const isCity = (code: string, cities: CityCodes) => (typeof cities === 'string' ? code === cities : cities.includes(code));

/**
 * A city edition (`regionCode` is one of `cityCodes`): city analysts and admins; a county edition: the city
 * role, or that county's own users.
 */
export function canReadEdition(v: ReportViewer, regionCode: string, cityCodes: CityCodes): boolean {
  if (v.role === 'public' || v.scope.kind === 'public') return false;
  if (isCity(regionCode, cityCodes)) return (v.role === 'city' || v.role === 'admin') && v.scope.kind === 'city';
  if (v.scope.kind === 'city') return v.role === 'city' || v.role === 'admin';
  return v.scope.regionCode === regionCode;
}

/** Starting a generation run (all editions of a month): city analysts and admins. */
export function canGenerate(v: ReportViewer): boolean {
  return (v.role === 'city' || v.role === 'admin') && v.scope.kind === 'city';
}

/** The editions a viewer may read, among `codes` (each city's code before its counties'). */
export function readableEditions(v: ReportViewer, codes: string[], cityCodes: CityCodes): string[] {
  return codes.filter((c) => canReadEdition(v, c, cityCodes));
}
