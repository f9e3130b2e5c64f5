// The settlement-record fast path (结算明细, millions of rows a month).
//
// Why not csv-parse here: measured on this machine, csv-parse alone reads about 400,000 settlement rows/s,
// so validation, de-duplication and loading could not stay above the 250,000 rows/s the import must
// sustain (issue 3 §8). The settlement export is a fixed, numeric, quote-free format, so this scanner
// splits lines on bytes and reads codes, dates and amounts without making strings. Anything outside that
// format is not guessed at: a line with quotes goes through csv-parse (slow but exact), and a field the
// fast readers do not accept goes through the general cell parsers of values.ts, which explain the
// problem. Every other template is read with csv-parse / exceljs (read.ts).
//
// Memory is constant in the file size: rows are aggregated into cells of the fact grain (insured region ×
// institution × scheme × visit type × month) as they stream, and settlement-id keys go to disk (keys.ts).
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import iconv from 'iconv-lite';
import { parse as parseCsvSync } from 'csv-parse/sync';
import { SCHEMES, VISIT_TYPES, INSUTYPE, MED_TYPE, REFERRAL_LABELS, NATIONAL_UNMODELLED } from '../../domain/codes';
import { ANNOTATION_HEADERS, TEMPLATES, normalizeHeader } from '../templates';
import { detectEncoding, FileFormatError, isTitleLine, type TextEncoding } from '../text';
import { ProblemList, type Problem } from '../problems';
import { foldWidth, normalizeCell, parseCodeText, parseDate, parseMoney, parsePeriod, stripInvisible } from '../values';
import { headerUnitText, resolveUnit } from '../units';
import { ByteCodeMap, NumericCodeMap, centsOf, idKey, periodOfIsoDate } from './bytes';
import type { KeySpill } from './keys';

const TEMPLATE = TEMPLATES.SETTLEMENT;
const COLS = TEMPLATE.columns;
const F = { id: 0, date: 1, region: 2, inst: 3, scheme: 4, visit: 5, total: 6, policy: 7, fund: 8, oop: 9, referral: 10 } as const;
const NF = COLS.length;

/** Months since 1990-01: the period part of cell and scope keys. */
const MONTHS = (2100 - 1990 + 1) * 12;
export const monthIndex = (period: number) => (Math.floor(period / 100) - 1990) * 12 + (period % 100) - 1;
export const periodOfMonthIndex = (i: number) => (1990 + Math.floor(i / 12)) * 100 + (i % 12) + 1;

export interface SettlementReference {
  regionCodes: string[];
  institutionCodes: string[];
}

/** Aggregated cells of the fact grain; amounts in cents (exact integer sums). */
export class CellAggregate {
  readonly index = new Map<number, number>();
  key: number[] = [];
  region: number[] = [];
  institution: number[] = [];
  scheme: number[] = [];
  visit: number[] = [];
  month: number[] = [];
  visits: number[] = [];
  total: number[] = [];
  policy: number[] = [];
  fund: number[] = [];
  oop: number[] = [];
  up: number[] = [];
  down: number[] = [];
  get size(): number {
    return this.key.length;
  }
}

export interface ScanOptions {
  ref: SettlementReference;
  /**
   * Parse only (the benchmark's baselines): 'records' reads every field into a value as a CSV parser hands
   * it over (text fields as strings); 'split' stops at field boundaries, amounts and month (no strings).
   */
  parseOnly?: boolean | 'records' | 'split';
  /** First pass: settlement-id keys per scope go here. */
  spill?: KeySpill | null;
  /** Second pass: rows (line numbers) to leave out, as a bitset. */
  skip?: Uint8Array | null;
  /** Also compute the file's SHA-256 while reading. */
  hash?: boolean;
  onProgress?: (bytesRead: number, rows: number) => void;
  maxProblems?: number;
  chunkBytes?: number;
  /** The file's encoding, detected from the whole file (read.ts detectFileEncoding); else from its first 64 KB. */
  encoding?: TextEncoding;
  /**
   * Read only bytes [start, end) of the file, which begin and end at line boundaries and hold data lines
   * only (parallel.ts: one range per worker). `header` is the file's header row (already checked);
   * `lineBase` is the number of lines before `start`, so rows and problems carry the file's line numbers
   * (0 when not yet known: line numbers are then relative to the range, and the caller adds the base).
   */
  range?: { start: number; end: number; header: string[]; lineBase: number };
  /** Stop after the header row: `dataStart` says where the data lines begin (parallel.ts). */
  headerOnly?: boolean;
}

export interface ScanResult {
  rows: number;
  bytes: number;
  encoding: TextEncoding;
  problems: ProblemList;
  cells: CellAggregate;
  /** Line numbers of the first and last data rows, for bitsets. */
  lastLine: number;
  fileHash: string | null;
  /** Lines that needed csv-parse (quotes). */
  slowLines: number;
  /** Byte offset of the first line after the header row (the file's size when there is none). */
  dataStart: number;
  /** The header row's cells as read (null when there is none, or it was refused). */
  header: string[] | null;
}

const SCHEME_INDEX = SCHEMES.map((s) => s.code);
const VISIT_INDEX = VISIT_TYPES.map((v) => v.code);

function codeMaps() {
  const scheme = new NumericCodeMap();
  SCHEMES.forEach((s, i) => { for (const k of [INSUTYPE[s.code], s.code, s.name, s.short]) scheme.add(k, i); });
  const visit = new NumericCodeMap();
  VISIT_TYPES.forEach((v, i) => { for (const k of [MED_TYPE[v.code], v.code, v.name]) visit.add(k, i); });
  const referral = new ByteCodeMap([[REFERRAL_LABELS.UP, 1], [REFERRAL_LABELS.DOWN, 2], ['UP', 1], ['DOWN', 2]]);
  return { scheme, visit, referral };
}

/** Adds the GB18030 spellings of the Chinese names, for GBK files read as bytes. */
function addGb(map: ByteCodeMap, names: [string, number][]) {
  for (const [name, v] of names) map.addBytes(iconv.encode(name, 'gb18030'), v);
}

interface HeaderMap {
  /** file column → template field (0..NF-1), or -1 to ignore */
  fieldOfColumn: Int8Array;
  /** template field → file column, or -1 when an optional column is absent */
  columnOfField: Int16Array;
  headers: string[];
  /** The file's columns are the template's, in its order: fields need no remapping. */
  identity: boolean;
}

function mapHeader(cells: string[], line: number, problems: ProblemList): HeaderMap | null {
  const fieldOfColumn = new Int8Array(cells.length).fill(-1);
  const columnOfField = new Int16Array(NF).fill(-1);
  const ignored = new Set(ANNOTATION_HEADERS.map(normalizeHeader));
  let ok = true;
  cells.forEach((h, j) => {
    const n = normalizeHeader(h);
    if (n === '' || ignored.has(n)) return;
    const f = COLS.findIndex((c) => [c.header, ...(c.aliases ?? [])].some((a) => normalizeHeader(a) === n));
    if (f < 0) {
      problems.add({ row: line, column: h, reason: `未知的列：“结算明细”模板没有此列（应为：${COLS.map((c) => c.header).join('、')}）` });
      ok = false;
    } else if (columnOfField[f] >= 0) {
      problems.add({ row: line, column: h, reason: '列名重复' });
      ok = false;
    } else {
      columnOfField[f] = j;
      fieldOfColumn[j] = f;
      // Amounts are read in 元 to the cent: a header in another unit (万元) is refused, not scaled silently.
      const unit = headerUnitText(h);
      const c = COLS[f];
      const r = resolveUnit(unit, c.type === 'money' ? 'money' : null, c.unit, '表头');
      if (!r.ok) { problems.add({ row: line, column: h, reason: r.reason }); ok = false; }
      else if (r.unit) { problems.add({ row: line, column: h, reason: `结算明细的金额须以元为单位（表头为“${r.unit.text}”）：请导出以元为单位的明细` }); ok = false; }
    }
  });
  COLS.forEach((c, f) => {
    if (columnOfField[f] < 0 && !c.optional) {
      problems.add({ row: line, column: c.header, reason: '缺少必填列' });
      ok = false;
    }
  });
  const identity = cells.length === NF && COLS.every((_, f) => columnOfField[f] === f);
  return ok ? { fieldOfColumn, columnOfField, headers: cells, identity } : null;
}

/** Reads, validates and aggregates a settlement CSV in one streaming pass. */
export async function scanSettlements(file: string, opts: ScanOptions): Promise<ScanResult> {
  const { ref, parseOnly = false, spill = null, skip = null } = opts;
  const chunk = opts.chunkBytes ?? 4 << 20;
  const problems = new ProblemList(opts.maxProblems);
  const cells = new CellAggregate();
  const hasher = opts.hash ? createHash('sha256') : null;
  const maps = codeMaps();
  const regionByBytes = new ByteCodeMap(ref.regionCodes.map((c, i) => [c, i] as const));
  const instByBytes = new ByteCodeMap(ref.institutionCodes.map((c, i) => [c, i] as const));
  const regionByText = new Map(ref.regionCodes.map((c, i) => [c, i]));
  const instByText = new Map(ref.institutionCodes.map((c, i) => [c, i]));
  const schemeByText = new Map<string, number>();
  SCHEMES.forEach((x, i) => { for (const k of [INSUTYPE[x.code], x.code, x.name, x.short]) schemeByText.set(k, i); });
  const visitByText = new Map<string, number>();
  VISIT_TYPES.forEach((x, i) => { for (const k of [MED_TYPE[x.code], x.code, x.name]) visitByText.set(k, i); });
  const referralByText = new Map<string, number>([[REFERRAL_LABELS.UP, 1], [REFERRAL_LABELS.DOWN, 2], ['UP', 1], ['DOWN', 2], ['up', 1], ['down', 2]]);
  const nInst = Math.max(1, ref.institutionCodes.length);

  const fh = await fs.promises.open(file, 'r');
  let buf = Buffer.allocUnsafe(chunk * 2);
  let carry = 0;
  let bytes = 0;
  let line = 0;
  let rows = 0;
  let slowLines = 0;
  let encoding: TextEncoding = 'UTF-8';
  let decoder: TextDecoder = new TextDecoder('utf-8');
  let header: HeaderMap | null = null;
  let headerDone = false;
  let stop = false;
  let dataStart = -1;
  let headerCells: string[] | null = null;

  // Field positions of the current line, indexed by template field.
  const colStart = new Int32Array(64);
  const colEnd = new Int32Array(64);
  // Field positions by template field: the column positions themselves when the layout is the template's.
  let fs0 = new Int32Array(NF);
  let fe0 = new Int32Array(NF);
  const keyOut = new Uint32Array(2);
  // Last cell and scope: consecutive records usually share them.
  let lastCellKey = -1, lastCell = -1;
  // Range mode: the header was read (and checked) by the caller; reading starts and stops at the range.
  let pos = 0;
  let limit = Infinity;
  if (opts.range) {
    encoding = opts.encoding ?? 'UTF-8';
    decoder = new TextDecoder(encoding === 'GB18030' ? 'gb18030' : 'utf-8');
    if (encoding === 'GB18030') addGbNames(maps);
    header = mapHeader(opts.range.header, 0, new ProblemList());
    if (!header) throw new Error('scanSettlements: the range header does not map');
    if (header.identity) { fs0 = colStart; fe0 = colEnd; }
    headerCells = opts.range.header;
    headerDone = true;
    line = opts.range.lineBase;
    pos = opts.range.start;
    limit = opts.range.end;
    dataStart = opts.range.start;
  }

  const lineCells = (b: Uint8Array, s: number, e: number): string[] => {
    const text = decoder.decode(b.subarray(s, e));
    try {
      return (parseCsvSync(text, { relax_column_count: true, relax_quotes: true }) as string[][])[0] ?? [];
    } catch {
      return text.split(',');
    }
  };

  // The line being read: its bytes in the file buffer, and `src` where its fields are (the same buffer,
  // or a re-encoded copy for a line with quotes).
  let lb: Uint8Array = buf, lS = 0, lE = 0;
  let src: Buffer = buf;
  const parsed = { id: '', region: '', institution: '', insutype: '', medType: '', referral: '', period: 0, total: 0, policy: 0, fund: 0, oop: 0 };
  let bad = false;

  const fail = (field: number, reason: string, value?: string) => {
    bad = true;
    const keep = problems.items.length < (opts.maxProblems ?? 10_000);
    problems.add({ row: line, column: field >= 0 ? COLS[field].header : undefined, reason, value, cells: keep ? lineCells(lb, lS, lE) : undefined });
  };
  const fieldText = (f: number) => foldWidth(normalizeCell(decoder.decode(src.subarray(fs0[f], fe0[f]))));
  const slowMoney = (f: number, v: number): number => {
    if (v === v) return v;
    const t = fieldText(f);
    if (t === '') { fail(f, '不能为空'); return 0; }
    const m = parseMoney(t);
    if (!m.ok) { fail(f, m.reason, t); return 0; }
    return Math.round(m.value * 100);
  };
  const slowPeriod = (): number => {
    const t = fieldText(F.date);
    if (t === '') { fail(F.date, '不能为空'); return -1; }
    const d = parseDate(t);
    if (!d.ok) { fail(F.date, d.reason, t); return -1; }
    const p = parsePeriod(d.value);
    return p.ok ? p.value : -1;
  };
  const slowCode = (f: number, byText: Map<string, number>, what: string, unmodelled?: Record<string, string>): number => {
    const t = fieldText(f);
    const v = byText.get(t) ?? -1;
    const named = unmodelled?.[t];
    if (v < 0) fail(f, t === '' ? '不能为空' : named ? `“${t}”（${named}）不在本平台的统计范围：${what}，请剔除这类结算或与信息中心确认口径` : what, t);
    return v;
  };

  const readHeader = (b: Uint8Array, s: number, e: number): HeaderMap | null | 'title' => {
    if (e - s > 64 * 1024) {
      problems.add({ row: line, reason: `表头行有${(e - s).toLocaleString('en-US')}字节，不是结算明细的表头（上限64 KB），未读取` });
      return null;
    }
    const cellsText = (parseCsvSync(decoder.decode(b.subarray(s, e)), { relax_column_count: true, relax_quotes: true }) as string[][])[0] ?? [];
    if (isTitleLine(cellsText)) return 'title';
    const h = mapHeader(cellsText, line, problems);
    if (h?.identity) { fs0 = colStart; fe0 = colEnd; }
    if (h) headerCells = cellsText;
    return h;
  };

  /** One data line [s, e) of `b` (without the line break). */
  const processLine = (b: Buffer, s: number, e: number): void => {
    const h = header!;
    lb = b; lS = s; lE = e; src = b; bad = false;
    let ncols = 0;
    let quoted = false;
    let st = s;
    for (let i = s; i < e; i++) {
      const c = b[i];
      if (c === 44) {
        if (ncols < 64) { colStart[ncols] = st; colEnd[ncols] = i; }
        ncols++;
        st = i + 1;
      } else if (c === 34) {
        quoted = true;
        break;
      }
    }
    if (!quoted) {
      if (ncols < 64) { colStart[ncols] = st; colEnd[ncols] = e; }
      ncols++;
    } else {
      // Quotes: csv-parse splits the line; the cells are re-encoded so the byte readers still apply.
      slowLines++;
      const joined = lineCells(b, s, e).join('\u0000');
      src = encoding === 'GB18030' ? iconv.encode(joined, 'gb18030') : Buffer.from(joined, 'utf8');
      ncols = 0;
      st = 0;
      for (let i = 0; i <= src.length; i++) {
        if (i === src.length || src[i] === 0) {
          if (ncols < 64) { colStart[ncols] = st; colEnd[ncols] = i; }
          ncols++;
          st = i + 1;
        }
      }
    }
    if (ncols !== h.fieldOfColumn.length) {
      fail(-1, `本行有${ncols}列，表头有${h.fieldOfColumn.length}列`);
      return;
    }
    if (!h.identity) {
      for (let f = 0; f < NF; f++) {
        const j = h.columnOfField[f];
        if (j < 0) { fs0[f] = 0; fe0[f] = 0; } else { fs0[f] = colStart[j]; fe0[f] = colEnd[j]; }
      }
    }

    // Typed fields: the fast byte readers; on a miss, the general cell parsers (which explain problems).
    let period = periodOfIsoDate(src, fs0[F.date], fe0[F.date]);
    let total = centsOf(src, fs0[F.total], fe0[F.total]);
    let policy = centsOf(src, fs0[F.policy], fe0[F.policy]);
    let fund = centsOf(src, fs0[F.fund], fe0[F.fund]);
    let oop = centsOf(src, fs0[F.oop], fe0[F.oop]);
    if (parseOnly === 'split') {
      if (period < 0 || total !== total || policy !== policy || fund !== fund || oop !== oop) slowLines++;
      return;
    }
    if (parseOnly) {
      // The benchmark's baseline: the line parsed into a typed record (text fields as strings, amounts
      // and the month as numbers), as a CSV parser would hand it over; no lookups, checks or loading.
      const r = parsed;
      r.id = src.toString('latin1', fs0[F.id], fe0[F.id]);
      r.region = src.toString('latin1', fs0[F.region], fe0[F.region]);
      r.institution = src.toString('latin1', fs0[F.inst], fe0[F.inst]);
      r.insutype = src.toString('latin1', fs0[F.scheme], fe0[F.scheme]);
      r.medType = src.toString('latin1', fs0[F.visit], fe0[F.visit]);
      r.referral = fe0[F.referral] > fs0[F.referral] ? decoder.decode(src.subarray(fs0[F.referral], fe0[F.referral])) : '';
      r.period = period; r.total = total; r.policy = policy; r.fund = fund; r.oop = oop;
      if (period < 0 || total !== total || policy !== policy || fund !== fund || oop !== oop) slowLines++;
      return;
    }
    if (period < 0) period = slowPeriod();
    total = slowMoney(F.total, total);
    policy = slowMoney(F.policy, policy);
    fund = slowMoney(F.fund, fund);
    oop = slowMoney(F.oop, oop);

    // Settlement ids are text: letters, digits, '-' and '_'. Anything else (spaces, tabs, invisible
    // characters around it) is normalised on the slow path, and scientific notation is refused there.
    let idSrc: Buffer = src, idS = fs0[F.id], idE = fe0[F.id];
    let plainId = idE > idS && idE - idS <= 64;
    for (let i = idS; plainId && i < idE; i++) {
      const c = src[i];
      if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 95)) plainId = false;
    }
    if (!plainId) {
      const t = stripInvisible(fieldText(F.id));
      const p = t === '' ? null : parseCodeText(t, 64);
      if (p === null) fail(F.id, '不能为空');
      else if (!p.ok) fail(F.id, `结算流水号：${p.reason}`, t);
      else { idSrc = Buffer.from(t, 'latin1'); idS = 0; idE = idSrc.length; }
    }

    let region = regionByBytes.get(src, fs0[F.region], fe0[F.region]);
    if (region < 0) region = slowCode(F.region, regionByText, '区划代码未在“地区”中登记');
    let inst = instByBytes.get(src, fs0[F.inst], fe0[F.inst]);
    if (inst < 0) inst = slowCode(F.inst, instByText, '机构编码未在“定点医药机构”中登记');
    let scheme = maps.scheme.get(src, fs0[F.scheme], fe0[F.scheme]);
    if (scheme < 0) scheme = slowCode(F.scheme, schemeByText, '险种类型应为310（职工基本医疗保险）、390（城乡居民基本医疗保险）或510（生育保险）', NATIONAL_UNMODELLED.insutype);
    let visit = maps.visit.get(src, fs0[F.visit], fe0[F.visit]);
    if (visit < 0) visit = slowCode(F.visit, visitByText, '医疗类别应为11（普通门诊）、14（门诊慢特病）或21（住院）', NATIONAL_UNMODELLED.medType);
    let referral = 0;
    if (fe0[F.referral] > fs0[F.referral]) {
      referral = maps.referral.get(src, fs0[F.referral], fe0[F.referral]);
      if (referral < 0) referral = slowCode(F.referral, referralByText, '转诊类型应为“上转”“下转”或留空');
    }
    if (!bad) {
      // Parts and totals (issue 3 §3): fund ≤ policy-range cost ≤ total cost; total = fund + out-of-pocket.
      if (policy > total) fail(F.policy, '政策范围内费用大于医疗费总额', fieldText(F.policy));
      else if (fund > policy) fail(F.fund, '基金支付大于政策范围内费用', fieldText(F.fund));
      else if (Math.abs(total - fund - oop) > 1) fail(F.oop, `个人负担应等于医疗费总额减基金支付（${((total - fund) / 100).toFixed(2)}）`, fieldText(F.oop));
    }
    if (bad || problems.total > 0) return; // a rejected file is not aggregated any further

    const month = monthIndex(period);
    if (skip !== null && (skip[line >>> 3] & (1 << (line & 7))) !== 0) return;
    if (spill !== null) {
      idKey(idSrc, idS, idE, keyOut, 0);
      // The record's other fields, hashed: a repeated id with different fields is a conflict (keys.ts).
      let content = Math.imul(inst + 1, 0x9e3779b1) ^ Math.imul(visit + 7, 0x85ebca6b) ^ Math.imul(referral + 3, 0xc2b2ae35);
      // Unrolled (no array per row); the same value as folding [total, policy, fund, oop] in turn.
      content = Math.imul(content ^ (total | 0), 0x01000193) ^ Math.imul((total / 4294967296) | 0, 0x5bd1e995);
      content = Math.imul(content ^ (policy | 0), 0x01000193) ^ Math.imul((policy / 4294967296) | 0, 0x5bd1e995);
      content = Math.imul(content ^ (fund | 0), 0x01000193) ^ Math.imul((fund / 4294967296) | 0, 0x5bd1e995);
      content = Math.imul(content ^ (oop | 0), 0x01000193) ^ Math.imul((oop / 4294967296) | 0, 0x5bd1e995);
      spill.push((region * 3 + scheme) * MONTHS + month, keyOut[0], keyOut[1], line, content >>> 0);
    }
    const ck = (((region * nInst + inst) * 3 + scheme) * 3 + visit) * MONTHS + month;
    let c: number;
    if (ck === lastCellKey) c = lastCell;
    else {
      const found = cells.index.get(ck);
      if (found === undefined) {
        c = cells.key.length;
        cells.index.set(ck, c);
        cells.key.push(ck); cells.region.push(region); cells.institution.push(inst); cells.scheme.push(scheme); cells.visit.push(visit); cells.month.push(month);
        cells.visits.push(0); cells.total.push(0); cells.policy.push(0); cells.fund.push(0); cells.oop.push(0); cells.up.push(0); cells.down.push(0);
      } else c = found;
      lastCellKey = ck; lastCell = c;
    }
    cells.visits[c]++;
    cells.total[c] += total;
    cells.policy[c] += policy;
    cells.fund[c] += fund;
    cells.oop[c] += oop;
    if (referral === 1) cells.up[c]++;
    else if (referral === 2) cells.down[c]++;
  };

  try {
    for (;;) {
      if (buf.length - carry < chunk) {
        const bigger = Buffer.allocUnsafe(carry + chunk * 2);
        buf.copy(bigger, 0, 0, carry);
        buf = bigger;
      }
      const want = Math.min(chunk, limit - pos);
      const { bytesRead } = want > 0 ? await fh.read(buf, carry, want, pos) : { bytesRead: 0 };
      pos += bytesRead;
      const end = carry + bytesRead;
      if (hasher && bytesRead > 0) hasher.update(buf.subarray(carry, end));
      let start = 0;
      if (!headerDone && bytes === 0 && bytesRead > 0) {
        encoding = opts.encoding ?? detectEncoding(buf.subarray(0, Math.min(end, 64 * 1024)));
        decoder = new TextDecoder(encoding === 'GB18030' ? 'gb18030' : 'utf-8');
        if (encoding === 'UTF-8-BOM') start = 3;
        if (encoding === 'GB18030') addGbNames(maps);
      }
      bytes += bytesRead;
      const last = bytesRead === 0;
      let ls = start;
      // Line ends through Buffer.indexOf (memchr); commas and quotes are looked at once, in processLine.
      for (let i = buf.indexOf(10, ls); i >= 0 && i < end; i = buf.indexOf(10, ls)) {
        line++;
        let e = i;
        if (e > ls && buf[e - 1] === 13) e--;
        if (e > ls) {
          if (!headerDone) {
            const hh = readHeader(buf, ls, e);
            if (hh !== 'title') {
              headerDone = true;
              header = hh;
              dataStart = bytes - end + i + 1;
              if (!header || opts.headerOnly) { stop = true; break; }
            }
          } else {
            // A line over 1 MB is refused wherever the chunks happen to end (also when one holds it whole), so
            // the outcome does not depend on how the file is read (one pass, or ranges in parallel).
            if (e - ls > 1 << 20) throw lineTooLong(line);
            rows++;
            processLine(buf, ls, e);
          }
        }
        ls = i + 1;
      }
      if (stop) break;
      if (last) {
        // A last line without a line break.
        if (ls < end) {
          line++;
          let e = end;
          if (buf[e - 1] === 13) e--;
          if (e > ls) {
            if (!headerDone) {
              const hh = readHeader(buf, ls, e);
              if (hh !== 'title') { headerDone = true; header = hh; dataStart = bytes; }
            } else {
              if (e - ls > 1 << 20) throw lineTooLong(line);
              rows++;
              processLine(buf, ls, e);
            }
          }
        }
        break;
      }
      buf.copy(buf, 0, ls, end);
      carry = end - ls;
      if (carry > 1 << 20) throw lineTooLong(line + 1);
      opts.onProgress?.(bytes, rows);
    }
  } finally {
    await fh.close();
  }
  if (!headerDone) problems.add({ row: 0, reason: '文件为空（没有表头行）' });
  else if (rows === 0 && problems.total === 0 && !opts.range && !opts.headerOnly) problems.add({ row: 0, reason: '文件只有表头，没有数据行' });
  opts.onProgress?.(bytes, rows);
  if (dataStart < 0) dataStart = bytes;
  return { rows, bytes, encoding, problems, cells, lastLine: line, fileHash: hasher ? hasher.digest('hex') : null, slowLines, dataStart, header: headerCells };
}

/** A line over 1 MB: not a settlement file (thrown, with the line's number). */
export function lineTooLong(line: number): FileFormatError {
  return new FileFormatError(`第${line}行过长（超过1 MB）：不是结算明细文件？`, line);
}

function addGbNames(maps: ReturnType<typeof codeMaps>) {
  addGb(maps.scheme.names, SCHEMES.flatMap((x, i) => [[x.name, i], [x.short, i]] as [string, number][]));
  addGb(maps.visit.names, VISIT_TYPES.map((x, i) => [x.name, i] as [string, number]));
  addGb(maps.referral, [[REFERRAL_LABELS.UP, 1], [REFERRAL_LABELS.DOWN, 2]]);
}

export const SCHEME_OF_INDEX = SCHEME_INDEX;
export const VISIT_OF_INDEX = VISIT_INDEX;
