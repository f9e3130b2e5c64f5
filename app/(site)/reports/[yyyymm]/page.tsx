import ChooseCity from '@/app/(site)/ui/ChooseCity';
import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import ErrorState from '../../ui/ErrorState';
import EmptyState from '../../ui/EmptyState';
import ReportDocument from '../_doc/ReportDocument';
import PrintButton from '../_widgets/PrintButton';
import { requireViewer } from '@/lib/auth/viewer';
import { getDb } from '@/lib/db';
import { formatPeriod } from '@/lib/format';
import { selectedDataset } from '@/lib/queries/context';
import { ScopeError } from '@/lib/queries/scope';
import { canReadEdition, readableEditions } from '@/lib/reports/access';
import { listVersions, versionFigures, versionLabel } from '@/lib/reports/store';
import { gatherReport, ReportError } from '@/lib/reports/gather';
import type { ReportFigures } from '@/lib/reports/types';

export const metadata: Metadata = { title: '月度基金运行分析报告' };
export const dynamic = 'force-dynamic';

type Params = Promise<{ yyyymm: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** One month's report, one edition: with several cities in the warehouse, of the city `city=` selects (or `region=`'s city). */
export default async function ReportPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const sp = await searchParams;
  // Signed-in users only: a missing or forged session goes to /login, never to the 403 page.
  const viewer = await requireViewer();
  const sel = await selectedDataset(sp, viewer);
  if (!sel) return <EmptyState title="尚未装载数据" />;
  const { info, keep } = sel;
  const yyyymm = (await params).yyyymm;
  if (info.level === 'province') return <><header className="page-header"><h1>月度报告</h1></header><ChooseCity info={info} path={`/reports/${encodeURIComponent(yyyymm)}`} page="月度基金运行分析报告" /></>;
  const period = Number(yyyymm);
  if (!/^\d{6}$/.test(String(period)) || period % 100 < 1 || period % 100 > 12) return <ErrorState title="月份无效" message="地址应为 /reports/YYYYMM，例如 /reports/202412。" />;
  const cq = keep.city ? `city=${keep.city}&` : '';
  const editions = readableEditions(viewer, [info.cityCode, ...info.counties.map((c) => c.code)], info.cityCode);
  const region = first(sp.region) ?? editions[0] ?? info.cityCode;
  // A city among several: its own editions only (another city's county is that city's report).
  if (keep.city && region !== info.cityCode && !info.counties.some((c) => c.code === region)) {
    return <ErrorState title="无法生成报告" message={`该地区不属于${info.cityName}。`} />;
  }
  // An edition not the viewer's is the 403 page (the layout refuses it first on a full load: the status).
  if (!canReadEdition(viewer, region, info.cityCode)) forbidden();
  const db = getDb();
  const versions = (await listVersions(db, [region])).filter((v) => v.period === period);
  const vParam = Number(first(sp.v));
  const chosen = Number.isInteger(vParam) && vParam > 0 ? versions.find((v) => v.version === vParam) : undefined;
  let r: ReportFigures;
  try {
    if (chosen) r = (await versionFigures(db, period, region, chosen.version))!;
    else r = await gatherReport(db, viewer.scope, { period, regionCode: region });
  } catch (err) {
    if (err instanceof ReportError || err instanceof ScopeError) return <ErrorState title="无法生成报告" message={err.message} />;
    console.error('[reports] gather', err);
    return <ErrorState message="报告数据加载失败，请稍后重试。" />;
  }
  const nameOf = (code: string) => (code === info.cityCode ? `${info.cityName}（全市）` : info.counties.find((c) => c.code === code)?.name ?? code);
  const label = chosen ? versionLabel(chosen) : '实时数据（未归档）';
  return (
    <>
      <div className="report-toolbar no-print">
        <Link href={keep.city ? `/reports?city=${keep.city}` : '/reports'}>← 月度报告</Link>
        <form method="get" className="report-select">
          {keep.city && <input type="hidden" name="city" value={keep.city} />}
          {editions.length > 1 && (
            <label className="filter-field">地区
              <select name="region" defaultValue={region}>
                {editions.map((c) => <option key={c} value={c}>{nameOf(c)}</option>)}
              </select>
            </label>
          )}
          <label className="filter-field">版本
            <select name="v" defaultValue={chosen ? String(chosen.version) : ''}>
              <option value="">实时数据</option>
              {versions.map((v) => <option key={v.id} value={v.version}>第{v.version}版（{v.generatedAt.toISOString().slice(0, 10)}）</option>)}
            </select>
          </label>
          <button type="submit" className="btn">查看</button>
        </form>
        <div className="report-actions">
          <PrintButton />
          {versions.length > 0 && (() => {
            const v = chosen ?? versions[0];
            return (
              <>
                <a className="btn" href={`/reports/${period}/download?${cq}region=${region}&v=${v.version}&format=pdf`}>下载 PDF（第{v.version}版）</a>
                <a className="btn" href={`/reports/${period}/download?${cq}region=${region}&v=${v.version}&format=docx`}>下载 DOCX（第{v.version}版）</a>
              </>
            );
          })()}
        </div>
        {!chosen && versions.length === 0 && <p className="report-hint">{formatPeriod(period)}的报告尚未归档；归档后可下载 PDF 与 DOCX。</p>}
      </div>
      <ReportDocument r={r} meta={{ versionLabel: label }} />
    </>
  );
}
