import ErrorState from '@/app/(site)/ui/ErrorState';
import { formatValue } from '@/lib/format';
import type { IndicatorUnit } from '@/lib/indicators/types';
import { getRuleDefinitions } from '@/lib/queries/risk/getRuleDefinitions';
import type { Scope } from '@/lib/queries/scope';
import { SeverityChip } from './Chips';
import RuleFormLazy from './RuleFormLazy';
import { fmtDateTime } from './format';
import s from '../risk.module.css';

const LEVEL: Record<string, string> = { fund: '统筹基金', county: '县（市、区）', institution: '定点医疗机构' };

const paramText = (v: number, unit: string) => formatValue(v, unit as IndicatorUnit, { digits: unit === 'count' ? (Number.isInteger(v) ? 0 : 1) : undefined });

/** The rules: what each watches, the registry indicators it reads, its bands at the thresholds in force, and every version. */
export default async function RuleDefinitions({ scope, canEdit: mayEdit = false }: { scope: Scope; /** admins only: thresholds are administration */ canEdit?: boolean }) {
  let rules;
  try {
    rules = await getRuleDefinitions();
  } catch (err) {
    console.error('[risk] rules', err);
    return <ErrorState message="规则定义加载失败，请稍后重试。" />;
  }
  const canEdit = scope.kind === 'city' && mayEdit;
  return (
    <div className={s.rules}>
      {rules.map((r) => (
        <section key={r.code} className={s.rule} aria-labelledby={`rule-${r.code}`} data-testid={`rule-${r.code}`}>
          <h3 id={`rule-${r.code}`}>{r.name} {!r.current.enabled && <span className="badge">已停用</span>}</h3>
          <p className={s.hint}>
            <code>{r.code}</code> · 对象：{LEVEL[r.level]} · {r.autoClose ? '条件解除后自动关闭' : '指标恢复后仍须人工处置'} ·
            第{r.current.version || '—'}版（{r.current.changedBy}{r.current.changedAt ? `，${fmtDateTime(r.current.changedAt)}` : ''}）
          </p>
          <p>{r.watches}</p>
          <ul className={s.bands}>
            {r.bands.map((b) => <li key={b.severity}><SeverityChip severity={b.severity} /><span>{b.text}</span></li>)}
            <li><span className={s.hint}>连续{r.current.values.minMonths}个月触发发出预警，连续{r.current.values.clearMonths}个月未触发视为解除。</span></li>
          </ul>
          <p className={s.hint}>
            指标：{r.indicators.map((i) => `${i.name}（${i.formula}）`).join('；')}
          </p>
          {r.policyRef && <p className={s.hint}>依据：{r.policyRef}</p>}
          {r.note && <p className={s.hint}>说明：{r.note}</p>}
          <details className={s.more}>
            <summary>{canEdit ? '调整阈值与版本记录' : '版本记录'}</summary>
            {canEdit && <RuleFormLazy code={r.code} params={r.params} values={r.current.values} enabled={r.current.enabled} />}
            <table className={s.kv} style={{ marginTop: 10 }} aria-label="版本记录">
              <thead><tr><th scope="col">版本</th><th scope="col">阈值</th><th scope="col">调整人 · 时间</th><th scope="col">说明</th></tr></thead>
              <tbody>
                {r.history.map((h) => (
                  <tr key={h.version}>
                    <td>第{h.version}版{h.enabled ? '' : '（停用）'}</td>
                    <td>{r.params.map((p) => `${p.label} ${paramText(h.values[p.key], p.unit)}`).join('；')}</td>
                    <td>{h.changedBy} · {fmtDateTime(h.changedAt)}</td>
                    <td>{h.note ?? '—'}</td>
                  </tr>
                ))}
                {r.history.length === 0 && <tr><td colSpan={4}>尚未保存（使用平台默认阈值，首次评估时存为第1版）</td></tr>}
              </tbody>
            </table>
          </details>
        </section>
      ))}
    </div>
  );
}
