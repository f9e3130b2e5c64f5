// CSV writing, one home for every CSV the product writes (table exports in the browser, import templates,
// rejected rows): csv-stringify does the quoting; every text cell, header cells included, passes the
// formula-injection guard, because a spreadsheet runs a cell beginning with = + - @ (or a tab/CR before
// one) as a formula (OWASP "CSV Injection").
import { stringify } from 'csv-stringify/sync';

export type CsvValue = string | number | null | undefined;

/**
 * A text cell a spreadsheet would run as a formula, prefixed with ' so it stays text. Plain numbers
 * written as text ('-3', '12.5') are left alone: they are data, not formulas.
 */
export function guardFormula(s: string): string {
  return /^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s) ? `'${s}` : s;
}

/**
 * Rows (the header is the first row) as CSV text: CRLF line ends, a trailing line end when `trailingEol`,
 * a UTF-8 BOM when `bom` (Excel then opens Chinese text correctly). null/undefined → empty cell; numbers
 * that are not finite → empty cell.
 */
export function toCsv(rows: readonly (readonly CsvValue[])[], opts: { bom?: boolean; trailingEol?: boolean } = {}): string {
  const cells = rows.map((r) => r.map((v) => {
    if (v === null || v === undefined) return '';
    if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
    return guardFormula(v);
  }));
  const text = stringify(cells, { record_delimiter: 'windows', quoted_match: /\r/ });
  const body = opts.trailingEol === false ? text.replace(/\r\n$/, '') : text;
  return (opts.bom ? '\uFEFF' : '') + body;
}
