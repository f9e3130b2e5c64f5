/**
 * Table export: pure builders plus one browser download helper. The export writes raw numbers in the unit
 * named in the header (lib/format exportValue / exportHeaderSuffix), never the on-screen strings, so a
 * spreadsheet can compute with them.
 *
 * Extension point: to add XLSX, add 'xlsx' to ExportFormat and an entry to EXPORTERS whose build() returns
 * the workbook bytes; DataTable renders one button per entry of the `formats` it is given.
 */
import type { IndicatorUnit } from '@/lib/indicators/types';
import { exportHeaderSuffix, exportValue } from '@/lib/format';

/** A column unit: an indicator unit, or 'period' for YYYYMM month keys (202401 → '2024年1月'). */
export type ColumnUnit = IndicatorUnit | 'period';
export type CellValue = string | number | null;
export type TableRow = Record<string, CellValue>;

export interface ExportColumn {
  key: string;
  header: string;
  unit?: ColumnUnit;
}

const BOM = '\uFEFF';
const EOL = '\r\n';

/** One CSV field: quoted when needed; text that a spreadsheet would run as a formula is prefixed with '. */
export function csvCell(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  let s = v;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  if (/[",\r\n]/.test(s)) s = `"${s.replace(/"/g, '""')}"`;
  return s;
}

export function exportHeader(col: ExportColumn): string {
  if (!col.unit) return col.header;
  if (col.unit === 'period') return `${col.header}(年月)`;
  return col.header + exportHeaderSuffix(col.unit);
}

export function exportCell(value: CellValue | undefined, unit: ColumnUnit | undefined): CellValue {
  if (value === undefined) return null;
  if (unit && unit !== 'period' && typeof value === 'number') return exportValue(value, unit);
  return value;
}

/** UTF-8 CSV with a BOM so Excel opens Chinese text correctly; CRLF line ends. */
export function buildCsv(columns: ExportColumn[], rows: TableRow[]): string {
  const lines = [columns.map((c) => csvCell(exportHeader(c))).join(',')];
  for (const row of rows) {
    lines.push(columns.map((c) => csvCell(exportCell(row[c.key], c.unit))).join(','));
  }
  return BOM + lines.join(EOL);
}

export type ExportFormat = 'csv';

export interface Exporter {
  label: string;
  extension: string;
  mime: string;
  build: (columns: ExportColumn[], rows: TableRow[]) => BlobPart;
}

export const EXPORTERS: Record<ExportFormat, Exporter> = {
  csv: { label: '导出CSV', extension: 'csv', mime: 'text/csv;charset=utf-8', build: buildCsv },
};

/** File names keep Chinese but drop characters Windows refuses. */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 120) || 'export';
}

/** Browser only: builds the file and starts the download. */
export function downloadTable(
  format: ExportFormat,
  exportName: string,
  columns: ExportColumn[],
  rows: TableRow[],
): void {
  const ex = EXPORTERS[format];
  const blob = new Blob([ex.build(columns, rows)], { type: ex.mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${safeFileName(exportName)}.${ex.extension}`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
