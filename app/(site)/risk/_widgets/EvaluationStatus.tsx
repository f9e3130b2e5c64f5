import { formatPeriod } from '@/lib/format';
import { getWarningSummary } from '@/lib/queries/risk/getWarningSummary';
import type { Scope } from '@/lib/queries/scope';
import { fmtDateTime } from './format';
import s from '../risk.module.css';

const TRIGGER: Record<string, string> = { IMPORT: '数据导入后自动', MANUAL: '手动', RULE_CHANGE: '阈值调整后', SCRIPT: '命令行' };

/**
 * When the rules last ran, on data up to which month, and what changed. `pool`: the selected city's codes
 * (its own first) among several cities: that city's latest run and its counts (null: one city).
 */
export default async function EvaluationStatus({ scope, pool }: { scope: Scope; pool: string[] | null }) {
  const data = await getWarningSummary(scope, 'ALL', 'ALL', pool).catch(() => null);
  const e = data?.latest;
  if (!e) return <p className={s.sub}>尚未评估</p>;
  return (
    <p className={s.sub} data-testid="evaluation-status">
      数据截至 {formatPeriod(e.dataThrough)} · 最近评估 {fmtDateTime(e.startedAt)}（{TRIGGER[e.trigger] ?? e.trigger}{e.cityCode ? '，仅评估本市' : ''}，{e.triggeredBy}；新发 {e.raised}、解除 {e.closed}）
      {e.windowFrom ? ` · 预警覆盖 ${formatPeriod(e.windowFrom)} 以来持续或发生的情形` : ''}
    </p>
  );
}
