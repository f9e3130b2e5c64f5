// Security headers on every response (the Content-Security-Policy, with its per-request nonce, is set in
// proxy.ts): no framing, no MIME sniffing, no full URLs sent to other sites.
const SECURITY_HEADERS = [
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];

const { contentSecurityPolicy } = require('./lib/csp');

// The public report pages (/open/**) skip proxy.ts (no nonce can live in their cached HTML): the fixed,
// nonce-less policy.
const OPEN_CSP = contentSecurityPolicy();

/** @type {import('next').NextConfig} */
const nextConfig = {
  // better-sqlite3 and pg are native/Node-only drivers: keep them out of the server bundle.
  serverExternalPackages: ['better-sqlite3', 'pg', '@prisma/adapter-better-sqlite3', '@prisma/adapter-pg'],
  poweredByHeader: false,
  // proxy.ts rewrites dashboards to their kept renderings at the router's own origin; without this Next swaps
  // the origin to localhost, and under `next start -H 127.0.0.1` the rewrite then goes out over HTTP and
  // back through the proxy (every kept page served twice).
  skipProxyUrlNormalize: true,
  // forbidden() renders app/forbidden.tsx with status 403 (lib/auth/viewer requireViewer). Cached pages (the
  // public report, app/(site)/open) live in memory only: a restart against another database never serves pages
  // rendered from the old one.
  experimental: { authInterrupts: true, isrFlushToDisk: false },
  // The kept pages (public reports, and the dashboards per scope and data version: lib/auth/pageCache) in
  // memory, least recently used dropped first. A dashboard entry (HTML, RSC payload, segments) is ~0.5–1 MB;
  // 256 MB holds every dashboard of the city, its 9 counties and a few filter sets each.
  cacheMaxMemorySize: 256 * 1024 * 1024,
  async headers() {
    return [
      { source: '/:path*', headers: SECURITY_HEADERS },
      { source: '/open', headers: [{ key: 'Content-Security-Policy', value: OPEN_CSP }] },
      { source: '/open/:path*', headers: [{ key: 'Content-Security-Policy', value: OPEN_CSP }] },
    ];
  },
  // No ETag per response: Next hashes the whole body on every request (~3.5 ms for a 230 KB report page,
  // measured), which capped the cached public pages' throughput; cached pages carry Cache-Control instead.
  generateEtags: false,
  // NEXT_DIST_DIR lets parallel dev servers on one machine keep separate build folders.
  ...(process.env.NEXT_DIST_DIR ? { distDir: process.env.NEXT_DIST_DIR } : {}),
};
module.exports = nextConfig;
