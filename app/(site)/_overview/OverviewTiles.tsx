import IndicatorTile from '../ui/IndicatorTile';
import ErrorState from '../ui/ErrorState';
import EmptyState from '../ui/EmptyState';
import { formatPeriod } from '@/lib/format';
import { getOverview, type OverviewRequest } from '@/lib/queries/overview/getOverview';
import type { Scope } from '@/lib/queries/scope';

/** KPI tiles: value, status, 同比 and the registry's 口径 for each 总览 indicator. */
export default async function OverviewTiles({ scope, cityCode, req }: { scope: Scope; cityCode: string; req: OverviewRequest }) {
  let data;
  try {
    data = await getOverview(scope, cityCode, req);
  } catch (err) {
    console.error('[overview] tiles', err);
    return <ErrorState message="KPI 指标加载失败，请稍后重试。" />;
  }
  if (!data.asOf) return <EmptyState reason={`${req.year}年尚无基金收支数据`} />;
  const ytd = `${req.year}年1—${data.asOf % 100}月`;
  const endOf = `截至${formatPeriod(data.asOf)}末`;
  return (
    <div className="kpi-grid" data-testid="kpi-grid" data-as-of={data.asOf}>
      {data.tiles.map((t) => {
        const pointInTime = t.code === 'accumulated_balance' || t.code === 'months_of_reserve' || t.code === 'coverage_rate';
        const label = pointInTime ? endOf
          : (t.code === 'income_execution_rate' || t.code === 'expense_execution_rate') && data.timeProgress !== null
            ? `${ytd} · 序时进度 ${(data.timeProgress * 100).toFixed(1)}%`
            : ytd;
        return (
          <IndicatorTile
            key={t.code}
            code={t.code}
            value={t.value}
            previous={t.previous}
            status={t.status}
            target={t.target}
            periodLabel={t.notApplicable ? `${label} · ${t.notApplicable}` : t.partial ? `${label} · ${t.partial}` : label}
          />
        );
      })}
    </div>
  );
}
