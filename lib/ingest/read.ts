// Reading import files: format and encoding detection, then records (cells as text with their line
// number) from CSV through csv-parse or from XLSX through exceljs' streaming reader. Nothing here knows
// about templates.
import fs from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import { parse as parseCsv, CsvError } from 'csv-parse';
import ExcelJS from 'exceljs';

export type FileFormat = 'CSV' | 'XLSX';
export type TextEncoding = 'UTF-8' | 'UTF-8-BOM' | 'GB18030';

export interface RawRecord {
  /** Line (CSV) or row (XLSX) number as a spreadsheet shows it: the header is usually 1. */
  line: number;
  cells: string[];
}

export class FileFormatError extends Error {
  constructor(message: string, readonly line = 0) {
    super(message);
    this.name = 'FileFormatError';
  }
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** XLSX is a zip; anything else is read as CSV text. Old binary XLS is refused with a hint. */
export function detectFormat(head: Uint8Array): FileFormat {
  if (ZIP_MAGIC.every((b, i) => head[i] === b)) return 'XLSX';
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) {
    throw new FileFormatError('不支持旧版Excel（.xls）文件，请在Excel中另存为 .xlsx 或 CSV 后再导入');
  }
  return 'CSV';
}

/**
 * UTF-8 with a BOM, UTF-8, or GB18030 (a superset of GBK and GB2312, what Chinese Excel writes as "CSV").
 * `sample` is the start of the file; a sequence cut at its end is not held against UTF-8.
 */
export function detectEncoding(sample: Uint8Array): TextEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'UTF-8-BOM';
  if ((sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff)) {
    throw new FileFormatError('不支持UTF-16编码的文件，请另存为“CSV UTF-8”或GBK编码的CSV');
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return 'UTF-8';
  } catch {
    return 'GB18030';
  }
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
  });
  const decode = new TextDecodeStream(encoding);
  decode.on('data', () => { state.encoding = decode.encoding; });
  const input = fs.createReadStream(file, { highWaterMark: 1 << 20 });
  input.on('error', (e) => parser.destroy(e));
  decode.on('error', (e) => parser.destroy(e));
  input.pipe(decode).pipe(parser);
  try {
    for await (const rec of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield { line: rec.info.lines, cells: rec.record };
    }
  } catch (e) {
    if (e instanceof FileFormatError) throw e;
    if (e instanceof CsvError) {
      const line = (e as CsvError & { lines?: number }).lines ?? 0;
      const what = e.code === 'CSV_QUOTE_NOT_CLOSED' ? '引号未闭合' : e.code === 'CSV_INVALID_CLOSING_QUOTE' ? '引号位置不正确' : `格式错误（${e.code}）`;
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
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(15)));
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

/** Rows of the first worksheet, streamed (exceljs WorkbookReader). */
export async function* readXlsxRecords(file: string): AsyncGenerator<RawRecord> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'emit',
  });
  let sheets = 0;
  try {
    for await (const sheet of reader) {
      if (sheets++ > 0) break; // the data are on the first sheet; a 说明 sheet may follow
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as unknown[];
        const cells: string[] = [];
        for (let i = 1; i < values.length; i++) cells.push(xlsxCellText(values[i]));
        while (cells.length && cells[cells.length - 1] === '') cells.pop();
        if (cells.length === 0) continue;
        yield { line: row.number, cells };
      }
    }
  } catch (e) {
    if (e instanceof FileFormatError) throw e;
    throw new FileFormatError(`无法读取Excel文件：${(e as Error).message}`);
  }
}

export interface OpenedFile {
  format: FileFormat;
  /** The text encoding (CSV), updated if the decoder had to switch from UTF-8 to GB18030 while reading. */
  state: { encoding: TextEncoding | null };
  records: AsyncGenerator<RawRecord>;
}

export async function openRecords(file: string): Promise<OpenedFile> {
  const head = await readHead(file);
  if (head.length === 0) throw new FileFormatError('文件为空');
  const format = detectFormat(head);
  if (format === 'XLSX') return { format, state: { encoding: null }, records: readXlsxRecords(file) };
  const state: { encoding: TextEncoding | null } = { encoding: detectEncoding(head) };
  return { format, state, records: readCsvRecords(file, state.encoding!, state) };
}

/** The first non-empty record (the header row), for detecting the template. */
export async function readHeaderRow(file: string): Promise<string[] | null> {
  const head = await readHead(file);
  if (head.length > 0 && detectFormat(head) === 'CSV') {
    // Usually the header is the first line of the first 64 KB: no need to stream the file for it.
    const enc = detectEncoding(head);
    const text = new TextDecoder(enc === 'GB18030' ? 'gb18030' : 'utf-8').decode(head);
    const line = text.split(/\r?\n/).find((l) => l.trim() !== '');
    const complete = line !== undefined && text.indexOf(line) + line.length < text.length;
    if (complete && !line.includes('"')) return line.split(',');
  }
  const { records } = await openRecords(file);
  try {
    for await (const r of records) if (r.cells.some((c) => c.trim() !== '')) return r.cells;
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
export async function xlsxToCsv(file: string, out: string): Promise<void> {
  const ws = fs.createWriteStream(out);
  let line = 0;
  let buf = '';
  let width = 0;
  for await (const r of readXlsxRecords(file)) {
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
