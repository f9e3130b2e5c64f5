import { formatPeriod, formatValue } from '@/lib/format';
import type { IndicatorUnit } from '@/lib/indicators/types';
import { EVENT_LABELS, SEVERITY_LABELS, STATUS_LABELS, type EventAction, type WarningStatus } from '@/lib/risk/types';
import type { WarningView } from '@/lib/queries/risk/warningViews';
import { SeverityChip, StatusChip } from './Chips';
import Sparkline from './Sparkline';
import WarningActionForm from './WarningActionForm';
import { fmtDateTime, fmtMeasure } from './format';
import s from '../risk.module.css';

function figure(v: WarningView['inputs'][number]): string {
  if (v.value === null || v.value === undefined) return '—';
  if (typeof v.value === 'string') return v.value;
  if (v.unit === 'period') return formatPeriod(v.value);
  if (v.unit === 'text' || !v.unit) return String(v.value);
  return formatValue(v.value, v.unit as IndicatorUnit, { digits: v.digits });
}

/** One warning: what, where, since when, the value against its threshold, its trend, the figures behind it, its handling. */
export default function WarningCard({ w }: { w: WarningView }) {
  const ongoing = w.clearedPeriod === null;
  const span = `${formatPeriod(w.firstPeriod)}—${formatPeriod(w.lastPeriod)}`;
  const state = !ongoing ? `${formatPeriod(w.clearedPeriod)}已恢复` : w.status === 'CLOSED' ? '按现行规则不再触发' : '条件持续';
  return (
    <article className={s.warning} data-severity={w.severity} data-testid="warning-card" data-warning-id={w.id} data-rule={w.ruleCode} aria-labelledby={`w-${w.id}`}>
      <div className={s.warningHead}>
        <SeverityChip severity={w.severity} />
        <h3 className={s.warningTitle} id={`w-${w.id}`}>{w.ruleName}：{w.subjectLabel}</h3>
        <StatusChip status={w.status} />
      </div>
      <p className={s.warningMeta}>
        {w.regionName} · {span}（{state}）· 预警编号 {w.id} · 规则第{w.ruleVersion}版
        {w.peakSeverity !== w.severity && ` · 期间最高：${SEVERITY_LABELS[w.peakSeverity]}`}
      </p>
      <div className={s.warningBody}>
        <div>
          <p className={s.detail}>{w.detail}</p>
          <dl className={s.figures}>
            <div><dt>{formatPeriod(w.valuePeriod)}{w.valuePeriod !== w.lastPeriod ? '（期间最严重）' : ''}值</dt><dd>{fmtMeasure(w.value, w.unit)}</dd></div>
            <div><dt>阈值</dt><dd>{fmtMeasure(w.threshold, w.unit)}</dd></div>
            {w.currentPeriod !== w.valuePeriod && (
              <div><dt>最新（{formatPeriod(w.currentPeriod)}）</dt><dd>{fmtMeasure(w.currentValue, w.unit)}</dd></div>
            )}
          </dl>
        </div>
        <Sparkline points={w.trend} lines={w.lines} unit={w.unit} />
      </div>
      <details className={s.more}>
        <summary>计算依据、走势数据与处理记录{w.actions.length > 0 && (w.status === 'NEW' || w.status === 'VERIFIED') ? '（处理）' : ''}</summary>
        <div className={s.moreGrid}>
          <div>
            <h4>计算依据（{formatPeriod(w.valuePeriod)}）</h4>
            <table className={s.kv}>
              <tbody>
                {w.inputs.map((f, i) => (
                  <tr key={i}><th scope="row">{f.label}</th><td className={typeof f.value === 'number' ? s.num : undefined}>{figure(f)}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
          <div>
            <h4>走势数据</h4>
            <div className={s.scroll}>
              <table className={s.kv} aria-label="走势数据">
                <thead><tr><th scope="col">期间</th><th scope="col">值</th><th scope="col">判定</th></tr></thead>
                <tbody>
                  {[...w.trend].reverse().map((p) => (
                    <tr key={p.period} data-breach={p.severity ? 'true' : undefined}>
                      <td>{formatPeriod(p.period)}</td>
                      <td className={s.num}>{fmtMeasure(p.value, w.unit)}</td>
                      <td>{p.severity ? SEVERITY_LABELS[p.severity] : '正常'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
          <div>
            <h4>处理记录</h4>
            <ol className={s.timeline}>
              {w.events.map((e) => (
                <li key={e.id}>
                  <div className={s.timelineWhen}>{fmtDateTime(e.at)} · {e.actor}</div>
                  <div>
                    <strong>{EVENT_LABELS[e.action as EventAction] ?? e.action}</strong>
                    {e.fromStatus && e.fromStatus !== e.toStatus && `（${STATUS_LABELS[e.fromStatus as WarningStatus]} → ${STATUS_LABELS[e.toStatus as WarningStatus]}）`}
                    ：{e.note}
                  </div>
                </li>
              ))}
            </ol>
            {w.actions.length > 0 ? (
              <div style={{ marginTop: 10 }}>
                <h4>处理</h4>
                <WarningActionForm warningId={w.id} actions={w.actions} />
                {!w.autoClose && <p className={s.hint}>该类预警为欺诈骗保线索，费用回落后仍须人工核实处置。</p>}
              </div>
            ) : null}
          </div>
        </div>
      </details>
    </article>
  );
}
