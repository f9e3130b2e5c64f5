// Reading a settlement file on several cores. The scanner (scan.ts) is one thread; a province's month is
// hundreds of megabytes, so the file is cut into byte ranges at line breaks and each range is scanned by
// a worker thread (scanWorker.ts) into its own cell aggregate, key spill and problem list. The main thread
// meanwhile computes the file's SHA-256 (which must read the bytes in order), then merges in file order:
// cells in the order the sequential scan would create them, problems and spilled line numbers moved by
// the lines of earlier ranges (a range does not know its first line number until those are counted).
// The outcome is the sequential scan's: same cells, same problems with the same rows, same keys.
//
// Small files, one core, or a worker that cannot start: the sequential scan in this thread.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { ProblemList, type ProblemSnapshot } from '../problems';
import { CellAggregate, lineTooLong, scanSettlements, type ScanOptions, type ScanResult } from './scan';
import { KeySpill, RangeSpills, type SpillReader } from './keys';
import type { TextEncoding } from '../text';

/** Bytes [start, end) of the file, whole lines; `lineBase` lines come before it. */
export interface ScanRange { start: number; end: number; lineBase: number }

/** How a file was cut, kept for a second pass over the same file (line numbers then known). */
export interface ScanLayout { header: string[]; ranges: ScanRange[] }

export interface FileScanOptions extends Omit<ScanOptions, 'spill' | 'range' | 'headerOnly'> {
  /** Spill settlement-id keys for de-duplication (the first pass); the result's `spill` reads them back. */
  keys?: boolean;
  /** Worker threads: default IMPORT_SCAN_THREADS, else the machine's cores (at most 8); 1 = this thread. */
  threads?: number;
  /** Files with fewer data bytes are read in this thread (starting the workers costs a few tenths of a second): default IMPORT_SCAN_MIN_BYTES, else 32 MB. */
  minParallelBytes?: number;
  /** The layout of the first pass (second pass over the same file, with `skip`). */
  layout?: ScanLayout | null;
}

export interface FileScanResult extends ScanResult {
  /** The spilled keys (with `keys`); the caller calls cleanup(). */
  spill: SpillReader | null;
  /** The ranges read in parallel, or null when the file was read in this thread. */
  layout: ScanLayout | null;
}

/** Worker threads to use by default. */
export function defaultScanThreads(): number {
  const env = Number(process.env.IMPORT_SCAN_THREADS);
  if (Number.isInteger(env) && env >= 1) return env;
  return Math.max(1, Math.min(8, os.availableParallelism()));
}

/**
 * Reads, validates and aggregates a settlement CSV (scan.ts), in parallel ranges when the file is large.
 * Errors: FileFormatError (line over 1 MB, naming the file's line) as the sequential scan throws it.
 */
export async function scanSettlementFile(file: string, opts: FileScanOptions): Promise<FileScanResult> {
  const threads = opts.threads ?? defaultScanThreads();
  const minBytes = opts.minParallelBytes ?? minParallelBytes();
  const size = (await fs.promises.stat(file)).size;
  let layout = opts.layout ?? null;
  let encoding: TextEncoding | undefined = opts.encoding;
  let head: ScanResult | null = null;
  if (!layout && threads > 1 && size >= minBytes) {
    head = await scanSettlements(file, { ref: opts.ref, encoding: opts.encoding, maxProblems: opts.maxProblems, headerOnly: true });
    // A refused header (or none): the sequential scan says so, exactly as always.
    if (head.problems.total === 0 && head.header && size - head.dataStart >= minBytes) {
      encoding = head.encoding;
      layout = { header: head.header, ranges: await cutRanges(file, head.dataStart, size, threads, head.lastLine) };
    }
  }
  if (layout && layout.ranges.length > 1) {
    const out = await scanRanges(file, size, layout, encoding ?? opts.encoding, head, opts);
    if (out) return out;
  }
  return scanHere(file, opts);
}

async function scanHere(file: string, opts: FileScanOptions): Promise<FileScanResult> {
  const spill = opts.keys ? new KeySpill() : null;
  try {
    const r = await scanSettlements(file, { ...opts, spill });
    spill?.finish();
    return { ...r, spill, layout: null };
  } catch (e) {
    spill?.cleanup();
    throw e;
  }
}

/**
 * Cuts [dataStart, size) into `n` ranges of about equal bytes, each ending just after a line break (the
 * last at the end of the file). The first range's lineBase is `headLines`; the others' are not known yet (0).
 */
export async function cutRanges(file: string, dataStart: number, size: number, n: number, headLines: number): Promise<ScanRange[]> {
  const cuts = [dataStart];
  const fh = await fs.promises.open(file, 'r');
  try {
    const win = Buffer.allocUnsafe(64 * 1024);
    for (let k = 1; k < n; k++) {
      let p = Math.max(cuts[cuts.length - 1], Math.floor(dataStart + ((size - dataStart) * k) / n));
      let cut = size;
      while (p < size) {
        const { bytesRead } = await fh.read(win, 0, win.length, p);
        if (bytesRead === 0) break;
        const i = win.subarray(0, bytesRead).indexOf(10);
        if (i >= 0) { cut = p + i + 1; break; }
        p += bytesRead;
      }
      if (cut > cuts[cuts.length - 1] && cut < size) cuts.push(cut);
    }
  } finally {
    await fh.close();
  }
  cuts.push(size);
  const ranges: ScanRange[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) ranges.push({ start: cuts[k], end: cuts[k + 1], lineBase: k === 0 ? headLines : 0 });
  return ranges;
}

/** What a worker sends (scanWorker.ts). */
export type WorkerMessage =
  | { type: 'progress'; bytes: number; rows: number }
  | { type: 'done'; rows: number; lines: number; slowLines: number; problems: ProblemSnapshot; scopes: { scope: number; count: number }[]; cells: TransferCells }
  | { type: 'error'; message: string; tooLongLine?: number };

/** A cell aggregate as typed arrays (cheap to move between threads). */
export interface TransferCells {
  key: Float64Array; region: Int32Array; institution: Int32Array; scheme: Int32Array; visit: Int32Array; month: Int32Array;
  visits: Float64Array; total: Float64Array; policy: Float64Array; fund: Float64Array; oop: Float64Array; up: Float64Array; down: Float64Array;
}

export interface WorkerTask {
  file: string;
  range: { start: number; end: number; header: string[]; lineBase: number };
  encoding: TextEncoding | undefined;
  ref: ScanOptions['ref'];
  parseOnly: ScanOptions['parseOnly'];
  maxProblems: number | undefined;
  chunkBytes: number | undefined;
  spillDir: string | null;
  skip: Uint8Array | null;
}

export function toTransfer(c: CellAggregate): TransferCells {
  return {
    key: Float64Array.from(c.key), region: Int32Array.from(c.region), institution: Int32Array.from(c.institution), scheme: Int32Array.from(c.scheme),
    visit: Int32Array.from(c.visit), month: Int32Array.from(c.month), visits: Float64Array.from(c.visits), total: Float64Array.from(c.total),
    policy: Float64Array.from(c.policy), fund: Float64Array.from(c.fund), oop: Float64Array.from(c.oop), up: Float64Array.from(c.up), down: Float64Array.from(c.down),
  };
}

/** Adds a range's cells: a cell new to `into` goes last, so cells come in the order of their first record in the file. Sums are integers (cents), exact in any order. */
function mergeCells(into: CellAggregate, c: TransferCells): void {
  for (let i = 0; i < c.key.length; i++) {
    const k = c.key[i];
    let j = into.index.get(k);
    if (j === undefined) {
      j = into.key.length;
      into.index.set(k, j);
      into.key.push(k); into.region.push(c.region[i]); into.institution.push(c.institution[i]); into.scheme.push(c.scheme[i]); into.visit.push(c.visit[i]); into.month.push(c.month[i]);
      into.visits.push(c.visits[i]); into.total.push(c.total[i]); into.policy.push(c.policy[i]); into.fund.push(c.fund[i]); into.oop.push(c.oop[i]); into.up.push(c.up[i]); into.down.push(c.down[i]);
    } else {
      into.visits[j] += c.visits[i]; into.total[j] += c.total[i]; into.policy[j] += c.policy[i]; into.fund[j] += c.fund[i]; into.oop[j] += c.oop[i];
      into.up[j] += c.up[i]; into.down[j] += c.down[i];
    }
  }
}

function spawnWorker(entry: string, tsx: string): Worker {
  return new Worker(`require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(entry)});`, {
    eval: true,
    // Not the parent's flags (a loader, conditions); a CPU profile (--cpu-prof, the benchmark's) covers the workers too.
    execArgv: process.execArgv.filter((x) => x.startsWith('--cpu-prof')),
  });
}

// Workers started ahead (prewarmScanWorkers), idle until handed a range.
const warm: Worker[] = [];
let warmTimer: NodeJS.Timeout | null = null;

/**
 * Starts the scan's worker threads ahead of the scan, for a file of `bytes` that will be scanned in parallel:
 * starting one (loading the scanner) takes a few tenths of a second, which then overlaps the import's
 * encoding check. Idle workers do not keep the process alive and end after 60 s unused (or releaseScanWorkers()).
 */
export function prewarmScanWorkers(bytes: number): void {
  const threads = defaultScanThreads();
  if (threads <= 1 || bytes < minParallelBytes() || warm.length > 0) return;
  const entry = workerEntry();
  const tsx = tsxApi();
  if (!entry || !tsx) return;
  for (let k = 0; k < threads; k++) {
    const w = spawnWorker(entry, tsx);
    w.on('error', () => { const i = warm.indexOf(w); if (i >= 0) warm.splice(i, 1); });
    w.unref();
    warm.push(w);
  }
  warmTimer = setTimeout(releaseScanWorkers, 60_000);
  warmTimer.unref();
}

/** Ends the workers started ahead and not used. */
export function releaseScanWorkers(): void {
  for (const w of warm.splice(0)) void w.terminate();
  if (warmTimer) clearTimeout(warmTimer);
  warmTimer = null;
}

function tsxApi(): string {
  try {
    return createRequire(path.join(process.cwd(), 'package.json')).resolve('tsx/cjs/api');
  } catch {
    return '';
  }
}

function minParallelBytes(): number {
  const env = Number(process.env.IMPORT_SCAN_MIN_BYTES);
  return process.env.IMPORT_SCAN_MIN_BYTES && env >= 0 ? env : 32 << 20;
}

// The worker runs the TypeScript sources through tsx's require hook (a dependency; the CLI runs on it too):
// the same code in the CLI, the tests and the server, with nothing for a bundler to follow.
function workerEntry(): string | null {
  const here = typeof __dirname === 'string' ? [path.join(__dirname, 'scanWorker.ts')] : [];
  for (const f of [...here, path.join(process.cwd(), 'lib/ingest/settlement/scanWorker.ts')]) if (fs.existsSync(f)) return f;
  return null;
}

let warned = false;

/** The parallel scan; null when the workers could not run (the caller scans in this thread). */
async function scanRanges(file: string, size: number, layout: ScanLayout, encoding: TextEncoding | undefined, head: ScanResult | null, opts: FileScanOptions): Promise<FileScanResult | null> {
  const entry = workerEntry();
  const tsx = tsxApi();
  if (!entry || !tsx) return null;
  const firstPass = opts.layout == null;
  const dir = opts.keys ? fs.mkdtempSync(path.join(os.tmpdir(), 'yibao-keys-')) : null;
  const n = layout.ranges.length;
  const progress = layout.ranges.map(() => ({ bytes: 0, rows: 0 }));
  const dataStart = layout.ranges[0].start;
  const workers: Worker[] = [];
  const hashing = opts.hash ? hashFile(file) : null;
  hashing?.catch(() => undefined); // awaited below; not an unhandled rejection while the workers run
  let failedToRun = false;
  try {
    const results = await Promise.all(layout.ranges.map((r, k) => new Promise<Extract<WorkerMessage, { type: 'done' }>>((resolve, reject) => {
      const spillDir = dir ? path.join(dir, String(k)) : null;
      if (spillDir) fs.mkdirSync(spillDir);
      const task: WorkerTask = {
        file, encoding, ref: opts.ref, parseOnly: opts.parseOnly, maxProblems: opts.maxProblems, chunkBytes: opts.chunkBytes, spillDir,
        // First pass: line numbers relative to the range (k > 0), fixed up below. Second pass: the file's.
        range: { start: r.start, end: r.end, header: layout.header, lineBase: firstPass && k > 0 ? 0 : r.lineBase },
        skip: opts.skip ?? null,
      };
      const w = warm.shift() ?? spawnWorker(entry, tsx);
      w.ref();
      w.postMessage(task);
      workers.push(w);
      let settled = false;
      w.on('message', (m: WorkerMessage) => {
        if (m.type === 'progress') {
          progress[k] = { bytes: m.bytes, rows: m.rows };
          let b = dataStart, rows = 0;
          for (const p of progress) { b += p.bytes; rows += p.rows; }
          opts.onProgress?.(b, rows);
        } else if (m.type === 'done') {
          settled = true;
          resolve(m);
        } else {
          settled = true;
          reject(Object.assign(new Error(m.message), { range: k, tooLongLine: m.tooLongLine }));
        }
      });
      w.on('error', (e) => { if (!settled) { settled = true; failedToRun = true; reject(e); } });
      w.on('exit', (code) => { if (!settled) { settled = true; failedToRun = true; reject(new Error(`scan worker exited with code ${code}`)); } });
    }).catch((e) => ({ type: 'failed' as const, error: e as Error & { range?: number; tooLongLine?: number } }))));

    // The earliest range's failure is the one the sequential scan would have met first.
    const failed = results.find((x) => x.type === 'failed');
    if (failed) {
      if (failedToRun && !results.some((x) => x.type === 'failed' && x.error.tooLongLine !== undefined)) {
        if (!warned) { warned = true; console.warn(`[import] scan workers unavailable, reading in one thread: ${failed.error.message}`); }
        if (dir) fs.rmSync(dir, { recursive: true, force: true });
        await hashing?.catch(() => undefined);
        return null;
      }
      const e = failed.error;
      if (e.tooLongLine !== undefined) {
        let base = layout.ranges[0].lineBase;
        for (let k = 0; k < (e.range ?? 0); k++) { const d = results[k]; if (d.type === 'done') base += d.lines; }
        // In the second pass ranges count from their known base; in the first, from 0 (k > 0).
        throw lineTooLong(firstPass && (e.range ?? 0) > 0 ? base + e.tooLongLine : e.tooLongLine);
      }
      throw e;
    }
    const done = results as Extract<WorkerMessage, { type: 'done' }>[];

    const problems = new ProblemList(opts.maxProblems);
    const cells = new CellAggregate();
    const ranges: ScanRange[] = [];
    let rows = 0, slowLines = 0, line = layout.ranges[0].lineBase;
    for (let k = 0; k < n; k++) {
      const d = done[k];
      const r = layout.ranges[k];
      const base = firstPass ? line : r.lineBase;
      ranges.push({ start: r.start, end: r.end, lineBase: base });
      // Range 0 counted from the header's line; the others from 0 in the first pass.
      problems.append(d.problems, firstPass && k > 0 ? base : 0);
      mergeCells(cells, d.cells);
      rows += d.rows;
      slowLines += d.slowLines;
      line = base + d.lines;
    }
    if (rows === 0 && problems.total === 0) problems.add({ row: 0, reason: '文件只有表头，没有数据行' });
    // Spilled line numbers: range k > 0 of the first pass wrote them relative to its start.
    const spill = dir ? new RangeSpills(dir, done.map((d, k) => ({ dir: path.join(dir, String(k)), lineBase: k > 0 ? ranges[k].lineBase : 0, scopes: d.scopes }))) : null;
    opts.onProgress?.(size, rows);
    const fileHash = hashing ? await hashing : null;
    return {
      rows, bytes: size, encoding: head?.encoding ?? encoding ?? 'UTF-8', problems, cells, lastLine: line, fileHash, slowLines,
      dataStart, header: layout.header, spill, layout: { header: layout.header, ranges },
    };
  } catch (e) {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    throw e;
  } finally {
    for (const w of workers) void w.terminate();
    await hashing?.catch(() => undefined);
  }
}

/** SHA-256 of the file's bytes, hex. */
async function hashFile(file: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 4 << 20 })) h.update(chunk as Buffer);
  return h.digest('hex');
}
