// The report as one self-contained HTML file (styles inlined, charts as SVG): what Chromium prints to PDF.
// Used by the generator process (scripts/report.ts), never inside a Next request.
import { renderToStaticMarkup } from 'react-dom/server';
import { formatPeriod } from '@/lib/format';
import type { ReportFigures } from '@/lib/reports/types';
import ReportDocument, { type DocumentMeta } from './ReportDocument';

export function renderReportHtml(r: ReportFigures, meta: DocumentMeta): string {
  const body = renderToStaticMarkup(<ReportDocument r={r} meta={meta} />);
  const title = `${r.regionName}${formatPeriod(r.period)}基本医疗保险基金运行分析报告`;
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title><style>body{margin:0;background:#fff}</style></head><body>${body}</body></html>`;
}
