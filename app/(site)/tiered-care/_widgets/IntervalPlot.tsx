import styles from '../tieredCare.module.css';
import { pp } from './text';

export type IntervalTone = 'worse' | 'better' | 'unclear' | 'reference';

export interface IntervalRow {
  key: string;
  label: string;
  estimate: number;
  ciLow: number;
  ciHigh: number;
  tone: IntervalTone;
  /** bold row (e.g. the city, or the selected county) */
  emphasis?: boolean;
  /** right-hand text; defaults to the estimate and interval in percentage points */
  valueText?: string;
}

const TONE_LABEL: Record<IntervalTone, string> = { worse: '恶化', better: '改善', unclear: '无明确变化', reference: '参照期' };

function niceStep(span: number): number {
  const raw = span / 5;
  const mag = Math.pow(10, Math.floor(Math.log10(raw)));
  const n = raw / mag;
  return (n < 1.5 ? 1 : n < 3.5 ? 2 : n < 7.5 ? 5 : 10) * mag;
}


/**
 * Estimates with their confidence intervals on one axis (forest plot / event-study plot), drawn with HTML
 * and CSS percentages so labels stay readable on a phone. Values are share differences (0.01 = 1 point);
 * the vertical line is 0 = no change. Server component (no hooks).
 */
export default function IntervalPlot({ rows, axisLabel = '个百分点（相对无统筹路径）' }: { rows: IntervalRow[]; axisLabel?: string }) {
  if (rows.length === 0) return null;
  let lo = Math.min(0, ...rows.map((r) => r.ciLow));
  let hi = Math.max(0, ...rows.map((r) => r.ciHigh));
  const pad = (hi - lo) * 0.06 || 0.01;
  lo -= pad;
  hi += pad;
  const step = niceStep(hi - lo);
  const ticks: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + 1e-12; t += step) ticks.push(Math.abs(t) < 1e-12 ? 0 : t);
  const x = (v: number) => `${(((v - lo) / (hi - lo)) * 100).toFixed(2)}%`;
  return (
    <div className={styles.intervalPlot} role="img" aria-label="估计值及其95%置信区间">
      {rows.map((r) => (
        <div key={r.key} className={styles.ipRow} data-emphasis={r.emphasis ? 'true' : undefined}>
          <div className={styles.ipLabel}>{r.label}</div>
          <div className={styles.ipTrack}>
            <span className={styles.ipZero} style={{ left: x(0) }} />
            {r.tone !== 'reference' && (
              <span className={styles.ipWhisker} data-tone={r.tone} style={{ left: x(r.ciLow), width: `calc(${x(r.ciHigh)} - ${x(r.ciLow)})` }} />
            )}
            <span className={styles.ipDot} data-tone={r.tone} style={{ left: x(r.estimate) }} title={TONE_LABEL[r.tone]} />
          </div>
          <div className={styles.ipValue} data-tone={r.tone}>
            {r.valueText ?? (r.tone === 'reference' ? '参照（0）' : `${pp(r.estimate)}（${pp(r.ciLow)}～${pp(r.ciHigh)}）`)}
          </div>
        </div>
      ))}
      <div className={styles.ipRow} aria-hidden="true">
        <div className={styles.ipLabel} />
        <div className={styles.ipAxis}>
          {ticks.map((t) => (
            <span key={t} style={{ left: x(t) }}>
              {pp(t).replace('+', '')}
            </span>
          ))}
        </div>
        <div className={styles.ipValue} />
      </div>
      <div className={styles.ipCaption}>
        横轴：{axisLabel}；圆点为估计值，横线为95%置信区间，竖线为0（无变化）。
        <span className={styles.ipLegend}>
          <span data-tone="worse" /> 恶化 <span data-tone="better" /> 改善 <span data-tone="unclear" /> 区间含0
        </span>
      </div>
    </div>
  );
}
