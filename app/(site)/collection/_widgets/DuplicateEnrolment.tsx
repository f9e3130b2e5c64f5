import DataTable, { type DataTableColumn } from '../../ui/DataTable';
import TimeSeriesChart from '../../ui/charts/TimeSeriesChart';
import ErrorState from '../../ui/ErrorState';
import EmptyState from '../../ui/EmptyState';
import { formatPeriod } from '@/lib/format';
import { indicators } from '@/lib/indicators/registry';
import { getDuplicateEnrolment } from '@/lib/queries/collection/getDuplicateEnrolment';
import type { CollectionRequest } from '@/lib/queries/collection/request';
import type { Scope } from '@/lib/queries/scope';
import { byRegionOrder, drillHref, regionName, type PageContext } from './common';

/** 重复参保 per county and the year-end rate over time (falls after national-platform screening). */
export default async function DuplicateEnrolment({ scope, ctx, req }: { scope: Scope; ctx: PageContext; req: CollectionRequest }) {
  let data;
  try {
    data = await getDuplicateEnrolment(scope, ctx.cityCode, req);
  } catch (err) {
    console.error('[collection] duplicates', err);
    return <ErrorState message="重复参保数据加载失败，请稍后重试。" />;
  }
  if (!data.asOf) return <EmptyState reason={`${req.year}年尚无参保数据`} />;
  const I = indicators;
  const rows = byRegionOrder(ctx, data.rows).map((r) => ({
    region: regionName(ctx, r.code),
    regionHref: drillHref('/collection', { year: req.year, scheme: req.scheme }, r.code, ctx),
    duplicates: r.duplicates, enrolled: r.enrolled, per10k: r.per10k, rate: r.rate,
  }));
  const columns: DataTableColumn[] = [
    { key: 'region', header: '地区', linkKey: 'regionHref' },
    { key: 'duplicates', header: '重复参保人数', unit: 'count' },
    { key: 'enrolled', header: '参保人数', unit: 'count' },
    { key: 'per10k', header: '每万参保人重复人数', unit: 'count' },
    { key: 'rate', header: I.duplicate_enrollment_rate.name, unit: 'ratio' },
  ];
  const label = regionName(ctx, req.region === 'ALL' ? ctx.cityCode : req.region);
  return (
    <div className="grid-2">
      <div className="card">
        <TimeSeriesChart
          id="duplicates-chart"
          title={`${label} 年末${I.duplicates_per_10k.name}`}
          data={data.series.map((s) => ({ year: s.year, per10k: s.per10k }))}
          xKey="year"
          series={[{ key: 'per10k', label: I.duplicates_per_10k.name }]}
          unit="count"
          exportName="历年每万参保人重复参保人数"
        />
        <p className="source-note">{I.duplicate_enrollment_rate.policyRef}。</p>
      </div>
      <div className="card">
        <DataTable
          id="duplicates"
          columns={columns}
          rows={rows}
          exportName={`${req.year}年各县重复参保`}
          caption={`重复参保（截至${formatPeriod(data.asOf)}末）`}
        />
      </div>
    </div>
  );
}
