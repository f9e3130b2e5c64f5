/** @type {import('next').NextConfig} */
const nextConfig = {
  // better-sqlite3 and pg are native/Node-only drivers: keep them out of the server bundle.
  serverExternalPackages: ['better-sqlite3', 'pg', '@prisma/adapter-better-sqlite3', '@prisma/adapter-pg'],
  poweredByHeader: false,
  // Cached pages (the public report, app/open) live in memory only: a restart against another database
  // never serves pages rendered from the old one.
  experimental: { isrFlushToDisk: false },
  // No ETag per response: Next hashes the whole body on every request (~3.5 ms for a 230 KB report page,
  // measured), which capped the cached public pages' throughput; cached pages carry Cache-Control instead.
  generateEtags: false,
  // NEXT_DIST_DIR lets parallel dev servers on one machine keep separate build folders.
  ...(process.env.NEXT_DIST_DIR ? { distDir: process.env.NEXT_DIST_DIR } : {}),
};
module.exports = nextConfig;
