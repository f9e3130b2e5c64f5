import TimeSeriesChart from '../../ui/charts/TimeSeriesChart';
import EmptyState from '../../ui/EmptyState';
import ErrorState from '../../ui/ErrorState';
import { LEVELS } from '@/lib/domain/codes';
import { indicators } from '@/lib/indicators/registry';
import { getLevelTrends } from '@/lib/queries/tieredCare/getLevelTrends';
import type { TieredCareRequest } from '@/lib/queries/tieredCare/data';
import type { DatasetInfo } from '@/lib/queries/meta/getDatasetInfo';
import type { Scope } from '@/lib/queries/scope';
import { poolingMarkers, regionNamer } from './text';

const LEVEL_SERIES = LEVELS.map((l) => ({ key: l.code, label: l.name }));

/**
 * Visits and admissions by facility level, month by month, and the three tiered-care shares against their
 * targets — every chart with the pooling month(s) marked.
 */
export default async function LevelTrendCharts({ scope, info, req }: { scope: Scope; info: DatasetInfo; req: TieredCareRequest }) {
  let data;
  try {
    data = await getLevelTrends(scope, info.cityCode, req);
  } catch (err) {
    console.error('[tiered-care] trends', err);
    return <ErrorState message="就诊构成趋势加载失败，请稍后重试。" />;
  }
  if (data.visits.length === 0) return <EmptyState reason="所选险种没有就诊结算数据" />;
  const markers = poolingMarkers(data.pooling, data.regionCode, info);
  const who = regionNamer(info)(data.regionCode);
  const p = indicators.primary_visit_share;
  const c = indicators.in_county_rate;
  const o = indicators.out_of_city_share;
  return (
    <div className="grid-2">
      <div className="card">
        <TimeSeriesChart
          id="tc-composition"
          title={`${who}参保人就诊人次构成（按机构级别）`}
          data={data.composition}
          xKey="period"
          series={LEVEL_SERIES}
          unit="ratio"
          kind="area"
          stacked
          yDomain={[0, 1]}
          markers={markers}
          exportName={`${who}就诊人次构成`}
        />
      </div>
      <div className="card">
        <TimeSeriesChart
          id="tc-admissions"
          title={`${who}参保人住院人次（按机构级别）`}
          data={data.admissions}
          xKey="period"
          series={LEVEL_SERIES}
          unit="count"
          kind="area"
          stacked
          markers={markers}
          exportName={`${who}住院人次`}
        />
      </div>
      <div className="card">
        <TimeSeriesChart
          id="tc-primary"
          title={`${p.name}（月）`}
          data={data.shares.map((r) => ({ period: r.period, v: r.primary_visit_share }))}
          xKey="period"
          series={[{ key: 'v', label: p.name }]}
          unit="ratio"
          markers={markers}
          targetLine={p.target !== undefined ? { y: p.target, label: '目标' } : undefined}
          exportName={`${who}${p.name}`}
        />
      </div>
      <div className="card">
        <TimeSeriesChart
          id="tc-incounty"
          title={`${c.name}（月，住院）`}
          data={data.shares.map((r) => ({ period: r.period, v: r.in_county_rate }))}
          xKey="period"
          series={[{ key: 'v', label: c.name }]}
          unit="ratio"
          markers={markers}
          targetLine={c.target !== undefined ? { y: c.target, label: '目标' } : undefined}
          exportName={`${who}${c.name}`}
        />
      </div>
      <div className="card">
        <TimeSeriesChart
          id="tc-outofcity"
          title={`${o.name}（月，住院；无政策目标值）`}
          data={data.shares.map((r) => ({ period: r.period, v: r.out_of_city_share }))}
          xKey="period"
          series={[{ key: 'v', label: o.name }]}
          unit="ratio"
          markers={markers}
          exportName={`${who}${o.name}`}
        />
      </div>
    </div>
  );
}
