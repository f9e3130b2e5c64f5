// Import batch bookkeeping: the ImportBatch row (lineage), refusals of a file already loaded, rejected
// files with their rejected rows, and what a correcting batch replaced.
import 'server-only';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { Db } from '../db';
import { withBulkWriter, type BulkWriter, type Cell } from '../db/bulk';
import type { TemplateKind } from './templates';
import type { FileFormat, TextEncoding } from './read';
import { summarizeProblems, type Problem, type ProblemList } from './problems';
import { postImportStepNames } from './postImport';
import { LIMITS } from './limits';

export type ImportMode = 'APPEND' | 'REPLACE';
export type BatchStatus = 'LOADED' | 'REJECTED' | 'REPLACED' | 'REFUSED';

export interface BatchHeader {
  kind: TemplateKind;
  fileName: string;
  fileHash: string;
  importedBy: string;
  mode: ImportMode;
  format: FileFormat;
  encoding: TextEncoding | null;
  fileBytes: number;
}

/** What the batch history and the report page show; stored as JSON in ImportBatch.report. */
export interface BatchReport {
  template: TemplateKind;
  templateName: string;
  /** Data rows read from the file. */
  rows: number;
  /** The file's header cells (for the rejected-rows CSV). */
  header?: string[];
  problems?: {
    total: number;
    kept: number;
    badRows: number;
    summary: { column: string; reason: string; count: number; firstRow: number }[];
  };
  /** Rows written per table. */
  written?: Record<string, number>;
  /** Correction: per replaced batch, how many scopes and rows went. */
  replaced?: { batchId: number; scopes: number; rows: number }[];
  /** Dimension rows overwritten by a correction. */
  updated?: number;
  /** Total rows (合计) checked and not stored. */
  totalsChecked?: number;
  duplicates?: { inFile: number; stored: number; lines: { line: number; kind: 'inFile' | 'stored' }[] };
  /** Derived data refreshed in the same transaction. */
  derived?: string[];
  /** Post-import steps run after the commit (postImport.ts), with their outcome. */
  hooks?: { name: string; label?: string; ok: boolean; message?: string; resumed?: boolean }[];
  /** Units read from headers or a title line and converted to the stored unit. */
  units?: { column: string; unit: string; factor: string; to: string; source: string }[];
  /** What was done to values that the importer should know (e.g. a day dropped from 年月). */
  notes?: string[];
  /** XLSX: the sheet read, and every sheet of the workbook. */
  sheet?: string;
  sheets?: { name: string; hidden: boolean }[];
  periods?: number[];
  regionCodes?: string[];
  refusedBecause?: { batchId: number; fileName: string; importedAt: string };
  /** A failure that is not a data problem (database error, cancelled). */
  error?: string;
  /** Lines read with the slow (csv-parse) path of the settlement scanner. */
  slowLines?: number;
}

export async function sha256File(file: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) h.update(chunk as Buffer);
  return h.digest('hex');
}

/** Prisma's text form of a DateTime in SQLite; PostgreSQL (timestamp without time zone) reads it as UTC. */
export const nowStamp = () => new Date().toISOString().replace('Z', '+00:00');

/** Imports run one at a time: PostgreSQL takes a transaction-scoped advisory lock; SQLite's writer holds BEGIN IMMEDIATE. */
export async function lockImports(w: BulkWriter): Promise<void> {
  if (w.provider === 'postgres') await w.query('SELECT pg_advisory_xact_lock(74210303)');
}

export interface LoadedBatchRef {
  id: number;
  fileName: string;
  importedAt: string;
  status: string;
}

const asIso = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));

/** The batch that already loaded a file with this hash (rejected and refused attempts do not count). */
export async function findLoadedByHash(w: BulkWriter, fileHash: string): Promise<LoadedBatchRef | null> {
  const rows = await w.query<{ id: number; fileName: string; importedAt: unknown; status: string }>(
    `SELECT "id","fileName","importedAt","status" FROM "ImportBatch" WHERE "fileHash" = ? AND "status" IN ('LOADED','REPLACED') ORDER BY "id" LIMIT 1`,
    [fileHash],
  );
  return rows[0] ? { id: Number(rows[0].id), fileName: rows[0].fileName, importedAt: asIso(rows[0].importedAt), status: rows[0].status } : null;
}

export async function findLoadedByHashDb(db: Db, fileHash: string): Promise<LoadedBatchRef | null> {
  const b = await db.prisma.importBatch.findFirst({ where: { fileHash, status: { in: ['LOADED', 'REPLACED'] } }, orderBy: { id: 'asc' } });
  return b ? { id: b.id, fileName: b.fileName, importedAt: b.importedAt.toISOString(), status: b.status } : null;
}

/** Inserts the batch row inside the writer's transaction and returns its id. */
export async function insertBatch(w: BulkWriter, h: BatchHeader, status: BatchStatus, extra: { note?: string; report?: BatchReport } = {}): Promise<number> {
  const rows = await w.query<{ id: number }>(
    `INSERT INTO "ImportBatch" ("kind","fileName","fileHash","importedBy","importedAt","status","mode","format","encoding","fileBytes","note","report")
     VALUES (?,?,?,?,?,?,?,?,?,?,?,?) RETURNING "id"`,
    [h.kind, h.fileName, h.fileHash, h.importedBy, nowStamp(), status, h.mode, h.format, h.encoding, h.fileBytes, extra.note ?? null, extra.report ? JSON.stringify(extra.report) : null],
  );
  return Number(rows[0].id);
}

export interface BatchFinish {
  status: BatchStatus;
  rowsAccepted: number;
  rowsRejected?: number;
  rowsSkipped?: number;
  periodFrom?: number | null;
  periodTo?: number | null;
  durationMs: number;
  note?: string | null;
  report: BatchReport;
}

/**
 * Completes the batch row inside the import transaction. A LOADED batch also records the post-import steps
 * still to run (postImport.ts), in the same transaction as its data: they cannot be lost to a crash.
 */
export async function finishBatch(w: BulkWriter, id: number, f: BatchFinish): Promise<void> {
  const pending = f.status === 'LOADED' ? JSON.stringify(postImportStepNames()) : null;
  await w.exec(
    `UPDATE "ImportBatch" SET "status"=?, "rowsAccepted"=?, "rowsRejected"=?, "rowsSkipped"=?, "periodFrom"=?, "periodTo"=?, "durationMs"=?, "note"=?, "report"=?, "pendingSteps"=? WHERE "id"=?`,
    [f.status, f.rowsAccepted, f.rowsRejected ?? 0, f.rowsSkipped ?? 0, f.periodFrom ?? null, f.periodTo ?? null, Math.round(f.durationMs), f.note ?? null, JSON.stringify(f.report), pending, id],
  );
}

/** A rejected file: its batch row and the rejected rows with their reasons, in one small transaction. */
export async function recordRejected(db: Db, h: BatchHeader, problems: ProblemList, report: BatchReport, durationMs: number): Promise<number> {
  if (report.header) report.header = report.header.slice(0, LIMITS.storedCells).map((c) => c.slice(0, LIMITS.storedCellChars));
  report.problems = { total: problems.total, kept: problems.items.length, badRows: problems.badRows, summary: summarizeProblems(problems.items).slice(0, 50) };
  const first = problems.items[0];
  const note = `未导入：${problems.total}处问题${first ? `，首个在${first.row > 0 ? `第${first.row}行` : '文件'}${first.column ? `“${first.column}”列` : ''}：${first.reason}` : ''}`;
  return withBulkWriter(db, async (w) => {
    const id = await insertBatch(w, h, 'REJECTED');
    await finishBatch(w, id, { status: 'REJECTED', rowsAccepted: 0, rowsRejected: problems.badRows, durationMs, note, report });
    await insertRejectedRows(w, id, problems.items);
    return id;
  });
}

/**
 * Stores rejected rows, bounded (issue 12 §8): at most MAX_PROBLEMS rows (ProblemList), each with at most
 * LIMITS.storedCells cells of LIMITS.storedCellChars characters, so a hostile file cannot grow the database.
 */
export async function insertRejectedRows(w: BulkWriter, batchId: number, items: Problem[]): Promise<void> {
  const cap = (t: string) => (t.length > LIMITS.storedCellChars ? `${t.slice(0, LIMITS.storedCellChars)}…（共${t.length.toLocaleString('en-US')}个字符）` : t);
  const rows: Cell[][] = items.map((p) => [
    batchId, p.row, p.column ? cap(p.column) : null,
    cap(p.value !== undefined && p.value !== '' ? `${p.reason}（实际为“${cap(p.value)}”）` : p.reason),
    JSON.stringify((p.cells ?? []).slice(0, LIMITS.storedCells).map(cap)),
  ]);
  for (let i = 0; i < rows.length; i += 2000) await w.insert('RejectedRow', ['batchId', 'rowNumber', 'field', 'reason', 'raw'], rows.slice(i, i + 2000));
}

/** The same file again: recorded (who tried, when) but nothing loaded. */
export async function recordRefused(db: Db, h: BatchHeader, existing: LoadedBatchRef, report: BatchReport): Promise<number> {
  report.refusedBecause = { batchId: existing.id, fileName: existing.fileName, importedAt: existing.importedAt };
  const note = `未导入：与批次#${existing.id}（${existing.fileName}）是同一文件（SHA-256相同），不重复导入`;
  return withBulkWriter(db, async (w) => {
    const id = await insertBatch(w, h, 'REFUSED');
    await finishBatch(w, id, { status: 'REFUSED', rowsAccepted: 0, durationMs: 0, note, report });
    return id;
  });
}

/** A failure that is not about the data (e.g. the database went away): recorded as a rejected batch with the message. */
export async function recordFailed(db: Db, h: BatchHeader, report: BatchReport, message: string, durationMs: number): Promise<number | null> {
  report.error = message;
  try {
    return await withBulkWriter(db, async (w) => {
      const id = await insertBatch(w, h, 'REJECTED');
      await finishBatch(w, id, { status: 'REJECTED', rowsAccepted: 0, durationMs, note: `未导入：${message}`, report });
      return id;
    });
  } catch {
    return null;
  }
}

export interface Replacement {
  replacedBatchId: number;
  scopeKey: string;
  scopeLabel: string;
  rows: number;
}

/** Records what a correction replaced, and marks batches with nothing left as REPLACED. */
export async function recordReplacements(w: BulkWriter, batchId: number, items: Replacement[], remaining: (replacedBatchId: number, kind: string) => Promise<number>): Promise<BatchReport['replaced']> {
  if (items.length === 0) return [];
  for (let i = 0; i < items.length; i += 2000) {
    await w.insert('ImportReplacement', ['batchId', 'replacedBatchId', 'scopeKey', 'scopeLabel', 'rows'],
      items.slice(i, i + 2000).map((r) => [batchId, r.replacedBatchId, r.scopeKey, r.scopeLabel, r.rows]));
  }
  const per = new Map<number, { batchId: number; scopes: number; rows: number }>();
  for (const r of items) {
    const e = per.get(r.replacedBatchId) ?? { batchId: r.replacedBatchId, scopes: 0, rows: 0 };
    e.scopes++;
    e.rows += r.rows;
    per.set(r.replacedBatchId, e);
  }
  for (const id of per.keys()) {
    const [b] = await w.query<{ kind: string }>('SELECT "kind" FROM "ImportBatch" WHERE "id" = ?', [id]);
    if (!b || b.kind === 'DEMO') continue; // the demo city spans every table: it is never wholly replaced
    if ((await remaining(id, b.kind)) === 0) {
      await w.exec(`UPDATE "ImportBatch" SET "status"='REPLACED', "replacedById"=? WHERE "id"=? AND "status"='LOADED'`, [batchId, id]);
    }
  }
  return [...per.values()];
}

/** Hands the event loop back between heavy steps (the admin page's server keeps answering). */
export const breathe = () => new Promise<void>((r) => setImmediate(r));

/** For crash tests only: holds the open transaction so a test can kill the process inside it. */
export async function testHoldInTransaction(): Promise<void> {
  const ms = Number(process.env.YIBAO_IMPORT_HOLD_MS ?? 0);
  if (ms > 0) {
    process.stderr.write(`[import] holding the open transaction for ${ms} ms (YIBAO_IMPORT_HOLD_MS, crash tests)\n`);
    await new Promise((r) => setTimeout(r, ms));
  }
}
