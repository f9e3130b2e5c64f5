// XLSX export of the 考核 page (计分卡, 计分依据, 考核方案, 发布后差异) for a year. The viewer is asked on the server:
// the city gets every county; a county user its own evidence and the other counties' published scores only
// (the same rows the page shows); the public is refused. With several cities in the warehouse, `city=` selects one.
import { getViewer } from '@/lib/auth/viewer';
import { getDb } from '@/lib/db';
import { loadDatasetInfo } from '@/lib/queries/meta/getDatasetInfo';
import { getAssessment } from '@/lib/queries/assessment/getAssessment';
import { parseAssessmentParams } from '@/lib/queries/assessment/params';
import { ScopeError } from '@/lib/queries/scope';
import { cityForRoute } from '@/lib/regions/selectCity';
import { assessmentWorkbook } from './workbook';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(req: Request): Promise<Response> {
  const viewer = await getViewer();
  const url = new URL(req.url);
  const all = await loadDatasetInfo(getDb());
  if (!all) return new Response('尚未装载数据', { status: 404 });
  // Several cities: `city=` names whose counties (a county user: its own city; another is a 403). Without a
  // city the province level has no counties to score: 409, as the page asks to choose one.
  const city = cityForRoute(all.cities, Object.fromEntries(url.searchParams), viewer.scope);
  if (city instanceof Response) return city;
  const info = city && city !== all.cityCode ? await loadDatasetInfo(getDb(), city) : all;
  if (!info) return new Response('尚未装载数据', { status: 404 });
  const f = parseAssessmentParams(Object.fromEntries(url.searchParams), info.years, info.counties.map((c) => c.code));
  try {
    const view = await getAssessment(viewer.scope, viewer.role, info, f.year, null);
    const names = new Map(info.counties.map((c) => [c.code, c.name]));
    const body = await assessmentWorkbook(view, names, view.detailResults);
    const name = encodeURIComponent(`${info.cityName}${f.year}年县级医保工作考核.xlsx`);
    return new Response(new Uint8Array(body), {
      headers: {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="assessment-${f.year}.xlsx"; filename*=UTF-8''${name}`,
        'cache-control': 'no-store',
      },
    });
  } catch (e) {
    if (e instanceof ScopeError) return new Response(e.message, { status: 403 });
    console.error('[assessment] export', e);
    return new Response('导出失败', { status: 500 });
  }
}
