import 'server-only';
// Reads for the public pages and downloads: published releases only, through the public scope (no session
// is ever read). Cached across requests with one tag: publishing or withdrawing a report revalidates it.
import { unstable_cache } from 'next/cache';
import { getDb } from '../db';
import type { SchemeFilter } from '../domain/codes';
import type { Scope } from '../queries/scope';
import { loadPublishedReports } from './publish';
import { buildOpenView, type OpenView, type ReleasedReport } from './view';

/** Cache tag of everything the public pages read; `revalidateTag(OPEN_CACHE_TAG)` after publish/withdraw. */
export const OPEN_CACHE_TAG = 'open-report';
/** The public scope: the only scope these reads accept (published aggregates, DESIGN §2). */
export const PUBLIC_SCOPE: Scope = { kind: 'public' };

const cachedReports = unstable_cache(
  async (): Promise<ReleasedReport[]> => (await loadPublishedReports(getDb())).map((r) => ({
    year: r.year, version: r.version, publishedAt: r.publishedAt.toISOString(), publishedBy: r.publishedBy, dataThrough: r.dataThrough, payload: r.payload,
  })),
  ['open-report-releases-v1'],
  { tags: [OPEN_CACHE_TAG], revalidate: 3600 },
);

/** The published annual reports (frozen releases), oldest first. Any scope may read them; they are public. */
export async function getPublishedReports(scope: Scope = PUBLIC_SCOPE): Promise<ReleasedReport[]> {
  void scope; // published figures are public by definition: every scope, including anonymous, may read them
  return cachedReports();
}

/**
 * The view of (code, year, scheme) or null when that year is not published or the region is unknown
 * (the page answers with its Chinese not-found page). year null = the latest published year.
 */
export async function getOpenView(params: { code: string | null; year: number | null; scheme: SchemeFilter }): Promise<{ view: OpenView; reports: ReleasedReport[] } | null> {
  const reports = await getPublishedReports();
  if (reports.length === 0) return null;
  const year = params.year ?? reports[reports.length - 1].year;
  const rel = reports.find((r) => r.year === year);
  if (!rel) return null;
  if (params.code && !rel.payload.regions.some((r) => r.code === params.code)) return null;
  return { view: buildOpenView(reports, year, params.code, params.scheme), reports };
}
