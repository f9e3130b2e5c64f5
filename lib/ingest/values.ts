// Cell parsers for the import templates. Pure: a raw cell (text from a CSV, or a value from an XLSX cell
// already turned into text by read.ts) in, a typed value or a Chinese reason out. The reason is written
// for the person fixing the file: what was expected, never a stack trace.

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (reason: string): Parsed<never> => ({ ok: false, reason });

/** Trims spaces, tabs (also non-breaking and ideographic spaces), zero-width characters and a stray BOM; the text itself is kept. */
export function normalizeCell(raw: string | null | undefined): string {
  if (raw === null || raw === undefined) return '';
  return String(raw).replace(/^[\s\uFEFF\u00A0\u3000\u200B-\u200F\u2060\u00AD]+|[\s\uFEFF\u00A0\u3000\u200B-\u200F\u2060\u00AD]+$/g, '');
}

/** Invisible characters inside a code (zero-width spaces and joiners, soft hyphens, BOMs): never part of one. */
export function stripInvisible(s: string): string {
  return s.replace(/[\u200B-\u200F\u2060\uFEFF\u00AD]/g, '');
}

/**
 * Full-width digits, letters and punctuation (common in county spreadsheets typed with a Chinese input
 * method) as half-width, for numbers, codes and dates. Free text is never folded.
 */
export function foldWidth(s: string): string {
  return /[\uFF01-\uFF5E]/.test(s) ? s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)) : s;
}

/**
 * 202401, '2024-01', '2024/1', '2024.01', '2024年1月', or a full date ('2024-01-31', '2024/4/1',
 * '2024年4月1日', '20240401', with or without a time: its month; isFullDate says when the day was dropped) → 202401.
 */
export function parsePeriod(s: string): Parsed<number> {
  let m = /^(\d{4})(\d{2})$/.exec(s);
  if (!m) m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$/.exec(s);
  if (!m && isFullDate(s)) m = /^(\d{4})\D?(\d{1,2})/.exec(parseDateValue(s)!);
  if (!m) return bad('年月格式应为“202401”或“2024-01”');
  const y = Number(m[1]), mo = Number(m[2]);
  if (mo < 1 || mo > 12) return bad(`月份应在1至12之间`);
  if (y < 1990 || y > 2100) return bad(`年份应在1990至2100之间`);
  return ok(y * 100 + mo);
}

/** '2024' or '2024年' → 2024. */
export function parseYear(s: string): Parsed<number> {
  const m = /^(\d{4})\s*年?$/.exec(s);
  if (!m) return bad('年度格式应为四位数字，如“2024”');
  const y = Number(m[1]);
  if (y < 1990 || y > 2100) return bad('年份应在1990至2100之间');
  return ok(y);
}

// Days in a month of the proleptic Gregorian calendar (lib/dates has the same; not imported here, as it loads
// date-fns's locales, which the settlement scanner's worker threads would otherwise load for this alone).
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** A full date (year, month and day) that parseDate accepts. */
export function isFullDate(s: string): boolean {
  return parseDateValue(s) !== null;
}

function parseDateValue(s: string): string | null {
  const d = parseDate(s);
  return d.ok ? d.value : null;
}

/** '2024-01-05', '2024/1/5', '20240105', '2024年1月5日', with or without a time part → '2024-01-05'. */
export function parseDate(s: string): Parsed<string> {
  const t = s.replace(/[T\s]+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/, '');
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t);
  if (!m) m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m) m = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(t);
  if (!m) return bad('日期格式应为“2024-01-05”');
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
  if (y < 1990 || y > 2100) return bad('年份应在1990至2100之间');
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo)) return bad('不是有效的日期');
  return ok(`${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
}

const NUMBER_RE = /^-?\d+(\.\d+)?$/;

function plainNumber(s: string): string {
  // Thousands separators appear in county spreadsheets ('1,234,567.00'); a trailing 元 or 人 is tolerated.
  return s.replace(/,(?=\d{3}(\D|$))/g, '').replace(/\s+/g, '').replace(/(元|人|人次|次|户)$/, '');
}

/** A count: a non-negative integer. */
export function parseCount(s: string): Parsed<number> {
  const t = plainNumber(s);
  if (!NUMBER_RE.test(t)) return bad('应为数字');
  const v = Number(t);
  if (v < 0) return bad('不能为负数');
  if (!Number.isInteger(v)) return bad('应为整数');
  if (v > 2_147_483_647) return bad('数值过大');
  return ok(v);
}

/** An amount in 元 with at most two decimals (XLSX numbers arrive already cleaned of binary noise: read.ts). */
export function parseMoney(s: string, opts: { allowNegative?: boolean } = {}): Parsed<number> {
  const t = plainNumber(s);
  if (!NUMBER_RE.test(t)) return bad('应为金额数字（单位：元）');
  const v = Number(t);
  if (v < 0 && !opts.allowNegative) return bad('金额不能为负数');
  if ((t.split('.')[1]?.length ?? 0) > 2) return bad('金额最多保留两位小数（单位：元）');
  if (Math.abs(v) >= 1e15) return bad('金额过大');
  return ok(v);
}

export interface CodeOption {
  code: string;
  name: string;
  aliases?: readonly string[];
}

/** A code from a list, given as the code itself (any case) or its Chinese name or an alias. */
export function parseCode(s: string, options: readonly CodeOption[]): Parsed<string> {
  const f = foldWidth(s);
  const u = f.toUpperCase();
  for (const o of options) {
    if (o.code.toUpperCase() === u || o.name === s || foldWidth(o.name) === f || o.aliases?.some((a) => a === s || foldWidth(a) === f)) return ok(o.code);
  }
  const shown = options.slice(0, 8).map((o) => o.name).join('、');
  return bad(`不是有效的取值（可填：${shown}${options.length > 8 ? '等' : ''}）`);
}

export function parseBool(s: string): Parsed<boolean> {
  if (/^(是|Y|YES|TRUE|1)$/i.test(s)) return ok(true);
  if (/^(否|N|NO|FALSE|0)$/i.test(s)) return ok(false);
  return bad('应填“是”或“否”');
}

export function parseText(s: string, max = 200): Parsed<string> {
  if (s.length > max) return bad(`长度不能超过${max}个字符`);
  return ok(s);
}

/** A sum line's label where a code belongs: 合计, 总计, 小计, 全市合计, 全省合计, 总合计. */
const TOTAL_LABEL_RE = /^(全[国省市县]|本[省市])?(合计|总计|小计|总合计)[:：]?$/;

/** A number in scientific notation ('4.30922E+19'): what Excel shows for a long ID typed as a number. */
export const SCIENTIFIC_RE = /^[-+]?\d+(\.\d+)?[eE][-+]?\d+$/;

/**
 * Identifiers (region and institution codes, settlement IDs) are text: letters, digits, '-' and '_' only
 * (no spaces, no Chinese). Scientific notation is refused with its cause: the digits are lost.
 */
export function parseCodeText(s: string, max = 40): Parsed<string> {
  if (SCIENTIFIC_RE.test(s)) return bad('编码是科学计数法（Excel把长数字编号当作数字，末几位已丢失）：请把该列设为“文本”格式后重新导出，不能据此识别');
  // A sum line typed into the code column (a sheet summed in Excel/WPS): say what the line is and what to do.
  if (TOTAL_LABEL_RE.test(s.replace(/\s/g, ''))) return bad('这是合计行：本列应填编码，合计由平台按明细计算，请删除该行后重新导入');
  if (!/^[0-9A-Za-z_-]+$/.test(s)) return bad('编码只能由字母、数字、“-”和“_”组成');
  if (s.length > max) return bad(`编码长度不能超过${max}个字符`);
  return ok(s);
}
