'use client';

import { useActionState, useEffect, useRef } from 'react';
import { handleWarningAction, type ActionState } from '../actions';
import { HANDLE_ACTION_LABELS, type HandleAction } from '@/lib/risk/types';
import s from '../risk.module.css';

/** 核实 / 处置 / 误报 / 补充说明 with a required note; the server validates and checks the viewer's scope. */
export default function WarningActionForm({ warningId, actions, onDone }: { warningId: number; actions: HandleAction[]; /** after a step was saved */ onDone?: () => void }) {
  const [state, action, pending] = useActionState<ActionState | null, FormData>(handleWarningAction, null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!state?.ok) return;
    form.current?.reset();
    onDone?.();
    // once per answer (state changes identity per answer); onDone is not a reason to run again
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);
  return (
    <form ref={form} action={action} className={s.form} aria-label="处理预警">
      <input type="hidden" name="warningId" value={warningId} />
      <fieldset className={s.radios} style={{ border: 0, padding: 0, margin: 0 }}>
        <legend className="visually-hidden">处理操作</legend>
        {actions.map((a, i) => (
          <label key={a}>
            <input type="radio" name="action" value={a} defaultChecked={i === 0} required />
            {HANDLE_ACTION_LABELS[a]}
          </label>
        ))}
      </fieldset>
      <label className="visually-hidden" htmlFor={`note-${warningId}`}>处理说明</label>
      <textarea id={`note-${warningId}`} name="note" placeholder="处理说明（必填）：核实情况、处置措施或误报原因" required minLength={2} maxLength={1000} />
      <div>
        <button type="submit" className="btn btn-primary" disabled={pending}>{pending ? '提交中…' : '提交'}</button>
      </div>
      {state && <p className={state.ok ? s.msgOk : s.msgErr} role={state.ok ? 'status' : 'alert'}>{state.message}</p>}
    </form>
  );
}
