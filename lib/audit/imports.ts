// The audit event of an import or correction, loaded or not (a rejected or failed import leaves a record too).
import type { Db } from '@/lib/db';
import type { ImportResult } from '@/lib/ingest';
import { recordAudit, type AuditActor } from './record';

/** IMPORT / IMPORT_CORRECTION when loaded, IMPORT_FAILED otherwise (rejected, refused, or an exception). */
export async function auditImport(db: Db, actor: AuditActor, file: { fileName: string; mode: 'APPEND' | 'REPLACE'; ip?: string | null; via?: string }, outcome: ImportResult | Error): Promise<void> {
  if (outcome instanceof Error) {
    await recordAudit(db, { actor, action: 'IMPORT_FAILED', target: `file:${file.fileName}`, detail: `${file.via ?? ''}导入失败：${outcome.message.slice(0, 300)}`, ip: file.ip });
    return;
  }
  const r = outcome;
  const loaded = r.status === 'LOADED';
  await recordAudit(db, {
    actor,
    action: loaded ? (file.mode === 'REPLACE' ? 'IMPORT_CORRECTION' : 'IMPORT') : 'IMPORT_FAILED',
    target: r.batchId ? `batch:${r.batchId}` : `file:${file.fileName}`,
    after: { batchId: r.batchId, kind: r.kind, status: r.status, mode: file.mode, rowsAccepted: r.rowsAccepted, rowsRejected: r.rowsRejected, rowsSkipped: r.rowsSkipped },
    detail: `${file.via ?? ''}${file.fileName}：${r.message}`.slice(0, 2000),
    ip: file.ip,
  });
}
