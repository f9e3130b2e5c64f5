// Releases: published, frozen snapshots of figures. The county assessment of a year and the public
// annual fund report of a year are both releases: once published, later data corrections do not move
// them; a page compares the release with the live figures and shows the difference beside it.
// Source: 医保函〔2020〕135号 三 (每年向社会公开基金运行情况，接受社会监督); the assessment result of a year
// enters the county government's performance score (《关于实施基本医疗保险和生育保险市级统筹的意见（征求意见稿）》五（二）).
import type { Db } from '../db';
import { bumpDataVersion } from '../cache';
import { storedCityKeys } from '../regions/cityKeys';

export const RELEASE_KINDS = {
  ASSESSMENT: '县级医保工作考核结果',
  OPEN_REPORT: '基金运行情况年度公开报告',
} as const;
export type ReleaseKind = keyof typeof RELEASE_KINDS;

export interface Release<T = unknown> {
  id: number;
  kind: ReleaseKind;
  /** the city (设区市) whose release it is; '' for a release stored before releases named their city */
  cityCode: string;
  year: number;
  version: number;
  status: 'PUBLISHED' | 'WITHDRAWN';
  payload: T;
  lastBatchId: number | null;
  dataThrough: number | null;
  publishedBy: string;
  publishedAt: Date;
  note: string | null;
}

export class ReleaseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReleaseError';
  }
}

type Row = { id: number; kind: string; cityCode: string; year: number; version: number; status: string; payload: string; lastBatchId: number | null; dataThrough: number | null; publishedBy: string; publishedAt: Date; note: string | null };

function fromRow<T>(r: Row): Release<T> {
  return { ...r, kind: r.kind as ReleaseKind, status: r.status as Release['status'], payload: JSON.parse(r.payload) as T };
}

function checkKind(kind: string): asserts kind is ReleaseKind {
  if (!(kind in RELEASE_KINDS)) throw new ReleaseError(`未知的发布类型：${kind}`);
}

/**
 * Publishes a frozen snapshot of city `cityCode`: version n+1 of (kind, year, city), counted in the city's
 * own releases only (another city's versions neither count nor change). The payload is stored as JSON exactly
 * as given (the caller computes it from the indicator registry); `by` is the publishing user's name.
 * Throws ReleaseError for an unknown kind, an empty city, a year outside 2000–2100, an empty `by`, or a
 * payload that is not JSON-serialisable. Two concurrent publications of one city and year: the unique
 * (kind, year, cityCode, version) index refuses the second (a database error).
 */
export async function publishRelease<T>(db: Db, input: ReleaseInput<T>): Promise<Release<T>> {
  const [published] = await publishReleases(db, [input]);
  return published;
}

/** What publishRelease takes: one release of one city. */
export interface ReleaseInput<T> { kind: ReleaseKind; cityCode: string; year: number; payload: T; by: string; note?: string; dataThrough?: number | null }

/**
 * Publishes several releases as publishRelease does each (same checks, same numbering, each in its own
 * transaction, in the given order), then advances the data version once: a load that publishes many years
 * at once (the demo's reports) makes every kept page stale once, not once per release. Throws as
 * publishRelease; the releases published before a failing one stay published and the version still moves.
 */
export async function publishReleases<T>(db: Db, inputs: readonly ReleaseInput<T>[]): Promise<Release<T>[]> {
  const out: Release<T>[] = [];
  try {
    for (const input of inputs) out.push(await insertRelease(db, input));
  } finally {
    if (out.length) await bumpDataVersion(db, 'release');
  }
  return out;
}

async function insertRelease<T>(db: Db, input: ReleaseInput<T>): Promise<Release<T>> {
  checkKind(input.kind);
  if (!input.cityCode?.trim()) throw new ReleaseError('发布须指明地市');
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100) throw new ReleaseError(`年份无效：${input.year}`);
  if (!input.by.trim()) throw new ReleaseError('发布人不能为空');
  let json: string;
  try {
    json = JSON.stringify(input.payload);
  } catch {
    throw new ReleaseError('发布内容无法序列化');
  }
  if (json === undefined) throw new ReleaseError('发布内容为空');
  return db.prisma.$transaction(async (tx) => {
    // The version follows the city's own releases, including those stored before releases named their city
    // (one-city warehouse), so numbering goes on where it stopped.
    const keys = await storedCityKeys(tx, input.cityCode);
    const last = await tx.release.findFirst({ where: { kind: input.kind, year: input.year, cityCode: { in: keys } }, orderBy: { version: 'desc' }, select: { version: true } });
    const batch = await tx.importBatch.findFirst({ where: { status: 'LOADED' }, orderBy: { id: 'desc' }, select: { id: true } });
    const row = await tx.release.create({
      data: {
        kind: input.kind, cityCode: input.cityCode, year: input.year, version: (last?.version ?? 0) + 1, status: 'PUBLISHED', payload: json,
        lastBatchId: batch?.id ?? null, dataThrough: input.dataThrough ?? null, publishedBy: input.by.trim(), note: input.note?.trim() || null,
      },
    });
    return fromRow<T>(row);
  });
}

/**
 * The release of city `cityCode` in force for (kind, year): its newest PUBLISHED version, or the given
 * version; null when none (another city's releases are never returned).
 */
export async function getRelease<T>(db: Db, kind: ReleaseKind, cityCode: string, year: number, version?: number): Promise<Release<T> | null> {
  checkKind(kind);
  const keys = await storedCityKeys(db.prisma, cityCode);
  const row = await db.prisma.release.findFirst({
    where: { kind, year, cityCode: { in: keys }, ...(version === undefined ? { status: 'PUBLISHED' } : { version }) },
    orderBy: { version: 'desc' },
  });
  return row ? fromRow<T>(row) : null;
}

/**
 * City `cityCode`'s releases in force, one per year (each year's newest PUBLISHED version, as getRelease
 * picks it), oldest year first; one query for every year, for lists and histories.
 */
export async function listInForce<T>(db: Db, kind: ReleaseKind, cityCode: string): Promise<Release<T>[]> {
  checkKind(kind);
  const keys = await storedCityKeys(db.prisma, cityCode);
  const rows = await db.prisma.release.findMany({
    where: { kind, status: 'PUBLISHED', cityCode: { in: keys } },
    orderBy: [{ year: 'asc' }, { version: 'desc' }],
  });
  const byYear = new Map<number, Release<T>>();
  for (const r of rows) if (!byYear.has(r.year)) byYear.set(r.year, fromRow<T>(r));
  return [...byYear.values()];
}

/** Every version of a kind of city `cityCode` (newest year and version first), without payloads: for lists and history. */
export async function listReleases(db: Db, kind: ReleaseKind, cityCode: string): Promise<Omit<Release<never>, 'payload'>[]> {
  checkKind(kind);
  const keys = await storedCityKeys(db.prisma, cityCode);
  const rows = await db.prisma.release.findMany({
    where: { kind, cityCode: { in: keys } },
    orderBy: [{ year: 'desc' }, { version: 'desc' }],
    select: { id: true, kind: true, cityCode: true, year: true, version: true, status: true, lastBatchId: true, dataThrough: true, publishedBy: true, publishedAt: true, note: true },
  });
  return rows.map((r) => ({ ...r, kind: r.kind as ReleaseKind, status: r.status as Release['status'] }));
}

/**
 * Withdraws one version of city `cityCode` (it stays stored and listed); the city's previous published
 * version is in force again. Throws ReleaseError without a reason, for an unknown id, or for another city's
 * release (a form naming an id cannot reach across cities).
 */
export async function withdrawRelease(db: Db, cityCode: string, id: number, by: string, note: string): Promise<void> {
  if (!note.trim()) throw new ReleaseError('撤回须说明理由');
  const r = await db.prisma.release.findUnique({ where: { id } });
  if (!r) throw new ReleaseError(`发布记录不存在：${id}`);
  if (!(await storedCityKeys(db.prisma, cityCode)).includes(r.cityCode)) throw new ReleaseError(`发布记录${id}不属于所选地市（${cityCode}）`);
  await db.prisma.release.update({ where: { id }, data: { status: 'WITHDRAWN', note: `${r.note ? `${r.note}；` : ''}${by.trim()}撤回：${note.trim()}` } });
  await bumpDataVersion(db, 'release');
}

export interface FigureDiff {
  key: string;
  published: number | null;
  live: number | null;
  /** live − published; null when either side is missing */
  delta: number | null;
}

/**
 * The figures whose live value differs from the published one: keys present on either side, compared
 * with an absolute tolerance (default 1e-9, in the figures' own unit). Missing on one side (null or
 * absent) is a difference too, never read as 0. Pure.
 */
export function diffFigures(published: Record<string, number | null>, live: Record<string, number | null>, tolerance = 1e-9): FigureDiff[] {
  const keys = [...new Set([...Object.keys(published), ...Object.keys(live)])].sort();
  const out: FigureDiff[] = [];
  for (const key of keys) {
    const p = published[key] ?? null;
    const l = live[key] ?? null;
    if (p === null && l === null) continue;
    if (p !== null && l !== null) {
      if (Math.abs(l - p) > tolerance) out.push({ key, published: p, live: l, delta: l - p });
    } else out.push({ key, published: p, live: l, delta: null });
  }
  return out;
}
