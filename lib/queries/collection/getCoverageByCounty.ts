import 'server-only';
import { cachedByDataVersion } from '../../cache';
// 参保率 and 征缴率 per county (and the city), with the targets, the county subsidy delivery and the enrolment
// change on the same month last year. One row per region; the page links each county row to its detail.
import type { Db } from '../../db';
import { indicators } from '../../indicators/registry';
import { indicatorStatus } from '../../indicators/status';
import type { Status } from '../../indicators/types';
import { requireCityOrCounty, type Scope } from '../scope';
import { loadCollectionYear, visibleCodes, type CollectionYear } from './inputs';
import { collectionYearFor, type CollectionRequest } from './request';

export interface CoverageRow {
  code: string;
  shouldEnroll: number;
  enrolled: number;
  coverage: number | null;
  coverageStatus: Status;
  coverageChange: number | null;
  due: number;
  collected: number;
  collectionRate: number | null;
  collectionStatus: Status;
  /** 县级财政补助到位率 (resident scheme) */
  countySubsidyDelivery: number | null;
  countySubsidyStatus: Status;
  enrollmentYoy: number | null;
  yoyStatus: Status;
}

export interface CoverageByCounty {
  asOf: number | null;
  coverageTarget: number | null;
  collectionTarget: number | null;
  /** city first, then the counties in code order */
  rows: CoverageRow[];
}

export function assembleCoverageByCounty(scope: Scope, cityCode: string, y: CollectionYear): CoverageByCounty {
  requireCityOrCounty(scope);
  const I = indicators;
  const codes = visibleCodes(y.now.keys(), cityCode, scope).sort((a, b) => (a === cityCode ? -1 : b === cityCode ? 1 : a.localeCompare(b)));
  const rows = codes.map((code): CoverageRow => {
    const i = y.now.get(code)!;
    const last = y.before.get(code);
    const coverage = I.coverage_rate.compute({ enrolled: i.enrolled, shouldEnroll: i.shouldEnroll });
    const coverageLastYear = I.coverage_rate.compute({ enrolled: last?.enrolled, shouldEnroll: last?.shouldEnroll });
    const collectionRate = I.collection_rate.compute({ collected: i.collected, due: i.due });
    const county = i.bySource.SUBSIDY_COUNTY;
    const delivery = I.subsidy_delivery_rate.compute({ subsidyCollected: county.collected, subsidyDue: county.due });
    const yoy = I.enrollment_yoy.compute({ enrolled: i.enrolled, enrolledLastYear: last?.enrolled });
    return {
      code,
      shouldEnroll: i.shouldEnroll,
      enrolled: i.enrolled,
      coverage,
      coverageStatus: indicatorStatus(I.coverage_rate, coverage),
      coverageChange: I.coverage_rate_change.compute({ coverage, coverageLastYear }),
      due: i.due,
      collected: i.collected,
      collectionRate,
      collectionStatus: indicatorStatus(I.collection_rate, collectionRate),
      countySubsidyDelivery: delivery,
      countySubsidyStatus: indicatorStatus(I.subsidy_delivery_rate, delivery),
      enrollmentYoy: yoy,
      yoyStatus: indicatorStatus(I.enrollment_yoy, yoy),
    };
  });
  return { asOf: y.asOf, coverageTarget: I.coverage_rate.target ?? null, collectionTarget: I.collection_rate.target ?? null, rows };
}

export async function loadCoverageByCounty(db: Db, scope: Scope, cityCode: string, req: CollectionRequest): Promise<CoverageByCounty> {
  return assembleCoverageByCounty(scope, cityCode, await loadCollectionYear(db, cityCode, req.scheme, req.year));
}

async function getCoverageByCountyUncached(scope: Scope, cityCode: string, req: CollectionRequest): Promise<CoverageByCounty> {
  return assembleCoverageByCounty(scope, cityCode, await collectionYearFor(cityCode, req.scheme, req.year));
}

/** Kept between requests until the data changes (lib/cache). */
export const getCoverageByCounty = cachedByDataVersion('collection/getCoverageByCounty', getCoverageByCountyUncached);
