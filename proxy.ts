// Sends visitors without a session cookie from app pages to /login (with ?next=) and answers API calls
// with 401, and passes the path to pages (x-yibao-path) so requireViewer can build the same redirect.
// Every page, route handler and server action checks the session itself (lib/auth/viewer), including
// requests that carry a forged or expired cookie — except the dashboards kept rendered per scope
// (lib/auth/pageCache): for those, this proxy checks the session against the database (remembered a few
// seconds, lib/auth/sessionMemo) and rewrites to the rendering kept for the viewer's scope; a request it
// does not rewrite (the public, another county's page) is rendered per request and checked there.
// Before that, paths that cannot be answered are refused while the status can still be chosen (pages
// stream behind their loading states with status 200; lib/params checkPath): undecodable escapes → 400
// with a Chinese message, impossible county/batch ids → the Chinese not-found page with 404.
// It also sets the Content-Security-Policy with a fresh nonce per request: Next reads the nonce from the
// request's CSP header and puts it on its own inline scripts, so no 'unsafe-inline' for scripts.
import { NextResponse, type NextRequest } from 'next/server';
import { isPublicPath } from '@/lib/auth/routes';
import { checkPath } from '@/lib/params';
import { contentSecurityPolicy } from '@/lib/csp';
import { isSecureRequest, viewerFromHeaders } from '@/lib/auth/viewer';
import { cachedPageTarget, isCachedPagePath } from '@/lib/auth/pageCache';
import { DISPLAY_NAME_COOKIE, displayNameCookieOptions } from '@/lib/auth/displayName';
import { readDataVersionDirect } from '@/lib/cache';
import { rememberedViewer } from '@/lib/auth/sessionMemo';
import { getDb } from '@/lib/db';
import { boundCity } from '@/lib/auth/scope';
import { cityOfStoredRegion } from '@/lib/queries/pool';

const NOT_FOUND_PATH = '/_not-found-by-proxy';

const SESSION_COOKIES = ['yibao.session_token', '__Secure-yibao.session_token'];

// Marks this proxy's own rewrite to a kept rendering: when Next runs the proxy again for the rewritten
// address (it does when its own origin differs from ownUrl's, e.g. behind a TLS proxy), the mark lets it through.
// A per-process secret, so an outside request to /v/… cannot carry it.
const KEPT_MARK = 'x-yibao-kept';
const KEPT_SECRET = crypto.randomUUID();

/**
 * An address on this server as Next's router names itself (`next start -H 127.0.0.1` → http://127.0.0.1:PORT),
 * not req.url's (always localhost): with another origin a rewrite is fetched over HTTP, through this proxy
 * again. next.config.js skipProxyUrlNormalize keeps Next from swapping the origin back.
 */
function ownUrl(path: string, req: NextRequest): URL {
  return new URL(path, process.env.__NEXT_PRIVATE_ORIGIN ?? req.url);
}

/** The redirect to /login on the host the browser asked for (its Host header, as Next itself would). */
function toLogin(req: NextRequest, search: string): NextResponse {
  const url = req.nextUrl.clone();
  url.host = req.headers.get('host') ?? url.host;
  url.pathname = '/login';
  url.search = search;
  return NextResponse.redirect(url);
}

export async function proxy(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy({ nonce });
  const headers = new Headers(req.headers);
  headers.set('x-yibao-path', pathname + search);
  headers.set('x-nonce', nonce);
  headers.set('content-security-policy', csp);
  // Our own not-found rewrite, seen again (when Next runs the proxy again for a rewritten address, see
  // KEPT_MARK): the 404 page, for the signed-in and the public alike.
  if (pathname === NOT_FOUND_PATH) {
    const out = NextResponse.next({ request: { headers } });
    out.headers.set('Content-Security-Policy', csp);
    return out;
  }
  if (!pathname.startsWith('/api/')) {
    const verdict = checkPath(pathname);
    if (verdict.kind === 'bad-request') {
      return new NextResponse('<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>地址有误</title><body style="font-family:sans-serif;padding:2em"><h1>地址有误（400）</h1><p>地址中含有无法识别的字符，请检查链接或<a href="/">返回总览</a>。</p></body></html>', {
        status: 400,
        headers: { 'content-type': 'text/html; charset=utf-8', 'Content-Security-Policy': csp },
      });
    }
    if (verdict.kind !== 'ok') {
      // An unmatched path renders app/not-found.tsx with status 404; the header says what was missing.
      headers.set('x-not-found', verdict.what);
      const out = NextResponse.rewrite(ownUrl(NOT_FOUND_PATH, req), { request: { headers } });
      out.headers.set('Content-Security-Policy', csp);
      return out;
    }
  }
  // The kept dashboard renderings are reached only through the rewrite below, never by their own address.
  if (pathname === '/v' || pathname.startsWith('/v/')) {
    if (req.headers.get(KEPT_MARK) === KEPT_SECRET) return keptHeaders(NextResponse.next());
    const out = NextResponse.rewrite(ownUrl(NOT_FOUND_PATH, req), { request: { headers } });
    out.headers.set('Content-Security-Policy', csp);
    return out;
  }
  // A report path with a decodable escape: the cached public page as is, with next.config.js's fixed policy.
  if (pathname === '/open' || pathname.startsWith('/open/')) return NextResponse.next();
  const hasSession = SESSION_COOKIES.some((c) => req.cookies.has(c));
  if (!hasSession && !isPublicPath(pathname) && !req.headers.get('next-action')) {
    const out = pathname.startsWith('/api/') ? NextResponse.json({ error: '请先登录' }, { status: 401 }) : toLogin(req, pathname === '/' ? '' : `?next=${encodeURIComponent(pathname + search)}`);
    out.headers.set('Content-Security-Policy', csp);
    return out;
  }
  // GET, and the server actions its forms post to the same address (重新评估, 处理 on 风险预警): an action
  // answered by the page the browser shows keeps the router on that page; the action checks the session itself.
  const keptMethod = req.method === 'GET' || (req.method === 'POST' && req.headers.has('next-action'));
  if (hasSession && keptMethod && isCachedPagePath(pathname)) {
    const kept = await keptRendering(req);
    if (kept) return kept;
  }
  const res = NextResponse.next({ request: { headers } });
  res.headers.set('Content-Security-Policy', csp);
  return res;
}

/** The headers of a kept rendering's response (set again when Next runs the proxy for the rewrite). */
function keptHeaders(out: NextResponse): NextResponse {
  // Kept HTML carries no per-response nonce: this origin's scripts and inline scripts, as on /open.
  out.headers.set('Content-Security-Policy', contentSecurityPolicy());
  // Kept for a scope on this server, nowhere else: no shared cache (a CDN, a company proxy) and no browser
  // (a shared PC after sign-out) may keep it. Next would send s-maxage for a page it keeps; it leaves a
  // Cache-Control already set alone.
  out.headers.set('Cache-Control', 'private, no-store');
  return out;
}

/**
 * A signed-in viewer's request for a dashboard, answered from the rendering kept for their scope and the
 * current data version (lib/auth/pageCache): the session is checked here against the database, as the page
 * itself would. Null (render per request) for the public, an expired session or a page not kept.
 */
async function keptRendering(req: NextRequest): Promise<NextResponse | null> {
  const db = getDb();
  const cookie = SESSION_COOKIES.map((c) => req.cookies.get(c)?.value ?? '').join('|');
  let viewer, version;
  try {
    [viewer, version] = await Promise.all([rememberedViewer(cookie, () => viewerFromHeaders(req.headers)), readDataVersionDirect(db)]);
  } catch (err) {
    // A locked or unreachable database: the page rendered per request shows its own error states.
    console.error('[proxy] kept page lookup failed', err instanceof Error ? err.message : err);
    return null;
  }
  // A city user bound to a city opening a county's page, or naming a region: kept only when the county (each
  // region) is of their city.
  const bound = boundCity(viewer.scope) !== null;
  const county = bound ? /^\/counties\/([0-9A-Z]{6})$/.exec(req.nextUrl.pathname)?.[1] : undefined;
  const regions = bound ? [...new Set(req.nextUrl.searchParams.getAll('region').filter((r) => /^[0-9A-Z]{6}$/.test(r)))] : [];
  // More than a filter bar ever sends: rendered per request (no unbounded lookups here).
  if (regions.length > 2) return null;
  let countyCity: string | null = null;
  const regionCities = new Map<string, string | null>();
  try {
    if (county) countyCity = await cityOfStoredRegion(db, county);
    for (const r of regions) regionCities.set(r, await cityOfStoredRegion(db, r));
  } catch (err) {
    console.error('[proxy] kept page lookup failed', err instanceof Error ? err.message : err);
    return null;
  }
  const target = cachedPageTarget(viewer, req.nextUrl.pathname, req.nextUrl.searchParams, version, countyCity, regionCities);
  if (!target) return null;
  const url = ownUrl(target, req);
  const rsc = req.nextUrl.searchParams.get('_rsc');
  if (rsc !== null) url.searchParams.set('_rsc', rsc);
  const marked = new Headers(req.headers);
  marked.set(KEPT_MARK, KEPT_SECRET);
  const out = NextResponse.rewrite(url, { request: { headers: marked } });
  keptHeaders(out);
  // For the user menu only (the kept HTML has no name); never used to decide anything.
  if (req.cookies.get(DISPLAY_NAME_COOKIE)?.value !== viewer.name) {
    out.cookies.set(DISPLAY_NAME_COOKIE, viewer.name, displayNameCookieOptions(isSecureRequest(req.headers)));
  }
  return out;
}

export const config = {
  // Not for Next's own assets and the icon, nor for the public report pages (/open, /open/…): they are
  // static, cached per release and the same for every reader, so they need no session, no path header and
  // no per-request nonce (a nonce cannot be in cached HTML). Their policy is a fixed header from
  // next.config.js (scripts by origin and inline), and an unknown view is the page's own 404. A report path
  // with a percent escape still comes here, so an undecodable one is a 400, not Next's bare 500.
  // Skipping the proxy there is what lets a shared report link serve a crowd (npm run bench:open).
  matcher: ['/((?!_next/static|_next/image|favicon.ico|open$|open/[^%]*$).*)'],
};
