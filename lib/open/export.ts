// Downloads of a chart's table, exactly as the page shows it (same rows, columns and hidden cells):
// CSV in UTF-8 with a BOM (Excel opens it), CSV in GBK (older Excel and WPS on Chinese Windows), XLSX.
import iconv from 'iconv-lite';
import { xlsxSheetName } from '@/app/(site)/ui/tableExport';
import { toCsv } from '@/lib/csv';
import type { SuppressionRule } from './suppress';
import { exportTable, type OpenChart } from './view';

export type OpenDownloadFormat = 'csv' | 'csv-gbk' | 'xlsx';
export const OPEN_DOWNLOAD_FORMATS: readonly OpenDownloadFormat[] = ['csv', 'csv-gbk', 'xlsx'];

export const DOWNLOAD_LABELS: Record<OpenDownloadFormat, string> = {
  'csv': 'CSV（UTF-8）',
  'csv-gbk': 'CSV（GBK）',
  'xlsx': 'Excel（XLSX）',
};

/** A chart's CSV text (lib/csv: quoting and the formula guard): the header, the rows, a blank line, then the title with the source and the notes. */
function csvText(chart: OpenChart, rule: SuppressionRule, source: string): string {
  const t = exportTable(chart, rule);
  const width = t.header.length;
  const pad = (cells: string[]) => [...cells, ...Array(Math.max(0, width - cells.length)).fill('')];
  return toCsv([t.header, ...t.rows, [], pad([`${chart.title}。${source}`]), ...chart.notes.map((n) => pad([n]))]);
}

/**
 * The file for `format`: bytes, MIME type and extension. `source` names the data source and release
 * (written under the table). GBK cannot hold every character: unmappable ones become '?', so the
 * text is kept to Chinese, ASCII and common punctuation.
 */
export async function buildOpenDownload(chart: OpenChart, rule: SuppressionRule, source: string, format: OpenDownloadFormat): Promise<{ body: Buffer; mime: string; ext: string }> {
  if (format === 'xlsx') {
    const { default: ExcelJS } = await import('exceljs');
    const t = exportTable(chart, rule);
    const wb = new ExcelJS.Workbook();
    wb.creator = '医保基金运行与分级诊疗分析平台';
    const ws = wb.addWorksheet(xlsxSheetName(chart.id), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow(t.header).font = { bold: true };
    for (const r of t.rows) ws.addRow(r);
    ws.addRow([]);
    ws.addRow([`${chart.title}。${source}`]);
    for (const n of chart.notes) ws.addRow([n]);
    ws.columns.forEach((c, i) => { c.width = i === 0 ? 24 : Math.min(30, Math.max(12, String(t.header[i] ?? '').length * 2 + 2)); });
    return { body: Buffer.from(await wb.xlsx.writeBuffer()), mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: 'xlsx' };
  }
  const text = csvText(chart, rule, source);
  if (format === 'csv-gbk') return { body: iconv.encode(text, 'gbk'), mime: 'text/csv; charset=GBK', ext: 'csv' };
  return { body: Buffer.from('\uFEFF' + text, 'utf8'), mime: 'text/csv; charset=utf-8', ext: 'csv' };
}
