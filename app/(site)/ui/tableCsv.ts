// The CSV table export, loaded on first use like XLSX (tableExport EXPORTERS): the CSV writer stays out
// of every page's first JavaScript.
import { toCsv } from '@/lib/csv';
import { exportCell, exportHeader, type ExportColumn, type TableRow } from './tableExport';

/** UTF-8 CSV with a BOM so Excel opens Chinese text correctly; CRLF line ends; formulas guarded (lib/csv). */
export function buildCsv(columns: ExportColumn[], rows: TableRow[]): string {
  return toCsv([columns.map(exportHeader), ...rows.map((row) => columns.map((c) => exportCell(row[c.key], c.unit)))], { bom: true, trailingEol: false });
}
