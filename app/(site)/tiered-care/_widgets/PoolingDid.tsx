import ChartFrame from '../../ui/charts/ChartFrame';
import type { DataTableColumn } from '../../ui/DataTable';
import EmptyState from '../../ui/EmptyState';
import ErrorState from '../../ui/ErrorState';
import { formatPeriod } from '@/lib/format';
import { indicators } from '@/lib/indicators/registry';
import { getPoolingEffects } from '@/lib/queries/tieredCare/getPoolingEffects';
import type { TieredCareRequest } from '@/lib/queries/tieredCare/data';
import type { DatasetInfo } from '@/lib/queries/meta/getDatasetInfo';
import type { Scope } from '@/lib/queries/scope';
import { DID_SETTINGS, type PoolingOutcome } from '@/lib/tieredCare/poolingEffect';
import IntervalPlot, { type IntervalRow } from './IntervalPlot';
import { ASSESSMENT_LABEL, DIRECTION_LABEL, ciText, estimateText, pValueText, shortNamer } from './text';
import styles from '../tieredCare.module.css';

/**
 * Difference-in-differences across counties that pooled in different months: TWFE and stacked estimates
 * with their intervals, and the event study by year relative to pooling with the pre-trend check.
 */
export default async function PoolingDid({
  scope,
  info,
  req,
  outcome,
}: {
  scope: Scope;
  info: DatasetInfo;
  req: TieredCareRequest;
  outcome: PoolingOutcome;
}) {
  let data;
  try {
    data = await getPoolingEffects(scope, info.cityCode, req.scheme, outcome);
  } catch (err) {
    console.error('[tiered-care] did', err);
    return <ErrorState message="统筹效应（双重差分）计算失败，请稍后重试。" />;
  }
  const did = data.did;
  const def = indicators[outcome];
  if (!did.ok) return <EmptyState title="双重差分不可估计" reason={did.reason} />;
  const short = shortNamer(info);
  const es = did.eventStudy;
  const pre = es?.preTrend ?? null;
  const preTone = did.preTrendVerdict === 'parallel' ? 'better' : did.preTrendVerdict === 'diverging' ? 'warn' : undefined;
  const main = did.stacked ?? did.twfe;
  const eventRows: IntervalRow[] = (es?.bins ?? []).map((b) => ({
    key: b.label,
    label: b.labelZh,
    estimate: b.estimate,
    ciLow: b.ciLow,
    ciHigh: b.ciHigh,
    tone: b.reference ? 'reference' : b.ciHigh < 0 ? 'worse' : b.ciLow > 0 ? 'better' : 'unclear',
    emphasis: b.reference,
  }));
  // Colour event-time bins by the indicator's polarity, like the ITS verdicts.
  if (def.polarity === 'lower_better') for (const r of eventRows) r.tone = r.tone === 'worse' ? 'better' : r.tone === 'better' ? 'worse' : r.tone;
  const binRows = (es?.bins ?? []).map((b) => ({
    bin: b.labelZh,
    months: b.relFrom === null ? `≤${b.relTo}` : b.relTo === null ? `≥${b.relFrom}` : `${b.relFrom}～${b.relTo}`,
    estimate: b.reference ? 0 : b.estimate,
    ci: b.reference ? '参照期' : ciText(b),
    p: b.reference ? '—' : pValueText(b.p),
    n: b.nObs,
  }));
  const binColumns: DataTableColumn[] = [
    { key: 'bin', header: '相对统筹时间' },
    { key: 'months', header: '相对月份' },
    { key: 'estimate', header: '估计值', unit: 'pp' },
    { key: 'ci', header: '95%置信区间' },
    { key: 'p', header: 'p值', align: 'right' },
    { key: 'n', header: '已统筹县观测数', unit: 'count' },
  ];
  return (
    <div style={{ display: 'grid', gap: 16 }}>
      <div className={styles.callouts}>
        <div className={styles.callout} data-tone={did.assessment === 'unclear' ? undefined : did.assessment} data-testid="did-callout">
          <strong>
            平均统筹效应：{DIRECTION_LABEL[did.direction]}
            {did.assessment !== 'unclear' && `（${ASSESSMENT_LABEL[did.assessment]}）`}
          </strong>
          <p>
            {did.stacked ? '堆叠双重差分（只用尚未统筹的县作对照）' : '双向固定效应双重差分'}：{def.name} {estimateText(main)}，野聚类自助法 p = {pValueText(main.pBootstrap)}。
          </p>
          <p>
            双向固定效应：{estimateText(did.twfe)}，p = {pValueText(did.twfe.pBootstrap)}。这是各县平均效应，个别县的变化请看上方中断时间序列。
          </p>
        </div>
        <div className={styles.callout} data-tone={preTone} data-testid="pretrend-callout">
          <strong>
            统筹前趋势检验：
            {did.preTrendVerdict === 'parallel' ? '未发现统筹前趋势差异' : did.preTrendVerdict === 'diverging' ? '统筹前已有趋势差异' : '未能检验'}
          </strong>
          <p>
            {pre
              ? `事件研究中统筹前各年的系数联合为0的检验：野聚类自助法 p = ${pValueText(pre.pBootstrap)}（F检验 p = ${pValueText(pre.pF)}，${pre.df}个自由度）。`
              : '事件研究未能给出统筹前系数。'}
            {did.preTrendVerdict === 'parallel'
              ? `p ≥ ${DID_SETTINGS.preTrendAlpha}：统筹前各县走势没有显著分化，平行趋势假设未被拒绝。`
              : did.preTrendVerdict === 'diverging'
                ? `p < ${DID_SETTINGS.preTrendAlpha}：统筹前已分化，双重差分结论需谨慎。`
                : ''}
          </p>
        </div>
      </div>
      <div className="grid-2">
        <div className="card">
          {es ? (
            <ChartFrame
              id="did-event"
              title={`事件研究：${def.name}相对统筹前一年的变化（按年，95%置信区间）`}
              unitText="单位：个百分点"
              columns={binColumns}
              rows={binRows}
              exportName={`${def.name}事件研究`}
              height={Math.max(220, eventRows.length * 30 + 100)}
              empty={eventRows.length === 0}
            >
              <IntervalPlot rows={eventRows} axisLabel="个百分点（相对统筹前一年）" />
            </ChartFrame>
          ) : (
            <EmptyState reason="事件研究未能估计" />
          )}
        </div>
        <div className="card">
          <h3 className="chart-title" style={{ marginTop: 0 }}>
            估计值与设计
          </h3>
          <table className="data-table" style={{ width: '100%' }}>
            <tbody>
              <tr>
                <th scope="row">双向固定效应</th>
                <td className="num">{estimateText(did.twfe)}</td>
              </tr>
              <tr>
                <th scope="row">自助法 p</th>
                <td className="num">{pValueText(did.twfe.pBootstrap)}</td>
              </tr>
              {did.stacked && (
                <>
                  <tr>
                    <th scope="row">堆叠双重差分</th>
                    <td className="num">{estimateText(did.stacked)}</td>
                  </tr>
                  <tr>
                    <th scope="row">自助法 p</th>
                    <td className="num">{pValueText(did.stacked.pBootstrap)}</td>
                  </tr>
                  <tr>
                    <th scope="row">堆叠对照县</th>
                    <td>{did.stacked.controls.map(short).join('、')}</td>
                  </tr>
                </>
              )}
              {did.cohorts.map((c) => (
                <tr key={c.period}>
                  <th scope="row">{formatPeriod(c.period)}统筹</th>
                  <td>{c.regions.map(short).join('、')}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">县 × 月观测</th>
                <td className="num">
                  {did.nUnits} 个县，{did.nObs} 个
                </td>
              </tr>
            </tbody>
          </table>
          {did.warnings.length > 0 && (
            <div className={styles.note}>
              模型提示：
              <ul>
                {did.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </div>
          )}
          <details className={styles.method}>
            <summary>方法说明（双重差分与事件研究）</summary>
            <p>
              面板为各县月度{def.name}。双向固定效应模型含县固定效应和月份固定效应（吸收全市共同的季节和疫情冲击），统筹后取1；
              各县统筹月份不同（居民医保统筹有县份滞后），已统筹县也会被当作后统筹县的对照，效应随时间变化时该估计可能有偏，
              因此另报堆叠双重差分：每批统筹县只与窗口内（统筹前{DID_SETTINGS.stacked.leads}个月至统筹后{DID_SETTINGS.stacked.lags}个月）尚未统筹的县比较。
            </p>
            <p>
              事件研究按相对统筹的年份分组（统筹前{DID_SETTINGS.eventStudy.leads / 12}年至统筹后{DID_SETTINGS.eventStudy.lags / 12}年，两端合并），以统筹前一年为参照。
              县数少，聚类稳健标准误偏小，检验采用野聚类自助法（Webb 权重，9999次）。
            </p>
          </details>
        </div>
      </div>
    </div>
  );
}
