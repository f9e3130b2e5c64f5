// De-duplication of settlement records by settlement id, in constant memory.
//
// While the file streams, each record's 64-bit id key (bytes.ts idKey) and line number go to a temporary
// file per scope (insured region × scheme × month): a duplicate of a settlement has the same date, region
// and scheme, so duplicates are only looked for within a scope. Afterwards each scope is checked on its
// own, against the keys already stored for it (SettlementKeySet), with an open-addressing table: memory is
// bounded by the largest scope (one county's month of one scheme), not by the file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const RECORD = 4; // lo, hi, line, content (a hash of the record's other fields)

interface ScopeWriter {
  scope: number;
  file: string;
  fd: number;
  buf: Uint32Array;
  n: number;
  count: number;
}

/** What de-duplication reads back: each scope's records in file order (lo, hi, line, content). */
export interface SpillReader {
  scopes(): { scope: number; count: number }[];
  read(scope: number): Uint32Array;
  cleanup(): void;
}

export class KeySpill implements SpillReader {
  readonly dir: string;
  private readonly writers = new Map<number, ScopeWriter>();
  private last: ScopeWriter | null = null;

  constructor(private readonly bufferRecords = 8192, dir?: string) {
    this.dir = dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'yibao-keys-'));
  }

  push(scope: number, lo: number, hi: number, line: number, content = 0): void {
    let w = this.last;
    if (w === null || w.scope !== scope) {
      w = this.writers.get(scope) ?? this.open(scope);
      this.last = w;
    }
    const o = w.n * RECORD;
    w.buf[o] = lo;
    w.buf[o + 1] = hi;
    w.buf[o + 2] = line;
    w.buf[o + 3] = content;
    w.n++;
    w.count++;
    if (w.n === this.bufferRecords) this.flush(w);
  }

  private open(scope: number): ScopeWriter {
    const file = path.join(this.dir, `${scope}.keys`);
    const w: ScopeWriter = { scope, file, fd: fs.openSync(file, 'w'), buf: new Uint32Array(this.bufferRecords * RECORD), n: 0, count: 0 };
    this.writers.set(scope, w);
    return w;
  }

  private flush(w: ScopeWriter): void {
    if (w.n === 0) return;
    fs.writeSync(w.fd, new Uint8Array(w.buf.buffer, 0, w.n * RECORD * 4));
    w.n = 0;
  }

  /** Flushes and closes every scope file. */
  finish(): void {
    for (const w of this.writers.values()) {
      this.flush(w);
      fs.closeSync(w.fd);
      w.fd = -1;
    }
    this.last = null;
  }

  scopes(): { scope: number; count: number }[] {
    return [...this.writers.values()].map((w) => ({ scope: w.scope, count: w.count })).sort((a, b) => a.scope - b.scope);
  }

  /** The (lo, hi, line) records of a scope in file order. */
  read(scope: number): Uint32Array {
    const w = this.writers.get(scope);
    if (!w) return new Uint32Array(0);
    return u32View(fs.readFileSync(w.file));
  }

  cleanup(): void {
    for (const w of this.writers.values()) if (w.fd >= 0) { try { fs.closeSync(w.fd); } catch { /* already closed */ } }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * The spills of a file read in ranges (parallel.ts), one directory per range, in file order. Each range
 * wrote line numbers relative to its start; `lineBase[k]` (lines before range k) makes them the file's.
 * `dir` holds the range directories and goes with cleanup().
 */
export class RangeSpills implements SpillReader {
  constructor(
    readonly dir: string,
    private readonly ranges: { dir: string; lineBase: number; scopes: { scope: number; count: number }[] }[],
  ) {
    this.has = ranges.map((r) => new Set(r.scopes.map((s) => s.scope)));
  }

  private readonly has: Set<number>[];

  scopes(): { scope: number; count: number }[] {
    const all = new Map<number, number>();
    for (const r of this.ranges) for (const s of r.scopes) all.set(s.scope, (all.get(s.scope) ?? 0) + s.count);
    return [...all].map(([scope, count]) => ({ scope, count })).sort((a, b) => a.scope - b.scope);
  }

  read(scope: number): Uint32Array {
    const parts: Uint32Array[] = [];
    let n = 0;
    for (const [k, r] of this.ranges.entries()) {
      if (!this.has[k].has(scope)) { parts.push(new Uint32Array(0)); continue; }
      const v = u32View(fs.readFileSync(path.join(r.dir, `${scope}.keys`)));
      parts.push(v);
      n += v.length;
    }
    const out = new Uint32Array(n);
    let o = 0;
    for (let k = 0; k < parts.length; k++) {
      const v = parts[k];
      out.set(v, o);
      const base = this.ranges[k].lineBase;
      if (base !== 0) for (let i = o + 2; i < o + v.length; i += RECORD) out[i] += base;
      o += v.length;
    }
    return out;
  }

  cleanup(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

export interface ScopeDedup {
  /** Keys to store for this scope (lo, hi interleaved; 8 bytes each), first occurrences only. */
  keys: Uint32Array;
  /** Lines repeating an earlier line of the same file. */
  inFile: number[];
  /** Lines whose settlement was loaded by an earlier batch. */
  stored: number[];
  /** Lines repeating an earlier line's settlement id with different other fields: a conflict, not a duplicate. */
  conflicts: { line: number; first: number }[];
}

/** Splits a scope's records into new keys and duplicates (in the file, or already stored). */
export function dedupeScope(records: Uint32Array, storedSets: Uint8Array[] = []): ScopeDedup {
  const n = records.length / RECORD;
  let storedCount = 0;
  for (const s of storedSets) storedCount += s.byteLength / 8;
  let cap = 16;
  while (cap < (n + storedCount) * 2) cap <<= 1;
  const mask = cap - 1;
  const tLo = new Uint32Array(cap);
  const tHi = new Uint32Array(cap);
  const state = new Uint8Array(cap); // 0 empty, 1 from this file, 2 stored
  const tLine = new Uint32Array(cap);
  const tContent = new Uint32Array(cap);
  let hit = 0;
  const put = (lo: number, hi: number, mark: number, line = 0, content = 0): number => {
    let i = lo & mask;
    for (;;) {
      const s = state[i];
      if (s === 0) { tLo[i] = lo; tHi[i] = hi; state[i] = mark; tLine[i] = line; tContent[i] = content; return 0; }
      if (tLo[i] === lo && tHi[i] === hi) { hit = i; return s; }
      i = (i + 1) & mask;
    }
  };
  for (const set of storedSets) {
    const v = u32View(set);
    for (let k = 0; k < v.length; k += 2) put(v[k], v[k + 1], 2);
  }
  const keys = new Uint32Array(n * 2);
  let u = 0;
  const inFile: number[] = [];
  const stored: number[] = [];
  const conflicts: { line: number; first: number }[] = [];
  for (let r = 0; r < records.length; r += RECORD) {
    const lo = records[r], hi = records[r + 1];
    const seen = put(lo, hi, 1, records[r + 2], records[r + 3]);
    if (seen === 0) { keys[u++] = lo; keys[u++] = hi; }
    else if (seen === 1) {
      if (tContent[hit] !== records[r + 3]) conflicts.push({ line: records[r + 2], first: tLine[hit] });
      else inFile.push(records[r + 2]);
    } else stored.push(records[r + 2]);
  }
  return { keys: keys.subarray(0, u), inFile, stored, conflicts };
}

/** Bytes as 32-bit words (little-endian, as written); copied when not 4-byte aligned (pooled Buffers). */
export function u32View(bytes: Uint8Array): Uint32Array {
  if (bytes.byteOffset % 4 === 0) return new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >>> 2);
  return new Uint32Array(Uint8Array.prototype.slice.call(bytes).buffer, 0, bytes.byteLength >>> 2);
}

/** The bytes stored in SettlementKeySet.keys (little-endian 32-bit halves, low first). */
export function keysToBytes(keys: Uint32Array): Buffer {
  return Buffer.from(keys.buffer, keys.byteOffset, keys.byteLength);
}

/** A bitset of line numbers. */
export function lineBitset(lastLine: number): Uint8Array {
  return new Uint8Array((lastLine >>> 3) + 1);
}

export function setLine(bits: Uint8Array, line: number): void {
  bits[line >>> 3] |= 1 << (line & 7);
}
