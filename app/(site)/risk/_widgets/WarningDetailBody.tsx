'use client';
// The opened part of a warning card (WarningDetails fetches it): the figures behind the value, the trend
// month by month, the handling history and, for a viewer who may answer it, the handling form.
import type { WarningDetail } from '@/lib/queries/risk/getWarningDetail';
import WarningActionForm from './WarningActionForm';
import s from '../risk.module.css';

export default function Detail({ d, onHandled }: { d: WarningDetail; onHandled: () => void }) {
  return (
    <div className={s.moreGrid} data-testid="warning-detail">
      <div>
        <h4>计算依据（{d.valuePeriod}）</h4>
        <table className={s.kv}>
          <tbody>
            {d.inputs.map((f, i) => (
              <tr key={i}><th scope="row">{f.label}</th><td className={f.numeric ? s.num : undefined}>{f.text}</td></tr>
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
              {d.trend.map((p) => (
                <tr key={p.period} data-breach={p.breach ? 'true' : undefined}>
                  <td>{p.period}</td><td className={s.num}>{p.value}</td><td>{p.verdict}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <div>
        <h4>处理记录</h4>
        <ol className={s.timeline}>
          {d.events.map((e) => (
            <li key={e.id}>
              <div className={s.timelineWhen}>{e.when} · {e.actor}</div>
              <div><strong>{e.action}</strong>{e.change && `（${e.change}）`}：{e.note}</div>
            </li>
          ))}
        </ol>
        {d.actions.length > 0 ? (
          <div style={{ marginTop: 10 }}>
            <h4>处理</h4>
            <WarningActionForm warningId={d.id} actions={d.actions} onDone={onHandled} />
            {!d.autoClose && <p className={s.hint}>该类预警为欺诈骗保线索，费用回落后仍须人工核实处置。</p>}
          </div>
        ) : null}
      </div>
    </div>
  );
}
