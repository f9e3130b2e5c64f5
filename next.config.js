/** @type {import('next').NextConfig} */
const nextConfig = {
  // better-sqlite3 and pg are native/Node-only drivers: keep them out of the server bundle.
  serverExternalPackages: ['better-sqlite3', 'pg', '@prisma/adapter-better-sqlite3', '@prisma/adapter-pg'],
  poweredByHeader: false,
  // Cached pages (the public report, app/open) live in memory only: a restart against another database
  // never serves pages rendered from the old one.
  experimental: { isrFlushToDisk: false },
  // NEXT_DIST_DIR lets parallel dev servers on one machine keep separate build folders.
  ...(process.env.NEXT_DIST_DIR ? { distDir: process.env.NEXT_DIST_DIR } : {}),
};
module.exports = nextConfig;
