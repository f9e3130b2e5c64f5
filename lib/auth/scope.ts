// Who is asking. Every query takes the viewer's scope so access is enforced on the server:
// city analysts see everything, a county sees its own detail (plus city totals), the public sees
// published aggregates only.
export type Scope =
  | { kind: 'city' }
  | { kind: 'county'; regionCode: string }
  | { kind: 'public' };

export const CITY_SCOPE: Scope = { kind: 'city' };

export class ScopeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScopeError';
  }
}

/** The region filter a scope may use: a county user asking for another county is refused. */
export function allowedRegion(scope: Scope, requested: string | 'ALL'): string | 'ALL' {
  if (scope.kind === 'county') {
    if (requested !== 'ALL' && requested !== scope.regionCode) throw new ScopeError(`无权查看该地区（${requested}）的明细数据`);
    return scope.regionCode;
  }
  if (scope.kind === 'public' && requested !== 'ALL') {
    // Public pages show county aggregates too, never institution or person level; region filter is fine.
    return requested;
  }
  return requested;
}

/** Whether the scope may see per-county detail rows of `regionCode`. */
export function canSeeCountyDetail(scope: Scope, regionCode: string): boolean {
  return scope.kind === 'city' || (scope.kind === 'county' && scope.regionCode === regionCode);
}

export function requireCityOrCounty(scope: Scope): void {
  if (scope.kind === 'public') throw new ScopeError('该数据仅对登录用户开放');
}
