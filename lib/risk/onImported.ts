// Warnings are re-evaluated after every import.
// Registered with the import pipeline's subscriber list (lib/ingest/subscribers.ts imports this module);
// runs after the import commits, so a failure here never undoes an import (it is reported on the batch).
import 'server-only';
import { onImported } from '../ingest/hooks';
import { evaluateWarnings } from './evaluate';

onImported('risk-warnings', async ({ db, batchId, periods }) => {
  const batch = await db.prisma.importBatch.findUnique({ where: { id: batchId }, select: { importedBy: true, fileName: true } });
  await evaluateWarnings(db, {
    trigger: 'IMPORT',
    actor: batch ? `${batch.importedBy}（导入 ${batch.fileName}）` : `导入批次 ${batchId}`,
    periods,
  });
});
