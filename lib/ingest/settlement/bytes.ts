// Byte-level helpers of the settlement fast path: reading codes, amounts and dates straight from the file's
// bytes without building a string per field (see scan.ts for why the fast path exists).

/** FNV-1a over bytes [s, e). */
export function fnv32(buf: Uint8Array, s: number, e: number): number {
  let h = 0x811c9dc5;
  for (let i = s; i < e; i++) h = Math.imul(h ^ buf[i], 0x01000193);
  return h >>> 0;
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A 64-bit key of a settlement id as two 32-bit halves (FNV-1a and a murmur-style hash, each finalised):
 * written into `out[o]` (low) and `out[o + 1]` (high). Duplicates are only looked for among settlements
 * of the same insured region, scheme and month, where a false match has odds of about n²/2⁶⁵ (n ≈ 10⁶:
 * 3 × 10⁻⁸ per month).
 */
export function idKey(buf: Uint8Array, s: number, e: number, out: Uint32Array, o: number): void {
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c ^ (e - s);
  for (let i = s; i < e; i++) {
    const c = buf[i];
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  out[o] = fmix32(h1);
  out[o + 1] = fmix32(h2);
}

/** Code lookup straight from bytes: hash, then byte-wise verification. */
export class ByteCodeMap {
  private readonly byHash = new Map<number, { bytes: Uint8Array; value: number }[]>();

  constructor(entries: Iterable<readonly [string, number]> = []) {
    for (const [code, value] of entries) this.add(code, value);
  }

  add(code: string, value: number): void {
    this.addBytes(new TextEncoder().encode(code), value);
  }

  /** A code in another encoding (e.g. the GB18030 bytes of a Chinese name). */
  addBytes(bytes: Uint8Array, value: number): void {
    const h = fnv32(bytes, 0, bytes.length);
    const list = this.byHash.get(h) ?? [];
    if (!list.some((x) => sameBytes(x.bytes, bytes, 0, bytes.length))) list.push({ bytes, value });
    this.byHash.set(h, list);
  }

  // The last code found: records of an export often repeat the previous record's codes.
  private lastBytes: Uint8Array | null = null;
  private lastValue = -1;

  /** The value of the code at [s, e), or -1. */
  get(buf: Uint8Array, s: number, e: number): number {
    const last = this.lastBytes;
    if (last !== null && sameBytes(last, buf, s, e)) return this.lastValue;
    const list = this.byHash.get(fnv32(buf, s, e));
    if (list === undefined) return -1;
    for (let k = 0; k < list.length; k++) {
      if (sameBytes(list[k].bytes, buf, s, e)) {
        this.lastBytes = list[k].bytes;
        this.lastValue = list[k].value;
        return list[k].value;
      }
    }
    return -1;
  }
}

/**
 * Short numeric codes (险种类型 310/390/510, 医疗类别 11/14/21) read as numbers and looked up in a
 * table; anything else (names, other spellings) falls back to the byte map.
 */
export class NumericCodeMap {
  private readonly table = new Map<number, number>();
  readonly names = new ByteCodeMap();

  add(code: string, value: number): void {
    if (/^\d{1,6}$/.test(code)) this.table.set(code.length * 1e7 + Number(code), value);
    this.names.add(code, value);
  }

  get(buf: Uint8Array, s: number, e: number): number {
    const len = e - s;
    if (len > 0 && len <= 6) {
      let v = 0;
      let i = s;
      for (; i < e; i++) {
        const d = buf[i] - 48;
        if (d < 0 || d > 9) break;
        v = v * 10 + d;
      }
      if (i === e) return this.table.get(len * 1e7 + v) ?? -1;
    }
    return this.names.get(buf, s, e);
  }
}

function sameBytes(a: Uint8Array, buf: Uint8Array, s: number, e: number): boolean {
  if (a.length !== e - s) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== buf[s + i]) return false;
  return true;
}

/** Amount in cents from '123', '123.4', '123.45' (non-negative); NaN for anything else (the slow path explains). */
export function centsOf(buf: Uint8Array, s: number, e: number): number {
  let i = s;
  let v = 0;
  while (i < e) {
    const c = buf[i];
    if (c < 48 || c > 57) break;
    v = v * 10 + (c - 48);
    i++;
  }
  if (i === s) return NaN;
  if (i === e) return v * 100;
  if (buf[i] !== 46) return NaN;
  i++;
  if (i === e) return v * 100;
  const d1 = buf[i] - 48;
  if (d1 < 0 || d1 > 9) return NaN;
  if (i + 1 === e) return v * 100 + d1 * 10;
  const d2 = buf[i + 1] - 48;
  if (d2 < 0 || d2 > 9 || i + 2 !== e) return NaN;
  return v * 100 + d1 * 10 + d2;
}

const DAYS = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * 'YYYY-MM-DD' (optionally followed by a time) → YYYYMM, or -1 when the field needs the slow path
 * (another date format, or an invalid date that the slow path will explain).
 */
export function periodOfIsoDate(buf: Uint8Array, s: number, e: number): number {
  if (e - s < 10 || buf[s + 4] !== 45 || buf[s + 7] !== 45 || (e - s > 10 && buf[s + 10] !== 32 && buf[s + 10] !== 84)) return -1;
  let y = 0;
  for (let i = s; i < s + 4; i++) {
    const d = buf[i] - 48;
    if (d < 0 || d > 9) return -1;
    y = y * 10 + d;
  }
  const m1 = buf[s + 5] - 48, m2 = buf[s + 6] - 48, d1 = buf[s + 8] - 48, d2 = buf[s + 9] - 48;
  if (m1 < 0 || m1 > 1 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 3 || d2 < 0 || d2 > 9) return -1;
  const m = m1 * 10 + m2, d = d1 * 10 + d2;
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > DAYS[m] || (m === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)))) return -1;
  return y * 100 + m;
}
