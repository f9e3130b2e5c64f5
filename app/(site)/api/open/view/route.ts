// GET /api/open/view?code=&year=&scheme= → 303 to the view's canonical path. The report picker is a plain
// form so it works without JavaScript; anonymous like every /open page (reads nothing).
import type { NextRequest } from 'next/server';
import { openPath } from '@/lib/open/url';
import { OPEN_SCHEMES } from '@/lib/open/types';
import type { SchemeFilter } from '@/lib/domain/codes';

export function GET(req: NextRequest) {
  const q = req.nextUrl.searchParams;
  const code = q.get('code');
  const year = q.get('year');
  const scheme = (q.get('scheme') ?? 'ALL').toUpperCase();
  const v = {
    code: code && /^[0-9A-Za-z]{6}$/.test(code) ? code.toUpperCase() : null,
    year: year && /^\d{4}$/.test(year) ? Number(year) : null,
    scheme: (OPEN_SCHEMES as readonly string[]).includes(scheme) ? (scheme as SchemeFilter) : 'ALL',
  };
  // A relative Location (RFC 7231 §7.1.2): behind a proxy or on 127.0.0.1 the server's idea of its own
  // origin (e.g. localhost) is not the reader's, and the browser resolves a relative one against its own.
  return new Response(null, { status: 303, headers: { Location: openPath(v) } });
}
