import ChooseCity from '@/app/(site)/ui/ChooseCity';
import type { Metadata } from 'next';
import EmptyState from '../../ui/EmptyState';
import ErrorState from '../../ui/ErrorState';
import EvidenceSheet from '../_widgets/EvidenceSheet';
import PrintButton from '../_widgets/PrintButton';
import { requireRegionAccess, requireViewer } from '@/lib/auth/viewer';
import { selectedDataset } from '@/lib/queries/context';
import { getAssessment } from '@/lib/queries/assessment/getAssessment';
import { parseAssessmentParams } from '@/lib/queries/assessment/params';
import { ScopeError } from '@/lib/queries/scope';

export const metadata: Metadata = { title: '考核计分表（打印）' };

/** Print layout of one county's evidence sheet (A4): the same sheet as on /assessment, without the rest. */
export default async function AssessmentPrintPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer();
  const params = await searchParams;
  // With several cities in the warehouse, `city=` selects whose counties (province level: 请选择地市).
  const sel = await selectedDataset(params, viewer);
  if (!sel) return <EmptyState title="尚未装载数据" />;
  const { info, keep } = sel;
  if (info.level === 'province') return <><header className="page-header"><h1>考核</h1></header><ChooseCity info={info} path="/assessment" page="县级医保工作考核" /></>;
  const cq = keep.city ? `city=${keep.city}&` : '';
  const f = parseAssessmentParams(params, info.years, info.counties.map((c) => c.code));
  // Another county's evidence sheet is not a county user's to see: the 403 page.
  if (f.county) await requireRegionAccess(viewer, f.county);
  let view: Awaited<ReturnType<typeof getAssessment>>;
  try {
    view = await getAssessment(viewer.scope, viewer.role, info, f.year, f.county);
  } catch (e) {
    if (e instanceof ScopeError) return <ErrorState message={e.message} />;
    throw e;
  }
  if (!view.evidence) return <EmptyState title="请选择县（市、区）" reason={`请在${info.cityName}的考核页计分依据中选择县（市、区）后点击“打印版”。`} />;
  return (
    <article data-testid="print-sheet">
      <p className="no-print" style={{ display: 'flex', gap: 8 }}>
        <a className="btn" href={`/assessment?${cq}year=${f.year}&county=${view.evidence.code}#sheet`}>返回考核页</a>
        <PrintButton />
      </p>
      <h1 style={{ fontSize: '1.3rem' }}>{info.cityName}{f.year}年度县级医保工作考核计分表</h1>
      <EvidenceSheet sheet={view.evidence} scheme={view.scheme} year={f.year} schemeVersion={view.schemeVersion} published={view.publication !== null} />
      <p className="source-note">
        {view.publication ? `已发布结果（第${view.publication.version}版，${view.publication.publishedBy}于${view.publication.publishedAt.slice(0, 10)}发布）` : '未发布：按当前数据实时计算'}；
        {info.isDemo ? '演示数据（虚构城市）' : '医保信息平台导入数据'}。
      </p>
    </article>
  );
}
