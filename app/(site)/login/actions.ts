'use server';
// 登录 / 退出登录. Sign-in goes through lib/auth/login (lockout, rate limit, audit) and better-auth; the
// session cookie is set by better-auth's nextCookies plugin.
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { refresh } from 'next/cache';
import { forgetSessions } from '@/lib/auth/sessionMemo';
import { DISPLAY_NAME_COOKIE, displayNameCookieOptions } from '@/lib/auth/displayName';
import { getDb } from '@/lib/db';
import { attemptLogin } from '@/lib/auth/login';
import { getAuth } from '@/lib/auth/auth';
import { auditActor, clientIp, isSecureRequest, viewerForAction } from '@/lib/auth/viewer';
import { recordAudit } from '@/lib/audit/record';
import { formFail, type FormState } from '../ui/actionState';

/** Only same-site relative paths: `?next=` must not become an open redirect. */
function safeNext(raw: FormDataEntryValue | null): string {
  const s = typeof raw === 'string' ? raw : '';
  return s.startsWith('/') && !s.startsWith('//') && !s.startsWith('/\\') && !s.startsWith('/login') ? s : '/';
}

export async function loginAction(_prev: FormState | null, form: FormData): Promise<FormState> {
  const h = await headers();
  const r = await attemptLogin(getDb(), {
    username: String(form.get('username') ?? ''),
    password: String(form.get('password') ?? ''),
    ip: clientIp(h), secure: isSecureRequest(h), headers: h,
  });
  if (!r.ok) return formFail(r.error);
  // The name the user menu of kept dashboards shows (their HTML is shared by a scope; lib/auth/pageCache).
  (await cookies()).set(DISPLAY_NAME_COOKIE, r.name, displayNameCookieOptions(isSecureRequest(h)));
  // The browser's router cache only (the shell shows who is signed in); the kept pages stay kept.
  refresh();
  redirect(safeNext(form.get('next')));
}

export async function logoutAction(_prev: FormState | null, _form: FormData): Promise<FormState> {
  const { viewer, denied } = await viewerForAction();
  if (!viewer) return formFail(denied);
  const h = await headers();
  await getAuth(getDb(), isSecureRequest(h)).api.signOut({ headers: h });
  forgetSessions();
  (await cookies()).delete(DISPLAY_NAME_COOKIE);
  await recordAudit(getDb(), { actor: auditActor(viewer), action: 'LOGOUT', target: `user:${viewer.username}`, ip: clientIp(h) });
  // The browser's router cache only (the shell shows who is signed in); the kept pages stay kept.
  refresh();
  redirect('/login');
}
