/** Month arithmetic on YYYYMM period codes (e.g. 202001 = January 2020). */

/** YYYYMM → consecutive month index (year·12 + month − 1), so differences are month counts. */
export function periodToIndex(period: number): number {
  if (!Number.isInteger(period)) throw new Error(`Invalid period ${period}: expected an integer YYYYMM`);
  const year = Math.floor(period / 100);
  const month = period - year * 100;
  if (month < 1 || month > 12 || year < 1000 || year > 9999) {
    throw new Error(`Invalid period ${period}: expected YYYYMM with month 01–12`);
  }
  return year * 12 + month - 1;
}

/** Inverse of periodToIndex. */
export function indexToPeriod(index: number): number {
  const year = Math.floor(index / 12);
  return year * 100 + (index - year * 12) + 1;
}

/** Calendar month 1–12 of a YYYYMM period. */
export function monthOfPeriod(period: number): number {
  return (periodToIndex(period) % 12) + 1;
}

/** Months from `from` to `to` (positive when `to` is later). */
export function monthsBetween(from: number, to: number): number {
  return periodToIndex(to) - periodToIndex(from);
}

/** All YYYYMM periods from `from` to `to` inclusive. */
export function periodRange(from: number, to: number): number[] {
  const a = periodToIndex(from);
  const b = periodToIndex(to);
  const out: number[] = [];
  for (let i = a; i <= b; i++) out.push(indexToPeriod(i));
  return out;
}
