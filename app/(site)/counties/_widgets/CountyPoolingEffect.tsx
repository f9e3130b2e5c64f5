import Link from 'next/link';
import EmptyState from '../../ui/EmptyState';
import ErrorState from '../../ui/ErrorState';
import { formatPeriod } from '@/lib/format';
import { indicators } from '@/lib/indicators/registry';
import { getPoolingEffects } from '@/lib/queries/tieredCare/getPoolingEffects';
import type { DatasetInfo } from '@/lib/queries/meta/getDatasetInfo';
import type { Scope } from '@/lib/queries/scope';
import type { SchemeFilter } from '@/lib/domain/codes';
import type { PoolingItsSummary, PoolingOutcome } from '@/lib/tieredCare/poolingEffect';
import { ASSESSMENT_LABEL, DIRECTION_LABEL, estimateText } from '../../tiered-care/_widgets/text';
import tc from '../../tiered-care/tieredCare.module.css';

const OUTCOMES: PoolingOutcome[] = ['primary_visit_share', 'in_county_rate'];

/** The county's pooling effect on 基层就诊占比 and 县域内就诊率 (interrupted time series), with a link to 分级诊疗. */
export default async function CountyPoolingEffect({ scope, info, code, scheme, year }: { scope: Scope; info: DatasetInfo; code: string; scheme: SchemeFilter; year: number }) {
  let results: (PoolingItsSummary | { ok: false; reason: string; outcome: PoolingOutcome })[];
  try {
    results = await Promise.all(
      OUTCOMES.map(async (o) => {
        const e = await getPoolingEffects(scope, info.cityCode, scheme, o);
        const r = e.its.find((x) => x.region === code);
        return r && r.ok ? r : { ok: false as const, reason: r && !r.ok ? r.reason : '无数据', outcome: o };
      }),
    );
  } catch (err) {
    console.error('[counties] pooling', err);
    return <ErrorState message="统筹效应计算失败，请稍后重试。" />;
  }
  if (results.every((r) => !r.ok)) return <EmptyState reason={(results[0] as { reason: string }).reason} />;
  return (
    <>
      <div className={tc.callouts}>
        {results.map((r) =>
          r.ok ? (
            <div key={r.outcome} className={tc.callout} data-tone={r.assessment === 'unclear' ? undefined : r.assessment} data-testid={`county-its-${r.outcome}`}>
              <strong>
                {indicators[r.outcome].name}：{DIRECTION_LABEL[r.direction]}
                {r.assessment !== 'unclear' && `（${ASSESSMENT_LABEL[r.assessment]}）`}
              </strong>
              <p>
                {formatPeriod(r.poolingPeriod)}统筹后第{r.headline.monthsSince}个月，比无统筹路径 {estimateText(r.headline)}。统筹前12个月均值{' '}
                {r.preMean === null ? '—' : `${(r.preMean * 100).toFixed(1)}%`}，统筹后第2年 {r.postMean === null ? '—' : `${(r.postMean * 100).toFixed(1)}%`}。
              </p>
            </div>
          ) : (
            <div key={r.outcome} className={tc.callout}>
              <strong>{indicators[r.outcome].name}：无法估计</strong>
              <p>{r.reason}</p>
            </div>
          ),
        )}
      </div>
      <p style={{ margin: 0 }}>
        <Link href={`/tiered-care?region=${code}&scheme=${scheme}&year=${year}#effect`}>查看分级诊疗详情（反事实路径、患者流向、差异化支付）→</Link>
      </p>
    </>
  );
}
