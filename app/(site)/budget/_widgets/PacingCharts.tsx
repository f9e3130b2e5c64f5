import TimeSeriesChart from '../../ui/charts/TimeSeriesChart';
import ErrorState from '../../ui/ErrorState';
import EmptyState from '../../ui/EmptyState';
import { getBudgetPacing } from '@/lib/queries/budget/getBudgetPacing';
import type { BudgetRequest } from '@/lib/queries/budget/request';
import type { Scope } from '@/lib/queries/scope';

/** Year-to-date execution by month against 序时进度 and against the region's seasonal profile from past years. */
export default async function PacingCharts({ scope, cityCode, req, regionLabel }: { scope: Scope; cityCode: string; req: BudgetRequest; regionLabel: string }) {
  let data;
  try {
    data = await getBudgetPacing(scope, cityCode, req);
  } catch (err) {
    console.error('[budget] pacing', err);
    return <ErrorState message="执行进度曲线加载失败，请稍后重试。" />;
  }
  if (!data.asOf) return <EmptyState reason={`${req.year}年尚无基金收支数据`} />;
  const series = [
    { key: 'executionRate', label: '累计执行率' },
    { key: 'timeProgress', label: '序时进度' },
    { key: 'seasonalProgress', label: '近3年季节性进度' },
  ];
  const rows = (pts: typeof data.income) => pts.map((p) => ({ period: p.period, executionRate: p.executionRate, timeProgress: p.timeProgress, seasonalProgress: p.seasonalProgress }));
  return (
    <div className="grid-2">
      <div className="card">
        <TimeSeriesChart
          id="pacing-income"
          title={`${regionLabel} ${req.year}年收入预算执行进度`}
          data={rows(data.income)}
          xKey="period"
          series={series}
          unit="ratio"
          exportName={`${req.year}年${regionLabel}收入预算执行进度`}
        />
      </div>
      <div className="card">
        <TimeSeriesChart
          id="pacing-expense"
          title={`${regionLabel} ${req.year}年支出预算执行进度`}
          data={rows(data.expense)}
          xKey="period"
          series={series}
          unit="ratio"
          exportName={`${req.year}年${regionLabel}支出预算执行进度`}
        />
      </div>
      <p className="source-note" style={{ gridColumn: '1 / -1', margin: 0 }}>
        季节性进度：该地区近3个完整年度各月累计收支占全年的平均比例。居民个人缴费集中在1—3月、财政补助按季度拨付，收入进度明显快于序时进度属正常，应与季节性进度比较。
      </p>
    </div>
  );
}
