import 'server-only';
// Reads for the public pages and downloads: published releases only, through the public scope (no session
// is ever read). Cached across requests with one tag: publishing or withdrawing a report revalidates it.
import { unstable_cache } from 'next/cache';
import { getDb } from '../db';
import type { SchemeFilter } from '../domain/codes';
import type { Scope } from '../queries/scope';
import { loadPublishedReportsByCity } from './publish';
import { storedCityCodes } from '../regions/cityKeys';
import { buildOpenView, type OpenView, type ReleasedReport } from './view';

/** Cache tag of everything the public pages read; `revalidateTag(OPEN_CACHE_TAG)` after publish/withdraw. */
export const OPEN_CACHE_TAG = 'open-report';
/** The public scope: the only scope these reads accept (published aggregates only). */
export const PUBLIC_SCOPE: Scope = { kind: 'public' };

/** One city's published reports, as the public pages read them. */
export interface CityReports {
  cityCode: string;
  cityName: string;
  reports: ReleasedReport[];
}

/** Every city's published reports (cities without any left out) and how many cities the warehouse holds. */
const cachedReports = unstable_cache(
  async (): Promise<{ cityCount: number; cities: CityReports[] }> => {
    const db = getDb();
    const [codes, byCity] = await Promise.all([storedCityCodes(db.prisma), loadPublishedReportsByCity(db)]);
    return {
      cityCount: codes.length,
      cities: byCity.map((c) => ({
        cityCode: c.cityCode,
        cityName: c.reports[c.reports.length - 1].payload.cityName,
        reports: c.reports.map((r) => ({ year: r.year, version: r.version, publishedAt: r.publishedAt.toISOString(), publishedBy: r.publishedBy, dataThrough: r.dataThrough, payload: r.payload })),
      })),
    };
  },
  ['open-report-releases-v2'],
  { tags: [OPEN_CACHE_TAG], revalidate: 3600 },
);

/**
 * The published annual reports (frozen releases) of every city that has any, and whether the warehouse holds
 * several cities (each city's report then lives under /open/<city code>). Any scope may read them: published
 * figures are public by definition, including to the anonymous.
 */
export async function getPublishedCities(scope: Scope = PUBLIC_SCOPE): Promise<{ several: boolean; cities: CityReports[] }> {
  void scope;
  const r = await cachedReports();
  return { several: r.cityCount > 1, cities: r.cities };
}

/** The published annual reports, oldest first: the only city's, or `cityCode`'s among several ([] when none). */
export async function getPublishedReports(scope: Scope = PUBLIC_SCOPE, cityCode?: string): Promise<ReleasedReport[]> {
  const { several, cities } = await getPublishedCities(scope);
  if (!several) return cities[0]?.reports ?? [];
  return cities.find((c) => c.cityCode === cityCode)?.reports ?? [];
}

/**
 * The view of (code, year, scheme) or null when that year is not published or the region is unknown
 * (the page answers with its Chinese not-found page). year null = the latest published year. `code`: a
 * county, or the city's code (its whole-city report); null = the only city's report, or — with several
 * cities, where a reader first chooses the city — null as well. `cityKey`: the city's code to keep in the
 * report's paths when the warehouse holds several cities (/open/<city>/…), null with one city (/open/…).
 */
export async function getOpenView(params: { code: string | null; year: number | null; scheme: SchemeFilter }): Promise<{ view: OpenView; reports: ReleasedReport[]; cityKey: string | null } | null> {
  const { several, cities } = await getPublishedCities();
  // The city whose report holds `code` (its own code or one of its counties'); region codes are unique across cities.
  const city = params.code === null
    ? (several ? null : cities[0] ?? null)
    : cities.find((c) => c.cityCode === params.code || c.reports.some((r) => r.payload.regions.some((x) => x.code === params.code))) ?? null;
  if (!city) return null;
  const reports = city.reports;
  const year = params.year ?? reports[reports.length - 1].year;
  const rel = reports.find((r) => r.year === year);
  if (!rel) return null;
  if (params.code && !rel.payload.regions.some((r) => r.code === params.code)) return null;
  return { view: buildOpenView(reports, year, params.code, params.scheme), reports, cityKey: several ? city.cityCode : null };
}
