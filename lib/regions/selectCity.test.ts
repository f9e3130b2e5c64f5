import { describe, expect, it } from 'vitest';
import { canOpenRegion, checkRegionParams, cityForRoute, cityOverviewHref, cityParams, citiesVisibleTo, parseCityParam, selectableCounties, selectCity } from './selectCity';
import { ScopeError } from '../auth/scope';
import type { Pool } from './pools';

const pool = (code: string, counties: string[]): Pool => ({ code, name: code, shortName: code, kind: 'CITY', counties: counties.map((c) => ({ code: c, name: c, shortName: c, kind: 'COUNTY' })) });
const A = pool('470100', ['470121', '4701A1']);
const B = pool('470200', ['470221']);
const CITY = { kind: 'city' } as const;

describe('selectCity', () => {
  it('one city: nothing to select, whatever the URL says', () => {
    expect(selectCity([A], { city: '470200' }, CITY)).toBeNull();
    expect(cityParams([A], null)).toEqual({});
  });
  it('several: the URL city, else the city of the region, else the province level', () => {
    expect(selectCity([A, B], { city: '470200' }, CITY)).toBe('470200');
    expect(selectCity([A, B], { region: '4701A1' }, CITY)).toBe('470100');
    expect(selectCity([A, B], {}, CITY)).toBeNull();
    // not a city of the warehouse, or not a code at all: the province level
    expect(selectCity([A, B], { city: '479900' }, CITY)).toBeNull();
    expect(selectCity([A, B], { city: "470100' OR 1=1" }, CITY)).toBeNull();
    expect(cityParams([A, B], '470200')).toEqual({ city: '470200' });
  });
  it('a county user: bound to its county\'s city, refused another', () => {
    const county = { kind: 'county', regionCode: '470221' } as const;
    expect(selectCity([A, B], {}, county)).toBe('470200');
    // another county, of its own city or another, is refused (never its own county instead)
    expect(() => selectCity([A, B], { region: '470121' }, county)).toThrow(ScopeError);
    expect(selectCity([A, B], { region: '470221' }, county)).toBe('470200');
    expect(() => selectCity([A, B], { city: '470100' }, county)).toThrow(ScopeError);
  });
  it('a city user bound to a city: that city, asked for or not; another city or none of the warehouse refused', () => {
    const bound = { kind: 'city', cityCode: '470100' } as const;
    // no city= (nor region=): their city, never the province level
    expect(selectCity([A, B], {}, bound)).toBe('470100');
    expect(selectCity([A, B], { city: '470100' }, bound)).toBe('470100');
    // a county of another city is refused, never quietly replaced by their own city
    expect(() => selectCity([A, B], { region: '470221' }, bound)).toThrow(ScopeError);
    expect(selectCity([A, B], { region: '470121' }, bound)).toBe('470100');
    expect(() => selectCity([A, B], { city: '470200' }, bound)).toThrow(ScopeError);
    expect(() => selectCity([A, B], { city: ['470200', '470100'] }, bound)).toThrow(ScopeError);
    // a city code the warehouse does not hold is another city too
    expect(() => selectCity([A, B], { city: '479900' }, bound)).toThrow(ScopeError);
    // one city: nothing to select when it is theirs; bound to a city the warehouse does not hold: refused
    expect(selectCity([A], {}, bound)).toBeNull();
    expect(() => selectCity([B], {}, bound)).toThrow(ScopeError);
    expect(() => selectCity([A, B], {}, { kind: 'city', cityCode: '479900' })).toThrow(ScopeError);
  });
  it('the cities a scope may open: all province-wide, else only its own', () => {
    expect(citiesVisibleTo([A, B], CITY).map((c) => c.code)).toEqual(['470100', '470200']);
    expect(citiesVisibleTo([A, B], { kind: 'city', cityCode: '470200' }).map((c) => c.code)).toEqual(['470200']);
    expect(citiesVisibleTo([A, B], { kind: 'county', regionCode: '4701A1' }).map((c) => c.code)).toEqual(['470100']);
    expect(citiesVisibleTo([A, B], { kind: 'public' })).toEqual([]);
  });
  it('parses the parameter once (the first of repeated values)', () => {
    expect(parseCityParam({ city: ['470100', '470200'] })).toBe('470100');
    expect(parseCityParam({ city: '' })).toBeUndefined();
  });
});

describe('regions named in the URL (region=, county=)', () => {
  const county = { kind: 'county', regionCode: '470121' } as const;
  const bound = { kind: 'city', cityCode: '470100' } as const;
  it('a county user: its own county and ALL only; another county, or a city by its code, refused', () => {
    expect(canOpenRegion([A, B], '470121', county)).toBe(true);
    expect(canOpenRegion([A, B], '4701A1', county)).toBe(false);
    expect(canOpenRegion([A, B], '470100', county)).toBe(false);
    expect(canOpenRegion([A, B], '470221', county)).toBe(false);
    expect(() => checkRegionParams([A, B], { region: 'ALL' }, county)).not.toThrow();
    expect(() => checkRegionParams([A, B], { county: '4701A1' }, county)).toThrow('无权查看该地区（4701A1）的数据');
    // every value of a repeated parameter, and in a warehouse of one city too
    expect(() => checkRegionParams([A, B], { region: ['470121', '4701A1'] }, county)).toThrow(ScopeError);
    expect(() => selectCity([A], { region: '4701A1' }, county)).toThrow(ScopeError);
  });
  it('a bound city user: its city and its counties; another city\'s refused; the unbound any', () => {
    expect(['470100', '470121', '4701A1'].every((c) => canOpenRegion([A, B], c, bound))).toBe(true);
    expect(canOpenRegion([A, B], '470221', bound)).toBe(false);
    expect(canOpenRegion([A, B], '470200', bound)).toBe(false);
    expect(['470221', '470200', '470121'].every((c) => canOpenRegion([A, B], c, CITY))).toBe(true);
    expect(() => selectCity([A, B], { county: '470221' }, bound)).toThrow(ScopeError);
  });
  it('a code of no city of the warehouse is not a denial (the page falls back to its default)', () => {
    expect(canOpenRegion([A, B], '479999', county)).toBe(true);
    expect(canOpenRegion([A, B], '479999', bound)).toBe(true);
  });
  it('a route handler answers 403 for a region not the viewer\'s', () => {
    const r = cityForRoute([A, B], { region: '470221' }, bound);
    expect(r instanceof Response && r.status).toBe(403);
  });
  it('the region select: a county user its own county only; others every county', () => {
    expect(selectableCounties(A.counties, county).map((c) => c.code)).toEqual(['470121']);
    expect(selectableCounties(A.counties, bound).map((c) => c.code)).toEqual(['470121', '4701A1']);
  });
  it('a city\'s 总览 link names the city among several, plain / for one', () => {
    expect(cityOverviewHref([A, B], '470100')).toBe('/?city=470100');
    expect(cityOverviewHref([A], '470100')).toBe('/');
  });
});

describe('cityForRoute', () => {
  it('the selected city, 409 without one among several, 403 for a county user naming another city', async () => {
    expect(cityForRoute([A, B], { city: '470200' }, CITY)).toBe('470200');
    expect(cityForRoute([A], {}, CITY)).toBeNull();
    const none = cityForRoute([A, B], {}, CITY);
    expect(none instanceof Response && none.status).toBe(409);
    const other = cityForRoute([A, B], { city: '470200' }, { kind: 'county', regionCode: '470121' });
    expect(other instanceof Response && other.status).toBe(403);
  });
});
