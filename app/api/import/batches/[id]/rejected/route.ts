// The rejected rows of a batch as CSV (UTF-8 with BOM), to fix and resubmit.
import { getViewer } from '@/lib/auth/viewer';
import { ScopeError } from '@/lib/auth/scope';
import { getImportRejectedRows } from '@/lib/queries/admin';
import { rejectedRowsCsv } from '@/lib/ingest/export';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  const batchId = Number(id);
  if (!Number.isInteger(batchId) || batchId <= 0) return new Response('批次号不正确', { status: 400 });
  let r;
  try {
    r = await getImportRejectedRows(await getViewer(), batchId);
  } catch (err) {
    if (err instanceof ScopeError) return new Response(err.message, { status: 403 });
    throw err;
  }
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
