/**
 * Table export: pure builders plus one browser download helper. The export writes raw numbers in the unit
 * named in the header (lib/format exportValue / exportHeaderSuffix), never the on-screen strings, so a
 * spreadsheet can compute with them.
 *
 * Formats are entries of EXPORTERS (CSV with BOM, XLSX); DataTable renders one button per entry of the
 * `formats` it is given. XLSX is built in the browser with exceljs, loaded on first use (it is large).
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


export type ExportFormat = 'csv' | 'xlsx';

export interface Exporter {
  label: string;
  extension: string;
  mime: string;
  /** May be async (XLSX loads its library on first use). */
  build: (columns: ExportColumn[], rows: TableRow[], sheetName?: string) => BlobPart | Promise<BlobPart>;
}

/** Excel number formats matching the export units (percent numbers, 万元, counts). */
function xlsxNumFmt(unit: ColumnUnit | undefined): string | undefined {
  switch (unit) {
    case undefined:
    case 'period':
      return undefined;
    case 'count':
      return '#,##0';
    case 'ratio':
    case 'pp':
    case 'months':
      return '0.0';
    default:
      return '#,##0.00';
  }
}

/** A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ]. */
export function xlsxSheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, '_').slice(0, 31) || 'Sheet1';
}

/**
 * One worksheet with the same header and raw numbers as the CSV (exportHeader / exportCell): numbers stay
 * numbers, header bold and frozen. Text cells are written as strings, never as formulas.
 */
export async function buildXlsx(columns: ExportColumn[], rows: TableRow[], sheetName = '数据'): Promise<ArrayBuffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = '医保基金运行与分级诊疗分析平台';
  const ws = wb.addWorksheet(xlsxSheetName(sheetName), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({
    header: exportHeader(c),
    key: c.key,
    width: Math.min(40, Math.max(10, exportHeader(c).length * 2 + 2)),
    style: xlsxNumFmt(c.unit) ? { numFmt: xlsxNumFmt(c.unit) } : {},
  }));
  ws.getRow(1).font = { bold: true };
  for (const row of rows) ws.addRow(columns.map((c) => exportCell(row[c.key], c.unit)));
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
}

export const EXPORTERS: Record<ExportFormat, Exporter> = {
  csv: { label: '导出CSV', extension: 'csv', mime: 'text/csv;charset=utf-8', build: async (columns, rows) => (await import('./tableCsv')).buildCsv(columns, rows) },
  xlsx: {
    label: '导出XLSX',
    extension: 'xlsx',
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    build: buildXlsx,
  },
};

/** File names keep Chinese but drop characters Windows refuses. */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 120) || 'export';
}

/** Browser only: builds the file and starts the download. */
export async function downloadTable(
  format: ExportFormat,
  exportName: string,
  columns: ExportColumn[],
  rows: TableRow[],
): Promise<void> {
  const ex = EXPORTERS[format];
  const blob = new Blob([await ex.build(columns, rows, exportName)], { type: ex.mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${safeFileName(exportName)}.${ex.extension}`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
