import DataTable, { type DataTableColumn } from '../../ui/DataTable';
import TimeSeriesChart from '../../ui/charts/TimeSeriesChart';
import ErrorState from '../../ui/ErrorState';
import EmptyState from '../../ui/EmptyState';
import { formatPeriod, formatValue } from '@/lib/format';
import { indicators } from '@/lib/indicators/registry';
import { getAccumulatedBalance } from '@/lib/queries/budget/getAccumulatedBalance';
import { getBudgetExecution } from '@/lib/queries/budget/getBudgetExecution';
import type { BudgetRequest } from '@/lib/queries/budget/request';
import type { Scope } from '@/lib/queries/scope';
import { byRegionOrder, drillHref, regionName, type PageContext } from '../../collection/_widgets/common';

/** 累计结余: the city pool and each county's legacy (2019年末) balance, month-end, over time. */
export default async function AccumulatedBalance({ scope, ctx, req }: { scope: Scope; ctx: PageContext; req: BudgetRequest }) {
  let data;
  try {
    const ex = await getBudgetExecution(scope, ctx.cityCode, req);
    data = await getAccumulatedBalance(scope, ctx.cityCode, { ...req, asOf: ex.asOf });
  } catch (err) {
    console.error('[budget] balance', err);
    return <ErrorState message="累计结余加载失败，请稍后重试。" />;
  }
  if (!data.asOf) return <EmptyState reason={`${req.year}年尚无结余数据`} />;
  const I = indicators;
  const params = { year: req.year, scheme: req.scheme, month: req.month };
  const label = regionName(ctx, req.region === 'ALL' ? ctx.cityCode : req.region);
  const city = req.region === 'ALL';
  const series = city
    ? [{ key: 'cityPool', label: '市级统筹基金' }, { key: 'legacy', label: '原统筹地区结余' }, { key: 'countyPool', label: '县级统筹基金（统筹前）' }, { key: 'total', label: I.accumulated_balance.name }]
    : [{ key: 'legacy', label: '原统筹地区结余' }, { key: 'countyPool', label: '县级统筹基金（统筹前）' }];
  const rows = data.series.map((s) => ({
    period: s.period, cityPool: s.cityPool, legacy: s.legacy, countyPool: s.countyPool,
    total: I.accumulated_balance.compute({ cityPool: s.cityPool ?? 0, legacyBalances: s.legacy + s.countyPool }),
  }));
  const countyRows = byRegionOrder(ctx, data.counties).map((c) => ({
    region: regionName(ctx, c.code),
    regionHref: drillHref('/budget', params, c.code, ctx),
    legacy: c.legacy, countyPool: c.countyPool, lastYear: c.lastYear,
  }));
  const columns: DataTableColumn[] = [
    { key: 'region', header: '地区', linkKey: 'regionHref' },
    { key: 'legacy', header: '原统筹地区结余', unit: 'yuan' },
    { key: 'countyPool', header: '县级统筹基金（统筹前）', unit: 'yuan' },
    { key: 'lastYear', header: '上年同月', unit: 'yuan' },
  ];
  return (
    <div className="grid-2">
      <div className="card">
        <TimeSeriesChart
          id="balance-chart"
          title={`${label} 累计结余（月末）`}
          data={rows}
          xKey="period"
          series={series}
          unit="yuan"
          markers={rows.some((r) => r.period === 202001) ? [{ x: 202001, label: '市级统筹' }] : []}
          exportName={`${label}累计结余`}
        />
      </div>
      <div className="card">
        <p style={{ margin: '0 0 8px' }} data-testid="balance-summary">
          截至{formatPeriod(data.asOf)}末，{label}{I.accumulated_balance.name} <strong>{formatValue(data.accumulated, 'yuan')}</strong>
          {city ? `（市级统筹基金 ${formatValue(data.cityPool, 'yuan')}，原统筹地区结余 ${formatValue(data.legacy, 'yuan')}${data.countyPool ? `，县级统筹基金 ${formatValue(data.countyPool, 'yuan')}` : ''}）` : '（该县原统筹地区结余，由市统一管理调度）'}。
        </p>
        <DataTable
          id="balances"
          columns={columns}
          rows={countyRows}
          exportName={`${formatPeriod(data.asOf)}各县原统筹地区结余`}
          caption={`各县原统筹地区结余（${formatPeriod(data.asOf)}末）`}
        />
        <p className="source-note">{I.accumulated_balance.policyRef}。</p>
      </div>
    </div>
  );
}
