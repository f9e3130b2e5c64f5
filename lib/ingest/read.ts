// Reading import files: format and encoding detection, then records (cells as text with their line
// number) from CSV through csv-parse or from XLSX through exceljs' streaming reader. Nothing here knows
// about templates.
import fs from 'node:fs';
import zlib from 'node:zlib';
import { isUtf8 } from 'node:buffer';
import { Transform, type TransformCallback } from 'node:stream';
import { parse as parseCsv, CsvError } from 'csv-parse';
import ExcelJS from 'exceljs';
// exceljs knows the CJK built-in number formats (27-36, 50-58: 2025年1月, 2025年2月10日, …) only per
// locale, so a cell formatted with one arrives as a bare serial number (45658). Give each its zh-CN code
// so such cells are read as the dates they show.
// @ts-expect-error exceljs ships no types for its internal format table
import defaultNumFormats from 'exceljs/lib/xlsx/defaultnumformats.js';
import { LIMITS, bytesLabel, n } from './limits';

for (const f of Object.values(defaultNumFormats as Record<string, { f?: string; 'zh-cn'?: string }>)) {
  if (!f.f && f['zh-cn']) f.f = f['zh-cn'];
}

export type FileFormat = 'CSV' | 'XLSX';
// The small pieces the settlement scanner's worker threads need live in text.ts (this module loads exceljs).
export { FileFormatError, detectEncoding, isTitleLine, type TextEncoding } from './text';
import { FileFormatError, detectEncoding, isTitleLine, type TextEncoding } from './text';

export interface RawRecord {
  /** Line (CSV) or row (XLSX) number as a spreadsheet shows it: the header is usually 1. */
  line: number;
  cells: string[];
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const SAVE_AS = '请用Excel打开后“另存为” .xlsx 或 CSV（UTF-8）再导入';

/**
 * XLSX is a zip; anything else must be CSV text. Files that are something else under a spreadsheet's
 * name (an HTML or XML table saved as .xls by a report system, old binary .xls, PDF, archives, binary
 * data) are named for what they are, instead of failing later as a malformed CSV.
 */
export function detectFormat(head: Uint8Array): FileFormat {
  if (ZIP_MAGIC.every((b, i) => head[i] === b)) return 'XLSX';
  const magic = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (magic(0xd0, 0xcf, 0x11, 0xe0)) throw new FileFormatError(`这是旧版Excel（.xls，二进制格式）文件，不能直接导入：${SAVE_AS}`);
  if (magic(0x25, 0x50, 0x44, 0x46)) throw new FileFormatError('这是PDF文件，不是表格：请导入导出的 .xlsx 或 CSV 文件');
  if (magic(0x1f, 0x8b) || magic(0x52, 0x61, 0x72, 0x21) || magic(0x37, 0x7a, 0xbc, 0xaf)) throw new FileFormatError('这是压缩包（gzip/RAR/7z），不是表格：请解压后导入其中的 .xlsx 或 CSV 文件');
  if (head[0] === 0xff && head[1] === 0xfe || head[0] === 0xfe && head[1] === 0xff) return 'CSV'; // UTF-16: refused by detectEncoding
  const text = Buffer.from(head.subarray(0, 4096)).toString('latin1').replace(/^\xef\xbb\xbf/, '').trimStart().toLowerCase();
  if (text.startsWith('<')) {
    if (/^<(!doctype html|html|table|head|body|meta)\b/.test(text) || /<html[\s>]/.test(text)) {
      throw new FileFormatError(`这是一个HTML网页（报表系统常把网页表格存成 .xls），不是Excel文件：${SAVE_AS}`);
    }
    if (text.includes('urn:schemas-microsoft-com:office:spreadsheet')) {
      throw new FileFormatError(`这是Excel 2003 XML表格，不是 .xlsx 文件：${SAVE_AS}`);
    }
    if (text.startsWith('<?xml')) throw new FileFormatError(`这是XML文件，不是表格：${SAVE_AS}`);
  }
  if (head.subarray(0, 4096).includes(0)) throw new FileFormatError(`这是二进制文件，不是CSV或Excel表格：${SAVE_AS}`);
  return 'CSV';
}


/**
 * Validates bytes [0, end) as UTF-8: `bad` is the offset of the first invalid byte (-1 if none); with
 * `partial`, a sequence cut at `end` is not invalid and `stop` is where it starts (to carry into the next chunk).
 */
export function checkUtf8(b: Uint8Array, end = b.length, partial = false): { bad: number; stop: number } {
  let i = 0;
  while (i < end) {
    const c = b[i];
    if (c < 0x80) { i++; continue; }
    let need: number, min: number;
    if (c >= 0xc2 && c <= 0xdf) { need = 1; min = 0x80; } else if (c >= 0xe0 && c <= 0xef) { need = 2; min = 0x800; } else if (c >= 0xf0 && c <= 0xf4) { need = 3; min = 0x10000; } else return { bad: i, stop: i };
    if (i + need >= end) {
      if (!partial) return { bad: i, stop: i };
      for (let k = 1; i + k < end; k++) if ((b[i + k] & 0xc0) !== 0x80) return { bad: i, stop: i };
      return { bad: -1, stop: i };
    }
    let cp = c & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const d = b[i + k];
      if ((d & 0xc0) !== 0x80) return { bad: i, stop: i };
      cp = (cp << 6) | (d & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return { bad: i, stop: i };
    i += need + 1;
  }
  return { bad: -1, stop: end };
}

/** Validates bytes [0, end) as GB18030 (one, two or four bytes a character); see checkUtf8. */
export function checkGb18030(b: Uint8Array, end = b.length, partial = false): { bad: number; stop: number } {
  let i = 0;
  while (i < end) {
    const c = b[i];
    if (c < 0x80) { i++; continue; }
    if (c === 0x80 || c === 0xff) return { bad: i, stop: i };
    if (i + 1 >= end) return partial ? { bad: -1, stop: i } : { bad: i, stop: i };
    const d = b[i + 1];
    if ((d >= 0x40 && d <= 0x7e) || (d >= 0x80 && d <= 0xfe)) { i += 2; continue; }
    if (d >= 0x30 && d <= 0x39) {
      if (i + 3 >= end) return partial ? { bad: -1, stop: i } : { bad: i, stop: i };
      const e = b[i + 2], f = b[i + 3];
      if (e >= 0x81 && e <= 0xfe && f >= 0x30 && f <= 0x39) { i += 4; continue; }
    }
    return { bad: i, stop: i };
  }
  return { bad: -1, stop: end };
}

/** Line (1-based) of a byte offset: newlines before it, counted in the file. */
async function lineAt(file: string, offset: number): Promise<number> {
  if (offset === 0) return 1;
  let lines = 1;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20, end: offset - 1 })) {
    const b = chunk as Buffer;
    for (let i = b.indexOf(10); i >= 0; i = b.indexOf(10, i + 1)) lines++;
  }
  return lines;
}

/** The first invalid offset of a whole file under one encoding's validator, -1 if the file is valid. */
async function firstInvalidInFile(file: string, check: (b: Uint8Array, end: number, partial: boolean) => { bad: number; stop: number }, start: number): Promise<number> {
  let carry: Buffer = Buffer.alloc(0);
  let base = start;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20, start })) {
    const b = carry.length ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
    const r = check(b, b.length, true);
    if (r.bad >= 0) return base + r.bad;
    carry = Buffer.from(b.subarray(r.stop));
    base += r.stop;
  }
  if (carry.length) {
    const r = check(carry, carry.length, false);
    if (r.bad >= 0) return base + r.bad;
  }
  return -1;
}

const utf8Check = (b: Uint8Array, end: number, partial: boolean) => {
  // isUtf8 is native and fast: only a chunk that fails it (or ends mid-character) is walked byte by byte.
  if (isUtf8(b.subarray(0, end))) return { bad: -1, stop: end };
  return checkUtf8(b, end, partial);
};
const gbCheck = (b: Uint8Array, end: number, partial: boolean) => checkGb18030(b, end, partial);

/**
 * The encoding of a whole CSV file (issue 12 §3): UTF-8 with a BOM, UTF-8, or GB18030 (a superset of GBK,
 * what Chinese Excel writes as “CSV”), decided from every byte, not a sample: a GBK file whose first
 * Chinese text is far down is still GBK. A file that is neither is refused naming the line where its text
 * stops being readable (the line where the later of the two readings fails: the more likely encoding).
 */
export async function detectFileEncoding(file: string): Promise<TextEncoding> {
  const head = await readHead(file, 4);
  const bom = detectEncoding(head) === 'UTF-8-BOM';
  const start = bom ? 3 : 0;
  const badUtf8 = await firstInvalidInFile(file, utf8Check, start);
  if (badUtf8 < 0) return bom ? 'UTF-8-BOM' : 'UTF-8';
  const badGb = bom ? 0 : await firstInvalidInFile(file, gbCheck, start);
  if (badGb < 0) return 'GB18030';
  const at = Math.max(badUtf8, badGb);
  const line = await lineAt(file, at);
  throw new FileFormatError(`第${line}行有无法识别的字符（文件第${n(at + 1)}字节）：文件应整体为UTF-8或GBK（GB18030）编码，请检查该行或重新导出`, line);
}

export async function readHead(file: string, bytes = 64 * 1024): Promise<Buffer> {
  const fh = await fs.promises.open(file, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await fh.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/**
 * Decodes bytes to text. A file detected as UTF-8 whose first non-ASCII bytes turn out not to be UTF-8
 * (the sample was plain ASCII) switches to GB18030 there; text that is neither is an error with its line.
 */
export class TextDecodeStream extends Transform {
  private decoder: TextDecoder;
  private asciiSoFar = true;
  private lines = 1;
  encoding: TextEncoding;

  constructor(encoding: TextEncoding) {
    super({ readableObjectMode: false, decodeStrings: true });
    this.encoding = encoding;
    this.decoder = new TextDecoder(encoding === 'GB18030' ? 'gb18030' : 'utf-8', { fatal: true, ignoreBOM: false });
  }

  _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    let text: string;
    try {
      text = this.decoder.decode(chunk, { stream: true });
    } catch {
      if (this.encoding === 'UTF-8' && this.asciiSoFar) {
        this.encoding = 'GB18030';
        this.decoder = new TextDecoder('gb18030', { fatal: true });
        try {
          text = this.decoder.decode(chunk, { stream: true });
        } catch {
          return cb(new FileFormatError(`第${this.lines}行附近有无法识别的字符：文件应为UTF-8或GBK（GB18030）编码`, this.lines));
        }
      } else {
        return cb(new FileFormatError(`第${this.lines}行附近有无法识别的字符：文件应为UTF-8或GBK（GB18030）编码`, this.lines));
      }
    }
    if (this.asciiSoFar && /[^\x00-\x7f]/.test(text)) this.asciiSoFar = false;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.lines++;
    cb(null, text);
  }

  _flush(cb: TransformCallback): void {
    try {
      cb(null, this.decoder.decode());
    } catch {
      cb(new FileFormatError('文件末尾有不完整的字符：文件应为UTF-8或GBK（GB18030）编码', this.lines));
    }
  }
}

/** CSV records through csv-parse (quotes, embedded commas and line breaks handled by the library). */
export async function* readCsvRecords(file: string, encoding: TextEncoding, state: { encoding: TextEncoding | null } = { encoding }): AsyncGenerator<RawRecord> {
  const parser = parseCsv({
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
    // A record longer than this is refused where it starts (csv-parse counts characters).
    max_record_size: LIMITS.cellChars * 4,
  });
  const decode = new TextDecodeStream(encoding);
  decode.on('data', () => { state.encoding = decode.encoding; });
  const input = fs.createReadStream(file, { highWaterMark: 1 << 20 });
  input.on('error', (e) => parser.destroy(e));
  decode.on('error', (e) => parser.destroy(e));
  input.pipe(decode).pipe(parser);
  try {
    for await (const rec of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (rec.record.length > LIMITS.columns) throw new FileFormatError(`第${rec.info.lines}行有${n(rec.record.length)}列，超过${LIMITS.columns}列的上限`, rec.info.lines);
      checkCellSizes(rec.record, rec.info.lines);
      yield { line: rec.info.lines, cells: rec.record };
    }
  } catch (e) {
    if (e instanceof FileFormatError) throw e;
    if (e instanceof CsvError) {
      const line = (e as CsvError & { lines?: number }).lines ?? 0;
      const what = e.code === 'CSV_QUOTE_NOT_CLOSED' ? '引号未闭合' : e.code === 'CSV_INVALID_CLOSING_QUOTE' ? '引号位置不正确'
        : e.code === 'CSV_MAX_RECORD_SIZE' ? `的一行超过${n(LIMITS.cellChars * 4)}个字符的上限，未读取` : `格式错误（${e.code}）`;
      throw new FileFormatError(`第${line}行：CSV${what}`, line);
    }
    throw e;
  } finally {
    input.destroy();
  }
}

/** An XLSX cell's value as the text a person typed. Numbers lose binary noise; dates become YYYY-MM-DD. */
export function xlsxCellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  // A whole number beyond 15 digits has lost digits already (Excel keeps 15): shown in scientific notation,
  // which code columns refuse, never as digits that look exact.
  if (typeof v === 'number') return Number.isInteger(v) ? (Math.abs(v) >= 1e15 ? v.toExponential().toUpperCase() : String(v)) : String(Number(v.toPrecision(15)));
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (v instanceof Date) {
    // exceljs gives dates as UTC instants of the calendar date typed in the sheet.
    const iso = v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
  }
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('');
    if ('result' in o) return xlsxCellText(o.result);
    if ('text' in o) return xlsxCellText(o.text);
    if (o.error) return String(o.error);
  }
  return String(v);
}

// ───────────── XLSX: the zip directory, the sheets, and their size before reading ─────────────

interface ZipEntry { name: string; method: number; compressed: number; size: number; offset: number }

/** The zip's central directory (names, sizes): read from the end of the file, nothing inflated. */
async function zipEntries(file: string): Promise<ZipEntry[]> {
  const fh = await fs.promises.open(file, 'r');
  try {
    const { size } = await fh.stat();
    const tailLen = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailLen);
    await fh.read(tail, 0, tailLen, size - tailLen);
    let eocd = -1;
    for (let i = tailLen - 22; i >= 0; i--) if (tail.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
    if (eocd < 0) throw new FileFormatError('无法读取Excel文件：文件不完整或已损坏（找不到ZIP目录）');
    const count = tail.readUInt16LE(eocd + 10);
    const dirSize = tail.readUInt32LE(eocd + 12);
    const dirOffset = tail.readUInt32LE(eocd + 16);
    if (dirOffset === 0xffffffff || dirSize > size) throw new FileFormatError('无法读取Excel文件：文件过大或已损坏（ZIP64）');
    const dir = Buffer.alloc(dirSize);
    await fh.read(dir, 0, dirSize, dirOffset);
    const out: ZipEntry[] = [];
    for (let p = 0, k = 0; k < count && p + 46 <= dir.length; k++) {
      if (dir.readUInt32LE(p) !== 0x02014b50) break;
      const nameLen = dir.readUInt16LE(p + 28), extraLen = dir.readUInt16LE(p + 30), commentLen = dir.readUInt16LE(p + 32);
      out.push({
        name: dir.toString('utf8', p + 46, p + 46 + nameLen), method: dir.readUInt16LE(p + 10),
        compressed: dir.readUInt32LE(p + 20), size: dir.readUInt32LE(p + 24), offset: dir.readUInt32LE(p + 42),
      });
      p += 46 + nameLen + extraLen + commentLen;
    }
    return out;
  } finally {
    await fh.close();
  }
}

/** An entry's text; `maxBytes` of it at most (a partial inflate), for small parts and the head of a sheet. */
async function zipText(file: string, e: ZipEntry, maxBytes = 4 << 20): Promise<string> {
  const fh = await fs.promises.open(file, 'r');
  try {
    const local = Buffer.alloc(30);
    await fh.read(local, 0, 30, e.offset);
    const start = e.offset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    const len = Math.min(e.compressed, e.method === 0 ? maxBytes : Math.max(64 * 1024, maxBytes));
    const data = Buffer.alloc(len);
    await fh.read(data, 0, len, start);
    if (e.method === 0) return data.toString('utf8');
    const out = zlib.inflateRawSync(data, { finishFlush: zlib.constants.Z_SYNC_FLUSH, maxOutputLength: maxBytes });
    return out.toString('utf8');
  } catch (err) {
    if (err instanceof FileFormatError) throw err;
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return '';
    throw new FileFormatError(`无法读取Excel文件：${(err as Error).message}`);
  } finally {
    await fh.close();
  }
}

export interface SheetInfo {
  name: string;
  /** visible, hidden or veryHidden */
  state: string;
  /** Zip path of the sheet's XML. */
  path: string;
}

export interface XlsxInfo {
  sheets: SheetInfo[];
  /** The sheet to read: the one asked for, or the first visible one. */
  sheet: SheetInfo;
}

const xmlAttr = (tag: string, name: string) => {
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(tag);
  return m ? m[1].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'") : null;
};

/** 'A1:K100000001' → { rows: 100000001, cols: 11 } */
function dimensionOf(ref: string): { rows: number; cols: number } | null {
  const m = /([A-Z]+)(\d+)$/.exec(ref.toUpperCase());
  if (!m) return null;
  let cols = 0;
  for (const ch of m[1]) cols = cols * 26 + (ch.charCodeAt(0) - 64);
  return { rows: Number(m[2]), cols };
}

/**
 * Looks into an XLSX before reading it (issue 12 §3, §8): that it is a workbook at all (not a Word file or
 * another zip), which sheets it has and which is read (the one named by `sheet`, else the first visible
 * one), and that no part is larger than a table can be (uncompressed size, compression ratio, the sheet's
 * declared dimension within Excel's limits). Throws FileFormatError naming the limit or the sheets.
 */
export async function inspectXlsx(file: string, sheet?: string): Promise<XlsxInfo> {
  const entries = await zipEntries(file);
  const byName = new Map(entries.map((e) => [e.name, e]));
  const wb = byName.get('xl/workbook.xml');
  if (!wb) {
    if (entries.some((e) => e.name.startsWith('word/'))) throw new FileFormatError('这是Word文档（.docx），不是表格：请导入 .xlsx 或 CSV 文件');
    if (entries.some((e) => e.name.startsWith('ppt/'))) throw new FileFormatError('这是PowerPoint文档，不是表格：请导入 .xlsx 或 CSV 文件');
    throw new FileFormatError('这是ZIP压缩包，不是Excel工作簿：请解压后导入其中的 .xlsx 或 CSV 文件');
  }
  for (const e of entries) {
    if (e.size > LIMITS.xlsxPartBytes) {
      throw new FileFormatError(`Excel文件的“${e.name}”解压后有${bytesLabel(e.size)}，超过${bytesLabel(LIMITS.xlsxPartBytes)}的上限：请按月份或地区拆分后导入`);
    }
    if (e.size > LIMITS.xlsxRatioFloorBytes && e.size > e.compressed * LIMITS.xlsxRatio) {
      throw new FileFormatError(`Excel文件的“${e.name}”压缩了${n(Math.round(e.size / Math.max(1, e.compressed)))}倍（${bytesLabel(e.compressed)}解压为${bytesLabel(e.size)}），不是正常的表格：可能含有超长单元格或大量重复内容，未读取`);
    }
  }
  const wbXml = await zipText(file, wb);
  const relsEntry = byName.get('xl/_rels/workbook.xml.rels');
  const rels = new Map<string, string>();
  if (relsEntry) {
    for (const m of (await zipText(file, relsEntry)).matchAll(/<Relationship\b[^>]*>/g)) {
      const id = xmlAttr(m[0], 'Id'), target = xmlAttr(m[0], 'Target');
      if (id && target) rels.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    }
  }
  const sheets: SheetInfo[] = [];
  for (const m of wbXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = xmlAttr(m[0], 'name') ?? `Sheet${sheets.length + 1}`;
    const rid = xmlAttr(m[0], 'r:id') ?? '';
    sheets.push({ name, state: xmlAttr(m[0], 'state') ?? 'visible', path: rels.get(rid) ?? `xl/worksheets/sheet${sheets.length + 1}.xml` });
  }
  if (sheets.length === 0) throw new FileFormatError('Excel文件中没有工作表');
  const list = sheets.map((s) => `“${s.name}”${s.state !== 'visible' ? '（隐藏）' : ''}`).join('、');
  let chosen: SheetInfo | undefined;
  if (sheet !== undefined && sheet !== '') {
    chosen = sheets.find((s) => s.name === sheet) ?? sheets.find((s) => s.name.trim() === sheet.trim());
    if (!chosen && /^\d+$/.test(sheet)) chosen = sheets[Number(sheet) - 1];
    if (!chosen) throw new FileFormatError(`Excel文件中没有名为“${sheet}”的工作表（有：${list}）`);
  } else {
    chosen = sheets.find((s) => s.state === 'visible');
    if (!chosen) throw new FileFormatError(`Excel文件的工作表都是隐藏的（${list}）：请指定要读取的工作表`);
  }
  const sheetEntry = byName.get(chosen.path);
  if (sheetEntry) {
    const head = await zipText(file, sheetEntry, 64 * 1024);
    const dim = /<(?:\w+:)?dimension\b[^>]*\bref="([^"]+)"/.exec(head);
    const d = dim ? dimensionOf(dim[1]) : null;
    if (d && d.rows > LIMITS.xlsxRows) throw new FileFormatError(`工作表“${chosen.name}”的范围（${dim![1]}）到第${n(d.rows)}行，超过Excel的最大行数${n(LIMITS.xlsxRows)}：文件已损坏或被改动，未读取`, d.rows);
    if (d && d.cols > LIMITS.columns) throw new FileFormatError(`工作表“${chosen.name}”的范围（${dim![1]}）有${n(d.cols)}列，超过${LIMITS.columns}列的上限：请只保留模板的列`);
  }
  return { sheets, sheet: chosen };
}

/** Rows of one worksheet (the first visible one unless `sheet` names another), streamed (exceljs WorkbookReader). */
export async function* readXlsxRecords(file: string, sheet?: string): AsyncGenerator<RawRecord> {
  const info = await inspectXlsx(file, sheet);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'emit',
  });
  const index = info.sheets.indexOf(info.sheet);
  let found = false;
  try {
    for await (const ws of reader) {
      const w = ws as unknown as { name?: string; id?: number | string } & AsyncIterable<ExcelJS.Row>;
      // exceljs names a sheet from the workbook when it has read it; otherwise 'Sheet<n>' by its file.
      const pathNo = /sheet(\d+)\.xml$/.exec(info.sheet.path)?.[1];
      const match = w.name === info.sheet.name || (w.name === `Sheet${w.id}` && String(w.id) === pathNo && !info.sheets.some((s) => s.name === w.name));
      if (!match) {
        for await (const _ of w) { /* skip other sheets' rows */ }
        continue;
      }
      found = true;
      for await (const row of w) {
        if (row.number > LIMITS.xlsxRows) throw new FileFormatError(`第${n(row.number)}行超过Excel的最大行数${n(LIMITS.xlsxRows)}：文件已损坏或被改动，未读取`, row.number);
        const values = row.values as unknown[];
        if (values.length - 1 > LIMITS.columns) throw new FileFormatError(`第${row.number}行有${n(values.length - 1)}列，超过${LIMITS.columns}列的上限`, row.number);
        const cells: string[] = [];
        for (let i = 1; i < values.length; i++) cells.push(xlsxCellText(values[i]));
        while (cells.length && cells[cells.length - 1] === '') cells.pop();
        checkCellSizes(cells, row.number);
        if (cells.length === 0) continue;
        yield { line: row.number, cells };
      }
      break;
    }
  } catch (e) {
    if (e instanceof FileFormatError) throw e;
    // exceljs' streaming reader fails on workbooks whose sheets come before workbook.xml in the zip (some
    // tools write them so); such a file, when small, is read whole instead.
    if (!found && /reading 'sheets'/.test(String((e as Error).message)) && fs.statSync(file).size < 64 * 1024 ** 2) {
      yield* readXlsxWhole(file, info.sheet.name);
      return;
    }
    throw new FileFormatError(`无法读取Excel文件：${(e as Error).message}`);
  }
  if (!found) throw new FileFormatError(`无法读取Excel文件的工作表“${info.sheet.name}”（第${index + 1}个）`);
}

async function* readXlsxWhole(file: string, sheetName: string): AsyncGenerator<RawRecord> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets.find((w) => w.name === sheetName);
  if (!ws) throw new FileFormatError(`无法读取Excel文件的工作表“${sheetName}”`);
  const out: RawRecord[] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const values = row.values as unknown[];
    const cells: string[] = [];
    for (let i = 1; i < values.length; i++) cells.push(xlsxCellText(values[i]));
    while (cells.length && cells[cells.length - 1] === '') cells.pop();
    checkCellSizes(cells, row.number);
    if (cells.length) out.push({ line: row.number, cells });
  });
  yield* out;
}

/** A cell longer than a spreadsheet can hold, or a header cell longer than a column name, is refused at once. */
function checkCellSizes(cells: string[], line: number): void {
  for (let j = 0; j < cells.length; j++) {
    const len = cells[j].length;
    if (len > LIMITS.cellChars) throw new FileFormatError(`第${line}行第${j + 1}列有${n(len)}个字符，超过单元格${n(LIMITS.cellChars)}个字符的上限，未读取`, line);
  }
}

export interface OpenedFile {
  format: FileFormat;
  /** The text encoding (CSV), updated if the decoder had to switch from UTF-8 to GB18030 while reading. */
  state: { encoding: TextEncoding | null };
  records: AsyncGenerator<RawRecord>;
  /** XLSX: the sheet read and the sheets there are. */
  sheet?: string;
  sheets?: SheetInfo[];
}

export interface OpenOptions {
  /** XLSX: the sheet to read (name or 1-based number); default the first visible one. */
  sheet?: string;
  /** CSV: the encoding, when already detected. */
  encoding?: TextEncoding;
}

export async function openRecords(file: string, o: OpenOptions = {}): Promise<OpenedFile> {
  const head = await readHead(file);
  if (head.length === 0) throw new FileFormatError('文件为空');
  const format = detectFormat(head);
  if (format === 'XLSX') {
    const info = await inspectXlsx(file, o.sheet);
    return { format, state: { encoding: null }, records: readXlsxRecords(file, o.sheet), sheet: info.sheet.name, sheets: info.sheets };
  }
  const state: { encoding: TextEncoding | null } = { encoding: o.encoding ?? (await detectFileEncoding(file)) };
  return { format, state, records: readCsvRecords(file, state.encoding!, state) };
}


/** The unit of a title line such as '单位：万元' or '（单位：元）', or null. */
export function titleUnit(cells: string[]): string | null {
  const t = cells.find((c) => c.trim() !== '')?.trim() ?? '';
  const m = /单位\s*[:：]\s*([^\s)）,，;；]+)/.exec(t);
  return m ? m[1] : null;
}

/** The header row (after any title lines), for detecting the template. */
export async function readHeaderRow(file: string, o: OpenOptions = {}): Promise<string[] | null> {
  const { records } = await openRecords(file, o);
  try {
    for await (const r of records) {
      if (!r.cells.some((c) => c.trim() !== '')) continue;
      if (isTitleLine(r.cells)) continue;
      return r.cells;
    }
    return null;
  } finally {
    await records.return(undefined);
  }
}

/** Quotes a CSV field when needed (for files this module writes). */
export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Settlement records in an XLSX go through the CSV scanner: the sheet is written out as UTF-8 CSV with
 * blank lines where the sheet has gaps, so line numbers in the report are the sheet's row numbers.
 */
export async function xlsxToCsv(file: string, out: string, sheet?: string): Promise<void> {
  const ws = fs.createWriteStream(out);
  let line = 0;
  let buf = '';
  let width = 0;
  for await (const r of readXlsxRecords(file, sheet)) {
    while (line < r.line - 1) { buf += '\n'; line++; }
    // Empty cells at the end of a sheet row are not stored: pad to the header's width.
    width ||= r.cells.length;
    const cells = r.cells.length < width ? [...r.cells, ...Array(width - r.cells.length).fill('')] : r.cells;
    buf += cells.map(csvField).join(',') + '\n';
    line++;
    if (buf.length > 1 << 16) { if (!ws.write(buf)) await new Promise<void>((res) => ws.once('drain', () => res())); buf = ''; }
  }
  ws.write(buf);
  await new Promise<void>((res, rej) => ws.end((e?: Error | null) => (e ? rej(e) : res())));
}
