// After an import completes a month for every county (or corrects a complete month), that month's reports
// are generated and archived (a new version only where figures changed). Registered with the import
// pipeline's subscribers (lib/ingest/subscribers.ts), after the risk warnings so the report states the
// re-evaluated warnings. It only starts the generator process: the import does not wait for the PDFs.
import { onImported } from '../ingest/hooks';
import { completeMonths } from './months';
import { startReportJob } from './jobs';

/** Off with REPORTS_AFTER_IMPORT=0; off in unit tests (VITEST) unless REPORTS_AFTER_IMPORT=1. */
export function reportsAfterImportEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.REPORTS_AFTER_IMPORT === '0') return false;
  return !env.VITEST || env.REPORTS_AFTER_IMPORT === '1';
}

onImported('monthly-reports', async ({ db, batchId, periods }) => {
  if (!reportsAfterImportEnabled()) return;
  const months = await completeMonths(db, periods);
  if (!months.length) return;
  const batch = await db.prisma.importBatch.findUnique({ where: { id: batchId }, select: { importedBy: true, fileName: true } });
  await startReportJob(db, { periods: months, trigger: 'IMPORT', by: batch ? `${batch.importedBy}（导入 ${batch.fileName}）` : `导入批次 ${batchId}` });
});
