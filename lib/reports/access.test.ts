import { describe, expect, it } from 'vitest';
import { canGenerate, canReadEdition, readableEditions } from './access';

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
