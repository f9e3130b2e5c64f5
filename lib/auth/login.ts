// Sign-in with lockout and rate limiting, around better-auth's username sign-in (which checks the
// scrypt hash and creates the session; inside a server action its nextCookies plugin sets the cookie).
import { APIError } from 'better-auth/api';
import type { Db } from '@/lib/db';
import { recordAudit } from '@/lib/audit/record';
import { getAuth } from './auth';
import { formatTimeZh } from '../dates';

/** Consecutive failures that lock an account, and for how long. */
export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MINUTES = 15;
/** Failed attempts per client address in a window (any usernames): slows password spraying. */
export const IP_WINDOW_MS = 10 * 60_000;
export const IP_MAX_ATTEMPTS = 20;

const failuresByIp = new Map<string, number[]>();

/** The ms `ip` must wait before trying again (0: may try now). */
export function rateLimitWait(ip: string, now = Date.now()): number {
  const list = (failuresByIp.get(ip) ?? []).filter((t) => now - t < IP_WINDOW_MS);
  failuresByIp.set(ip, list);
  return list.length >= IP_MAX_ATTEMPTS ? IP_WINDOW_MS - (now - list[0]) : 0;
}

/** Counts a failed attempt from `ip`. */
export function rateLimitFail(ip: string, now = Date.now()): void {
  const list = failuresByIp.get(ip) ?? [];
  list.push(now);
  failuresByIp.set(ip, list);
  if (failuresByIp.size > 10_000) for (const [k, v] of failuresByIp) if (!v.some((t) => now - t < IP_WINDOW_MS)) failuresByIp.delete(k);
}

export type LoginResult =
  | { ok: true; userId: string; role: string; name: string }
  | { ok: false; error: string; locked?: boolean };

const fmtTime = formatTimeZh; // Beijing time, as every page shows instants

/**
 * Checks the rate limit and lockout, then signs in through better-auth. Every outcome is audited
 * (LOGIN, LOGIN_FAILED, LOGIN_LOCKED). Errors are Chinese and do not say whether a username exists,
 * except that a locked or disabled account says so.
 */
export async function attemptLogin(db: Db, input: { username: string; password: string; ip: string; secure: boolean; headers: Headers }): Promise<LoginResult> {
  const username = input.username.trim().toLowerCase().slice(0, 60);
  const anon = { id: null, name: username || '（空）', role: 'anonymous' };
  const wait = rateLimitWait(input.ip);
  if (wait > 0) {
    await recordAudit(db, { actor: anon, action: 'LOGIN_FAILED', detail: '同一地址尝试次数过多，已限流', ip: input.ip });
    return { ok: false, error: `登录尝试次数过多，请${Math.ceil(wait / 60_000)}分钟后再试` };
  }
  if (!username || !input.password) return { ok: false, error: '请输入用户名和密码' };
  const user = await db.prisma.user.findUnique({ where: { username } });
  const actor = user ? { id: user.id, name: username, role: user.role } : anon;
  const now = new Date();
  if (user?.lockedUntil && user.lockedUntil > now) {
    await recordAudit(db, { actor, action: 'LOGIN_FAILED', target: `user:${username}`, detail: '账号锁定期间尝试登录', ip: input.ip });
    return { ok: false, locked: true, error: `该账号因连续${LOCK_AFTER_FAILURES}次密码错误已被锁定，请于 ${fmtTime(user.lockedUntil)} 后重试或联系管理员` };
  }
  if (user?.disabled) {
    await recordAudit(db, { actor, action: 'LOGIN_FAILED', target: `user:${username}`, detail: '账号已停用', ip: input.ip });
    return { ok: false, error: '该账号已停用，请联系管理员' };
  }
  try {
    const r = await getAuth(db, input.secure).api.signInUsername({ body: { username, password: input.password, rememberMe: true }, headers: input.headers });
    if (!r?.user) throw new Error('no user');
  } catch (err) {
    if (!(err instanceof APIError)) throw err;
    rateLimitFail(input.ip);
    if (user) {
      const failed = user.failedLogins + 1;
      const lock = failed >= LOCK_AFTER_FAILURES;
      const lockedUntil = lock ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : null;
      await db.prisma.user.update({ where: { id: user.id }, data: { failedLogins: lock ? 0 : failed, lockedUntil } });
      await recordAudit(db, { actor, action: 'LOGIN_FAILED', target: `user:${username}`, detail: `密码错误（连续第${failed}次）`, ip: input.ip });
      if (lock) {
        await recordAudit(db, { actor, action: 'LOGIN_LOCKED', target: `user:${username}`, detail: `连续${failed}次密码错误，锁定${LOCK_MINUTES}分钟`, after: { lockedUntil }, ip: input.ip });
        return { ok: false, locked: true, error: `密码连续错误${LOCK_AFTER_FAILURES}次，账号已锁定${LOCK_MINUTES}分钟（至 ${fmtTime(lockedUntil!)}）` };
      }
    } else {
      await recordAudit(db, { actor: anon, action: 'LOGIN_FAILED', detail: '用户名不存在', ip: input.ip });
    }
    return { ok: false, error: '用户名或密码不正确' };
  }
  await db.prisma.user.update({ where: { id: user!.id }, data: { failedLogins: 0, lockedUntil: null } });
  await recordAudit(db, { actor, action: 'LOGIN', target: `user:${username}`, ip: input.ip });
  return { ok: true, userId: user!.id, role: user!.role, name: user!.name };
}
