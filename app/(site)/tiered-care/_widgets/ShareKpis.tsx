import IndicatorTile from '../../ui/IndicatorTile';
import EmptyState from '../../ui/EmptyState';
import ErrorState from '../../ui/ErrorState';
import { getLevelTrends } from '@/lib/queries/tieredCare/getLevelTrends';
import type { TieredCareRequest } from '@/lib/queries/tieredCare/data';
import type { Scope } from '@/lib/queries/scope';

/** 基层就诊占比, 县域内就诊率, 市外就医占比, 市级医院住院占比 of the selected year against their targets. */
export default async function ShareKpis({ scope, cityCode, req }: { scope: Scope; cityCode: string; req: TieredCareRequest }) {
  let data;
  try {
    data = await getLevelTrends(scope, cityCode, req);
  } catch (err) {
    console.error('[tiered-care] kpis', err);
    return <ErrorState message="分级诊疗指标加载失败，请稍后重试。" />;
  }
  if (!data.asOf) return <EmptyState reason={`${req.year}年尚无就诊结算数据`} />;
  const label = `${req.year}年1—${data.asOf % 100}月 · 同比为上年同期`;
  return (
    <div className="kpi-grid" data-testid="tiered-kpis">
      {data.kpis.map((k) => {
        return (
          <IndicatorTile
            key={k.code}
            code={k.code}
            value={k.value}
            previous={k.previous}
            status={k.status}
            target={k.target}
            periodLabel={label}
          />
        );
      })}
    </div>
  );
}
