import 'server-only';
import { cache } from 'react';
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { getDb } from '@/lib/db';
import type { AuditActor } from '@/lib/audit/record';
import { boundCity, CITY_SCOPE, type Scope } from '@/lib/queries/scope';
import { getDatasetInfo } from '@/lib/queries/meta/getDatasetInfo';
import { getAuth } from './auth';

/** The roles of 《关于实施基本医疗保险和生育保险市级统筹的意见》's users: 管理员, 市医保局/市领导, 县（市、区）, 公众. */
export type Role = 'admin' | 'city' | 'county' | 'public';

export interface Viewer {
  /** what the viewer's queries may read; always from the session on the server, never from the URL */
  scope: Scope;
  role: Role;
  /** null for the anonymous public */
  userId: string | null;
  /** the name recorded on actions (handling notes, rule versions, imports): the user's 姓名/单位 */
  name: string;
  /** login name; '' for the public (optional so hand-built viewers in tests stay valid) */
  username?: string;
  /** the session token (to keep this session when the password changes); null for the public */
  sessionToken?: string | null;
}

export const PUBLIC_VIEWER: Viewer = { scope: { kind: 'public' }, role: 'public', userId: null, name: '公众', username: '', sessionToken: null };

/** HTTPS directly or behind a proxy that says so: decides the cookie's Secure flag (lib/auth/auth.ts). */
export function isSecureRequest(h: Headers): boolean {
  if (process.env.AUTH_SECURE_COOKIES === '1') return true;
  return (h.get('x-forwarded-proto') ?? '').split(',')[0].trim() === 'https';
}

/** The client address for rate limits and the audit trail (the proxy's X-Forwarded-For first hop, if any). */
export function clientIp(h: Headers): string {
  return (h.get('x-forwarded-for') ?? '').split(',')[0].trim() || h.get('x-real-ip') || 'local';
}

/**
 * The viewer a request's headers stand for: the better-auth session from its cookie, checked against the
 * Session table (a revoked or expired session is anonymous at once). A disabled user, or a county user
 * without a region, is the anonymous public. A city user with a region (a city's code, lib/auth/users) is
 * bound to that city; without one they see every city (the province level). Used by getViewer and by
 * proxy.ts (which picks the kept rendering of a dashboard for the viewer's scope, lib/auth/pageCache).
 */
export async function viewerFromHeaders(h: Headers): Promise<Viewer> {
  const session = await getAuth(getDb(), isSecureRequest(h)).api.getSession({ headers: h }).catch((err) => {
    console.error('[auth] session lookup failed', err instanceof Error ? err.message : err);
    return null;
  });
  if (!session) return PUBLIC_VIEWER;
  const u = session.user as typeof session.user & { role?: string; regionCode?: string | null; disabled?: boolean; username?: string | null };
  if (u.disabled) return PUBLIC_VIEWER;
  const base = { userId: u.id, name: u.name, username: u.username ?? '', sessionToken: session.session.token };
  if (u.role === 'admin') return { ...base, role: 'admin', scope: CITY_SCOPE };
  if (u.role === 'city') return { ...base, role: 'city', scope: u.regionCode ? { kind: 'city', cityCode: u.regionCode } : CITY_SCOPE };
  if (u.role === 'county' && u.regionCode) return { ...base, role: 'county', scope: { kind: 'county', regionCode: u.regionCode } };
  return PUBLIC_VIEWER;
}

const sessionViewer = cache(async (): Promise<Viewer> => viewerFromHeaders(await headers()));

/** The viewer a kept dashboard rendering was made for (lib/auth/pageCache), for this render only. */
const boundViewer = cache((): { viewer: Viewer | null } => ({ viewer: null }));

/**
 * Only for lib/auth/pageCache's bindCachedViewer, after it has verified the signed page token that
 * proxy.ts issued from the session: the rest of this render sees `v` as who is asking.
 */
export function bindVerifiedViewer(v: Viewer): void {
  boundViewer().viewer = v;
}

/**
 * Who is asking, once per request. The one seam every page, route handler, server action and export
 * calls: the session's viewer (viewerFromHeaders), or, in a kept dashboard rendering, the scope proxy.ts
 * checked the session for and signed into the page's address.
 */
export async function getViewer(): Promise<Viewer> {
  return boundViewer().viewer ?? sessionViewer();
}

/** Signed-in roles. 'city' includes admins for reading (an admin sees what the city sees). */
export type RequiredRole = Exclude<Role, 'public'>;

/** Whether the viewer has one of `roles` (admins pass a 'city' requirement). */
export function hasRole(viewer: Viewer, roles: readonly RequiredRole[]): boolean {
  if (viewer.role === 'public') return false;
  if (roles.includes(viewer.role)) return true;
  return viewer.role === 'admin' && roles.includes('city');
}

/**
 * For pages and layouts: the viewer, or a redirect to /login (anonymous, with ?next= the current path
 * when the proxy passed it) or the 403 page (app/forbidden.tsx: signed in but not one of `roles`).
 * Default roles: any signed-in user.
 */
export async function requireViewer(opts: { roles?: readonly RequiredRole[] } = {}): Promise<Viewer> {
  const v = await getViewer();
  if (v.role === 'public') {
    const path = (await headers()).get('x-yibao-path');
    redirect(path && path.startsWith('/') && !path.startsWith('//') ? `/login?next=${encodeURIComponent(path)}` : '/login');
  }
  if (opts.roles && !hasRole(v, opts.roles)) forbidden();
  return v;
}

/**
 * A county user may only open its own county's detail, a city user bound to a city only that city's
 * counties (or the city itself); others get the 403 page.
 */
export async function requireRegionAccess(viewer: Viewer, regionCode: string): Promise<void> {
  if (viewer.scope.kind === 'county' && viewer.scope.regionCode !== regionCode) forbidden();
  const bound = boundCity(viewer.scope);
  if (bound !== null) {
    const cities = (await getDatasetInfo())?.cities ?? [];
    const city = cities.find((c) => c.code === regionCode || c.counties.some((k) => k.code === regionCode));
    if (city?.code !== bound) forbidden();
  }
}

/** Messages route handlers and server actions answer with (the access-matrix test looks for them). */
export const DENIED = { anonymous: '请先登录', role: '无权执行此操作' } as const;

/**
 * For route handlers: the viewer, or a JSON 401/403 Response to return. Usage:
 *   const v = await viewerFor(['admin']); if (v instanceof Response) return v;
 */
export async function viewerFor(roles?: readonly RequiredRole[]): Promise<Viewer | Response> {
  const v = await getViewer();
  if (v.role === 'public') return Response.json({ error: DENIED.anonymous }, { status: 401, headers: { 'Cache-Control': 'no-store' } });
  if (roles && !hasRole(v, roles)) return Response.json({ error: DENIED.role }, { status: 403, headers: { 'Cache-Control': 'no-store' } });
  return v;
}

/** For server actions: the viewer, or the Chinese refusal to return to the form. */
export async function viewerForAction(roles?: readonly RequiredRole[]): Promise<{ viewer: Viewer; denied: null } | { viewer: null; denied: string }> {
  const v = await getViewer();
  if (v.role === 'public') return { viewer: null, denied: DENIED.anonymous };
  if (roles && !hasRole(v, roles)) return { viewer: null, denied: DENIED.role };
  return { viewer: v, denied: null };
}

/** The audit actor for a signed-in viewer. */
export function auditActor(v: Viewer): AuditActor {
  return { id: v.userId, name: v.username || v.name, role: v.role };
}
