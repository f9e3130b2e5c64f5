// Convenience only: sends visitors without a session cookie from app pages to /login (with ?next=) and
// answers API calls with 401, and passes the path to pages (x-yibao-path) so requireViewer can build the
// same redirect. It does not decide access: every page, route handler and server action checks the
// session itself (lib/auth/viewer), including requests that carry a forged or expired cookie.
// Before that, paths that cannot be answered are refused while the status can still be chosen (pages
// stream behind their loading states with status 200; lib/params checkPath): undecodable escapes → 400
// with a Chinese message, impossible county/batch ids → the Chinese not-found page with 404.
// It also sets the Content-Security-Policy with a fresh nonce per request: Next reads the nonce from the
// request's CSP header and puts it on its own inline scripts, so no 'unsafe-inline' for scripts.
import { NextResponse, type NextRequest } from 'next/server';
import { isPublicPath } from '@/lib/auth/routes';
import { checkPath } from '@/lib/params';
import { contentSecurityPolicy } from '@/lib/csp';

const NOT_FOUND_PATH = '/_not-found-by-proxy';

const SESSION_COOKIES = ['yibao.session_token', '__Secure-yibao.session_token'];

function loginUrl(req: NextRequest, search: string) {
  const url = req.nextUrl.clone();
  url.pathname = '/login';
  url.search = search;
  return url;
}

export function proxy(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy({ nonce });
  const headers = new Headers(req.headers);
  headers.set('x-yibao-path', pathname + search);
  headers.set('x-nonce', nonce);
  headers.set('content-security-policy', csp);
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
      const out = NextResponse.rewrite(new URL(NOT_FOUND_PATH, req.url), { request: { headers } });
      out.headers.set('Content-Security-Policy', csp);
      return out;
    }
  }
  // A report path with a decodable escape: the cached public page as is, with next.config.js's fixed policy.
  if (pathname === '/open' || pathname.startsWith('/open/')) return NextResponse.next();
  const hasSession = SESSION_COOKIES.some((c) => req.cookies.has(c));
  if (!hasSession && !isPublicPath(pathname) && !req.headers.get('next-action')) {
    const out = pathname.startsWith('/api/') ? NextResponse.json({ error: '请先登录' }, { status: 401 }) : NextResponse.redirect(loginUrl(req, pathname === '/' ? '' : `?next=${encodeURIComponent(pathname + search)}`));
    out.headers.set('Content-Security-Policy', csp);
    return out;
  }
  const res = NextResponse.next({ request: { headers } });
  res.headers.set('Content-Security-Policy', csp);
  return res;
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
