// Imports started from the admin page run in the server process after the upload request has returned;
// the page polls their progress here. The registry lives on globalThis (one per server process, kept
// across Next's dev reloads); finished jobs are forgotten after an hour — the batch history has them.
import 'server-only';
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { Db } from '../db';
import { importFile, PHASE_LABELS, type ImportOptions, type ImportPhase, type ImportResult } from './index';
import { describeProblem } from './problems';
import { auditImport } from '../audit/imports';
import type { AuditActor } from '../audit/record';
import { holdWhile } from '../auth/throttle';

export interface ImportJobView {
  id: string;
  fileName: string;
  state: 'running' | 'done' | 'failed';
  phase: ImportPhase;
  phaseLabel: string;
  /** 0..1 within the reading phase (bytes read / file size), null when unknown. */
  fraction: number | null;
  rows: number;
  startedAt: string;
  result?: {
    batchId: number | null;
    status: string;
    message: string;
    problems: string[];
    problemCount: number;
    rowsAccepted: number;
    rowsSkipped: number;
  };
  error?: string;
}

interface Job extends ImportJobView {
  finishedAt?: number;
}

const jobs = ((globalThis as { __yibaoImportJobs?: Map<string, Job> }).__yibaoImportJobs ??= new Map());
const KEEP_MS = 60 * 60 * 1000;

function prune() {
  const now = Date.now();
  for (const [id, j] of jobs) if (j.finishedAt && now - j.finishedAt > KEEP_MS) jobs.delete(id);
}

/** Starts an import of an uploaded file (deleted afterwards) and returns the job id at once; the outcome
 * (loaded, rejected or failed) goes to the audit trail as `audit.actor`. Imports hold the 'import' lock
 * (lib/auth/throttle) while they run. */
export function startImportJob(db: Db, opts: ImportOptions & { fileName: string; audit?: { actor: AuditActor; ip?: string | null } }): string {
  prune();
  const id = randomUUID();
  const job: Job = { id, fileName: opts.fileName, state: 'running', phase: 'detect', phaseLabel: PHASE_LABELS.detect, fraction: null, rows: 0, startedAt: new Date().toISOString() };
  jobs.set(id, job);
  const { audit, ...importOpts } = opts;
  const record = (o: ImportResult | Error) =>
    audit ? auditImport(db, audit.actor, { fileName: opts.fileName, mode: opts.mode ?? 'APPEND', ip: audit.ip, via: '管理页面上传 ' }, o).catch((e) => console.error('[import job] audit', e)) : Promise.resolve();
  const run = (async () => {
    try {
      const r: ImportResult = await importFile(db, {
        ...importOpts,
        onProgress: (p) => {
          job.phase = p.phase;
          job.phaseLabel = PHASE_LABELS[p.phase];
          job.fraction = p.bytes !== undefined && p.totalBytes ? Math.min(1, p.bytes / p.totalBytes) : job.fraction;
          if (p.rows !== undefined) job.rows = p.rows;
        },
      });
      job.result = {
        batchId: r.batchId, status: r.status, message: r.message, problemCount: r.problemCount,
        problems: r.problems.slice(0, 5).map((p) => describeProblem(r.fileName, p)), rowsAccepted: r.rowsAccepted, rowsSkipped: r.rowsSkipped,
      };
      await record(r);
      job.state = 'done';
      job.phase = 'done';
      job.phaseLabel = PHASE_LABELS.done;
    } catch (e) {
      console.error('[import job] failed', e);
      await record(e as Error);
      job.state = 'failed';
      // No file paths or stack in what the browser sees (the log has them).
      job.error = `导入失败：${((e as Error).message ?? '未知错误').replace(/(?:[A-Za-z]:)?[\\/][^\s'"，。）)]+/g, '…').slice(0, 300)}`;
    } finally {
      job.finishedAt = Date.now();
      fs.rm(opts.file, { force: true }, () => {});
    }
  })();
  holdWhile('import', run);
  return id;
}

export function getImportJob(id: string): ImportJobView | null {
  const j = jobs.get(id);
  if (!j) return null;
  const { finishedAt: _f, ...view } = j;
  return view;
}
