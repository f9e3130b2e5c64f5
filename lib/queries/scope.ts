// The viewer's scope lives in lib/auth/scope (below both the queries and lib/risk); queries import it here.
export { allowedRegion, boundCity, canSeeCity, canSeeCountyDetail, CITY_SCOPE, isProvinceWide, requireCityOrCounty, ScopeError, type Scope } from '../auth/scope';
