// The 基金可持续性 panel's data (the fund's monthly history the browser simulates on, the server's figures
// shown until then, the lever context), fetched when the panel comes into view on 风险预警 instead of
// travelling inside every rendering of the page. Any signed-in user (the city-wide fund, as on the page);
// `city=<code>` names the city when the warehouse holds several.
import { viewerFor } from '@/lib/auth/viewer';
import { getDatasetInfo } from '@/lib/queries/meta/getDatasetInfo';
import { getSustainability } from '@/lib/queries/risk/getSustainability';
import { sustainabilityPanelData } from '@/lib/queries/risk/sustainabilityPanel';
import { ScopeError } from '@/lib/queries/scope';
import { selectCity } from '@/lib/regions/selectCity';
import { poolCodes } from '@/lib/regions/pools';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const NO_STORE = { 'Cache-Control': 'private, no-store' };
const SCHEMES = ['EMPLOYEE', 'RESIDENT', 'MATERNITY'] as const;

export async function GET(req: Request): Promise<Response> {
  const viewer = await viewerFor();
  if (viewer instanceof Response) return viewer;
  const scheme = SCHEMES.find((s) => s === new URL(req.url).searchParams.get('scheme'));
  if (!scheme) return Response.json({ error: '未知的险种' }, { status: 400, headers: NO_STORE });
  try {
    // With several cities, one city's pool (`city=`, as the page's): without one the cities' pools would be
    // mixed, so that is refused (409). A county user naming another city: ScopeError, 403.
    const info = await getDatasetInfo();
    const city = info ? selectCity(info.cities, Object.fromEntries(new URL(req.url).searchParams), viewer.scope) : null;
    if (info && info.cities.length > 1 && !city) return Response.json({ error: '本库含多个地市，请指定地市（city=）' }, { status: 409, headers: NO_STORE });
    const pool = city ? poolCodes(info!.cities, city) : null;
    const data = await getSustainability(viewer.scope, scheme, pool);
    if (!data) return Response.json({ error: '不足36个月的连续收支数据，无法做随机预测' }, { status: 404, headers: NO_STORE });
    return Response.json(sustainabilityPanelData(data), { headers: NO_STORE });
  } catch (err) {
    if (err instanceof ScopeError) return Response.json({ error: err.message }, { status: 403, headers: NO_STORE });
    throw err;
  }
}
