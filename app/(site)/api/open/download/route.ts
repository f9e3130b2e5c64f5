// GET /api/open/download?year=&scheme=&chart=&format=csv|csv-gbk|xlsx[&code=] — the table of one chart of
// the public report, exactly as the page shows it (same cells, same suppression). Anonymous: it reads
// only published releases through the public scope and never asks who is visiting.
import { NextResponse, type NextRequest } from 'next/server';
import { getOpenView } from '@/lib/open/data';
import { buildOpenDownload, OPEN_DOWNLOAD_FORMATS, type OpenDownloadFormat } from '@/lib/open/export';
import { OPEN_SCHEMES } from '@/lib/open/types';
import { formatPeriod } from '@/lib/format';
import type { SchemeFilter } from '@/lib/domain/codes';

function bad(message: string, status = 400) {
  return new NextResponse(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

export async function GET(req: NextRequest) {
  const q = req.nextUrl.searchParams;
  const year = Number(q.get('year'));
  const scheme = (q.get('scheme') ?? 'ALL').toUpperCase() as SchemeFilter;
  const format = (q.get('format') ?? 'csv') as OpenDownloadFormat;
  const code = q.get('code');
  const chartId = q.get('chart') ?? '';
  if (!Number.isInteger(year) || year < 2000 || year > 2100) return bad('参数 year 无效：应为四位年份');
  if (!OPEN_SCHEMES.includes(scheme)) return bad(`参数 scheme 无效：应为 ${OPEN_SCHEMES.join('、')} 之一`);
  if (!OPEN_DOWNLOAD_FORMATS.includes(format)) return bad(`参数 format 无效：应为 ${OPEN_DOWNLOAD_FORMATS.join('、')} 之一`);
  if (code !== null && !/^[0-9A-Za-z]{6}$/.test(code)) return bad('参数 code 无效：应为6位地区代码');
  const r = await getOpenView({ code: code ? code.toUpperCase() : null, year, scheme });
  if (!r) return bad('未找到该地区或年度已发布的公开报告', 404);
  const chart = r.view.sections.flatMap((s) => s.charts).find((c) => c.id === chartId);
  if (!chart) return bad(`该报告中没有图表 ${chartId}`, 404);
  const v = r.view;
  const source = `数据来源：${v.cityName}医疗保障局；${v.year}年度公开报告第${v.release.version}版，${v.release.publishedAt.slice(0, 10)}发布${v.release.dataThrough ? `，数据截至${formatPeriod(v.release.dataThrough)}` : ''}${v.isDemo ? '；演示数据，数字均为虚构' : ''}`;
  const file = await buildOpenDownload(chart, v.rule, source, format);
  const name = `${chart.title}${format === 'csv-gbk' ? '_GBK' : ''}.${file.ext}`.replace(/[\\/:*?"<>|\s]+/g, '_');
  return new NextResponse(new Uint8Array(file.body), {
    headers: {
      'Content-Type': file.mime,
      'Content-Disposition': `attachment; filename="${chart.id}.${file.ext}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      'Cache-Control': 'public, max-age=300',
    },
  });
}
