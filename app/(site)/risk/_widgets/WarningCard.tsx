import { formatPeriod } from '@/lib/format';
import { SEVERITY_LABELS } from '@/lib/risk/types';
import type { WarningView } from '@/lib/queries/risk/warningViews';
import { SeverityChip, StatusChip } from './Chips';
import Sparkline from './Sparkline';
import WarningDetails from './WarningDetails';
import { fmtMeasure } from './format';
import s from '../risk.module.css';

/**
 * One warning: what, where, since when, the value against its threshold and its trend; the figures behind
 * it, the trend table and its handling load when the reader opens it (WarningDetails).
 */
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
        <WarningDetails id={w.id} hintClass={s.hint} errorClass={s.msgErr} />
      </details>
    </article>
  );
}
