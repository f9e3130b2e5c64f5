// Runs before rendering, while the response status can still be chosen: pages stream behind their
// loading states with status 200, so paths that cannot be answered are refused here (lib/params
// checkPath): undecodable escapes → 400 with a Chinese message, impossible county/batch ids → the Chinese
// not-found page with 404.
import { NextResponse, type NextRequest } from 'next/server';
import { checkPath } from '@/lib/params';

const NOT_FOUND_PATH = '/_not-found-by-proxy';

export function proxy(req: NextRequest) {
  const verdict = checkPath(req.nextUrl.pathname);
  if (verdict.kind === 'ok') return NextResponse.next();
  if (verdict.kind === 'bad-request') {
    return new NextResponse('<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>地址有误</title><body style="font-family:sans-serif;padding:2em"><h1>地址有误（400）</h1><p>地址中含有无法识别的字符，请检查链接或<a href="/">返回总览</a>。</p></body></html>', {
      status: 400,
      headers: { 'content-type': 'text/html; charset=utf-8' },
    });
  }
  // An unmatched path renders app/not-found.tsx with status 404; the header says what was missing.
  const headers = new Headers(req.headers);
  headers.set('x-not-found', verdict.what);
  return NextResponse.rewrite(new URL(NOT_FOUND_PATH, req.url), { request: { headers } });
}

export const config = {
  // Pages only: not Next's own files or the API (route handlers answer their own 400/404).
  matcher: ['/((?!_next/|api/|favicon.ico).*)'],
};
