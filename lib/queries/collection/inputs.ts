import 'server-only';
// The enrolment and contribution facts of one year, summed per region up to an as-of month. One load feeds
// the 参保征缴 tiles, the county tables and the source composition (React cache dedupes it per request);
// the indicators are computed from these sums by the registry, never here.
import { poolRegionCodes, regionIn } from '../pool';
import type { Db } from '../../db';
import { CONTRIBUTION_SOURCES, type ContributionSource, type SchemeFilter } from '../../domain/codes';
import { makePeriod } from '../../indicators/compute';
import { schemesOf } from '../overview/kpiInputs';

export interface DueCollected {
  due: number;
  collected: number;
}

export interface CollectionInputs {
  /** enrolment snapshot at the as-of month (coverage schemes: maternity never adds to coverage) */
  shouldEnroll: number;
  enrolled: number;
  /** resident scheme only: subsidised enrolment by category and the poverty population */
  povertyShouldEnroll: number;
  subsidisedExtreme: number;
  subsidisedMinLiving: number;
  subsidisedMonitored: number;
  subsidisedOther: number;
  duplicates: number;
  /** resident enrolment at the as-of month (denominator of the per-capita subsidy) */
  residentEnrolled: number;
  /** contributions January → as-of month, all sources */
  due: number;
  collected: number;
  bySource: Record<ContributionSource, DueCollected>;
}

export const SOURCE_CODES: ContributionSource[] = CONTRIBUTION_SOURCES.map((s) => s.code);

export function emptyCollectionInputs(): CollectionInputs {
  return {
    shouldEnroll: 0, enrolled: 0, povertyShouldEnroll: 0, subsidisedExtreme: 0, subsidisedMinLiving: 0,
    subsidisedMonitored: 0, subsidisedOther: 0, duplicates: 0, residentEnrolled: 0, due: 0, collected: 0,
    bySource: Object.fromEntries(SOURCE_CODES.map((s) => [s, { due: 0, collected: 0 }])) as Record<ContributionSource, DueCollected>,
  };
}

/**
 * The last month of `year` with an enrolment snapshot (the year may still be running), among the rows of
 * `codes` (a city's regions, lib/queries/pool) or of the whole warehouse (null).
 */
export async function enrollmentAsOf(db: Db, year: number, codes: string[] | null = null): Promise<number | null> {
  const r = await db.prisma.enrollmentFact.aggregate({
    _max: { period: true },
    where: { period: { gte: makePeriod(year, 1), lte: makePeriod(year, 12) }, ...regionIn(codes) },
  });
  return r._max.period ?? null;
}

/**
 * Inputs per region code at `asOf` (enrolment snapshot) and for January → asOf (contributions). Key
 * `cityCode` holds the city total: the sum of the county-level units. `codes` = the city's regions
 * (lib/queries/pool poolRegionCodes); when omitted they are read here, so a caller can never sum another
 * city's counties into this city's 全市 row (a province warehouse holds several cities).
 */
export async function loadCollectionInputs(
  db: Db, cityCode: string, scheme: SchemeFilter, asOf: number, codes?: string[] | null,
): Promise<Map<string, CollectionInputs>> {
  if (codes === undefined) codes = await poolRegionCodes(db, cityCode);
  const from = makePeriod(Math.floor(asOf / 100), 1);
  const cov = schemesOf(scheme, 'coverage');
  const money = schemesOf(scheme, 'money');
  const p = db.prisma;
  const [enrol, contrib] = await Promise.all([
    p.enrollmentFact.groupBy({
      by: ['regionCode', 'schemeCode'],
      where: { period: asOf, schemeCode: { in: cov }, ...regionIn(codes) },
      _sum: {
        shouldEnroll: true, enrolled: true, povertyShouldEnroll: true, subsidisedExtreme: true, subsidisedMinLiving: true,
        subsidisedMonitored: true, subsidisedOther: true, duplicates: true,
      },
    }),
    p.contributionFact.groupBy({
      by: ['regionCode', 'source'],
      where: { period: { gte: from, lte: asOf }, schemeCode: { in: money }, ...regionIn(codes) },
      _sum: { due: true, collected: true },
    }),
  ]);
  const out = new Map<string, CollectionInputs>();
  const get = (code: string) => {
    let v = out.get(code);
    if (!v) { v = emptyCollectionInputs(); out.set(code, v); }
    return v;
  };
  for (const r of enrol) {
    const v = get(r.regionCode);
    const s = r._sum;
    v.shouldEnroll += s.shouldEnroll ?? 0;
    v.enrolled += s.enrolled ?? 0;
    v.povertyShouldEnroll += s.povertyShouldEnroll ?? 0;
    v.subsidisedExtreme += s.subsidisedExtreme ?? 0;
    v.subsidisedMinLiving += s.subsidisedMinLiving ?? 0;
    v.subsidisedMonitored += s.subsidisedMonitored ?? 0;
    v.subsidisedOther += s.subsidisedOther ?? 0;
    v.duplicates += s.duplicates ?? 0;
    if (r.schemeCode === 'RESIDENT') v.residentEnrolled += s.enrolled ?? 0;
  }
  for (const r of contrib) {
    const v = get(r.regionCode);
    const due = r._sum.due ?? 0;
    const collected = r._sum.collected ?? 0;
    v.due += due;
    v.collected += collected;
    const src = r.source as ContributionSource;
    if (v.bySource[src]) { v.bySource[src].due += due; v.bySource[src].collected += collected; }
  }
  const total = emptyCollectionInputs();
  for (const [code, v] of out) {
    if (code === cityCode) continue;
    addInto(total, v);
  }
  out.set(cityCode, total);
  return out;
}

function addInto(t: CollectionInputs, v: CollectionInputs): void {
  for (const k of Object.keys(t) as (keyof CollectionInputs)[]) {
    if (k === 'bySource') continue;
    t[k] += v[k];
  }
  for (const s of SOURCE_CODES) { t.bySource[s].due += v.bySource[s].due; t.bySource[s].collected += v.bySource[s].collected; }
}

export interface CollectionYear {
  asOf: number | null;
  previousAsOf: number | null;
  now: Map<string, CollectionInputs>;
  /** the same month one year earlier (同比) */
  before: Map<string, CollectionInputs>;
  /** the same month two years earlier (the 同比 of last year's values) */
  twoBefore: Map<string, CollectionInputs>;
}

/**
 * This year's inputs and those of the same month one and two years earlier; in a warehouse of several
 * cities, `cityCode`'s rows only (lib/queries/pool).
 */
export async function loadCollectionYear(db: Db, cityCode: string, scheme: SchemeFilter, year: number): Promise<CollectionYear> {
  const codes = await poolRegionCodes(db, cityCode);
  const asOf = await enrollmentAsOf(db, year, codes);
  if (asOf === null) return { asOf: null, previousAsOf: null, now: new Map(), before: new Map(), twoBefore: new Map() };
  const previousAsOf = asOf - 100;
  const [now, before, twoBefore] = await Promise.all([
    loadCollectionInputs(db, cityCode, scheme, asOf, codes),
    loadCollectionInputs(db, cityCode, scheme, previousAsOf, codes),
    loadCollectionInputs(db, cityCode, scheme, asOf - 200, codes),
  ]);
  return { asOf, previousAsOf, now, before, twoBefore };
}

/** Region codes a scope may see rows for: everything for the city, its own county plus the city total for a county. */
export function visibleCodes(codes: Iterable<string>, cityCode: string, scope: { kind: string; regionCode?: string }): string[] {
  return [...codes].filter((c) => scope.kind === 'city' || c === cityCode || (scope.kind === 'county' && c === scope.regionCode));
}
