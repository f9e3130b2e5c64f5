import { describe, expect, it } from 'vitest';
import { MAX_RECORD_ID, parseRecordId } from './params';

describe('parseRecordId', () => {
  it('accepts plain positive integers up to the 32-bit key limit', () => {
    expect(parseRecordId('1')).toBe(1);
    expect(parseRecordId('2147483647')).toBe(MAX_RECORD_ID);
  });
  it('refuses what would overflow or is not a plain decimal', () => {
    for (const s of ['12345678901234567890123', '2147483648', '0', '-1', '01', '1e3', '1.0', ' 1', '%ff', '', 'abc'])
      expect(parseRecordId(s)).toBeNull();
    expect(parseRecordId(undefined)).toBeNull();
  });
});
