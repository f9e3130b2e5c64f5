// Download of an archived report file: /reports/202412/download?region=439923&v=2&format=pdf|docx.
// The viewer must be allowed the edition (lib/reports/access): county users only their own county's, a city
// user bound to a city only that city's. With several cities in the warehouse, `city=` (or the region's city)
// names the edition's city.
import { getViewer } from '@/lib/auth/viewer';
import { getDb } from '@/lib/db';
import { formatPeriod } from '@/lib/format';
import { loadDatasetInfo } from '@/lib/queries/meta/getDatasetInfo';
import { canReadEdition, cityOfAmong } from '@/lib/reports/access';
import { cityForRoute } from '@/lib/regions/selectCity';
import { latestVersion, versionFile } from '@/lib/reports/store';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const TYPES = { pdf: 'application/pdf', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' } as const;

export async function GET(req: Request, { params }: { params: Promise<{ yyyymm: string }> }): Promise<Response> {
  const viewer = await getViewer();
  const period = Number((await params).yyyymm);
  const url = new URL(req.url);
  const format = url.searchParams.get('format') === 'docx' ? 'docx' : 'pdf';
  const db = getDb();
  const all = await loadDatasetInfo(db);
  if (!all || !Number.isInteger(period)) return new Response('未找到报告', { status: 404 });
  // Several cities: the edition's city from `city=` or the `region=` county's (a county user: its own; another
  // city is a 403); without either the province level has no edition of its own: 409.
  const city = cityForRoute(all.cities, Object.fromEntries(url.searchParams), viewer.scope);
  if (city instanceof Response) return city;
  const info = city && city !== all.cityCode ? await loadDatasetInfo(db, city) : all;
  if (!info) return new Response('未找到报告', { status: 404 });
  const region = url.searchParams.get('region') ?? (viewer.scope.kind === 'county' ? viewer.scope.regionCode : info.cityCode);
  if (city && region !== info.cityCode && !info.counties.some((c) => c.code === region)) return new Response('该地区不属于所选地市', { status: 404 });
  if (!canReadEdition(viewer, region, info.cityCode, cityOfAmong(all.cities))) return new Response('无权下载该地区的月度报告', { status: 403 });
  const v = url.searchParams.get('v');
  const version = v ? Number(v) : (await latestVersion(db, period, region))?.version;
  if (!version || !Number.isInteger(version)) return new Response('该月尚未生成归档报告', { status: 404 });
  const bytes = await versionFile(db, period, region, version, format);
  if (!bytes) return new Response('未找到该版本', { status: 404 });
  const name = region === info.cityCode ? `${info.cityName}` : info.counties.find((c) => c.code === region)?.name ?? region;
  const file = `${name}${formatPeriod(period)}基金运行分析报告-第${version}版.${format}`;
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': TYPES[format],
      'Content-Disposition': `attachment; filename="report-${period}-${region}-v${version}.${format}"; filename*=UTF-8''${encodeURIComponent(file)}`,
      'Cache-Control': 'private, no-store',
    },
  });
}
