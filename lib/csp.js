// The Content-Security-Policy, in one place for both users: proxy.ts sets it on every response with a
// fresh nonce; next.config.js sets the nonce-less variant on the public report pages (/open/**), whose
// cached HTML is the same for every reader and so cannot carry a per-request nonce. Plain CommonJS so
// next.config.js can require it.

/**
 * The policy for one response. With `nonce`: scripts only by that nonce (and what they load,
 * 'strict-dynamic'). Without: scripts from this origin and inline (cached public pages only). Styles allow
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
