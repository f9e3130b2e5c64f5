// After an import completes a month for every county (or corrects a complete month), that month's reports
// are generated and archived (a new version only where figures changed). A post-import step
// (lib/ingest/postImport.ts), after the risk warnings so the report states the re-evaluated warnings. It
// only starts the generator process: the import does not wait for the PDFs.
import type { Db } from '../db';
import { completeMonths } from './months';
import { startReportJob } from './jobs';

/** Off with REPORTS_AFTER_IMPORT=0; off in unit tests (VITEST) unless REPORTS_AFTER_IMPORT=1. */
export function reportsAfterImportEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.REPORTS_AFTER_IMPORT === '0') return false;
  return !env.VITEST || env.REPORTS_AFTER_IMPORT === '1';
}

/** Starts report generation for the months (YYYYMM) an import completed; returns at once. */
export async function reportsAfterImport(db: Db, { batchId, periods, importedBy, fileName }: { batchId: number; periods: number[]; importedBy: string; fileName: string }): Promise<void> {
  if (!reportsAfterImportEnabled()) return;
  const months = await completeMonths(db, periods);
  if (!months.length) return;
  await startReportJob(db, { periods: months, trigger: 'IMPORT', by: `${importedBy}（导入 ${fileName}，批次 ${batchId}）` });
}
