import 'server-only';
// Reads of the 管理 pages (import batches, their problems and rejected rows), each checking who is asking:
// import records name files, people and rejected source rows, so only the city level (市医保局, 管理员)
// may read them; a county user or the public is refused with ScopeError.
// TODO(login): once sessions carry roles (lib/auth/viewer), narrow this to role 'admin'.
import { getDb } from '../../db';
import { ScopeError } from '../../auth/scope';
import type { Viewer } from '../../auth/viewer';
import { getBatch, getRejectedRows, listBatches, type BatchDetail, type BatchListItem } from '../../ingest/history';

/** Throws ScopeError unless the viewer may read import records (city scope: 市医保局 or 管理员). */
export function requireImportReader(viewer: Pick<Viewer, 'scope' | 'role'>): void {
  if (viewer.scope.kind !== 'city' || (viewer.role !== 'city' && viewer.role !== 'admin')) throw new ScopeError('导入记录仅对市医保局和管理员开放');
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
