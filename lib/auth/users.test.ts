// The role as the header names it: in a warehouse of several cities an unbound city-role user is a
// province-level analyst, a bound one their city's bureau; one city: the labels as they always were.
import { describe, expect, it } from 'vitest';
import { ROLE_LABELS, roleLabel } from './users';

const A = { code: '470100', name: '澄州市' };
const B = { code: '470200', name: '沅阳市' };

describe('roleLabel', () => {
  it('several cities: unbound → 全省, bound → their city', () => {
    expect(roleLabel('city', null, [A, B])).toBe('医保局（全省）');
    expect(roleLabel('city', '470100', [A, B])).toBe('澄州市医保局（全市）');
  });
  it('one city (or none loaded), and the other roles: ROLE_LABELS unchanged', () => {
    expect(roleLabel('city', null, [A])).toBe(ROLE_LABELS.city);
    expect(roleLabel('city', null, [])).toBe('市医保局（全市）');
    expect(roleLabel('admin', null, [A, B])).toBe('管理员');
    expect(roleLabel('county', '470121', [A, B])).toBe('县（市、区）');
  });
});
