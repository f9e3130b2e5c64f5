import { describe, expect, it } from 'vitest';
import { parseAsOfMonth } from './filters';

describe('parseAsOfMonth', () => {
  it('accepts 1..12 and falls back to null for anything else', () => {
    expect(parseAsOfMonth({ month: '3' })).toBe(3);
    expect(parseAsOfMonth({ month: ['12', '1'] })).toBe(12);
    expect(parseAsOfMonth({})).toBeNull();
    expect(parseAsOfMonth({ month: '' })).toBeNull();
    expect(parseAsOfMonth({ month: '13' })).toBeNull();
    expect(parseAsOfMonth({ month: '0' })).toBeNull();
    expect(parseAsOfMonth({ month: '2.5' })).toBeNull();
    expect(parseAsOfMonth({ month: 'abc' })).toBeNull();
  });
});
