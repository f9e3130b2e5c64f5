import { describe, expect, it } from 'vitest';
import { parseBaseFilters, tableSortParams } from './filters';

const ctx = { years: [2017, 2018, 2024], regionCodes: ['439921', '4399A1'] };
describe('parseBaseFilters', () => {
  it('reads valid values', () => {
    expect(parseBaseFilters({ year: '2018', scheme: 'EMPLOYEE', region: '4399A1' }, ctx)).toEqual({ year: 2018, scheme: 'EMPLOYEE', region: '4399A1' });
  });
  it('falls back on bad or unknown values instead of failing', () => {
    expect(parseBaseFilters({ year: 'x', scheme: 'DROP TABLE', region: '999999' }, ctx)).toEqual({ year: 2024, scheme: 'RESIDENT', region: 'ALL' });
    expect(parseBaseFilters({ year: '2030' }, ctx).year).toBe(2024);
    expect(parseBaseFilters({ year: ['2017', '2018'] }, ctx).year).toBe(2017);
  });
});

describe('tableSortParams', () => {
  it('keeps only table sort params', () => {
    expect(tableSortParams({ year: '2024', 'counties.sort': 'coverage_rate.desc', 'x.sort': ['a', 'b'] })).toEqual({ 'counties.sort': 'coverage_rate.desc' });
  });
});
