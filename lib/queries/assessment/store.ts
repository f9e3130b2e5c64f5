import 'server-only';
// Reads and writes of the county assessment: scheme versions (never overwritten; the default scheme is
// seeded when none exists), a year's live results from the warehouse, and publication as a frozen release
// (lib/release kind ASSESSMENT) with the live difference beside it.
import type { Db } from '../../db';
import { DEFAULT_SCHEME } from '../../assessment/defaultScheme';
import { countyFeed, type AssessmentInputs } from '../../assessment/feed';
import { computeResults, type CountyFeed, type YearResults } from '../../assessment/results';
import { indicatorKey, parseScheme, SchemeError, type AssessmentScheme } from '../../assessment/scheme';
import { diffFigures, getRelease, publishRelease, ReleaseError, type FigureDiff, type Release } from '../../release';
import { loadAssessmentInputs } from './inputs';

export interface SchemeVersion {
  id: number;
  version: number;
  scheme: AssessmentScheme;
  changedBy: string;
  changedAt: Date;
  reason: string;
}

const DEFAULT_REASON = '初始默认方案：按《关于实施基本医疗保险和生育保险市级统筹的意见（征求意见稿）》五（二）的考核领域设置';

function toVersion(r: { id: number; version: number; body: string; changedBy: string; changedAt: Date; reason: string }): SchemeVersion {
  return { id: r.id, version: r.version, scheme: parseScheme(r.body), changedBy: r.changedBy, changedAt: r.changedAt, reason: r.reason };
}

/**
 * The scheme version in force (the newest). Seeds the default scheme as version 1 when the table is empty,
 * so a fresh city always has a scheme; a concurrent seed losing the unique race re-reads.
 */
export async function getCurrentScheme(db: Db): Promise<SchemeVersion> {
  const row = await db.prisma.assessmentSchemeVersion.findFirst({ orderBy: { version: 'desc' } });
  if (row) return toVersion(row);
  try {
    const created = await db.prisma.assessmentSchemeVersion.create({
      data: { version: 1, body: JSON.stringify(DEFAULT_SCHEME), changedBy: '系统', reason: DEFAULT_REASON },
    });
    return toVersion(created);
  } catch {
    const again = await db.prisma.assessmentSchemeVersion.findFirst({ orderBy: { version: 'desc' } });
    if (!again) throw new Error('无法创建默认考核方案');
    return toVersion(again);
  }
}

/** One version, or null. */
export async function getSchemeVersion(db: Db, version: number): Promise<SchemeVersion | null> {
  const row = await db.prisma.assessmentSchemeVersion.findUnique({ where: { version } });
  return row ? toVersion(row) : null;
}

/** Every version, newest first. */
export async function listSchemeVersions(db: Db): Promise<SchemeVersion[]> {
  await getCurrentScheme(db);
  const rows = await db.prisma.assessmentSchemeVersion.findMany({ orderBy: { version: 'desc' } });
  return rows.map(toVersion);
}

/**
 * Saves an edited scheme as version n+1. Throws SchemeError (with every problem and its path) for an
 * invalid body, an empty reason or an empty editor name; nothing is written then.
 */
export async function saveSchemeVersion(db: Db, input: { body: unknown; by: string; reason: string }): Promise<SchemeVersion> {
  const scheme = parseScheme(input.body);
  if (!input.reason.trim()) throw new SchemeError('请说明修改理由');
  if (!input.by.trim()) throw new SchemeError('修改人不能为空');
  const current = await getCurrentScheme(db);
  const row = await db.prisma.assessmentSchemeVersion.create({
    data: { version: current.version + 1, body: JSON.stringify(scheme), changedBy: input.by.trim(), reason: input.reason.trim() },
  });
  return toVersion(row);
}

export interface LiveYear {
  year: number;
  asOf: number | null;
  feeds: Record<string, CountyFeed>;
  results: YearResults;
}

/** Scores a year from the warehouse under a scheme. Counties without data for the year score as all-missing. */
export async function computeLiveYear(db: Db, cityCode: string, counties: string[], year: number, scheme: AssessmentScheme): Promise<LiveYear> {
  const y = await loadAssessmentInputs(db, cityCode, counties, year);
  const codes = scheme.areas.flatMap((a) => a.indicators.map(indicatorKey));
  const feeds: Record<string, CountyFeed> = {};
  for (const c of counties) feeds[c] = countyFeed(codes, y.inputs.get(c) as AssessmentInputs | undefined, y.asOf === null ? null : { asOf: y.asOf });
  return { year, asOf: y.asOf, feeds, results: computeResults(scheme, year, feeds, counties) };
}

/** What a published assessment release stores: the scheme it was scored under and the full results. */
export interface AssessmentPayload {
  schemeVersion: number;
  scheme: AssessmentScheme;
  asOf: number | null;
  results: YearResults;
}

/** Flat figures of a result set for diffing: `${county}.total`, `${county}.${code}.value` / `.points`. */
export function resultFigures(r: YearResults): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const c of r.counties) {
    out[`${c.code}.total`] = c.total;
    for (const i of c.indicators) {
      out[`${c.code}.${i.key}.value`] = i.value;
      out[`${c.code}.${i.key}.points`] = i.points;
    }
  }
  return out;
}

/**
 * Publishes a year's results of city `cityCode` (its `counties`) under the scheme in force: a frozen release
 * of that city, numbered among its own versions. Throws ReleaseError when the year has no data (nothing to publish).
 */
export async function publishAssessment(db: Db, input: { cityCode: string; counties: string[]; year: number; by: string; note?: string }): Promise<Release<AssessmentPayload>> {
  const sv = await getCurrentScheme(db);
  const live = await computeLiveYear(db, input.cityCode, input.counties, input.year, sv.scheme);
  if (live.asOf === null) throw new ReleaseError(`${input.year}年没有基金收支数据，不能发布考核结果`);
  const payload: AssessmentPayload = { schemeVersion: sv.version, scheme: sv.scheme, asOf: live.asOf, results: live.results };
  return publishRelease(db, { kind: 'ASSESSMENT', cityCode: input.cityCode, year: input.year, payload, by: input.by, note: input.note, dataThrough: live.asOf });
}

export interface PublishedWithDiff {
  release: Release<AssessmentPayload>;
  /** live results under the release's own scheme, so differences come from data, not from a scheme change */
  live: LiveYear;
  diffs: FigureDiff[];
}

/** City `cityCode`'s release in force for a year with the live figures' differences; null when the city has not published the year. */
export async function getPublishedAssessment(db: Db, cityCode: string, counties: string[], year: number): Promise<PublishedWithDiff | null> {
  const release = await getRelease<AssessmentPayload>(db, 'ASSESSMENT', cityCode, year);
  if (!release) return null;
  const live = await computeLiveYear(db, cityCode, counties, year, release.payload.scheme);
  // tolerance: 1e-6 in each figure's own unit (points; ratios) ignores float noise, not corrections
  const diffs = diffFigures(resultFigures(release.payload.results), resultFigures(live.results), 1e-6);
  return { release, live, diffs };
}
