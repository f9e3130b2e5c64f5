'use client';

import { useActionState } from 'react';
import { loginAction } from './actions';
import type { FormState } from '../ui/actionState';
import f from '../ui/forms.module.css';

export default function LoginForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState<FormState | null, FormData>(loginAction, null);
  return (
    <form action={action} className={f.form} aria-label="登录">
      <input type="hidden" name="next" value={next} />
      <label className={f.field}>
        <span>用户名</span>
        <input name="username" autoComplete="username" required maxLength={60} autoCapitalize="none" spellCheck={false} />
      </label>
      <label className={f.field}>
        <span>密码</span>
        <input name="password" type="password" autoComplete="current-password" required maxLength={128} />
      </label>
      <div>
        <button type="submit" className="btn btn-primary" disabled={pending}>{pending ? '登录中…' : '登录'}</button>
      </div>
      {state && !state.ok && <p className={f.msgErr} role="alert">{state.message}</p>}
    </form>
  );
}
