// The rejected rows of a batch as CSV (UTF-8 with BOM), to fix and resubmit. Admins only (rows may hold
// personal and institution detail).
import { viewerFor } from '@/lib/auth/viewer';
import { getImportRejectedRows } from '@/lib/queries/admin';
import { rejectedRowsCsv } from '@/lib/ingest/export';
import { parseRecordId } from '@/lib/params';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const viewer = await viewerFor(['admin']);
  if (viewer instanceof Response) return viewer;
  const { id } = await params;
  const batchId = parseRecordId(id);
  if (batchId === null) return new Response('批次号不正确', { status: 400 });
  const r = await getImportRejectedRows(viewer, batchId);
  if (!r) return new Response('没有这个批次', { status: 404 });
  const base = r.fileName.replace(/\.[^.]+$/, '');
  const name = `批次${batchId}-被拒绝的行-${base}.csv`;
  return new Response(new Uint8Array(rejectedRowsCsv(r.header, r.rows)), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="batch-${batchId}-rejected.csv"; filename*=UTF-8''${encodeURIComponent(name)}`,
      'Cache-Control': 'no-store',
    },
  });
}
