import 'server-only';
import { cachedByDataVersion } from '../../cache';
// Resident enrolment year on year against the rise of the individual contribution standard, flagged where
// enrolment and coverage fall as the contribution rises (医保函〔2023〕73号、益阳市医疗保障局答复: 选择性参保). Year-end snapshots.
import type { Db } from '../../db';
import { getDb } from '../../db';
import { indicators } from '../../indicators/registry';
import { allowedRegion, requireCityOrCounty, type Scope } from '../scope';
import { loadYearEndEnrollment, type YearSnapshot } from './enrollmentSeries';
import { selectiveEnrolmentFlag, type SelectiveEnrolmentFlag } from './enrolmentFlags';
import { loadStandards, type YearStandards } from './getContributionStandards';

export interface EnrolmentTrendRow {
  code: string;
  year: number;
  enrolled: number;
  coverage: number | null;
  enrollmentYoy: number | null;
  coverageChange: number | null;
  standard: number | null;
  standardGrowth: number | null;
  flag: SelectiveEnrolmentFlag | null;
}

export interface EnrolmentTrend {
  /** the selected region (or the city) across years */
  series: EnrolmentTrendRow[];
  /** every visible county in the selected year */
  counties: EnrolmentTrendRow[];
  /** every flagged county-year (visible to the scope), latest first */
  flagged: EnrolmentTrendRow[];
}

export function trendRows(code: string, snaps: Map<number, YearSnapshot>, standards: Map<number, YearStandards>): EnrolmentTrendRow[] {
  const I = indicators;
  return [...snaps.values()].sort((a, b) => a.year - b.year).map((s) => {
    const last = snaps.get(s.year - 1);
    const coverage = I.coverage_rate.compute({ enrolled: s.enrolled, shouldEnroll: s.shouldEnroll });
    const coverageLastYear = last ? I.coverage_rate.compute({ enrolled: last.enrolled, shouldEnroll: last.shouldEnroll }) : null;
    const enrollmentYoy = I.enrollment_yoy.compute({ enrolled: s.enrolled, enrolledLastYear: last?.enrolled });
    const coverageChange = I.coverage_rate_change.compute({ coverage, coverageLastYear });
    const standard = standards.get(s.year)?.standard ?? null;
    const standardGrowth = I.contribution_standard_growth.compute({ standard, standardLastYear: standards.get(s.year - 1)?.standard });
    return {
      code, year: s.year, enrolled: s.enrolled, coverage, enrollmentYoy, coverageChange, standard, standardGrowth,
      flag: selectiveEnrolmentFlag({ enrollmentYoy, coverageChange, standardGrowth }),
    };
  });
}

export function assembleEnrolmentTrend(
  scope: Scope, cityCode: string, year: number, region: string | 'ALL',
  yearEnd: Map<string, Map<number, YearSnapshot>>, standards: Map<number, YearStandards>,
): EnrolmentTrend {
  requireCityOrCounty(scope);
  const allowed = allowedRegion(scope, region);
  const code = allowed === 'ALL' ? cityCode : allowed;
  const all = new Map([...yearEnd].map(([c, snaps]) => [c, trendRows(c, snaps, standards)]));
  const visible = [...all.keys()].filter((c) => c !== cityCode && (scope.kind === 'city' || (scope.kind === 'county' && c === scope.regionCode))).sort();
  return {
    series: all.get(code) ?? [],
    counties: visible.map((c) => all.get(c)!.find((r) => r.year === year)).filter((r): r is EnrolmentTrendRow => !!r),
    flagged: visible.flatMap((c) => all.get(c)!.filter((r) => r.flag)).sort((a, b) => b.year - a.year || a.code.localeCompare(b.code)),
  };
}

export async function loadEnrolmentTrend(db: Db, scope: Scope, cityCode: string, year: number, region: string | 'ALL'): Promise<EnrolmentTrend> {
  const [yearEnd, standards] = await Promise.all([loadYearEndEnrollment(db, cityCode, ['RESIDENT']), loadStandards(db, cityCode)]);
  return assembleEnrolmentTrend(scope, cityCode, year, region, yearEnd, standards);
}

async function getEnrolmentTrendUncached(scope: Scope, cityCode: string, year: number, region: string | 'ALL'): Promise<EnrolmentTrend> {
  return loadEnrolmentTrend(getDb(), scope, cityCode, year, region);
}

/** Kept between requests until the data changes (lib/cache). */
export const getEnrolmentTrend = cachedByDataVersion('collection/getEnrolmentTrend', getEnrolmentTrendUncached);
