import DataTable, { type DataTableColumn } from '../../ui/DataTable';
import BarCompareChart from '../../ui/charts/BarCompareChart';
import ErrorState from '../../ui/ErrorState';
import EmptyState from '../../ui/EmptyState';
import { CONTRIBUTION_SOURCES, labelOf, SUBSIDY_SOURCES } from '@/lib/domain/codes';
import { indicators } from '@/lib/indicators/registry';
import { getCollectionBySource } from '@/lib/queries/collection/getCollectionBySource';
import type { CollectionRequest } from '@/lib/queries/collection/request';
import type { Scope } from '@/lib/queries/scope';
import { byRegionOrder, chartName, drillHref, regionName, statusText, type PageContext } from './common';

/**
 * Composition by source for the selected region (individual, employer, fiscal subsidy by level), the
 * amount collected by source per county, and each county's subsidy delivery by level.
 */
export default async function SourceComposition({ scope, ctx, req }: { scope: Scope; ctx: PageContext; req: CollectionRequest }) {
  let data;
  try {
    data = await getCollectionBySource(scope, ctx.cityCode, req);
  } catch (err) {
    console.error('[collection] sources', err);
    return <ErrorState message="征缴来源构成加载失败，请稍后重试。" />;
  }
  if (!data.asOf) return <EmptyState reason={`${req.year}年尚无征缴数据`} />;
  const I = indicators;
  const months = `${req.year}年1—${data.asOf % 100}月`;
  const sourceRows = data.sources.map((s) => ({
    source: labelOf(CONTRIBUTION_SOURCES, s.source),
    due: s.due,
    collected: s.collected,
    rate: s.rate,
    status: statusText(s.status),
    gap: s.gap,
    share: s.share,
  }));
  const sourceColumns: DataTableColumn[] = [
    { key: 'source', header: '来源' },
    { key: 'due', header: '应征（应到位）', unit: 'yuan' },
    { key: 'collected', header: '实征（实际到位）', unit: 'yuan' },
    { key: 'rate', header: '征缴率 / 到位率', unit: 'ratio' },
    { key: 'status', header: '状态' },
    { key: 'gap', header: '未征（未到位）金额', unit: 'yuan' },
    { key: 'share', header: I.collection_source_share.name, unit: 'ratio' },
  ];
  const present = CONTRIBUTION_SOURCES.filter((s) => data.counties.some((c) => c.collected[s.code] > 0));
  const counties = byRegionOrder(ctx, data.counties).filter((c) => c.code !== ctx.cityCode);
  const chartRows = counties.map((c) => ({ region: chartName(ctx, c.code), ...Object.fromEntries(present.map((s) => [s.code, c.collected[s.code]])) }));
  const subsidyLevels = CONTRIBUTION_SOURCES.filter((s) => SUBSIDY_SOURCES.includes(s.code) && present.some((p) => p.code === s.code));
  const deliveryRows = byRegionOrder(ctx, data.counties).map((c) => ({
    region: regionName(ctx, c.code),
    regionHref: drillHref('/collection', { year: req.year, scheme: req.scheme }, c.code, ctx),
    ...Object.fromEntries(subsidyLevels.map((s) => [s.code, c.delivery[s.code]])),
    countyGap: c.countySubsidyGap,
    status: statusText(c.countySubsidyStatus),
  }));
  const deliveryColumns: DataTableColumn[] = [
    { key: 'region', header: '地区', linkKey: 'regionHref' },
    ...subsidyLevels.map((s) => ({ key: s.code, header: `${s.name}到位率`, unit: 'ratio' as const })),
    { key: 'countyGap', header: '县级补助未到位金额', unit: 'yuan' },
    { key: 'status', header: '县级到位状态' },
  ];
  return (
    <>
      <div className="grid-2">
        <div className="card">
          <DataTable
            id="sources"
            columns={sourceColumns}
            rows={sourceRows}
            exportName={`${req.year}年${regionName(ctx, data.regionCode)}征缴来源构成`}
            caption={`${regionName(ctx, data.regionCode)} 征缴来源构成（${months}）`}
            emptyReason="所选条件无征缴数据"
          />
        </div>
        <div className="card">
          <BarCompareChart
            id="sources-chart"
            title={`各县（市、区）实征金额构成（${months}）`}
            data={chartRows}
            categoryKey="region"
            series={present.map((s) => ({ key: s.code, label: s.name }))}
            unit="yuan"
            stacked
            exportName={`${req.year}年各县实征金额构成`}
          />
        </div>
      </div>
      <div className="card" style={{ marginTop: 16 }}>
        {subsidyLevels.length === 0 ? (
          <EmptyState reason="所选险种无财政补助（财政补助仅用于城乡居民医保）" />
        ) : (
          <>
            <DataTable
              id="delivery"
              columns={deliveryColumns}
              rows={deliveryRows}
              exportName={`${req.year}年各县财政补助到位率`}
              caption={`各级财政补助到位率（${months}）`}
            />
            <p className="source-note">{I.subsidy_delivery_rate.policyRef}。</p>
          </>
        )}
      </div>
    </>
  );
}
