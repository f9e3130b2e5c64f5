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
