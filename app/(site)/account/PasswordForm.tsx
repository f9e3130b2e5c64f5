'use client';

import { useActionState, useEffect, useRef } from 'react';
import { changePasswordAction } from './actions';
import type { FormState } from '../ui/actionState';
import f from '../ui/forms.module.css';

export default function PasswordForm({ minLength }: { minLength: number }) {
  const [state, action, pending] = useActionState<FormState | null, FormData>(changePasswordAction, null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  return (
    <form ref={form} action={action} className={f.form} aria-label="修改密码">
      <label className={f.field}>
        <span>当前密码</span>
        <input name="current" type="password" autoComplete="current-password" required maxLength={128} />
      </label>
      <label className={f.field}>
        <span>新密码（至少{minLength}位）</span>
        <input name="next" type="password" autoComplete="new-password" required minLength={minLength} maxLength={128} />
      </label>
      <label className={f.field}>
        <span>再次输入新密码</span>
        <input name="confirm" type="password" autoComplete="new-password" required minLength={minLength} maxLength={128} />
      </label>
      <div>
        <button type="submit" className="btn btn-primary" disabled={pending}>{pending ? '保存中…' : '修改密码'}</button>
      </div>
      {state && <p className={state.ok ? f.msgOk : f.msgErr} role={state.ok ? 'status' : 'alert'}>{state.message}</p>}
    </form>
  );
}
