// The steps that follow an import's data commit, in order, as one explicit list (issue 12 §8). Derived
// tables that must never disagree with the facts (the utilization rollups) are rebuilt INSIDE the import
// transaction (general.ts, settlement/load.ts); what follows the commit is listed here.
//
// Durable: the import transaction writes the names of these steps into ImportBatch.pendingSteps together
// with the data. After the commit each step runs and is struck off the list when it succeeds. If the
// process dies in between (or a step fails), the steps still listed run on the next start
// (scripts/prepare-db.ts, instrumentation.ts) or before the next import (resumePendingSteps).
//
// To add a step, append it to POST_IMPORT_STEPS: it runs after the ones before it, for every import, and
// is resumed the same way. A step must be safe to run twice (it may have run before a crash was noticed).
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import type { Db } from '../db';
import type { TemplateKind } from './templates';
import type { BatchReport, ImportMode } from './batch';
import { evaluateAfterImport } from '../risk/evaluate';
import { reportsAfterImport } from '../reports/onImported';
import { maintainRollups, ROLLUP_KINDS } from '../warehouse/rollup';

export interface PostImportContext {
  db: Db;
  batchId: number;
  kind: TemplateKind;
  mode: ImportMode;
  /** Months (YYYYMM) whose facts changed, ascending. Yearly templates give all twelve months of each year. */
  periods: number[];
  /** Regions whose facts changed (empty when the template has no region, e.g. institutions). */
  regionCodes: string[];
  /** Who imported and which file (for audit trails of the steps). */
  importedBy: string;
  fileName: string;
}

export interface PostImportStep {
  name: string;
  /** Shown in the import report (Chinese). */
  label: string;
  run(ctx: PostImportContext): Promise<void>;
}

/** The post-import steps, in the order they run. */
export const POST_IMPORT_STEPS: PostImportStep[] = [
  {
    // First, so the risk evaluation and the first page views after the import already read the rebuilt
    // rollups through their covering index (lib/warehouse/rollup maintainRollups; nothing on SQLite).
    name: 'rollup-maintenance',
    label: '整理就诊汇总表',
    async run({ db, kind }) {
      if (ROLLUP_KINDS.includes(kind)) await maintainRollups(db);
    },
  },
  {
    // 基金风险预警 are re-evaluated after every import (and on demand). In a warehouse of several cities only
    // the cities whose pools the import changed (lib/risk/evaluate citiesChangedByImport): each city's rules
    // read its own rows only, so the others' warnings cannot change.
    name: 'risk-warnings',
    label: '重新评估基金风险预警',
    async run({ db, kind, periods, regionCodes, importedBy, fileName }) {
      await evaluateAfterImport(db, { kind, regionCodes, periods }, { trigger: 'IMPORT', actor: `${importedBy}（导入 ${fileName}）` });
    },
  },
  {
    // 月度基金运行分析报告 of each month the import completed for every county (after the warnings, which the
    // report states). Starts the generator process and returns: the import does not wait for the PDFs.
    name: 'monthly-reports',
    label: '生成月度报告',
    async run({ db, batchId, periods, importedBy, fileName }) {
      await reportsAfterImport(db, { batchId, periods, importedBy, fileName });
    },
  },
];

/** The names written into ImportBatch.pendingSteps by the import transaction. */
export function postImportStepNames(): string[] {
  return POST_IMPORT_STEPS.map((s) => s.name);
}

export interface StepOutcome {
  name: string;
  label?: string;
  ok: boolean;
  message?: string;
  /** True when the step ran on a later start (after a crash) rather than right after the import. */
  resumed?: boolean;
}

const parseList = (s: string | null): string[] => {
  if (!s) return [];
  try {
    const v = JSON.parse(s);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
};

/**
 * Runs the steps still pending for one batch, in list order, each struck off (and its outcome written to
 * the batch report) as it succeeds. A failing step stays pending and is reported; later steps still run.
 * Returns the outcomes of the steps run now.
 */
export async function runPostImportSteps(db: Db, batchId: number, opts: { resumed?: boolean } = {}): Promise<StepOutcome[]> {
  const b = await db.prisma.importBatch.findUnique({ where: { id: batchId } });
  if (!b) return [];
  let pending = parseList(b.pendingSteps);
  if (pending.length === 0) return [];
  const report = (b.report ? JSON.parse(b.report) : {}) as BatchReport;
  const ctx: PostImportContext = {
    db, batchId, kind: b.kind as TemplateKind, mode: b.mode as ImportMode, periods: report.periods ?? [], regionCodes: report.regionCodes ?? [],
    importedBy: b.importedBy, fileName: b.fileName,
  };
  const out: StepOutcome[] = [];
  for (const step of POST_IMPORT_STEPS) {
    if (!pending.includes(step.name)) continue;
    let outcome: StepOutcome;
    try {
      await step.run(ctx);
      outcome = { name: step.name, label: step.label, ok: true, ...(opts.resumed ? { resumed: true } : {}) };
      pending = pending.filter((n) => n !== step.name);
    } catch (err) {
      console.error(`[import] post-import step ${step.name} failed for batch ${batchId}`, err);
      outcome = { name: step.name, label: step.label, ok: false, message: (err as Error).message?.slice(0, 300), ...(opts.resumed ? { resumed: true } : {}) };
    }
    out.push(outcome);
    report.hooks = [...(report.hooks ?? []).filter((h) => h.name !== step.name), outcome];
    await db.prisma.importBatch.update({
      where: { id: batchId },
      data: { pendingSteps: pending.length ? JSON.stringify(pending) : null, report: JSON.stringify(report) },
    });
  }
  // Names no longer in the list (a step removed in a newer version) do not stay pending forever.
  const known = new Set(POST_IMPORT_STEPS.map((s) => s.name));
  if (pending.some((p) => !known.has(p))) {
    pending = pending.filter((p) => known.has(p));
    await db.prisma.importBatch.update({ where: { id: batchId }, data: { pendingSteps: pending.length ? JSON.stringify(pending) : null } });
  }
  return out;
}

/**
 * Runs the steps left pending by imports whose process died after the data commit (or whose step failed),
 * oldest batch first. Called on start and before each import. Returns the batches resumed.
 */
export async function resumePendingSteps(db: Db): Promise<{ batchId: number; outcomes: StepOutcome[] }[]> {
  const batches = await db.prisma.importBatch.findMany({ where: { pendingSteps: { not: null } }, select: { id: true }, orderBy: { id: 'asc' } });
  const out: { batchId: number; outcomes: StepOutcome[] }[] = [];
  for (const b of batches) out.push({ batchId: b.id, outcomes: await runPostImportSteps(db, b.id, { resumed: true }) });
  return out;
}

/** Upload temp files left by a server that died mid-import (older than a day: no live import owns them). */
export function sweepStaleUploads(maxAgeMs = 24 * 3600 * 1000): number {
  let removed = 0;
  try {
    const dir = os.tmpdir();
    for (const f of fs.readdirSync(dir)) {
      if (!/^yibao-(upload|xlsx|keys)-/.test(f)) continue;
      const p = path.join(dir, f);
      try {
        if (Date.now() - fs.statSync(p).mtimeMs > maxAgeMs) { fs.rmSync(p, { recursive: true, force: true }); removed++; }
      } catch { /* gone meanwhile */ }
    }
  } catch { /* no tmp dir */ }
  return removed;
}
