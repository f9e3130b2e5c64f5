import IndicatorTile from '../../ui/IndicatorTile';
import ErrorState from '../../ui/ErrorState';
import EmptyState from '../../ui/EmptyState';
import { formatPeriod, formatValue } from '@/lib/format';
import { getBudgetKpis } from '@/lib/queries/budget/getBudgetKpis';
import type { BudgetRequest } from '@/lib/queries/budget/request';
import type { Scope } from '@/lib/queries/scope';

/** 预算执行 KPI tiles with their 口径 (indicator registry). */
export default async function BudgetTiles({ scope, cityCode, req }: { scope: Scope; cityCode: string; req: BudgetRequest }) {
  let data;
  try {
    data = await getBudgetKpis(scope, cityCode, req);
  } catch (err) {
    console.error('[budget] tiles', err);
    return <ErrorState message="预算执行指标加载失败，请稍后重试。" />;
  }
  if (!data.asOf) return <EmptyState reason={`${req.year}年尚无基金收支数据`} />;
  const ytd = `${req.year}年1—${data.asOf % 100}月`;
  const tp = `序时进度 ${formatValue(data.timeProgress, 'ratio')}`;
  const label = (code: string, basis?: 'seasonal' | 'time') => {
    switch (code) {
      case 'income_execution_rate':
      case 'expense_execution_rate':
        return `${ytd} · ${tp} · 预算${data.versionDocNo ?? ''}`;
      case 'income_execution_deviation':
      case 'expense_execution_deviation':
        return basis === 'seasonal' ? `${ytd} · 对照近3年季节性进度` : `${ytd} · 对照${tp}`;
      case 'accumulated_balance':
        return `截至${formatPeriod(data.asOf)}末`;
      default:
        return ytd;
    }
  };
  return (
    <div className="kpi-grid" data-testid="budget-kpis" data-as-of={data.asOf}>
      {data.tiles.map((t) => {
        return (
          <IndicatorTile
            key={t.code}
            code={t.code}
            value={t.value}
            previous={t.previous}
            status={t.status}
            periodLabel={label(t.code, t.basis)}
          />
        );
      })}
    </div>
  );
}
