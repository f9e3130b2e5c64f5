// The scope rules every query applies: a city user bound to a city sees that city as a city analyst does
// and no other; an unbound city user (the province level) and admins every city; a county only itself.
import { describe, expect, it } from 'vitest';
import { boundCity, canSeeCity, canSeeCountyDetail, CITY_SCOPE, isProvinceWide, type Scope } from './scope';

const bound: Scope = { kind: 'city', cityCode: '470100' };
const county: Scope = { kind: 'county', regionCode: '470121' };
const pub: Scope = { kind: 'public' };

describe('scopes and cities', () => {
  it('only the unbound city scope is province-wide', () => {
    expect(isProvinceWide(CITY_SCOPE)).toBe(true);
    expect([bound, county, pub].some(isProvinceWide)).toBe(false);
    expect(boundCity(bound)).toBe('470100');
    expect([CITY_SCOPE, county, pub].map(boundCity)).toEqual([null, null, null]);
  });
  it('a whole city: any for the unbound, its own for the bound, none for a county or the public', () => {
    expect(canSeeCity(CITY_SCOPE, '470200')).toBe(true);
    expect(canSeeCity(bound, '470100')).toBe(true);
    expect(canSeeCity(bound, '470200')).toBe(false);
    expect(canSeeCity(county, '470100')).toBe(false);
    expect(canSeeCity(pub, '470100')).toBe(false);
  });
  it("county detail: the bound city's counties only; a county itself; a county of no known city only province-wide", () => {
    expect(canSeeCountyDetail(bound, '470121', '470100')).toBe(true);
    expect(canSeeCountyDetail(bound, '470221', '470200')).toBe(false);
    expect(canSeeCountyDetail(bound, '470121', null)).toBe(false);
    expect(canSeeCountyDetail(CITY_SCOPE, '470221', '470200')).toBe(true);
    expect(canSeeCountyDetail(CITY_SCOPE, '470221', null)).toBe(true);
    expect(canSeeCountyDetail(county, '470121', '470100')).toBe(true);
    expect(canSeeCountyDetail(county, '470122', '470100')).toBe(false);
    expect(canSeeCountyDetail(pub, '470121', '470100')).toBe(false);
  });
});
