import IndicatorTile from '../../ui/IndicatorTile';
import ErrorState from '../../ui/ErrorState';
import EmptyState from '../../ui/EmptyState';
import { formatPeriod } from '@/lib/format';
import { getCollectionKpis } from '@/lib/queries/collection/getCollectionKpis';
import { getContributionStandards } from '@/lib/queries/collection/getContributionStandards';
import type { CollectionRequest } from '@/lib/queries/collection/request';
import type { Scope } from '@/lib/queries/scope';

/** 参保征缴 KPI tiles with their 口径 (indicator registry). */
export default async function CollectionTiles({ scope, cityCode, req }: { scope: Scope; cityCode: string; req: CollectionRequest }) {
  let data, standards;
  try {
    [data, standards] = await Promise.all([getCollectionKpis(scope, cityCode, req), getContributionStandards(scope, cityCode, req.year, req.region)]);
  } catch (err) {
    console.error('[collection] tiles', err);
    return <ErrorState message="参保征缴指标加载失败，请稍后重试。" />;
  }
  if (!data.asOf) return <EmptyState reason={`${req.year}年尚无参保数据`} />;
  const endOf = `截至${formatPeriod(data.asOf)}末`;
  const ytd = `${req.year}年1—${data.asOf % 100}月`;
  const std = standards.years.find((y) => y.year === req.year);
  const label: Record<string, string> = {
    coverage_rate: endOf,
    collection_rate: ytd,
    subsidy_delivery_rate: `县级财政补助 · ${ytd}`,
    poverty_coverage_rate: `居民医保 · ${endOf}`,
    enrollment_yoy: `${endOf}，较上年同月`,
    duplicates_per_10k: endOf,
    resident_contribution_gap: std ? `居民医保 · ${req.year}年本地${std.standard ?? '—'}元，国家最低${std.nationalMinimum ?? '—'}元` : `居民医保 · ${req.year}年`,
    subsidy_per_capita: `居民医保各级补助实际到位 · ${ytd}`,
  };
  return (
    <div className="kpi-grid" data-testid="collection-kpis" data-as-of={data.asOf}>
      {data.tiles.map((t) => {
        return (
          <IndicatorTile
            key={t.code}
            code={t.code}
            value={t.value}
            previous={t.previous}
            status={t.status}
            target={t.target}
            periodLabel={t.notApplicable ? `${label[t.code]} · ${t.notApplicable}` : label[t.code]}
          />
        );
      })}
    </div>
  );
}
