import 'server-only';
// Reads of the 管理 pages (import batches, their problems and rejected rows), each checking who is asking:
// import records name files, people and rejected source rows, so only an administrator (role 'admin',
// city scope) may read them; anyone else is refused with ScopeError.
import { getDb } from '../../db';
import { ScopeError } from '../../auth/scope';
import type { Viewer } from '../../auth/viewer';
import { getBatch, getRejectedRows, listBatches, type BatchDetail, type BatchListItem } from '../../ingest/history';

/** Throws ScopeError unless the viewer may read import records (管理员 with city scope). */
export function requireImportReader(viewer: Pick<Viewer, 'scope' | 'role'>): void {
  if (viewer.scope.kind !== 'city' || viewer.role !== 'admin') throw new ScopeError('导入记录仅对管理员开放');
}

/** The newest import batches (at most `limit`) and how many there are. */
export async function getImportBatches(viewer: Viewer, opts: { limit?: number } = {}): Promise<{ items: BatchListItem[]; total: number }> {
  requireImportReader(viewer);
  return listBatches(getDb(), opts);
}

/** One batch with its report and first problems; null when there is no such batch. */
export async function getImportBatch(viewer: Viewer, id: number): Promise<BatchDetail | null> {
  requireImportReader(viewer);
  return getBatch(getDb(), id);
}

/** A batch's rejected rows (for the CSV download); null when there is no such batch. */
export async function getImportRejectedRows(viewer: Viewer, batchId: number): ReturnType<typeof getRejectedRows> {
  requireImportReader(viewer);
  return getRejectedRows(getDb(), batchId);
}
