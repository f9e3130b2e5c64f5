// Getting data in (issue 3): one entry point for both ways in — the CLI (scripts/import.ts) and the admin
// page. A file is identified (format, encoding, template), refused if the same file was loaded before
// (SHA-256), validated whole, and then stored whole in one transaction or not at all. Every outcome is an
// ImportBatch row: LOADED, REJECTED (with its rejected rows and reasons) or REFUSED.
import 'server-only';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../db';
import { withBulkWriter } from '../db/bulk';
import { refreshUtilizationRollup } from '../warehouse/rollup';
import { TEMPLATES, detectTemplate, type TemplateKind } from './templates';
import { detectFileEncoding, detectFormat, FileFormatError, inspectXlsx, openRecords, readHead, readHeaderRow, xlsxToCsv, type FileFormat, type SheetInfo } from './read';
import { LIMITS, bytesLabel } from './limits';
import { ProblemList, describeProblem, type Problem } from './problems';
import { loadReference } from './reference';
import {
  findLoadedByHash, findLoadedByHashDb, finishBatch, insertBatch, lockImports, recordFailed, recordRefused, recordRejected,
  recordReplacements, sha256File, testHoldInTransaction, type BatchHeader, type BatchReport, type BatchStatus, type ImportMode,
} from './batch';
import { checkAgainstStored, describePeriods, describeYears, parseGeneral, periodsOf, writeGeneral } from './general';
import { AlreadyLoaded, RejectedInTransaction, loadSettlementFile, monthRuns } from './settlement/load';
import { prewarmScanWorkers, releaseScanWorkers } from './settlement/parallel';
import { bumpDataVersion } from '../cache';
import { resumePendingSteps, runPostImportSteps } from './postImport';

export { TEMPLATES, TEMPLATE_LIST, TEMPLATE_KINDS, isTemplateKind, type TemplateKind } from './templates';
export { POST_IMPORT_STEPS, runPostImportSteps, resumePendingSteps, type PostImportContext, type PostImportStep } from './postImport';
export type { ImportMode, BatchReport, BatchStatus } from './batch';

export type ImportPhase = 'detect' | 'hash' | 'read' | 'dedupe' | 'reread' | 'write' | 'derive' | 'hooks' | 'done';

export const PHASE_LABELS: Record<ImportPhase, string> = {
  detect: '识别文件', hash: '计算文件指纹', read: '读取并校验', dedupe: '按结算流水号去重', reread: '剔除重复后重新汇总',
  write: '写入数据库', derive: '刷新汇总数据', hooks: '导入后处理（风险预警等）', done: '完成',
};

export interface ImportProgress {
  phase: ImportPhase;
  bytes?: number;
  totalBytes?: number;
  rows?: number;
}

export interface ImportOptions {
  /** Path of the file on disk. */
  file: string;
  /** Name to record (the uploaded name); defaults to the file's base name. */
  fileName?: string;
  /** Template; detected from the header row when absent. */
  kind?: TemplateKind;
  mode?: ImportMode;
  importedBy?: string;
  /** SHA-256 already computed (e.g. while the upload was written to disk). */
  fileHash?: string;
  /** XLSX: the sheet to read (name or 1-based number); default the first visible sheet. */
  sheet?: string;
  onProgress?: (p: ImportProgress) => void;
}

export interface ImportResult {
  batchId: number | null;
  status: BatchStatus;
  kind: TemplateKind | null;
  fileName: string;
  rows: number;
  rowsAccepted: number;
  rowsRejected: number;
  rowsSkipped: number;
  /** The first problems, for showing; all kept ones are in RejectedRow. */
  problems: Problem[];
  problemCount: number;
  report: BatchReport;
  durationMs: number;
  /** One line in Chinese saying what happened. */
  message: string;
}

// One import at a time in a process (the admin page may receive two uploads at once); across processes
// the transaction serialises them (lockImports).
const g = globalThis as { __yibaoImportQueue?: Promise<unknown> };
function serially<T>(fn: () => Promise<T>): Promise<T> {
  const run = (g.__yibaoImportQueue ?? Promise.resolve()).then(fn, fn);
  g.__yibaoImportQueue = run.catch(() => undefined);
  return run;
}

export function importFile(db: Db, o: ImportOptions): Promise<ImportResult> {
  return serially(async () => {
    // Steps a crashed import left pending run first, so derived data is never older than the facts.
    try {
      await resumePendingSteps(db);
    } catch (e) {
      console.error('[import] resuming pending post-import steps failed', e);
    }
    return importNow(db, o).finally(releaseScanWorkers);
  });
}

const fmt = (n: number) => n.toLocaleString('en-US');

function systemUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? 'unknown'; // containers without a passwd entry
  }
}

async function importNow(db: Db, o: ImportOptions): Promise<ImportResult> {
  const t0 = Date.now();
  const fileName = o.fileName ?? path.basename(o.file);
  const mode: ImportMode = o.mode ?? 'APPEND';
  const importedBy = o.importedBy ?? `${systemUser()}（命令行）`;
  const progress = (p: ImportProgress) => o.onProgress?.({ totalBytes, ...p });
  const totalBytes = (await fs.promises.stat(o.file)).size;
  progress({ phase: 'detect' });
  let sheetInfo: { sheet: SheetInfo; sheets: SheetInfo[] } | null = null;
  const withSheet = (r: BatchReport): BatchReport => (sheetInfo ? { ...r, sheet: sheetInfo.sheet.name, sheets: sheetInfo.sheets.map((s) => ({ name: s.name, hidden: s.state !== 'visible' })) } : r);

  const result = (status: BatchStatus, batchId: number | null, kind: TemplateKind | null, report: BatchReport, extra: Partial<ImportResult> = {}): ImportResult => {
    const r: ImportResult = {
      batchId, status, kind, fileName, rows: report.rows, rowsAccepted: 0, rowsRejected: 0, rowsSkipped: 0, problems: [], problemCount: 0,
      report, durationMs: Date.now() - t0, message: '', ...extra,
    };
    if (!r.message) r.message = summarize(r);
    return r;
  };

  // Identify the file: format, encoding, template.
  let format: FileFormat = 'CSV';
  let kind: TemplateKind | null = o.kind ?? null;
  const baseReport = (k: TemplateKind | null): BatchReport => withSheet({ template: (k ?? 'UNKNOWN') as TemplateKind, templateName: k ? TEMPLATES[k].name : '未识别', rows: 0 });
  const header = (k: TemplateKind | null, fileHash: string, encoding: BatchHeader['encoding']): BatchHeader =>
    ({ kind: (k ?? 'UNKNOWN') as TemplateKind, fileName, fileHash, importedBy, mode, format, encoding, fileBytes: totalBytes });
  const rejectEarly = async (problem: Problem, fileHash?: string) => {
    const problems = new ProblemList();
    problems.add(problem);
    const report = baseReport(kind);
    const hash = fileHash === 'unhashed' ? 'unhashed' : fileHash ?? (await sha256File(o.file));
    const id = await recordRejected(db, header(kind, hash, encoding), problems, report, Date.now() - t0);
    return result('REJECTED', id, kind, report, { problems: problems.items, problemCount: 1 });
  };

  let encoding: BatchHeader['encoding'] = null;
  try {
    // Limits first (issue 12 §8): nothing is read from a file beyond them.
    if (totalBytes > LIMITS.fileBytes) return await rejectEarly({ row: 0, reason: `文件有${bytesLabel(totalBytes)}，超过${bytesLabel(LIMITS.fileBytes)}的上限：请按月份或地区拆分后导入` }, 'unhashed');
    const head = await readHead(o.file);
    if (head.length === 0) return await rejectEarly({ row: 0, reason: '文件为空' });
    format = detectFormat(head);
    // A large CSV may be settlement records: their scan's worker threads start now, while the encoding is checked.
    if (format === 'CSV' && (!kind || kind === 'SETTLEMENT')) prewarmScanWorkers(totalBytes);
    if (format === 'CSV') encoding = await detectFileEncoding(o.file);
    else sheetInfo = await inspectXlsx(o.file, o.sheet);
    if (format === 'CSV' && o.sheet) return await rejectEarly({ row: 0, reason: `CSV文件没有工作表，不能选择工作表“${o.sheet}”` });
    if (!kind) {
      const cells = await readHeaderRow(o.file, { sheet: o.sheet, encoding: encoding ?? undefined });
      const tpl = cells ? detectTemplate(cells) : null;
      if (!tpl) {
        const shown = (cells ?? []).slice(0, 12).map((c) => (c.length > 40 ? `${c.slice(0, 40)}…` : c)).join('、') || '无';
        const where = sheetInfo ? `工作表“${sheetInfo.sheet.name}”` : '';
        const others = sheetInfo && sheetInfo.sheets.length > 1 ? `；文件中的工作表：${sheetInfo.sheets.map((s) => `“${s.name}”${s.state !== 'visible' ? '（隐藏）' : ''}`).join('、')}，可选择其他工作表` : '';
        return await rejectEarly({ row: 1, reason: `无法根据${where}表头识别模板（表头：${shown}）。请使用管理页面下载的模板，或指定模板类型${others}` });
      }
      kind = tpl.kind;
    }
  } catch (e) {
    if (e instanceof FileFormatError) return await rejectEarly({ row: e.line, reason: e.message });
    throw e;
  }
  // The same file twice is refused before any work (and again inside the transaction, race-free).
  const settlementCsv = kind === 'SETTLEMENT' && format === 'CSV';
  let fileHash = o.fileHash;
  if (!fileHash && !settlementCsv) {
    progress({ phase: 'hash' });
    fileHash = await sha256File(o.file);
  }
  // A workbook is loaded sheet by sheet: the same file with another sheet is another load.
  if (fileHash && sheetInfo && sheetInfo.sheets.length > 1) fileHash = `${fileHash}#${sheetInfo.sheet.name}`;
  if (fileHash) {
    const existing = await findLoadedByHashDb(db, fileHash);
    if (existing) {
      const report = baseReport(kind);
      const id = await recordRefused(db, header(kind, fileHash, encoding), existing, report);
      return result('REFUSED', id, kind, report);
    }
  }

  const ref = await loadReference(db);
  let done: ImportResult;
  try {
    done = kind === 'SETTLEMENT'
      ? await importSettlements(db, o, { fileName, mode, importedBy, format, totalBytes, fileHash, ref, t0, progress, result, withSheet, encoding })
      : await importGeneral(db, o, { kind, mode, fileHash: fileHash!, header, ref, t0, progress, result, format, withSheet, encoding });
  } catch (e) {
    if (e instanceof FileFormatError) return await rejectEarly({ row: e.line, reason: e.message }, fileHash);
    const message = (e as Error).message ?? String(e);
    console.error('[import] failed', e);
    const report = baseReport(kind);
    const id = await recordFailed(db, header(kind, fileHash ?? 'unknown', encoding), report, `导入失败：${message.slice(0, 300)}`, Date.now() - t0);
    return result('REJECTED', id, kind, report, { message: `导入失败（数据库未改变）：${message.slice(0, 300)}` });
  }

  // The post-import steps (risk warnings, …) after the commit; the transaction recorded them as pending.
  if (done.status === 'LOADED' && done.batchId !== null) {
    progress({ phase: 'hooks' });
    await testHoldAfterCommit();
    try {
      const steps = await runPostImportSteps(db, done.batchId);
      if (steps.length > 0) done.report.hooks = steps;
    } catch (e) {
      // The data are committed; the steps stay pending in the batch and run on the next start or import.
      console.error('[import] post-import steps failed; they stay pending', e);
      done.report.hooks = [{ name: 'post-import', ok: false, message: `导入后处理未完成（${((e as Error).message ?? '').split('\n').filter(Boolean).pop()?.slice(0, 200)}），将在下次启动或下次导入时自动重做` }];
    }
    // Last, after the facts and what is derived from them: cached page figures are stale from here.
    await bumpDataVersion(db, mode === 'REPLACE' ? 'correction' : 'import');
  }
  progress({ phase: 'done', rows: done.rows });
  done.durationMs = Date.now() - t0;
  return done;
}

interface Ctx {
  mode: ImportMode;
  ref: Awaited<ReturnType<typeof loadReference>>;
  t0: number;
  progress: (p: ImportProgress) => void;
  result: (status: BatchStatus, batchId: number | null, kind: TemplateKind | null, report: BatchReport, extra?: Partial<ImportResult>) => ImportResult;
  format: FileFormat;
  withSheet: (r: BatchReport) => BatchReport;
  encoding: BatchHeader['encoding'];
}

async function importGeneral(
  db: Db, o: ImportOptions,
  c: Ctx & { kind: TemplateKind; fileHash: string; header: (k: TemplateKind | null, h: string, e: BatchHeader['encoding']) => BatchHeader },
): Promise<ImportResult> {
  const tpl = TEMPLATES[c.kind];
  c.progress({ phase: 'read' });
  const opened = await openRecords(o.file, { sheet: o.sheet, encoding: c.encoding ?? undefined });
  const parsed = await parseGeneral(tpl, opened.records, c.ref, (rows) => c.progress({ phase: 'read', rows }));
  const h = c.header(c.kind, c.fileHash, opened.state.encoding);
  const report: BatchReport = c.withSheet({
    template: c.kind, templateName: tpl.name, rows: parsed.dataRows, header: parsed.header,
    ...(parsed.units.length ? { units: parsed.units } : {}), ...(parsed.notes.length ? { notes: parsed.notes } : {}),
  });
  const rejected = async (problems: ProblemList) => {
    const id = await recordRejected(db, h, problems, report, Date.now() - c.t0);
    return c.result('REJECTED', id, c.kind, report, { problems: problems.items.slice(0, 200), problemCount: problems.total, rowsRejected: problems.badRows });
  };
  if (parsed.problems.total > 0) return rejected(parsed.problems);

  c.progress({ phase: 'write', rows: parsed.dataRows });
  try {
    const out = await withBulkWriter(db, async (w) => {
      await lockImports(w);
      const existing = await findLoadedByHash(w, c.fileHash);
      if (existing) throw new AlreadyLoaded(existing);
      const stored = await checkAgainstStored(w, tpl, parsed.rows, c.mode);
      if (stored.total > 0) throw new RejectedInTransaction(stored);
      const batchId = await insertBatch(w, h, 'LOADED');
      const outcome = await writeGeneral(w, tpl, parsed.rows, c.mode, batchId, c.ref);
      const replaced = await recordReplacements(w, batchId, outcome.replacements, async (id, kind) => {
        const t = (TEMPLATES as Record<string, { table: string; category: string }>)[kind];
        if (!t || t.category !== 'fact') return 1;
        const [r] = await w.query<{ n: number }>(`SELECT COUNT(*) AS "n" FROM "${t.table}" WHERE "batchId" = ?`, [id]);
        return Number(r.n);
      });
      const derived: string[] = [];
      if (outcome.rollupPeriods.length > 0) {
        c.progress({ phase: 'derive' });
        for (const [from, to] of monthRuns(outcome.rollupPeriods)) await refreshUtilizationRollup(w, from, to);
        derived.push(`机构级别或所在地变化：重算就诊结算汇总（${describePeriods([...new Set(outcome.rollupPeriods)].sort((a, b) => a - b))}）`);
      }
      const periods = periodsOf(tpl, parsed.rows);
      const years = describeYears(tpl, parsed.rows);
      const regionCodes = [...new Set(parsed.rows.map((r) => r.values.regionCode).filter((x): x is string => typeof x === 'string'))];
      const accepted = parsed.rows.length - outcome.totalsChecked;
      const rep: BatchReport = {
        ...report, written: outcome.written, replaced, updated: outcome.updated || undefined, totalsChecked: outcome.totalsChecked || undefined,
        derived, periods, regionCodes,
      };
      await finishBatch(w, batchId, {
        status: 'LOADED', rowsAccepted: accepted, periodFrom: periods[0] ?? null, periodTo: periods[periods.length - 1] ?? null,
        durationMs: Date.now() - c.t0, report: rep,
        note: `${tpl.name}${fmt(accepted)}行${periods.length ? `（${describePeriods(periods)}）` : years ? `（${years}）` : ''}${outcome.updated ? `，更新已登记${fmt(outcome.updated)}行` : ''}${replaced?.length ? `，替换${replaced.map((r) => `批次#${r.batchId}的${fmt(r.rows)}行`).join('、')}` : ''}`,
      });
      await testHoldInTransaction();
      return { batchId, accepted, rep };
    });
    return c.result('LOADED', out.batchId, c.kind, out.rep, { rowsAccepted: out.accepted });
  } catch (e) {
    if (e instanceof RejectedInTransaction) return rejected(e.problems);
    if (e instanceof AlreadyLoaded) {
      const id = await recordRefused(db, h, e.existing, report);
      return c.result('REFUSED', id, c.kind, report);
    }
    throw e;
  }
}

async function importSettlements(
  db: Db, o: ImportOptions,
  c: Ctx & { fileName: string; importedBy: string; totalBytes: number; fileHash?: string },
): Promise<ImportResult> {
  let csv = o.file;
  let tmp: string | null = null;
  if (c.format === 'XLSX') {
    c.progress({ phase: 'read' });
  }
  try {
    if (c.format === 'XLSX') {
      tmp = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'yibao-xlsx-')), 'settlements.csv');
      await xlsxToCsv(o.file, tmp, o.sheet);
      csv = tmp;
    }
    const r = await loadSettlementFile(db, csv, {
      ref: c.ref,
      encoding: c.format === 'XLSX' ? 'UTF-8' : c.encoding ?? undefined,
      header: { kind: 'SETTLEMENT', fileName: c.fileName, importedBy: c.importedBy, mode: c.mode, format: c.format, fileBytes: c.totalBytes, fileHash: c.fileHash },
      t0: c.t0,
      onProgress: (phase, bytes, rows) => c.progress({ phase, bytes, rows }),
    });
    const h: BatchHeader = { kind: 'SETTLEMENT', fileName: c.fileName, fileHash: r.fileHash, importedBy: c.importedBy, mode: c.mode, format: c.format, encoding: r.scan?.encoding ?? null, fileBytes: c.totalBytes };
    Object.assign(r.report, c.withSheet({ ...r.report }));
    if (r.status === 'REJECTED') {
      r.report.header = [...TEMPLATES.SETTLEMENT.columns.map((x) => x.header)];
      const id = await recordRejected(db, h, r.problems, r.report, Date.now() - c.t0);
      return c.result('REJECTED', id, 'SETTLEMENT', r.report, { problems: r.problems.items.slice(0, 200), problemCount: r.problems.total, rowsRejected: r.problems.badRows });
    }
    if (r.status === 'REFUSED') {
      const id = await recordRefused(db, h, r.existing, r.report);
      return c.result('REFUSED', id, 'SETTLEMENT', r.report);
    }
    r.report.regionCodes = r.regionCodes;
    Object.assign(r.report, c.withSheet({ ...r.report }));
    return c.result('LOADED', r.batchId, 'SETTLEMENT', r.report, { rowsAccepted: r.accepted, rowsSkipped: r.skipped });
  } finally {
    if (tmp) fs.rmSync(path.dirname(tmp), { recursive: true, force: true });
  }
}

/** For crash tests only: holds after the data commit, before the post-import steps, so a test can kill the process there. */
async function testHoldAfterCommit(): Promise<void> {
  const ms = Number(process.env.YIBAO_IMPORT_HOLD_AFTER_COMMIT_MS ?? 0);
  if (ms > 0) {
    process.stderr.write(`[import] committed; holding before the post-import steps for ${ms} ms (crash tests)\n`);
    await new Promise((r) => setTimeout(r, ms));
  }
}

/** How the file was read, for the report: sheet, units converted, values adjusted. */
function readNotes(rep: BatchReport): string {
  const parts: string[] = [];
  if (rep.sheet) parts.push(`读取工作表“${rep.sheet}”${rep.sheets && rep.sheets.length > 1 ? `（共${rep.sheets.length}个工作表）` : ''}`);
  for (const u of rep.units ?? []) parts.push(`“${u.column}”按${u.source}单位“${u.unit}”换算为${u.to}（${u.factor}）`);
  parts.push(...(rep.notes ?? []));
  return parts.length ? `。${parts.join('；')}` : '';
}

function summarize(r: ImportResult): string {
  const name = r.kind ? TEMPLATES[r.kind].name : '文件';
  if (r.status === 'LOADED') {
    const skipped = r.rowsSkipped ? `，跳过已导入或重复的结算${fmt(r.rowsSkipped)}行` : '';
    const replaced = r.report.replaced?.length ? `，替换了${r.report.replaced.map((x) => `批次#${x.batchId}的${fmt(x.rows)}行`).join('、')}` : '';
    return `已导入${name}${fmt(r.rowsAccepted)}行${skipped}${replaced}（批次#${r.batchId}）${readNotes(r.report)}`;
  }
  if (r.status === 'REFUSED') {
    const b = r.report.refusedBecause!;
    return `未导入：与批次#${b.batchId}（${b.fileName}）是同一文件，不重复导入`;
  }
  if (r.report.error) return `未导入：${r.report.error}`;
  const first = r.problems[0];
  return `未导入：发现${fmt(r.problemCount)}处问题，整个文件未写入${first ? `。${describeProblem(r.fileName, first)}` : ''}`;
}
