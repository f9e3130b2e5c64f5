'use client';

import { useActionState } from 'react';
import Link from 'next/link';
import { logoutAction } from '../login/actions';
import type { FormState } from './actionState';

/** Who is signed in, 修改密码 and 退出登录 (in the header of every page). */
export default function UserMenu({ name, roleLabel }: { name: string; roleLabel: string }) {
  const [state, action, pending] = useActionState<FormState | null, FormData>(logoutAction, null);
  return (
    <div className="user-menu" aria-label="当前用户">
      <span className="user-menu-name" title={roleLabel}>
        {name}
        <span className="user-menu-role">{roleLabel}</span>
      </span>
      <Link href="/account">修改密码</Link>
      <form action={action}>
        <button type="submit" className="user-menu-logout" disabled={pending}>退出登录</button>
      </form>
      {state && !state.ok && <span role="alert">{state.message}</span>}
    </div>
  );
}
