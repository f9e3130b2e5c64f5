import TimeSeriesChart from '../../ui/charts/TimeSeriesChart';
import ErrorState from '../../ui/ErrorState';
import { formatValue } from '@/lib/format';
import { getCollectionProgress } from '@/lib/queries/collection/getCollectionProgress';
import type { CollectionRequest } from '@/lib/queries/collection/request';
import type { Scope } from '@/lib/queries/scope';

/** Monthly cumulative collection against the year's due (resident premiums in Q1, subsidies quarterly). */
export default async function CollectionProgressChart({ scope, cityCode, req, regionLabel }: { scope: Scope; cityCode: string; req: CollectionRequest; regionLabel: string }) {
  let data;
  try {
    data = await getCollectionProgress(scope, req, cityCode);
  } catch (err) {
    console.error('[collection] progress', err);
    return <ErrorState message="月度征缴进度加载失败，请稍后重试。" />;
  }
  const last = data.points[data.points.length - 1];
  return (
    <>
      <TimeSeriesChart
        id="progress"
        title={`${regionLabel} ${req.year}年累计征缴与应征`}
        data={data.points.map((p) => ({ period: p.period, cumulativeDue: p.cumulativeDue, cumulativeCollected: p.cumulativeCollected }))}
        xKey="period"
        series={[
          { key: 'cumulativeDue', label: '累计应征' },
          { key: 'cumulativeCollected', label: '累计实征' },
        ]}
        unit="yuan"
        targetLine={data.annualDue !== null ? { y: data.annualDue, label: '全年应征' } : undefined}
        exportName={`${req.year}年累计征缴进度`}
        emptyReason={`${req.year}年尚无征缴数据`}
      />
      {last && (
        <p className="source-note" data-testid="progress-note">
          截至{last.period % 100}月累计实征占全年应征 {formatValue(last.progress, 'ratio')}
          {last.progressLastYear !== null ? `（上年同期 ${formatValue(last.progressLastYear, 'ratio')}）` : ''}；
          居民个人缴费集中在1—3月，各级财政补助按季度拨付。
        </p>
      )}
    </>
  );
}
