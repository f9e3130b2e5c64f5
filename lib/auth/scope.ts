// Who is asking. Every query takes the viewer's scope so access is enforced on the server:
// city analysts see everything, a county sees its own detail (plus city totals), the public sees
// published aggregates only. In a warehouse of several cities (a province), a city user may be bound to
// one city (`cityCode`): they see that city as a city analyst does, and no other city nor the province
// level; an unbound city user (a province-level analyst) and admins see every city.
export type Scope =
  | { kind: 'city'; cityCode?: string }
  | { kind: 'county'; regionCode: string }
  | { kind: 'public' };

/** Every city: admins, and city users bound to none. */
export const CITY_SCOPE: Scope = { kind: 'city' };

export class ScopeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScopeError';
  }
}

/** The city a city user is bound to, or null (unbound, a county, the public). */
export function boundCity(scope: Scope): string | null {
  return scope.kind === 'city' ? scope.cityCode ?? null : null;
}

/** Whether the scope reads every city and the province level (the cities compared): an unbound city user or an admin. */
export function isProvinceWide(scope: Scope): boolean {
  return scope.kind === 'city' && !scope.cityCode;
}

/** Whether a city scope may read city `cityCode` as a whole: unbound any, bound only its own; counties and the public never. */
export function canSeeCity(scope: Scope, cityCode: string): boolean {
  return scope.kind === 'city' && (!scope.cityCode || scope.cityCode === cityCode);
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

/**
 * Whether the scope may see per-county detail rows of `regionCode`, a county of city `cityCode` (null when
 * it belongs to no city): an unbound city scope any, a bound one its own city's, a county only itself.
 */
export function canSeeCountyDetail(scope: Scope, regionCode: string, cityCode: string | null): boolean {
  if (scope.kind === 'county') return scope.regionCode === regionCode;
  if (isProvinceWide(scope)) return true;
  return cityCode !== null && canSeeCity(scope, cityCode);
}

export function requireCityOrCounty(scope: Scope): void {
  if (scope.kind === 'public') throw new ScopeError('该数据仅对登录用户开放');
}
