// Progress of an import started from the admin page (polled by the upload form). Admins only.
import { getImportJob } from '@/lib/ingest/jobs';
import { viewerFor } from '@/lib/auth/viewer';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const viewer = await viewerFor(['admin']);
  if (viewer instanceof Response) return viewer;
  const { id } = await params;
  const job = getImportJob(id);
  if (!job) return Response.json({ error: '找不到该导入任务（服务可能已重启），请在导入批次中查看结果' }, { status: 404 });
  return Response.json(job, { headers: { 'Cache-Control': 'no-store' } });
}
