'use client';

import { useActionState } from 'react';
import { reevaluateAction, type ActionState } from '../actions';
import s from '../risk.module.css';

/** 重新评估: runs every rule now (imports run it automatically); `city`: that city's pool only, among several. */
export default function ReevaluateForm({ city }: { city?: string }) {
  const [state, action, pending] = useActionState<ActionState | null, FormData>(reevaluateAction, null);
  return (
    <form action={action} className={s.form} style={{ justifyItems: 'end' }}>
      {city && <input type="hidden" name="city" value={city} />}
      <button type="submit" className="btn btn-primary" disabled={pending}>{pending ? '评估中…' : '重新评估'}</button>
      {state && <p className={state.ok ? s.msgOk : s.msgErr} role="status">{state.message}</p>}
    </form>
  );
}
