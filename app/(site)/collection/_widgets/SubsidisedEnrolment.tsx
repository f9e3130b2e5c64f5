import DataTable, { type DataTableColumn } from '../../ui/DataTable';
import BarCompareChart from '../../ui/charts/BarCompareChart';
import ErrorState from '../../ui/ErrorState';
import EmptyState from '../../ui/EmptyState';
import { formatPeriod } from '@/lib/format';
import { indicators } from '@/lib/indicators/registry';
import { getSubsidisedEnrolment } from '@/lib/queries/collection/getSubsidisedEnrolment';
import type { CollectionRequest } from '@/lib/queries/collection/request';
import type { Scope } from '@/lib/queries/scope';
import { byRegionOrder, chartName, drillHref, regionName, statusText, type PageContext } from './common';
import { sourceName } from '@/lib/indicators/sources';

/** 资助参保 by category per county and the poverty population's coverage (医保函〔2023〕73号: ≥99%). */
export default async function SubsidisedEnrolment({ scope, ctx, req }: { scope: Scope; ctx: PageContext; req: CollectionRequest }) {
  let data;
  try {
    data = await getSubsidisedEnrolment(scope, ctx.cityCode, req);
  } catch (err) {
    console.error('[collection] subsidised', err);
    return <ErrorState message="资助参保数据加载失败，请稍后重试。" />;
  }
  if (data.rows.length === 0) {
    return <EmptyState reason={req.scheme === 'RESIDENT' || req.scheme === 'ALL' ? `${req.year}年尚无资助参保数据` : '资助参保仅适用于城乡居民医保，请选择“城乡居民医保”或“全部险种”。'} />;
  }
  const I = indicators;
  const rows = byRegionOrder(ctx, data.rows).map((r) => ({
    code: r.code,
    region: regionName(ctx, r.code),
    regionHref: drillHref('/collection', { year: req.year, scheme: req.scheme }, r.code, ctx),
    extreme: r.extreme, minLiving: r.minLiving, monitored: r.monitored, other: r.other, total: r.total,
    povertyShouldEnroll: r.povertyShouldEnroll, povertyCoverage: r.povertyCoverage, status: statusText(r.povertyStatus),
  }));
  const columns: DataTableColumn[] = [
    { key: 'region', header: '地区', linkKey: 'regionHref' },
    { key: 'extreme', header: '特困人员（全额资助）', unit: 'count' },
    { key: 'minLiving', header: '低保对象（资助50%）', unit: 'count' },
    { key: 'monitored', header: '返贫致贫及监测人口', unit: 'count' },
    { key: 'other', header: '其他资助', unit: 'count' },
    { key: 'total', header: '资助参保合计', unit: 'count' },
    { key: 'povertyShouldEnroll', header: '困难群众应参保', unit: 'count' },
    { key: 'povertyCoverage', header: I.poverty_coverage_rate.name, unit: 'ratio' },
    { key: 'status', header: '状态' },
  ];
  const counties = rows.filter((r) => r.regionHref !== null);
  return (
    <div className="grid-2">
      <div className="card">
        <BarCompareChart
          id="poverty-chart"
          title={`各县（市、区）${I.poverty_coverage_rate.name}`}
          data={counties.map((r) => ({ region: chartName(ctx, r.code), povertyCoverage: r.povertyCoverage }))}
          categoryKey="region"
          series={[{ key: 'povertyCoverage', label: I.poverty_coverage_rate.name }]}
          unit="ratio"
          referenceLine={data.target !== null ? { value: data.target, label: '目标' } : undefined}
          highlight={req.region === 'ALL' ? [] : [chartName(ctx, req.region)]}
          exportName={`${req.year}年各县困难群众参保率`}
        />
      </div>
      <div className="card">
        <DataTable
          id="subsidised"
          columns={columns}
          rows={rows}
          exportName={`${req.year}年各县资助参保人数`}
          caption={`资助参保人数（截至${formatPeriod(data.asOf)}末）`}
        />
        <p className="source-note">{I.poverty_coverage_rate.policyRef}；特困人员全额资助、低保对象资助50%（{sourceName('yiyang-reply')}）。</p>
      </div>
    </div>
  );
}
