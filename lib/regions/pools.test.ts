import { describe, expect, it } from 'vitest';
import { cityOfRegion, poolCodes, poolHierarchy } from './pools';

const r = (code: string, kind: string, parentCode: string | null, sortOrder = 0) => ({ code, name: code, shortName: code, kind, parentCode, sortOrder });

describe('poolHierarchy', () => {
  it('one city without a province: the city and its county-level units and zones', () => {
    const h = poolHierarchy([r('439921', 'COUNTY', '439900', 2), r('439900', 'CITY', null), r('439902', 'DISTRICT', '439900', 1), r('4399A1', 'ZONE', '439900', 9)]);
    expect(h.province).toBeNull();
    expect(h.cities.map((c) => c.code)).toEqual(['439900']);
    expect(h.cities[0].counties.map((c) => c.code)).toEqual(['439902', '439921', '4399A1']);
    expect(h.cityOf.get('4399A1')).toBe('439900');
  });

  it('a province with two cities; the nation above is not a pool', () => {
    const h = poolHierarchy([
      r('100000', 'NATION', null), r('470000', 'PROVINCE', '100000'),
      r('470200', 'CITY', '470000', 2), r('470100', 'CITY', '470000', 1),
      r('470102', 'DISTRICT', '470100'), r('470221', 'COUNTY', '470200'),
    ]);
    expect(h.province?.code).toBe('470000');
    expect(h.cities.map((c) => c.code)).toEqual(['470100', '470200']);
    expect(h.cityOf.get('470221')).toBe('470200');
    expect(h.cityOf.has('470000')).toBe(false);
  });

  it('cities under different provinces have no single province above them', () => {
    const h = poolHierarchy([r('470000', 'PROVINCE', null), r('480000', 'PROVINCE', null), r('470100', 'CITY', '470000'), r('480100', 'CITY', '480000')]);
    expect(h.province).toBeNull();
    expect(h.cities).toHaveLength(2);
  });
});

describe('cityOfRegion', () => {
  const rows = new Map([
    r('100000', 'NATION', null), r('470000', 'PROVINCE', '100000'), r('470100', 'CITY', '470000'),
    r('470102', 'DISTRICT', '470100'), r('4701A1', 'ZONE', '470100'), r('470999', 'COUNTY', '470000'),
  ].map((x) => [x.code, x]));
  const find = (c: string) => rows.get(c);
  it('a city is its own; a county-level unit or zone its parent city; above the cities, or unknown, none', () => {
    expect(cityOfRegion('470100', find)).toBe('470100');
    expect(cityOfRegion('470102', find)).toBe('470100');
    expect(cityOfRegion('4701A1', find)).toBe('470100');
    expect(cityOfRegion('470000', find)).toBeNull();
    expect(cityOfRegion('100000', find)).toBeNull();
    // a county whose parent is not a city belongs to no pool
    expect(cityOfRegion('470999', find)).toBeNull();
    expect(cityOfRegion('479999', find)).toBeNull();
  });
});

describe('poolCodes', () => {
  const two = poolHierarchy([r('470100', 'CITY', '470000', 1), r('470200', 'CITY', '470000', 2), r('470102', 'DISTRICT', '470100'), r('470221', 'COUNTY', '470200')]).cities;
  it('one city of several: its code first, then its counties', () => {
    expect(poolCodes(two, '470200')).toEqual(['470200', '470221']);
  });
  it('one city in the warehouse, no city, or an unknown one: no narrowing', () => {
    expect(poolCodes(two.slice(0, 1), '470100')).toBeNull();
    expect(poolCodes(two, null)).toBeNull();
    expect(poolCodes(two, '480100')).toBeNull();
  });
});
