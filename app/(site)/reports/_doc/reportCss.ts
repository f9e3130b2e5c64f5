// Styles of the report document, inlined so the page, the browser's print and the PDF use the same rules.
// A4 portrait with 18 mm margins; tables never split a row across pages.
export const REPORT_CSS = `
.rpt { font-family: 'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif; color: #1d2733; background: #fff;
  max-width: 190mm; margin: 0 auto; padding: 12mm 10mm; font-size: 10.5pt; line-height: 1.75; }
.rpt-head { text-align: center; border-bottom: 2px solid #c2312b; padding-bottom: 8px; margin-bottom: 14px; }
.rpt-org { color: #c2312b; font-size: 12pt; letter-spacing: 0.2em; margin: 0; }
.rpt-demo { font-size: 9pt; letter-spacing: 0; border: 1px solid #b66a00; color: #b66a00; border-radius: 3px; padding: 0 4px; margin-left: 8px; }
.rpt h1 { font-size: 17pt; margin: 6px 0 4px; line-height: 1.4; }
.rpt-meta { color: #5b6878; font-size: 9pt; margin: 0; }
.rpt h2 { font-size: 12.5pt; margin: 16px 0 6px; }
.rpt-text { text-indent: 2em; margin: 0 0 8px; text-align: justify; }
.rpt-sentence[data-refs]:hover { background: #e6f0fa; }
.rpt-table, .rpt-figure { margin: 8px 0 12px; break-inside: avoid; }
.rpt-table figcaption, .rpt-figure figcaption { font-weight: 600; font-size: 9.5pt; margin-bottom: 4px; text-align: center; }
.rpt-note { display: block; font-weight: 400; color: #5b6878; font-size: 8.5pt; }
.rpt table { width: 100%; border-collapse: collapse; font-size: 8.5pt; line-height: 1.4; font-variant-numeric: tabular-nums; }
.rpt th, .rpt td { border: 1px solid #9aa6b2; padding: 3px 4px; }
.rpt th { background: #eef2f6; font-weight: 600; }
.rpt td.right, .rpt th.right { text-align: right; }
.rpt td.left, .rpt th.left { text-align: left; }
.rpt tr.strong td { font-weight: 600; background: #f8fafc; }
.rpt tr { break-inside: avoid; }
.rpt-chart { display: block; margin: 0 auto; max-width: 100%; height: auto; }
.rpt-empty { color: #8a95a3; text-align: center; }
.rpt-foot { border-top: 1px solid #dbe2ea; margin-top: 16px; padding-top: 6px; color: #5b6878; font-size: 8.5pt; line-height: 1.6; }
@media screen and (max-width: 640px) {
  .rpt { padding: 12px 10px; font-size: 14px; }
  .rpt-table { overflow-x: auto; }
  .rpt table { min-width: 560px; }
}
@page { size: A4; margin: 18mm 14mm 16mm; }
@media print {
  body * { visibility: hidden; }
  .rpt, .rpt * { visibility: visible; }
  .rpt { position: absolute; left: 0; top: 0; width: 100%; max-width: none; padding: 0; margin: 0; }
  .no-print { display: none !important; }
  h2 { break-after: avoid; }
}
`;
