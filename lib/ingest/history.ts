// Reads of the import history for the admin page: the batch list, one batch with its validation report,
// what it replaced and what replaced it, and its rejected rows. Functions take the Db so tests and pages
// share them.
import 'server-only';
import type { Db } from '../db';
import { TEMPLATES, isTemplateKind, type TemplateKind } from './templates';
import type { BatchReport } from './batch';

export const STATUS_LABELS: Record<string, string> = {
  LOADED: '已导入', REJECTED: '未通过校验', REPLACED: '已被更正替换', REFUSED: '重复文件未导入', LOADING: '导入中',
};

export const kindName = (k: string) => (k === 'DEMO' ? '演示数据' : isTemplateKind(k) ? TEMPLATES[k].name : k === 'UNKNOWN' ? '未识别' : k);

export interface BatchListItem {
  id: number;
  kind: string;
  kindName: string;
  fileName: string;
  importedBy: string;
  importedAt: string;
  status: string;
  statusLabel: string;
  mode: string;
  rowsAccepted: number;
  rowsRejected: number;
  rowsSkipped: number;
  periodFrom: number | null;
  periodTo: number | null;
  note: string | null;
  replacedById: number | null;
  durationMs: number | null;
  fileBytes: number | null;
  encoding: string | null;
  format: string | null;
  fileHash: string;
}

type BatchRow = Awaited<ReturnType<Db['prisma']['importBatch']['findFirstOrThrow']>>;

function toItem(b: BatchRow): BatchListItem {
  return {
    id: b.id, kind: b.kind, kindName: kindName(b.kind), fileName: b.fileName, importedBy: b.importedBy, importedAt: b.importedAt.toISOString(),
    status: b.status, statusLabel: STATUS_LABELS[b.status] ?? b.status, mode: b.mode, rowsAccepted: b.rowsAccepted, rowsRejected: b.rowsRejected,
    rowsSkipped: b.rowsSkipped, periodFrom: b.periodFrom, periodTo: b.periodTo, note: b.note, replacedById: b.replacedById, durationMs: b.durationMs,
    fileBytes: b.fileBytes, encoding: b.encoding, format: b.format, fileHash: b.fileHash,
  };
}

export async function listBatches(db: Db, opts: { limit?: number } = {}): Promise<{ items: BatchListItem[]; total: number }> {
  const [items, total] = await Promise.all([
    db.prisma.importBatch.findMany({ orderBy: { id: 'desc' }, take: opts.limit ?? 200 }),
    db.prisma.importBatch.count(),
  ]);
  return { items: items.map(toItem), total };
}

export interface ReplacementGroup {
  batchId: number;
  fileName: string;
  scopes: { label: string; rows: number }[];
  rows: number;
}

export interface BatchDetail {
  batch: BatchListItem;
  report: BatchReport | null;
  /** What this batch replaced, per replaced batch. */
  replaced: ReplacementGroup[];
  /** Later corrections that replaced parts of this batch. */
  replacedBy: ReplacementGroup[];
  problems: { rowNumber: number; field: string | null; reason: string }[];
  problemCount: number;
}

async function groupReplacements(db: Db, rows: { batchId: number; replacedBatchId: number; scopeLabel: string; rows: number }[], by: 'batchId' | 'replacedBatchId'): Promise<ReplacementGroup[]> {
  const ids = [...new Set(rows.map((r) => r[by]))];
  const names = new Map((await db.prisma.importBatch.findMany({ where: { id: { in: ids } }, select: { id: true, fileName: true } })).map((b) => [b.id, b.fileName]));
  const groups = new Map<number, ReplacementGroup>();
  for (const r of rows) {
    const id = r[by];
    const g = groups.get(id) ?? { batchId: id, fileName: names.get(id) ?? '', scopes: [], rows: 0 };
    g.scopes.push({ label: r.scopeLabel, rows: r.rows });
    g.rows += r.rows;
    groups.set(id, g);
  }
  return [...groups.values()];
}

export async function getBatch(db: Db, id: number, problemLimit = 500): Promise<BatchDetail | null> {
  const b = await db.prisma.importBatch.findUnique({ where: { id } });
  if (!b) return null;
  const [replaced, replacedBy, problems, problemCount] = await Promise.all([
    db.prisma.importReplacement.findMany({ where: { batchId: id }, orderBy: { id: 'asc' } }),
    db.prisma.importReplacement.findMany({ where: { replacedBatchId: id }, orderBy: { id: 'asc' } }),
    db.prisma.rejectedRow.findMany({ where: { batchId: id }, orderBy: [{ rowNumber: 'asc' }, { id: 'asc' }], take: problemLimit, select: { rowNumber: true, field: true, reason: true } }),
    db.prisma.rejectedRow.count({ where: { batchId: id } }),
  ]);
  let report: BatchReport | null = null;
  try { report = b.report ? (JSON.parse(b.report) as BatchReport) : null; } catch { report = null; }
  return {
    batch: toItem(b),
    report,
    replaced: await groupReplacements(db, replaced, 'replacedBatchId'),
    replacedBy: await groupReplacements(db, replacedBy, 'batchId'),
    problems,
    problemCount,
  };
}

/** Rejected rows of a batch with the file's header, for the CSV download. */
export async function getRejectedRows(db: Db, batchId: number): Promise<{ fileName: string; header: string[]; rows: { rowNumber: number; field: string | null; reason: string; raw: string }[] } | null> {
  const b = await db.prisma.importBatch.findUnique({ where: { id: batchId } });
  if (!b) return null;
  const rows = await db.prisma.rejectedRow.findMany({ where: { batchId }, orderBy: [{ rowNumber: 'asc' }, { id: 'asc' }], select: { rowNumber: true, field: true, reason: true, raw: true } });
  let header: string[] = [];
  try { header = (JSON.parse(b.report ?? '{}') as BatchReport).header ?? []; } catch { /* no report */ }
  if (header.length === 0 && isTemplateKind(b.kind)) header = TEMPLATES[b.kind as TemplateKind].columns.map((c) => c.header);
  return { fileName: b.fileName, header, rows };
}
