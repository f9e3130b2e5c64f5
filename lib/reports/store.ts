// Reading the report archive (ReportVersion rows): lists, files, figures. Kept apart from the generator
// (archive.ts) so pages and download routes do not load Chromium or the DOCX writer.
import type { Db } from '../db';
import type { ReportFigures } from './types';
import { formatDateTimeZh } from '../dates';

export type ReportTrigger = 'IMPORT' | 'MANUAL' | 'CLI';
export const TRIGGER_LABELS: Record<ReportTrigger, string> = { IMPORT: '导入后自动生成', MANUAL: '手动生成', CLI: '命令行生成' };

export interface VersionMeta {
  id: number;
  period: number;
  regionCode: string;
  version: number;
  digest: string;
  trigger: ReportTrigger;
  generatedBy: string;
  generatedAt: Date;
  ms: number;
  pdfBytes: number;
  docxBytes: number;
  lastBatchId: number | null;
}

export function versionLabel(v: { version: number; generatedAt: Date; trigger: ReportTrigger }): string {
  return `第${v.version}版 · ${formatDateTimeZh(v.generatedAt)}（北京时间）· ${TRIGGER_LABELS[v.trigger]}`;
}

export const META_SELECT = { id: true, period: true, regionCode: true, version: true, digest: true, trigger: true, generatedBy: true, generatedAt: true, ms: true, lastBatchId: true } as const;
type MetaRow = { id: number; period: number; regionCode: string; version: number; digest: string; trigger: string; generatedBy: string; generatedAt: Date; ms: number; lastBatchId: number | null };
export const toMeta = (r: MetaRow, pdfBytes: number, docxBytes: number): VersionMeta => ({ ...r, trigger: r.trigger as ReportTrigger, pdfBytes, docxBytes });

export async function latestVersion(db: Db, period: number, regionCode: string): Promise<VersionMeta | null> {
  const r = await db.prisma.reportVersion.findFirst({ where: { period, regionCode }, orderBy: { version: 'desc' }, select: META_SELECT });
  return r ? toMeta(r, 0, 0) : null;
}

/** Every archived version (newest month first), optionally of some regions only; without the file bytes. */
export async function listVersions(db: Db, regionCodes?: string[]): Promise<VersionMeta[]> {
  const rows = await db.prisma.reportVersion.findMany({
    where: regionCodes ? { regionCode: { in: regionCodes } } : {},
    orderBy: [{ period: 'desc' }, { regionCode: 'asc' }, { version: 'desc' }],
    select: META_SELECT,
  });
  return rows.map((r) => toMeta(r, 0, 0));
}

/** One version's file; null when there is no such version. */
export async function versionFile(db: Db, period: number, regionCode: string, version: number, format: 'pdf' | 'docx'): Promise<Buffer | null> {
  const r = await db.prisma.reportVersion.findUnique({
    where: { period_regionCode_version: { period, regionCode, version } },
    select: format === 'pdf' ? { pdf: true } : { docx: true },
  });
  if (!r) return null;
  const bytes = (r as { pdf?: Uint8Array; docx?: Uint8Array })[format];
  return bytes ? Buffer.from(bytes) : null;
}

export async function versionFigures(db: Db, period: number, regionCode: string, version: number): Promise<ReportFigures | null> {
  const r = await db.prisma.reportVersion.findUnique({ where: { period_regionCode_version: { period, regionCode, version } }, select: { figures: true } });
  return r ? (JSON.parse(r.figures) as ReportFigures) : null;
}

