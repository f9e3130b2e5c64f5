'use client';
// The opened part of a warning card: the figures behind the value, the trend month by month, the handling
// history and the handling form. Fetched when the reader opens it (app/(site)/api/risk/warnings/[id], which
// checks the viewer's scope), not inlined for every warning of the list; fetched again after a handling
// step so the history shows it.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { WarningDetail } from '@/lib/queries/risk/getWarningDetail';
import WarningActionForm from './WarningActionForm';
import s from '../risk.module.css';

type State = { kind: 'idle' } | { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ok'; detail: WarningDetail };

export default function WarningDetails({ id, summary }: { id: number; summary: string }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const load = useCallback(async (quiet = false) => {
    if (!quiet) setState({ kind: 'loading' });
    try {
      const res = await fetch(`/api/risk/warnings/${id}`, { cache: 'no-store' });
      const body = await res.json().catch(() => null);
      if (!res.ok) throw new Error(body?.error ?? `加载失败（${res.status}）`);
      setState({ kind: 'ok', detail: body as WarningDetail });
    } catch (err) {
      setState({ kind: 'error', message: err instanceof Error && err.message ? err.message : '加载失败' });
    }
  }, [id]);
  const ref = useRef<HTMLDetailsElement>(null);
  // Opened before the page hydrated (the toggle event came before React listened): load now.
  useEffect(() => {
    if (ref.current?.open) void load();
  }, [load]);
  return (
    <details ref={ref} className={s.more} onToggle={(e) => { if (e.currentTarget.open && state.kind === 'idle') void load(); }}>
      <summary>{summary}</summary>
      {state.kind === 'loading' || state.kind === 'idle' ? <p className={s.hint} role="status">加载中…</p> : null}
      {state.kind === 'error' && (
        <p className={s.msgErr} role="alert">{state.message}。<button type="button" className="btn" onClick={() => void load()}>重试</button></p>
      )}
      {state.kind === 'ok' && <Detail d={state.detail} onHandled={() => void load(true)} />}
    </details>
  );
}

function Detail({ d, onHandled }: { d: WarningDetail; onHandled: () => void }) {
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
