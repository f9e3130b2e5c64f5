import ChooseCity from '@/app/(site)/ui/ChooseCity';
import type { Metadata } from 'next';
import Link from 'next/link';
import Form from 'next/form';
import EmptyState from '../ui/EmptyState';
import ErrorState from '../ui/ErrorState';
import SourceNote from '../ui/SourceNote';
import FilterAutoSubmit from '../ui/FilterAutoSubmit';
import DataTable, { type DataTableColumn } from '../ui/DataTable';
import Scorecard from './_widgets/Scorecard';
import Ranking from './_widgets/Ranking';
import EvidenceSheet from './_widgets/EvidenceSheet';
import { PublishForm, WithdrawForm } from './_widgets/ActionForms';
import { requireRegionAccess, requireViewer } from '@/lib/auth/viewer';
import { selectedDataset } from '@/lib/queries/context';
import { FIRST_ASSESSMENT_YEAR, getAssessment, type AssessmentView } from '@/lib/queries/assessment/getAssessment';
import { parseAssessmentParams } from '@/lib/queries/assessment/params';
import { getIndicator, isIndicatorCode } from '@/lib/indicators/registry';
import { ScopeError } from '@/lib/queries/scope';
import { formatPeriod, formatValue } from '@/lib/format';
import s from './assessment.module.css';

export const metadata: Metadata = { title: '考核' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const pts = (v: number | null) => formatValue(v, 'count', { digits: 1 });

/**
 * 考核 (《关于实施基本医疗保险和生育保险市级统筹的意见（征求意见稿）》五（二）): scorecard, ranking with rank intervals, evidence.
 * The city assesses its counties: with several cities in the warehouse, `city=` selects whose (province level: 请选择地市).
 */
export default async function AssessmentPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requireViewer();
  const params = await searchParams;
  const sel = await selectedDataset(params, viewer);
  if (!sel || sel.info.years.length === 0) return <EmptyState title="尚未装载数据" reason="请在“管理”中导入数据，或以空库启动以装载演示数据。" />;
  const { info, keep } = sel;
  const yearParam: Record<string, string> = typeof params.year === 'string' && /^\d{4}$/.test(params.year) ? { year: params.year } : {};
  if (info.level === 'province') return <><header className="page-header"><h1>考核</h1></header><ChooseCity info={info} path="/assessment" page="县级医保工作考核" query={yearParam} /></>;
  // `city=…&` in every link of the page when a city is selected among several ('' otherwise).
  const cq = keep.city ? `city=${keep.city}&` : '';
  const f = parseAssessmentParams(params, info.years, info.counties.map((c) => c.code));
  // Another county's evidence sheet is not a county user's to see: the 403 page, not an error box.
  if (f.county) await requireRegionAccess(viewer, f.county);
  let view: AssessmentView;
  try {
    view = await getAssessment(viewer.scope, viewer.role, info, f.year, f.county);
  } catch (e) {
    if (e instanceof ScopeError) return <ErrorState message={e.message} />;
    console.error('[assessment] page', e);
    return <ErrorState message="考核结果加载失败，请稍后重试。" />;
  }
  const indicatorNames = Object.fromEntries(view.scheme.areas.flatMap((a) => a.indicators.map((i) => [i.code, i.label ?? (isIndicatorCode(i.code) ? getIndicator(i.code).name : i.code)])));
  const firstRow = view.rows.find((r) => r.detail);
  const sheetCounty = view.evidence?.code;
  const selectable = view.rows.filter((r) => r.detail);
  const noData = view.asOf === null;
  const historyYears = view.history[0]?.years.map((y) => y.year) ?? [];
  const historyColumns: DataTableColumn[] = [
    { key: 'county', header: '县（市、区）' },
    ...historyYears.flatMap((y) => [
      { key: `t${y}`, header: `${y}年总分`, align: 'right' as const },
      { key: `r${y}`, header: `${y}年排名`, unit: 'count' as const },
    ]),
  ];
  const historyRows = view.history.map((h) => ({
    county: h.name,
    ...Object.fromEntries(h.years.flatMap((y) => [[`t${y.year}`, y.total === null ? null : Math.round(y.total * 10) / 10], [`r${y.year}`, y.rank]])),
  }));
  const publishedYears = view.history[0]?.years.filter((y) => y.published).map((y) => y.year) ?? [];

  return (
    <>
      <header className="page-header">
        <h1>县级医保工作考核</h1>
        <p className="page-lead" data-testid="page-sub">
          {info.cityName} · {f.year}年度 · {view.scheme.name}（第{view.schemeVersion}版）
        </p>
      </header>
      <Form action="" replace scroll={false} id="assessment-filter" className="filter-bar" aria-label="筛选条件">
        <label className="filter-field">
          年度
          <select name="year" defaultValue={String(f.year)} key={`y-${f.year}`}>
            {f.years.map((y) => (
              <option key={y} value={y}>{y}年</option>
            ))}
          </select>
        </label>
        {keep.city && <input type="hidden" name="city" value={keep.city} />}
        {f.county && <input type="hidden" name="county" value={f.county} />}
        <noscript><button type="submit" className="btn">查看</button></noscript>
        <FilterAutoSubmit formId="assessment-filter" />
      </Form>

      {view.publication ? (
        <div className={s.banner} data-testid="publication">
          <p>
            <strong>已发布（第{view.publication.version}版）</strong>：{view.publication.publishedBy}于{view.publication.publishedAt.slice(0, 10)}发布，
            数据截至{formatPeriod(view.publication.dataThrough)}，按考核方案第{view.publication.schemeVersion}版计分{view.publication.note ? `；${view.publication.note}` : ''}。
            已发布结果冻结，之后的数据更正不改变它。
          </p>
          {view.canPublish && <WithdrawForm releaseId={view.publication.releaseId} city={keep.city} />}
        </div>
      ) : (
        <div className={`${s.banner} ${s.bannerLive}`} data-testid="publication">
          <p>
            <strong>未发布</strong>：以下为按当前数据实时计算的结果（考核方案第{view.schemeVersion}版），数据更正后会随之变化。
            {publishedYears.length > 0 && `已发布年度：${publishedYears.map((y) => `${y}年`).join('、')}。`}
          </p>
          {view.canPublish && !noData && <PublishForm year={f.year} republish={false} city={keep.city} />}
        </div>
      )}
      {view.currentScheme.version !== view.schemeVersion && (
        <p className="source-note">当前考核方案已更新为第{view.currentScheme.version}版（{view.currentScheme.reason}）；本年度已发布结果仍按第{view.schemeVersion}版。</p>
      )}

      {view.diffs.length > 0 && (
        <section className={`${s.banner} ${s.diffs}`} aria-labelledby="diff-h" data-testid="diffs">
          <div style={{ width: '100%' }}>
            <h2 id="diff-h" style={{ fontSize: '1rem', margin: '0 0 6px' }}>已发布结果与当前数据的差异（{view.diffs.length}项）</h2>
            <p style={{ margin: '0 0 6px' }}>发布后有数据更正：下表左列为已发布（冻结）值，右列为按当前数据重算的值；页面其余部分显示已发布值。</p>
            <div className="table-scroll">
              <table className="data-table">
                <thead>
                  <tr><th scope="col">县（市、区）</th><th scope="col">项目</th><th scope="col" className="num">已发布</th><th scope="col" className="num">当前数据</th><th scope="col" className="num">差异</th></tr>
                </thead>
                <tbody>
                  {view.diffs.slice(0, 40).map((d) => {
                    const isValue = d.key.endsWith('.value');
                    const code = d.key.split('.')[1];
                    const unitInd = isValue && isIndicatorCode(code) ? getIndicator(code) : null;
                    const f2 = (v: number | null) => (isValue && unitInd ? formatValue(v, unitInd.unit, { displayUnit: unitInd.displayUnit, digits: unitInd.unit === 'ratio' ? 2 : 1 }) : isValue ? formatValue(v, 'count', { digits: 4 }) : `${pts(v)}分`);
                    return (
                      <tr key={d.key}>
                        <td>{d.countyName}</td>
                        <td>{d.figure}</td>
                        <td className="num">{f2(d.published)}</td>
                        <td className="num">{f2(d.live)}</td>
                        <td className="num">{d.delta === null ? '—' : isValue ? (unitInd?.unit === 'ratio' || unitInd?.unit === 'pp' ? formatValue(d.delta, 'pp', { digits: 2 }) : formatValue(d.delta, 'count', { digits: 4, signed: true })) : `${formatValue(d.delta, 'count', { digits: 2, signed: true })}分`}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            {view.canPublish && <PublishForm year={f.year} republish city={keep.city} />}
          </div>
        </section>
      )}

      {noData ? (
        <EmptyState reason={`${f.year}年尚无基金收支数据，无法计分`} />
      ) : (
        <>
          <section className="section" aria-labelledby="card-h">
            <h2 id="card-h">计分卡</h2>
            <div className="card">
              <Scorecard scheme={view.scheme} rows={view.rows} year={f.year} city={keep.city} />
              {view.hiddenCount > 0 && <p className="source-note">{f.year}年度考核结果尚未发布：其他{view.hiddenCount}个县（市、区）的得分在发布后可见。</p>}
              <p className="no-print" style={{ marginTop: 10 }}>
                <a className="btn" href={`/assessment/export?${cq}year=${f.year}`} download data-testid="export-xlsx">导出计分卡和计分依据（XLSX）</a>
              </p>
            </div>
          </section>

          <section className="section" aria-labelledby="rank-h">
            <h2 id="rank-h">排名、排名区间与进步排名</h2>
            <Ranking scheme={view.scheme} rows={view.rows.filter((r) => r.detail || view.publication)} year={f.year} draws={view.draws} n={info.counties.length} indicatorNames={indicatorNames} />
          </section>

          <section className="section" aria-labelledby="sheet-h" id="sheet">
            <h2 id="sheet-h">计分依据</h2>
            {selectable.length > 1 && (
              <nav className={s.pick} aria-label="选择县（市、区）">
                {selectable.map((r) => (
                  <Link key={r.code} href={`/assessment?${cq}year=${f.year}&county=${r.code}#sheet`} aria-current={r.code === sheetCounty ? 'true' : undefined} prefetch={false}>
                    {r.name}
                  </Link>
                ))}
              </nav>
            )}
            <div className="card">
              {view.evidence ? (
                <>
                  <EvidenceSheet sheet={view.evidence} scheme={view.scheme} year={f.year} schemeVersion={view.schemeVersion} published={view.publication !== null} />
                  <p className="no-print">
                    <Link className="btn" href={`/assessment/print?${cq}year=${f.year}&county=${view.evidence.code}`} prefetch={false} data-testid="print-link">打印版</Link>
                  </p>
                </>
              ) : (
                <EmptyState title="请选择县（市、区）" reason={`点击上方或计分卡中的县（市、区）名称查看其每项指标的数值、依据数据、计分规则和得分${firstRow ? `，例如${firstRow.name}` : ''}。`} />
              )}
            </div>
          </section>

          <section className="section" aria-labelledby="yoy-h">
            <h2 id="yoy-h">历年考核结果</h2>
            <div className="card">
              <DataTable id="history" columns={historyColumns} rows={historyRows} exportName="历年县级医保工作考核结果" caption={`自${FIRST_ASSESSMENT_YEAR}年起各年度总分和排名（已发布年度取发布值${publishedYears.length ? `：${publishedYears.join('、')}` : '，目前无'}；其余年度按当前考核方案实时计算）`} />
            </div>
          </section>
        </>
      )}
      <SourceNote text={`${info.isDemo ? '演示数据（虚构城市）' : '医保信息平台导入数据'}；指标值由指标库计算，口径见计分依据表；考核方案见“管理 · 考核方案”`} asOf={view.asOf} />
    </>
  );
}
