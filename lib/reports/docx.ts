// DOCX of the report for analysts to edit: the same text and tables as the page and the PDF (one
// source: lib/reports/tables.ts), built with the `docx` library. Charts are not embedded; their figures
// are in the tables.
import {
  AlignmentType, BorderStyle, Document, Footer, Header, HeadingLevel, Packer, PageNumber, Paragraph, ShadingType, Table, TableCell,
  TableRow, TextRun, WidthType,
} from 'docx';
import { formatPeriod } from '../format';
import { reportTables, type ReportTable } from './tables';
import type { ReportFigures } from './types';

const FONT = { ascii: 'Noto Sans CJK SC', eastAsia: 'Noto Sans CJK SC', hAnsi: 'Noto Sans CJK SC' };
const border = { style: BorderStyle.SINGLE, size: 4, color: '9AA6B2' };

function tableBlock(t: ReportTable): (Paragraph | Table)[] {
  const caption = new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 160, after: 60 }, children: [new TextRun({ text: t.title, bold: true, size: 19, font: FONT })] });
  const note = t.note ? [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: t.note, size: 16, color: '5B6878', font: FONT })] })] : [];
  if (t.rows.length === 0) return [caption, ...note, new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: '无', font: FONT })] })];
  const cell = (text: string, align: 'left' | 'right', head: boolean, strong: boolean) => new TableCell({
    borders: { top: border, bottom: border, left: border, right: border },
    shading: head ? { type: ShadingType.CLEAR, color: 'auto', fill: 'EEF2F6' } : undefined,
    children: [new Paragraph({ alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [new TextRun({ text, bold: head || strong, size: 16, font: FONT })] })],
  });
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: t.columns.map((c) => cell(c.header, c.align, true, false)) }),
      ...t.rows.map((row, i) => new TableRow({ cantSplit: true, children: row.map((text, j) => cell(text, t.columns[j].align, false, !!t.strong?.includes(i))) })),
    ],
  });
  return [caption, ...note, table];
}

/** The report as DOCX bytes (A4, page numbers in the footer). */
export async function buildDocx(r: ReportFigures, meta: { versionLabel: string }): Promise<Buffer> {
  const tables = reportTables(r);
  const byId = (id: string) => tables.find((t) => t.id === id);
  const title = `${r.regionName}${formatPeriod(r.period)}基本医疗保险基金运行分析报告`;
  const children: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: `${r.cityName}医疗保障局${r.isDemo ? '（演示数据）' : ''}`, color: 'C2312B', size: 24, font: FONT })] }),
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun({ text: title, bold: true, size: 34, font: FONT })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: `数据截至${formatPeriod(r.period)}末 · ${meta.versionLabel}`, size: 18, color: '5B6878', font: FONT })] }),
  ];
  const attach: Record<string, string[]> = { overall: ['kpis'], reserve: ['reserve', 'projection'], counties: ['counties', 'attribution'], tiered: [], warnings: ['warnings', 'warning-changes'] };
  for (const s of r.sections) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { before: 240, after: 80 }, children: [new TextRun({ text: s.title, bold: true, size: 25, font: FONT })] }));
    children.push(new Paragraph({ indent: { firstLine: 420 }, spacing: { line: 360 }, children: [new TextRun({ text: s.sentences.map((x) => x.text).join(''), size: 21, font: FONT })] }));
    for (const id of attach[s.id] ?? []) { const t = byId(id); if (t) children.push(...tableBlock(t)); }
  }
  if (!r.sections.some((s) => s.id === 'counties')) for (const id of ['counties', 'attribution']) children.push(...tableBlock(byId(id)!));
  const doc = new Document({
    creator: `${r.cityName}医疗保障局`,
    title,
    sections: [{
      properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1020, bottom: 907, left: 794, right: 794 } } },
      headers: { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: title, size: 16, color: '6B7785', font: FONT })] })] }) },
      footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['第 ', PageNumber.CURRENT, ' 页 / 共 ', PageNumber.TOTAL_PAGES, ' 页'], size: 16, font: FONT })] })] }) },
      children,
    }],
  });
  return Packer.toBuffer(doc);
}
