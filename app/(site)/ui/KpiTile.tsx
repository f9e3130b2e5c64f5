import Link from 'next/link';
import type { IndicatorUnit, Status } from '@/lib/indicators/types';
import { computeDelta, deltaText, formatValue } from '@/lib/format';
import { STATUS_LABEL } from './status';

export interface KpiTileProps {
  /** 中文名 from the indicator registry, e.g. '居民医保参保率'. */
  name: string;
  value: number | null;
  /** Same indicator one year earlier; drives the 同比 line. */
  previous?: number | null;
  unit: IndicatorUnit;
  status: Status;
  target?: number | null;
  definition: string;
  formula: string;
  sources: string[];
  policyRef?: string;
  /** Indicator code in the registry. */
  code: string;
  /** e.g. '2024年' or '2024年1—12月'. */
  periodLabel?: string;
  /** Drill-down page for this indicator. */
  href?: string;
  /** IndicatorDef.displayUnit, e.g. '天' for a count of days. */
  displayUnit?: string;
}

/**
 * One indicator, with its status, trend, target and — in the 口径 disclosure — what it is and where it came
 * from (STYLE: DHIS2/Fingertips). Server-safe: no hooks, <details> needs no JS.
 */
export default function KpiTile({
  name,
  value,
  previous,
  unit,
  status,
  target,
  definition,
  formula,
  sources,
  policyRef,
  code,
  periodLabel,
  href,
  displayUnit,
}: KpiTileProps) {
  const fmt = (v: number | null | undefined) => formatValue(v, unit, { displayUnit });
  const delta = previous === undefined ? null : computeDelta(value, previous, unit);
  const statusLabel = STATUS_LABEL[status];
  return (
    <article className="kpi-tile" data-status={status} aria-label={`${name}：${fmt(value)}，${statusLabel}`}>
      <div className="kpi-head">
        <h3 className="kpi-name">{href ? <Link href={href}>{name}</Link> : name}</h3>
        <span className="kpi-status">{statusLabel}</span>
      </div>
      <div className="kpi-value">{fmt(value)}</div>
      {periodLabel && <div className="kpi-period">{periodLabel}</div>}
      <div className="kpi-meta">
        {delta && (
          <span className="kpi-trend" data-direction={delta.direction ?? undefined}>
            {deltaText(delta)}
          </span>
        )}
        {target !== undefined && target !== null && <span className="kpi-target">目标 {fmt(target)}</span>}
      </div>
      <details className="kpi-def">
        <summary>口径</summary>
        <dl>
          <dt>指标编码</dt>
          <dd>
            <code>{code}</code>
          </dd>
          <dt>定义</dt>
          <dd>{definition}</dd>
          <dt>计算公式</dt>
          <dd>{formula}</dd>
          <dt>数据来源</dt>
          <dd>
            {sources.length === 0 ? (
              '—'
            ) : sources.length === 1 ? (
              sources[0]
            ) : (
              <ul>
                {sources.map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ul>
            )}
          </dd>
          {policyRef && (
            <>
              <dt>政策依据</dt>
              <dd>{policyRef}</dd>
            </>
          )}
        </dl>
      </details>
    </article>
  );
}
