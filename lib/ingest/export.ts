// Writing template files: blank templates (CSV with BOM, and XLSX with a 说明 sheet), files of stored data
// in template form (what a county would send; used to correct data and by the round-trip tests), and the
// rejected rows of a batch as CSV to fix and resubmit.
import 'server-only';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { Db } from '../db';
import { TEMPLATES, allowedValues, columnTypeLabel, headerWithUnit, type ColumnDef, type TemplateDef, type TemplateKind } from './templates';
import { toCsv } from '../csv';

const BOM = '\uFEFF';

export type CsvEncoding = 'UTF-8-BOM' | 'UTF-8' | 'GB18030';

export function templateHeaders(kind: TemplateKind): string[] {
  return TEMPLATES[kind].columns.map(headerWithUnit);
}

/** CSV text with the template's header, then the rows; CRLF like Excel writes; formulas guarded (lib/csv). */
export function toCsvText(header: string[], rows: string[][]): string {
  return toCsv([header, ...rows]);
}

export function encodeCsv(text: string, encoding: CsvEncoding = 'UTF-8-BOM'): Buffer {
  if (encoding === 'GB18030') return iconv.encode(text, 'gb18030');
  return Buffer.from(encoding === 'UTF-8-BOM' ? BOM + text : text, 'utf8');
}

export function templateCsv(kind: TemplateKind, rows: string[][] = [], encoding: CsvEncoding = 'UTF-8-BOM'): Buffer {
  return encodeCsv(toCsvText(templateHeaders(kind), rows), encoding);
}

/**
 * XLSX: the data sheet (header row, frozen, example rows when `rows` is empty and examples are asked for)
 * and a 说明 sheet with each column's type, unit, allowed values and notes. Imports read the first sheet.
 */
export async function templateXlsx(kind: TemplateKind, rows: string[][] = [], opts: { withExamples?: boolean; typed?: boolean } = {}): Promise<Buffer> {
  const tpl = TEMPLATES[kind];
  const wb = new ExcelJS.Workbook();
  wb.creator = '医保基金运行与分级诊疗分析平台';
  const sheet = wb.addWorksheet(tpl.name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = tpl.columns.map((c) => ({ header: headerWithUnit(c), key: c.key, width: Math.max(12, headerWithUnit(c).length * 2 + 4) }));
  sheet.getRow(1).font = { bold: true };
  const body = rows.length > 0 ? rows : opts.withExamples ? tpl.examples : [];
  for (const r of body) {
    // typed: numbers as numbers (what a spreadsheet user types), the rest as text.
    sheet.addRow(r.map((v, j) => (opts.typed && v !== '' && /^(count|money|signedMoney|year)$/.test(tpl.columns[j].type) ? Number(v) : v)));
  }
  const doc = wb.addWorksheet('说明');
  doc.columns = [
    { header: '列名', width: 22 }, { header: '类型', width: 22 }, { header: '单位', width: 8 }, { header: '必填', width: 6 },
    { header: '可填的值', width: 60 }, { header: '说明', width: 50 }, { header: '示例', width: 24 },
  ];
  doc.getRow(1).font = { bold: true };
  for (const c of tpl.columns) doc.addRow([headerWithUnit(c), columnTypeLabel(c), c.unit ?? '', c.optional ? '否' : '是', allowedValues(c), c.note, c.example]);
  doc.addRow([]);
  doc.addRow(['模板', tpl.name]);
  doc.addRow(['粒度', tpl.grain]);
  doc.addRow(['说明', tpl.description]);
  doc.addRow(['更正', tpl.scopeNote]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ───────────── stored data in template form ─────────────

function cellText(c: ColumnDef, v: unknown): string {
  if (v === null || v === undefined || v === '') return '';
  switch (c.type) {
    case 'enum': return c.options?.find((o) => o.code === v)?.name ?? String(v);
    case 'period': { const p = Number(v); return `${Math.floor(p / 100)}-${String(p % 100).padStart(2, '0')}`; }
    case 'money': case 'signedMoney': return Number(v).toFixed(2);
    case 'bool': return v === true || v === 1 || v === '1' ? '是' : '否';
    default: return String(v);
  }
}

export interface ExportFilter {
  fromPeriod?: number;
  toPeriod?: number;
  regionCodes?: string[];
}

/** Stored rows of a template as file rows (Chinese labels, '2024-03' periods, amounts to the cent). */
export async function exportStoredRows(db: Db, kind: TemplateKind, f: ExportFilter = {}): Promise<string[][]> {
  const tpl: TemplateDef = TEMPLATES[kind];
  if (kind === 'SETTLEMENT') throw new Error('结算明细只汇总入库，不能按明细导出');
  const client = db.prisma as unknown as { $queryRawUnsafe<T>(sql: string, ...p: unknown[]): Promise<T> };
  let rows: Record<string, unknown>[];
  if (kind === 'BUDGET') {
    rows = await client.$queryRawUnsafe<Record<string, unknown>[]>(
      `SELECT v."year", v."seq", v."kind" AS "versionKind", v."docNo", v."approvedOn", v."reason", l."regionCode", l."schemeCode", l."item", l."amount"
         FROM "BudgetLine" l JOIN "BudgetVersion" v ON v."id" = l."versionId"
        ORDER BY v."year", v."seq", l."regionCode", l."schemeCode", l."item"`);
    if (f.fromPeriod) rows = rows.filter((r) => Number(r.year) >= Math.floor(f.fromPeriod! / 100));
    if (f.toPeriod) rows = rows.filter((r) => Number(r.year) <= Math.floor(f.toPeriod! / 100));
  } else {
    const cols = tpl.columns.map((c) => `"${c.key}"`).join(',');
    const order = tpl.key.map((k) => `"${k}"`).join(',');
    rows = await client.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT ${cols} FROM "${tpl.table}" ORDER BY ${order}`);
    const hasPeriod = tpl.columns.some((c) => c.key === 'period');
    const hasYear = tpl.columns.some((c) => c.key === 'year');
    if (hasPeriod && f.fromPeriod) rows = rows.filter((r) => Number(r.period) >= f.fromPeriod!);
    if (hasPeriod && f.toPeriod) rows = rows.filter((r) => Number(r.period) <= f.toPeriod!);
    if (hasYear && f.fromPeriod) rows = rows.filter((r) => Number(r.year) >= Math.floor(f.fromPeriod! / 100));
    if (hasYear && f.toPeriod) rows = rows.filter((r) => Number(r.year) <= Math.floor(f.toPeriod! / 100));
  }
  if (f.regionCodes) {
    const set = new Set(f.regionCodes);
    const rc = tpl.columns.find((c) => c.type === 'region');
    if (rc) rows = rows.filter((r) => set.has(String(r[rc.key])));
  }
  return rows.map((r) => tpl.columns.map((c) => cellText(c, typeof r[c.key] === 'bigint' ? Number(r[c.key]) : r[c.key])));
}

// ───────────── rejected rows ─────────────

export interface RejectedRowLike { rowNumber: number; field: string | null; reason: string; raw: string }

/**
 * The rejected rows of a batch as UTF-8 CSV with BOM: the file's own columns (fix the values in place),
 * then 原行号 and 错误原因 (an import ignores both, so fixed rows can go back in as they are).
 * Problems of the file as a whole (a missing column) come first, without cells.
 */
export function rejectedRowsCsv(header: string[], rows: RejectedRowLike[]): Buffer {
  const byRow = new Map<number, { cells: string[]; reasons: string[] }>();
  for (const r of rows) {
    const e = byRow.get(r.rowNumber) ?? { cells: safeCells(r.raw), reasons: [] };
    e.reasons.push(r.field ? `“${r.field}”列：${r.reason}` : r.reason);
    byRow.set(r.rowNumber, e);
  }
  const width = Math.max(header.length, ...[...byRow.values()].map((e) => e.cells.length));
  const head = [...header, ...Array.from({ length: width - header.length }, (_, i) => `第${header.length + i + 1}列`), '原行号', '错误原因'];
  const lines = [...byRow.entries()].sort((a, b) => a[0] - b[0]).map(([row, e]) => {
    const cells = [...e.cells, ...Array.from({ length: width - e.cells.length }, () => '')];
    return [...cells, row > 0 ? String(row) : '', e.reasons.join('；')];
  });
  // The file's own header cells are written back too: toCsv guards them like every other cell.
  return encodeCsv(toCsvText(head, lines), 'UTF-8-BOM');
}

function safeCells(raw: string): string[] {
  try {
    const v = JSON.parse(raw);
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
}

