// Publishing the public annual report: build the year's figures and freeze them as a release.
import type { Db } from '../db';
import { listInForce, listReleases, publishRelease, publishReleases, withdrawRelease, type Release, type ReleaseInput } from '../release';
import { buildOpenReport, OpenReportError, publishableYears } from './build';
import { storedCityCodes } from '../regions/cityKeys';
import { DEFAULT_SUPPRESSION, type SuppressionRule } from './suppress';
import type { OpenReportPayload } from './types';

/** Who may publish or withdraw: administrators only (the role comes from getViewer() on the server). */
export function assertCanPublish(viewer: { role: string }): void {
  if (viewer.role !== 'admin') throw new OpenReportError('只有管理员可以发布或撤回年度公开报告');
}

/**
 * The city a report is for: `cityCode` when it is a city (设区市) of the warehouse; none given, the only city.
 * Throws OpenReportError for an unknown city, for none given in a warehouse of several, or for no city at all.
 */
export async function openReportCity(db: Db, cityCode?: string | null): Promise<string> {
  const cities = await storedCityCodes(db.prisma);
  if (cities.length === 0) throw new OpenReportError('尚未装载地区数据，无法发布公开报告');
  if (!cityCode) {
    if (cities.length > 1) throw new OpenReportError('本库含多个地市：请指明发布哪个地市的年度公开报告');
    return cities[0];
  }
  if (!cities.includes(cityCode)) throw new OpenReportError(`未知的设区市：${cityCode}`);
  return cityCode;
}

/**
 * Builds and publishes city `cityCode`'s report of `year` as a new version of its release OPEN_REPORT/year
 * (each city its own versions; none given: the only city). Throws OpenReportError (not an admin, incomplete
 * year, unknown city, several cities and none named) or ReleaseError (lib/release).
 */
export async function publishOpenReport(
  db: Db,
  viewer: { role: string; name: string },
  year: number,
  opts: { cityCode?: string | null; note?: string; rule?: SuppressionRule } = {},
): Promise<Release<OpenReportPayload>> {
  assertCanPublish(viewer);
  const city = await openReportCity(db, opts.cityCode);
  const payload = await buildOpenReport(db, year, opts.rule ?? DEFAULT_SUPPRESSION, { cityCode: city });
  return publishRelease(db, { kind: 'OPEN_REPORT', cityCode: city, year, payload, by: viewer.name, note: opts.note, dataThrough: payload.dataThrough });
}

/**
 * Withdraws one version of city `cityCode`'s report (admin only; none given: the only city); the city's
 * previous version of that year is in force again. Another city's release is refused (ReleaseError).
 */
export async function withdrawOpenReport(db: Db, viewer: { role: string; name: string }, releaseId: number, reason: string, cityCode?: string | null): Promise<void> {
  assertCanPublish(viewer);
  await withdrawRelease(db, await openReportCity(db, cityCode), releaseId, viewer.name, reason);
}

/**
 * A demo warehouse ships with its reports published (so /open shows something on a fresh start): city
 * `cityCode`'s (none given: the only city) every complete year that has no release yet, published by
 * 「演示数据装载」, the data version advanced once for them all (lib/release publishReleases). Returns the years published.
 */
export async function publishDemoOpenReports(db: Db, cityCode?: string): Promise<number[]> {
  const city = await openReportCity(db, cityCode);
  const done = new Set((await listReleases(db, 'OPEN_REPORT', city)).map((r) => r.year));
  const inputs: ReleaseInput<OpenReportPayload>[] = [];
  for (const year of await publishableYears(db, city)) {
    if (done.has(year)) continue;
    const payload = await buildOpenReport(db, year, DEFAULT_SUPPRESSION, { cityCode: city });
    inputs.push({ kind: 'OPEN_REPORT', cityCode: city, year, payload, by: '演示数据装载', note: '演示数据：装载时自动发布', dataThrough: payload.dataThrough });
  }
  return (await publishReleases(db, inputs)).map((r) => r.year);
}

/** City `cityCode`'s published (in force) reports, oldest year first (none given: the only city). */
export async function loadPublishedReports(db: Db, cityCode?: string): Promise<Release<OpenReportPayload>[]> {
  return listInForce<OpenReportPayload>(db, 'OPEN_REPORT', await openReportCity(db, cityCode));
}

/** Every city's published reports (cities in hierarchy order; a city without any is left out): for the public pages. */
export async function loadPublishedReportsByCity(db: Db): Promise<{ cityCode: string; reports: Release<OpenReportPayload>[] }[]> {
  const out: { cityCode: string; reports: Release<OpenReportPayload>[] }[] = [];
  for (const city of await storedCityCodes(db.prisma)) {
    const reports = await listInForce<OpenReportPayload>(db, 'OPEN_REPORT', city);
    if (reports.length) out.push({ cityCode: city, reports });
  }
  return out;
}
