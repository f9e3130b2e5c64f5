import DataTable, { type DataTableColumn } from '../../ui/DataTable';
import BarCompareChart from '../../ui/charts/BarCompareChart';
import ErrorState from '../../ui/ErrorState';
import EmptyState from '../../ui/EmptyState';
import { indicators } from '@/lib/indicators/registry';
import { formatPeriod, formatValue } from '@/lib/format';
import { getCoverageByCounty } from '@/lib/queries/collection/getCoverageByCounty';
import type { CollectionRequest } from '@/lib/queries/collection/request';
import type { Scope } from '@/lib/queries/scope';
import { byRegionOrder, chartName, drillHref, regionName, statusText, type PageContext } from './common';

/** 参保率 and 征缴率 per county with the city value and the targets; county rows drill down. */
export default async function CoverageByCounty({ scope, ctx, req }: { scope: Scope; ctx: PageContext; req: CollectionRequest }) {
  let data;
  try {
    data = await getCoverageByCounty(scope, ctx.cityCode, req);
  } catch (err) {
    console.error('[collection] coverage', err);
    return <ErrorState message="各县参保与征缴数据加载失败，请稍后重试。" />;
  }
  if (data.rows.length === 0) return <EmptyState reason={`${req.year}年尚无参保数据`} />;
  const I = indicators;
  const rows = byRegionOrder(ctx, data.rows).map((r) => ({
    code: r.code,
    region: regionName(ctx, r.code),
    regionHref: drillHref('/collection', { year: req.year, scheme: req.scheme }, r.code, ctx),
    shouldEnroll: r.shouldEnroll,
    enrolled: r.enrolled,
    coverage: r.coverage,
    coverageStatus: statusText(r.coverageStatus),
    coverageChange: r.coverageChange,
    enrollmentYoy: r.enrollmentYoy,
    due: r.due,
    collected: r.collected,
    collectionRate: r.collectionRate,
    collectionStatus: statusText(r.collectionStatus),
    countySubsidyDelivery: r.countySubsidyDelivery,
    countySubsidyStatus: statusText(r.countySubsidyStatus),
  }));
  const columns: DataTableColumn[] = [
    { key: 'region', header: '地区', linkKey: 'regionHref' },
    { key: 'shouldEnroll', header: '应参保人数', unit: 'count' },
    { key: 'enrolled', header: '参保人数', unit: 'count' },
    { key: 'coverage', header: I.coverage_rate.name, unit: 'ratio' },
    { key: 'coverageStatus', header: '参保率状态' },
    { key: 'coverageChange', header: I.coverage_rate_change.name, unit: 'pp' },
    { key: 'enrollmentYoy', header: I.enrollment_yoy.name, unit: 'ratio' },
    { key: 'due', header: '应征金额', unit: 'yuan' },
    { key: 'collected', header: '实征金额', unit: 'yuan' },
    { key: 'collectionRate', header: I.collection_rate.name, unit: 'ratio' },
    { key: 'collectionStatus', header: '征缴率状态' },
    { key: 'countySubsidyDelivery', header: '县级财政补助到位率', unit: 'ratio' },
    { key: 'countySubsidyStatus', header: '到位状态' },
  ];
  const counties = rows.filter((r) => r.regionHref !== null);
  const city = rows[0];
  const highlight = req.region === 'ALL' ? [] : [chartName(ctx, req.region)];
  const hasSubsidy = counties.some((r) => r.countySubsidyDelivery !== null);
  return (
    <>
      <div className="grid-2">
        <div className="card">
          <BarCompareChart
            id="coverage-chart"
            title={`各县（市、区）${I.coverage_rate.name}（${formatPeriod(data.asOf)}末）`}
            data={counties.map((r) => ({ region: chartName(ctx, r.code), coverage: r.coverage }))}
            categoryKey="region"
            series={[{ key: 'coverage', label: I.coverage_rate.name }]}
            unit="ratio"
            referenceLine={data.coverageTarget !== null ? { value: data.coverageTarget, label: '目标' } : undefined}
            highlight={highlight}
            exportName={`${req.year}年各县参保率`}
          />
        </div>
        <div className="card">
          <BarCompareChart
            id="delivery-chart"
            title={`各县（市、区）县级财政补助到位率（${req.year}年1—${(data.asOf ?? 0) % 100}月）`}
            data={hasSubsidy ? counties.map((r) => ({ region: chartName(ctx, r.code), delivery: r.countySubsidyDelivery })) : []}
            categoryKey="region"
            series={[{ key: 'delivery', label: '县级财政补助到位率' }]}
            unit="ratio"
            referenceLine={{ value: 1, label: '应到位' }}
            highlight={highlight}
            exportName={`${req.year}年各县县级财政补助到位率`}
            emptyReason="所选险种无财政补助（财政补助仅用于城乡居民医保）"
          />
        </div>
      </div>
      <div className="card" style={{ marginTop: 16 }}>
        <DataTable
          id="coverage"
          columns={columns}
          rows={rows}
          exportName={`${req.year}年各县参保率与征缴率`}
          caption={`${req.year}年各县（市、区）参保与征缴（参保截至${formatPeriod(data.asOf)}末，征缴为1—${(data.asOf ?? 0) % 100}月累计；全市：参保率 ${fmtPct(city.coverage)}，征缴率 ${fmtPct(city.collectionRate)}）`}
          emptyReason="所选年度无数据"
        />
        <p className="source-note">
          目标：{I.coverage_rate.name} ≥ {fmtPct(data.coverageTarget)}（{I.coverage_rate.policyRef}）；{I.collection_rate.name} ≥ {fmtPct(data.collectionTarget)}（平台默认值）。点击地区名称查看该县（市、区）。
        </p>
      </div>
    </>
  );
}

function fmtPct(v: number | string | null | undefined): string {
  return formatValue(typeof v === 'number' ? v : null, 'ratio');
}
