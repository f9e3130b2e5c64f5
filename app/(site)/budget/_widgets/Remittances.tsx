import DataTable, { type DataTableColumn } from '../../ui/DataTable';
import TimeSeriesChart from '../../ui/charts/TimeSeriesChart';
import ErrorState from '../../ui/ErrorState';
import EmptyState from '../../ui/EmptyState';
import { indicators } from '@/lib/indicators/registry';
import { getRemittances } from '@/lib/queries/budget/getRemittances';
import type { BudgetRequest } from '@/lib/queries/budget/request';
import type { Scope } from '@/lib/queries/scope';
import { byRegionOrder, drillHref, regionName, statusText, type PageContext } from '../../collection/_widgets/common';

/** 统收统支: remittances to the city account and allocations back, per county and month, with timeliness. */
export default async function Remittances({ scope, ctx, req }: { scope: Scope; ctx: PageContext; req: BudgetRequest }) {
  let data;
  try {
    data = await getRemittances(scope, ctx.cityCode, req);
  } catch (err) {
    console.error('[budget] remittances', err);
    return <ErrorState message="上解与下拨数据加载失败，请稍后重试。" />;
  }
  if (!data.asOf) return <EmptyState reason={`${req.year}年尚无基金收支数据`} />;
  const I = indicators;
  const m = data.asOf % 100;
  const params = { year: req.year, scheme: req.scheme, month: req.month };
  const rows = byRegionOrder(ctx, data.counties).map((c) => ({
    region: regionName(ctx, c.code),
    regionHref: drillHref('/budget', params, c.code, ctx),
    remitUp: c.remitUp, allocateDown: c.allocateDown, net: c.net, remittances: c.remittances,
    timeliness: c.timeliness, timelinessStatus: statusText(c.timelinessStatus), avgDelay: c.avgDelay, avgDelayStatus: statusText(c.avgDelayStatus),
  }));
  const columns: DataTableColumn[] = [
    { key: 'region', header: '地区', linkKey: 'regionHref' },
    { key: 'remitUp', header: '上解市级专户', unit: 'yuan' },
    { key: 'allocateDown', header: '市级下拨', unit: 'yuan' },
    { key: 'net', header: I.net_remittance.name, unit: 'yuan' },
    { key: 'remittances', header: '上解笔数', unit: 'count' },
    { key: 'timeliness', header: I.remittance_timeliness_rate.name, unit: 'ratio' },
    { key: 'timelinessStatus', header: '及时性' },
    { key: 'avgDelay', header: `${I.remittance_avg_delay.name}（天）`, unit: 'count' },
    { key: 'avgDelayStatus', header: '延迟状态' },
  ];
  const label = regionName(ctx, req.region === 'ALL' ? ctx.cityCode : req.region);
  return (
    <div className="grid-2">
      <div className="card">
        <TimeSeriesChart
          id="remit-chart"
          title={`${label} ${req.year}年各月上解与下拨`}
          data={data.monthly.map((x) => ({ period: x.period, remitUp: x.remitUp, allocateDown: x.allocateDown }))}
          xKey="period"
          kind="bar"
          series={[
            { key: 'remitUp', label: '上解市级专户' },
            { key: 'allocateDown', label: '市级下拨' },
          ]}
          unit="yuan"
          exportName={`${req.year}年${label}各月上解与下拨`}
          emptyReason="所选年度尚未实行市级统筹（统收统支）"
        />
      </div>
      <div className="card">
        <DataTable
          id="remittances"
          columns={columns}
          rows={rows}
          exportName={`${req.year}年1-${m}月各县上解与下拨`}
          caption={`各县（市、区）上解与下拨（1—${m}月）`}
        />
        <p className="source-note">{I.net_remittance.policyRef}；平均上解延迟按上解日期晚于规定日期的天数计。</p>
      </div>
    </div>
  );
}
