import { describe, expect, it } from 'vitest';
import { cityKeysOf, NO_CITY } from './cityKeys';
import { versionsInForceByCity } from '../budget/versions';

describe('cityKeysOf', () => {
  it("reads rows naming no city as the only city's, and as nobody's among several", () => {
    expect(cityKeysOf(1, '439900')).toEqual(['439900', NO_CITY]);
    expect(cityKeysOf(0, '439900')).toEqual(['439900', NO_CITY]);
    expect(cityKeysOf(2, '439900')).toEqual(['439900']);
  });
});

describe('versionsInForceByCity', () => {
  const v = (id: number, cityCode: string, seq: number, approvedOn: string) => ({ id, cityCode, year: 2024, seq, approvedOn });
  it("gives each city its own version in force: another city's adjustment does not move it", () => {
    const versions = [v(1, 'A', 0, '2024-01-10'), v(2, 'B', 0, '2024-01-20'), v(3, 'B', 1, '2024-07-01')];
    expect(versionsInForceByCity(versions, ['A', 'B'], 2024, null).map((x) => x.id)).toEqual([1, 3]);
    expect(versionsInForceByCity(versions, ['A', 'B'], 2024, 202403).map((x) => x.id)).toEqual([1, 2]);
    expect(versionsInForceByCity(versions, ['A', 'B'], 2023, null)).toEqual([]);
  });
  it("one city: versions naming no city are its own and sequence with its named ones; several: nobody's", () => {
    const versions = [v(1, '', 0, '2024-01-10'), v(2, 'A', 1, '2024-07-01')];
    expect(versionsInForceByCity(versions, ['A'], 2024, null).map((x) => x.id)).toEqual([2]);
    expect(versionsInForceByCity(versions, ['A'], 2024, 202403).map((x) => x.id)).toEqual([1]);
    expect(versionsInForceByCity([v(1, '', 0, '2024-01-10')], ['A', 'B'], 2024, null)).toEqual([]);
  });
});
