import { describe, expect, it } from 'vitest';
import { MAX_RECORD_ID, checkPath, parseRecordId } from './params';

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

describe('checkPath', () => {
  it('400 for undecodable escapes anywhere in the path', () => {
    expect(checkPath('/counties/%ff')).toEqual({ kind: 'bad-request' });
    expect(checkPath('/%E4%B8')).toEqual({ kind: 'bad-request' });
  });
  it('404 for county and batch segments that cannot be ids', () => {
    expect(checkPath('/counties/NOPE')).toEqual({ kind: 'not-found', what: 'county' });
    expect(checkPath('/counties/439921')).toEqual({ kind: 'ok' });
    expect(checkPath('/counties/4399A1')).toEqual({ kind: 'ok' });
    expect(checkPath('/counties/439921/x')).toEqual({ kind: 'not-found', what: 'page' });
    expect(checkPath('/admin/batches/12345678901234567890123')).toEqual({ kind: 'not-found', what: 'batch' });
    expect(checkPath('/admin/batches/17')).toEqual({ kind: 'ok' });
    expect(checkPath('/counties')).toEqual({ kind: 'ok' });
    expect(checkPath('/')).toEqual({ kind: 'ok' });
  });
});
