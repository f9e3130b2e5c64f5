// Who may read which edition of the monthly report (issue: county users get their county's edition; the
// city edition needs the city role). Checked by the page, the downloads and the generation action.
import type { Scope } from '../queries/scope';

export interface ReportViewer {
  role: 'admin' | 'city' | 'county' | 'public';
  scope: Scope;
}

/** The city edition: city analysts and admins; a county edition: the city, or that county's own users. */
export function canReadEdition(v: ReportViewer, regionCode: string, cityCode: string): boolean {
  if (v.role === 'public' || v.scope.kind === 'public') return false;
  if (regionCode === cityCode) return (v.role === 'city' || v.role === 'admin') && v.scope.kind === 'city';
  if (v.scope.kind === 'city') return v.role === 'city' || v.role === 'admin';
  return v.scope.regionCode === regionCode;
}

/** Starting a generation run (all editions of a month): city analysts and admins. */
export function canGenerate(v: ReportViewer): boolean {
  return (v.role === 'city' || v.role === 'admin') && v.scope.kind === 'city';
}

/** The editions a viewer may read, among `codes` (the city's code first). */
export function readableEditions(v: ReportViewer, codes: string[], cityCode: string): string[] {
  return codes.filter((c) => canReadEdition(v, c, cityCode));
}
