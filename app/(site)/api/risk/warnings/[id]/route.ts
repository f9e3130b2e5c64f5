// One warning's details for the 风险预警 list, fetched when a row is opened (lib/queries/risk/getWarningDetail):
// any signed-in user within their scope — a county user only their own county's warnings, a city user bound
// to a city only that city's (403 otherwise).
import { viewerFor } from '@/lib/auth/viewer';
import { getDb } from '@/lib/db';
import { parseRecordId } from '@/lib/params';
import { loadWarningDetail } from '@/lib/queries/risk/getWarningDetail';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// Per viewer and always current (the handling history moves with every step): never kept by anyone.
const NO_STORE = { 'Cache-Control': 'private, no-store' };

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const viewer = await viewerFor();
  if (viewer instanceof Response) return viewer;
  const id = parseRecordId((await params).id);
  if (id === null) return Response.json({ error: '预警编号无效' }, { status: 404, headers: NO_STORE });
  const r = await loadWarningDetail(getDb(), viewer.scope, id);
  if (r.kind === 'not-found') return Response.json({ error: '找不到该预警' }, { status: 404, headers: NO_STORE });
  if (r.kind === 'forbidden') return Response.json({ error: '无权查看其他地区的预警' }, { status: 403, headers: NO_STORE });
  return Response.json(r.detail, { headers: NO_STORE });
}
