'use client';

import { useActionState, useSyncExternalStore } from 'react';
import Link from 'next/link';
import { logoutAction } from '../login/actions';
import type { FormState } from './actionState';
import { DISPLAY_NAME_COOKIE } from '@/lib/auth/displayName';

// Kept dashboard renderings (lib/auth/pageCache) are shared by a scope, so their HTML has no name in it:
// the name comes from the display cookie once the page runs.
const noSubscription = () => () => {};
function cookieName(): string {
  const raw = document.cookie.split('; ').find((c) => c.startsWith(`${DISPLAY_NAME_COOKIE}=`))?.slice(DISPLAY_NAME_COOKIE.length + 1);
  try {
    return raw ? decodeURIComponent(raw) : '';
  } catch {
    return '';
  }
}

/** Who is signed in, 修改密码 and 退出登录 (in the header of every page). `name` '': from the display cookie. */
export default function UserMenu({ name: given, roleLabel }: { name: string; roleLabel: string }) {
  const [state, action, pending] = useActionState<FormState | null, FormData>(logoutAction, null);
  const fromCookie = useSyncExternalStore(noSubscription, cookieName, () => '');
  const name = given || fromCookie;
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
