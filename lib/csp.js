// The Content-Security-Policy, in one place for both users: proxy.ts sets it on every response with a
// fresh nonce; the nonce-less variant goes on pages whose HTML is kept and shared, so cannot carry a
// per-request nonce: the public report pages (/open/**, from next.config.js) and the dashboards kept per
// scope (proxy.ts, lib/auth/pageCache). Plain CommonJS so next.config.js can require it.

/**
 * The policy for one response. With `nonce`: scripts only by that nonce (and what they load,
 * 'strict-dynamic'). Without: scripts from this origin and inline (kept, shared pages only). Styles allow
 * inline attributes (React style props, chart libraries). `dev` adds what `next dev` needs.
 * @param {{ nonce?: string, dev?: boolean }} [opts]
 * @returns {string}
 */
function contentSecurityPolicy({ nonce, dev = process.env.NODE_ENV === 'development' } = {}) {
  const scripts = nonce ? `'self' 'nonce-${nonce}' 'strict-dynamic'` : "'self' 'unsafe-inline'";
  return [
    "default-src 'self'",
    `script-src ${scripts}${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? ' ws:' : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

module.exports = { contentSecurityPolicy };
