import 'server-only';
import { cachedByDataVersion } from '../../cache';
// 重复参保: duplicates found per county at the as-of month, and the city's (or a county's) rate at each
// year end — it falls once the national platform screens duplicates (医保函〔2023〕73号 二).
import type { Db } from '../../db';
import { getDb } from '../../db';
import { indicators } from '../../indicators/registry';
import { allowedRegion, requireCityOrCounty, type Scope } from '../scope';
import { schemesOf } from '../overview/kpiInputs';
import { loadCollectionYear, visibleCodes, type CollectionYear } from './inputs';
import { loadYearEndEnrollment, type YearSnapshot } from './enrollmentSeries';
import { collectionYearFor, type CollectionRequest } from './request';

export interface DuplicateRow {
  code: string;
  duplicates: number;
  enrolled: number;
  rate: number | null;
  per10k: number | null;
}

export interface DuplicateEnrolment {
  asOf: number | null;
  rows: DuplicateRow[];
  /** year-end rate of the selected region */
  series: { year: number; duplicates: number; rate: number | null; per10k: number | null }[];
}

export function assembleDuplicates(
  scope: Scope, cityCode: string, req: CollectionRequest, y: CollectionYear, yearEnd: Map<string, Map<number, YearSnapshot>>,
): DuplicateEnrolment {
  requireCityOrCounty(scope);
  const I = indicators;
  const region = allowedRegion(scope, req.region);
  const code = region === 'ALL' ? cityCode : region;
  const codes = visibleCodes(y.now.keys(), cityCode, scope).sort((a, b) => (a === cityCode ? -1 : b === cityCode ? 1 : a.localeCompare(b)));
  return {
    asOf: y.asOf,
    rows: codes.map((c) => {
      const i = y.now.get(c)!;
      const n = { duplicates: i.duplicates, enrolled: i.enrolled };
      return { code: c, ...n, rate: I.duplicate_enrollment_rate.compute(n), per10k: I.duplicates_per_10k.compute(n) };
    }),
    series: [...(yearEnd.get(code)?.values() ?? [])]
      .sort((a, b) => a.year - b.year)
      .map((s) => {
        const n = { duplicates: s.duplicates, enrolled: s.enrolled };
        return { year: s.year, duplicates: s.duplicates, rate: I.duplicate_enrollment_rate.compute(n), per10k: I.duplicates_per_10k.compute(n) };
      }),
  };
}

export async function loadDuplicateEnrolment(db: Db, scope: Scope, cityCode: string, req: CollectionRequest): Promise<DuplicateEnrolment> {
  const [y, yearEnd] = await Promise.all([
    loadCollectionYear(db, cityCode, req.scheme, req.year),
    loadYearEndEnrollment(db, cityCode, schemesOf(req.scheme, 'coverage')),
  ]);
  return assembleDuplicates(scope, cityCode, req, y, yearEnd);
}

async function getDuplicateEnrolmentUncached(scope: Scope, cityCode: string, req: CollectionRequest): Promise<DuplicateEnrolment> {
  const [y, yearEnd] = await Promise.all([
    collectionYearFor(cityCode, req.scheme, req.year),
    loadYearEndEnrollment(getDb(), cityCode, schemesOf(req.scheme, 'coverage')),
  ]);
  return assembleDuplicates(scope, cityCode, req, y, yearEnd);
}

/** Kept between requests until the data changes (lib/cache). */
export const getDuplicateEnrolment = cachedByDataVersion('collection/getDuplicateEnrolment', getDuplicateEnrolmentUncached);
