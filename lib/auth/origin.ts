// Route handlers that change data refuse cross-site requests: a page on another site can make a
// browser POST a "simple" request (Content-Type text/plain, no preflight). Browsers always send Origin
// on cross-origin POSTs, and Sec-Fetch-Site on every request.

/** null when the request comes from this site (or from a non-browser client without Origin); else the Chinese refusal. */
export function crossSiteRefusal(req: Request): string | null {
  const origin = req.headers.get('origin');
  const site = req.headers.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') return '拒绝跨站请求';
  if (!origin) return null;
  const host = (req.headers.get('x-forwarded-host') ?? req.headers.get('host') ?? '').split(',')[0].trim().toLowerCase();
  let originHost: string;
  try {
    originHost = new URL(origin).host.toLowerCase();
  } catch {
    return '拒绝跨站请求';
  }
  return originHost === host ? null : '拒绝跨站请求';
}
