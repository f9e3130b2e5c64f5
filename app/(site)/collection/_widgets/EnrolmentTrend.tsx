import DataTable, { type DataTableColumn } from '../../ui/DataTable';
import TimeSeriesChart from '../../ui/charts/TimeSeriesChart';
import ErrorState from '../../ui/ErrorState';
import EmptyState from '../../ui/EmptyState';
import { indicators } from '@/lib/indicators/registry';
import { getEnrolmentTrend, type EnrolmentTrendRow } from '@/lib/queries/collection/getEnrolmentTrend';
import type { Scope } from '@/lib/queries/scope';
import { drillHref, regionName, type PageContext } from './common';

/**
 * Resident enrolment year on year against the rise of the individual contribution, flagged where both
 * enrolment and coverage fall in a year the contribution rose (selective enrolment, 医保函〔2023〕73号、益阳市医疗保障局答复).
 */
export default async function EnrolmentTrend({ scope, ctx, year, scheme, region }: { scope: Scope; ctx: PageContext; year: number; scheme: string; region: string | 'ALL' }) {
  if (scheme !== 'RESIDENT' && scheme !== 'ALL') {
    return <EmptyState reason="个人缴费标准只适用于城乡居民医保：请选择“城乡居民医保”或“全部险种”查看参保人数与缴费标准的变化。" />;
  }
  let data;
  try {
    data = await getEnrolmentTrend(scope, ctx.cityCode, year, region);
  } catch (err) {
    console.error('[collection] enrolment trend', err);
    return <ErrorState message="参保人数变化加载失败，请稍后重试。" />;
  }
  if (data.series.length === 0) return <EmptyState reason="尚无居民医保参保数据" />;
  const I = indicators;
  const toRow = (r: EnrolmentTrendRow) => ({
    region: regionName(ctx, r.code),
    regionHref: drillHref('/collection', { year, scheme }, r.code, ctx),
    year: r.year,
    enrolled: r.enrolled,
    enrollmentYoy: r.enrollmentYoy,
    coverage: r.coverage,
    coverageChange: r.coverageChange,
    standard: r.standard,
    standardGrowth: r.standardGrowth,
    flag: r.flag ? `${r.flag.status === 'bad' ? '⚠ ' : ''}${r.flag.label}` : '',
  });
  const columns: DataTableColumn[] = [
    { key: 'region', header: '地区', linkKey: 'regionHref' },
    { key: 'enrolled', header: '年末参保人数', unit: 'count' },
    { key: 'enrollmentYoy', header: I.enrollment_yoy.name, unit: 'ratio' },
    { key: 'coverage', header: I.coverage_rate.name, unit: 'ratio' },
    { key: 'coverageChange', header: I.coverage_rate_change.name, unit: 'pp' },
    { key: 'standard', header: '个人缴费标准', unit: 'yuan_per_person' },
    { key: 'standardGrowth', header: I.contribution_standard_growth.name, unit: 'ratio' },
    { key: 'flag', header: '标记' },
  ];
  const seriesColumns: DataTableColumn[] = [{ key: 'year', header: '年度' }, ...columns.slice(1)];
  // One line per flagged county: which years, and how bad.
  const byCounty = new Map<string, EnrolmentTrendRow[]>();
  for (const r of data.flagged) byCounty.set(r.code, [...(byCounty.get(r.code) ?? []), r]);
  const all = [...byCounty.entries()]
    .map(([code, rs]) => ({ code, years: rs.map((r) => r.year).sort(), bad: rs.filter((r) => r.flag?.status === 'bad').map((r) => r.year).sort() }))
    .sort((a, b) => b.bad.length - a.bad.length || b.years.length - a.years.length);
  // Name the counties where enrolment fell markedly; the mild falls elsewhere are counted, and listed in the table.
  const summary = all.filter((s) => s.bad.length > 0);
  const mild = all.filter((s) => s.bad.length === 0);
  const label = regionName(ctx, region === 'ALL' ? ctx.cityCode : region);
  return (
    <>
      {all.length > 0 && (
        <div className="card" data-testid="selective-flags" style={{ marginBottom: 16 }}>
          <strong>缴费上涨期间参保明显下降的县（市、区）：</strong>
          {summary.length === 0 ? ' 无' : (
            <ul style={{ margin: '6px 0 0', paddingLeft: '1.2em' }}>
              {summary.map((s) => (
                <li key={s.code}>
                  {regionName(ctx, s.code)}：{s.bad.join('、')}年参保明显下降（参保人数同比低于−2%或参保率下降超过1个百分点）
                </li>
              ))}
            </ul>
          )}
          {mild.length > 0 && (
            <p className="source-note">另有{mild.length}个县（市、区）在缴费上涨年份参保小幅下降：{mild.map((s) => regionName(ctx, s.code)).join('、')}。</p>
          )}
        </div>
      )}
      <div className="grid-2">
        <div className="card">
          <TimeSeriesChart
            id="enrolment-chart"
            title={`${label} 居民医保参保人数同比与个人缴费标准涨幅`}
            data={data.series.map((r) => ({ year: r.year, enrollmentYoy: r.enrollmentYoy, standardGrowth: r.standardGrowth }))}
            xKey="year"
            series={[
              { key: 'enrollmentYoy', label: I.enrollment_yoy.name },
              { key: 'standardGrowth', label: I.contribution_standard_growth.name },
            ]}
            unit="ratio"
            exportName={`${label}参保人数同比与缴费标准涨幅`}
          />
        </div>
        <div className="card">
          <DataTable
            id="enrolment-series"
            columns={seriesColumns}
            rows={data.series.map(toRow)}
            exportName={`${label}历年居民医保参保人数变化`}
            caption={`${label} 历年居民医保参保（年末）`}
          />
        </div>
      </div>
      <div className="card" style={{ marginTop: 16 }}>
        <DataTable
          id="enrolment"
          columns={columns}
          rows={data.counties.map(toRow)}
          exportName={`${year}年各县居民医保参保人数变化`}
          caption={`${year}年各县（市、区）居民医保参保人数变化（年末，与上年末比较）`}
          defaultSort="enrollmentYoy.asc"
          emptyReason="所选年度无参保数据"
        />
        <p className="source-note">标记条件：当年个人缴费标准上涨，且参保人数与参保率同时下降（{I.enrollment_yoy.policyRef}）。</p>
      </div>
    </>
  );
}
