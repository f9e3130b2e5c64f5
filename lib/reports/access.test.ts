import { describe, expect, it } from 'vitest';
import { canGenerate, canReadEdition, cityOfAmong, generationCity, jobCity, readableEditions } from './access';
import { ScopeError } from '../queries/scope';
import type { Pool } from '../regions/pools';

const CITY = '439900';
const codes = [CITY, '439921', '439923'];

describe('report access', () => {
  it('the city edition needs the city role (or admin) with city scope', () => {
    expect(canReadEdition({ role: 'city', scope: { kind: 'city' } }, CITY, CITY)).toBe(true);
    expect(canReadEdition({ role: 'admin', scope: { kind: 'city' } }, CITY, CITY)).toBe(true);
    expect(canReadEdition({ role: 'county', scope: { kind: 'county', regionCode: '439923' } }, CITY, CITY)).toBe(false);
    expect(canReadEdition({ role: 'public', scope: { kind: 'public' } }, CITY, CITY)).toBe(false);
  });
  it('county users read only their own county edition', () => {
    const v = { role: 'county' as const, scope: { kind: 'county' as const, regionCode: '439923' } };
    expect(readableEditions(v, codes, CITY)).toEqual(['439923']);
    expect(readableEditions({ role: 'city', scope: { kind: 'city' } }, codes, CITY)).toEqual(codes);
    expect(readableEditions({ role: 'public', scope: { kind: 'public' } }, codes, CITY)).toEqual([]);
  });
  it('only the city generates', () => {
    expect(canGenerate({ role: 'city', scope: { kind: 'city' } })).toBe(true);
    expect(canGenerate({ role: 'county', scope: { kind: 'county', regionCode: '439923' } })).toBe(false);
    expect(canGenerate({ role: 'public', scope: { kind: 'public' } })).toBe(false);
  });
});

describe('report access with two cities', () => {
  const CITIES = [CITY, '439800'];
  const all = [CITY, '439921', '439923', '439800', '439821'];
  it("a county user reads only its own county's edition, never the other city's", () => {
    const v = { role: 'county' as const, scope: { kind: 'county' as const, regionCode: '439923' } };
    expect(readableEditions(v, all, CITIES)).toEqual(['439923']);
    expect(canReadEdition(v, '439800', CITIES)).toBe(false);
    expect(canReadEdition(v, '439821', CITIES)).toBe(false);
    const b = { role: 'county' as const, scope: { kind: 'county' as const, regionCode: '439821' } };
    expect(readableEditions(b, all, CITIES)).toEqual(['439821']);
  });
  it("a city user bound to a city reads that city's editions only", () => {
    const v = { role: 'city' as const, scope: { kind: 'city' as const, cityCode: CITY } };
    const cityOf = cityOfAmong([{ code: CITY, counties: [{ code: '439921' }, { code: '439923' }] }, { code: '439800', counties: [{ code: '439821' }] }]);
    expect(readableEditions(v, all, CITIES, cityOf)).toEqual([CITY, '439921', '439923']);
    // without the map, of a list of cities: only its own city's edition (a county's city is not known)
    expect(readableEditions(v, all, CITIES)).toEqual([CITY]);
    // one city's editions (the string form): all of them for its own city, none of another's
    expect(readableEditions(v, [CITY, '439921'], CITY)).toEqual([CITY, '439921']);
    expect(readableEditions(v, ['439800', '439821'], '439800')).toEqual([]);
    // the one-city form with the map: a region of another city named by URL is refused
    expect(canReadEdition(v, '439821', CITY, cityOf)).toBe(false);
    expect(canReadEdition(v, '439923', CITY, cityOf)).toBe(true);
  });
  it('the city role reads every edition of every city; the public none', () => {
    expect(readableEditions({ role: 'city', scope: { kind: 'city' } }, all, CITIES)).toEqual(all);
    expect(readableEditions({ role: 'public', scope: { kind: 'public' } }, all, CITIES)).toEqual([]);
  });
});

describe('report generation in a warehouse of one city', () => {
  const only: Pool[] = [{ code: CITY, name: '江临市', shortName: '江临', kind: 'CITY', counties: [{ code: '439921', name: '清河县', shortName: '清河', kind: 'COUNTY' }] }];
  it("the run is the only city's, whoever of the city role starts it; a user bound to a city the warehouse lacks is refused", () => {
    expect(generationCity({ role: 'city', scope: { kind: 'city' } }, only, null)).toBe(CITY);
    expect(generationCity({ role: 'city', scope: { kind: 'city', cityCode: CITY } }, only, null)).toBe(CITY);
    expect(() => generationCity({ role: 'city', scope: { kind: 'city', cityCode: '439800' } }, only, null)).toThrow(ScopeError);
    expect(() => generationCity({ role: 'county', scope: { kind: 'county', regionCode: '439921' } }, only, null)).toThrow(ScopeError);
  });
  it('every job is the city\'s: no filter, bound or not', () => {
    expect(jobCity({ role: 'city', scope: { kind: 'city', cityCode: CITY } }, only)).toBeNull();
    expect(jobCity({ role: 'admin', scope: { kind: 'city' } }, only)).toBeNull();
  });
});
