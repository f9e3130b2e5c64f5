// Publishing the public annual report: build the year's figures and freeze them as a release.
import type { Db } from '../db';
import { getRelease, listReleases, publishRelease, withdrawRelease, type Release } from '../release';
import { buildOpenReport, OpenReportError, publishableYears } from './build';
import { poolHierarchy } from '../regions/pools';
import { DEFAULT_SUPPRESSION, type SuppressionRule } from './suppress';
import type { OpenReportPayload } from './types';

/** Who may publish or withdraw: administrators only (the role comes from getViewer() on the server). */
export function assertCanPublish(viewer: { role: string }): void {
  if (viewer.role !== 'admin') throw new OpenReportError('只有管理员可以发布或撤回年度公开报告');
}

/**
 * Builds and publishes the report of `year` as a new version of release OPEN_REPORT/year.
 * Throws OpenReportError (not an admin, incomplete year, a warehouse of several cities) or ReleaseError
 * (lib/release).
 */
export async function publishOpenReport(
  db: Db,
  viewer: { role: string; name: string },
  year: number,
  opts: { note?: string; rule?: SuppressionRule } = {},
): Promise<Release<OpenReportPayload>> {
  assertCanPublish(viewer);
  // A release is one per kind and year for the whole warehouse: with several cities it would publish the
  // first city's report as everyone's, and the next city's would replace it. Refused until releases name
  // their city.
  const regions = await db.prisma.region.findMany({ select: { code: true, name: true, shortName: true, kind: true, parentCode: true, sortOrder: true } });
  if (poolHierarchy(regions).cities.length > 1) throw new OpenReportError('本库含多个地市：年度公开报告的发布尚不区分地市，暂不能发布');
  const payload = await buildOpenReport(db, year, opts.rule ?? DEFAULT_SUPPRESSION);
  return publishRelease(db, { kind: 'OPEN_REPORT', year, payload, by: viewer.name, note: opts.note, dataThrough: payload.dataThrough });
}

/** Withdraws one version (admin only); the previous version of that year is in force again. */
export async function withdrawOpenReport(db: Db, viewer: { role: string; name: string }, releaseId: number, reason: string): Promise<void> {
  assertCanPublish(viewer);
  await withdrawRelease(db, releaseId, viewer.name, reason);
}

/**
 * The demo city ships with its reports published (so /open shows something on a fresh start): every complete
 * year that has no release yet, published by 「演示数据装载」. Returns the years published.
 */
export async function publishDemoOpenReports(db: Db): Promise<number[]> {
  const done = new Set((await listReleases(db, 'OPEN_REPORT')).map((r) => r.year));
  const out: number[] = [];
  for (const year of await publishableYears(db)) {
    if (done.has(year)) continue;
    const payload = await buildOpenReport(db, year);
    await publishRelease(db, { kind: 'OPEN_REPORT', year, payload, by: '演示数据装载', note: '演示数据：装载时自动发布', dataThrough: payload.dataThrough });
    out.push(year);
  }
  return out;
}

/** The published (in force) reports, oldest year first. */
export async function loadPublishedReports(db: Db): Promise<Release<OpenReportPayload>[]> {
  const years = [...new Set((await listReleases(db, 'OPEN_REPORT')).filter((r) => r.status === 'PUBLISHED').map((r) => r.year))].sort((a, b) => a - b);
  const out: Release<OpenReportPayload>[] = [];
  for (const y of years) {
    const r = await getRelease<OpenReportPayload>(db, 'OPEN_REPORT', y);
    if (r) out.push(r);
  }
  return out;
}
