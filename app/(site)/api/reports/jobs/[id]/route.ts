// Progress of a report generation run (polled by the /reports page). City analysts and admins only; a city
// user bound to a city, that city's jobs only (another city's is 404, as if it did not exist).
import { getViewer } from '@/lib/auth/viewer';
import { getDb } from '@/lib/db';
import { canGenerate, jobCity } from '@/lib/reports/access';
import { getReportJob } from '@/lib/reports/jobs';
import { loadPools } from '@/lib/reports/months';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const viewer = await getViewer();
  if (!canGenerate(viewer)) return Response.json({ error: '无权查看报告生成任务' }, { status: 403 });
  const id = Number((await params).id);
  const db = getDb();
  const job = Number.isInteger(id) ? await getReportJob(db, id, jobCity(viewer, await loadPools(db))) : null;
  if (!job) return Response.json({ error: '找不到该报告生成任务' }, { status: 404 });
  return Response.json(job, { headers: { 'Cache-Control': 'no-store' } });
}
