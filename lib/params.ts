/**
 * Path-segment validation shared by pages and route handlers, so a malformed segment answers 400/404
 * instead of reaching the database (a 23-digit batch id overflows the 32-bit integer key and would fail
 * there with a 500).
 */

/** Largest value of a 32-bit signed integer key (SQLite INTEGER and PostgreSQL integer both accept it). */
export const MAX_RECORD_ID = 2_147_483_647;

/** '42' → 42; null for anything but a plain positive decimal integer up to MAX_RECORD_ID. */
export function parseRecordId(segment: string | null | undefined): number | null {
  if (typeof segment !== 'string' || !/^[1-9]\d{0,9}$/.test(segment)) return null;
  const n = Number(segment);
  return n <= MAX_RECORD_ID ? n : null;
}

/**
 * Region codes as the warehouse keeps them: six characters, GB/T 2260 digits or a local code such as
 * '4399A1' for a functional zone. A segment of any other shape cannot name a county.
 */
export function isRegionCodeShape(segment: string): boolean {
  return /^[0-9A-Z]{6}$/.test(segment);
}

export type SegmentVerdict = { kind: 'ok' } | { kind: 'bad-request' } | { kind: 'not-found'; what: 'county' | 'batch' | 'page' };

/**
 * Decides, before any rendering starts, whether a path can be answered at all: undecodable percent
 * escapes ('%ff') → 400; a county or batch segment that cannot be an id → 404. Pages under a loading
 * state stream with status 200, so these checks run in the proxy where the status can still be set.
 */
export function checkPath(pathname: string): SegmentVerdict {
  let decoded: string[];
  try {
    decoded = pathname.split('/').map((s) => decodeURIComponent(s));
  } catch {
    return { kind: 'bad-request' };
  }
  if (decoded[1] === 'counties' && decoded.length >= 3 && decoded[2] !== '') {
    if (decoded.length > 3 && decoded.slice(3).some((s) => s !== '')) return { kind: 'not-found', what: 'page' };
    if (!isRegionCodeShape(decoded[2])) return { kind: 'not-found', what: 'county' };
  }
  if (decoded[1] === 'admin' && decoded[2] === 'batches' && decoded.length >= 4 && decoded[3] !== '') {
    if (parseRecordId(decoded[3]) === null) return { kind: 'not-found', what: 'batch' };
  }
  return { kind: 'ok' };
}
