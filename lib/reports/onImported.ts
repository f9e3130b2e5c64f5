// After an import completes a month for every county of a city (or corrects a complete month), that city's
// editions of the month are generated and archived (a new version only where figures changed). A post-import step
// (lib/ingest/postImport.ts), after the risk warnings so the report states the re-evaluated warnings. It
// only starts the generator process: the import does not wait for the PDFs.
import type { Db } from '../db';
import { completeMonthsByCity } from './months';
import { startReportJob } from './jobs';

/** Off with REPORTS_AFTER_IMPORT=0; off in unit tests (VITEST) unless REPORTS_AFTER_IMPORT=1. */
export function reportsAfterImportEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.REPORTS_AFTER_IMPORT === '0') return false;
  return !env.VITEST || env.REPORTS_AFTER_IMPORT === '1';
}

/**
 * Starts report generation for the months (YYYYMM) an import completed, one job per city (its city and
 * county editions of the months complete for it); returns at once.
 */
export async function reportsAfterImport(db: Db, { batchId, periods, importedBy, fileName }: { batchId: number; periods: number[]; importedBy: string; fileName: string }): Promise<void> {
  if (!reportsAfterImportEnabled()) return;
  for (const city of await completeMonthsByCity(db, periods)) {
    await startReportJob(db, { periods: city.months, regionCodes: city.codes, cityCode: city.cityCode, trigger: 'IMPORT', by: `${importedBy}（导入 ${fileName}，批次 ${batchId}）` });
  }
}
