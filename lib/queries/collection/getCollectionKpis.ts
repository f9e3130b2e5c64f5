import 'server-only';
import { cachedByDataVersion } from '../../cache';
// The 参保征缴 tiles for the city or one county: coverage and collection against their targets, the county
// subsidy delivery, poverty coverage, duplicates, enrolment change, and the contribution standard against
// the national minimum. Values come from the indicator registry.
import type { Db } from '../../db';
import { getDb } from '../../db';
import { indicators, type IndicatorCode } from '../../indicators/registry';
import { indicatorStatus, notApplicableReason } from '../../indicators/status';
import type { Status } from '../../indicators/types';
import { allowedRegion, requireCityOrCounty, type Scope } from '../scope';
import { loadCollectionYear, type CollectionInputs, type CollectionYear } from './inputs';
import { collectionYearFor, type CollectionRequest } from './request';
import { loadStandards, type YearStandards } from './getContributionStandards';

export const COLLECTION_KPI_CODES = [
  'coverage_rate', 'collection_rate', 'subsidy_delivery_rate', 'poverty_coverage_rate',
  'enrollment_yoy', 'duplicates_per_10k', 'resident_contribution_gap', 'subsidy_per_capita',
] as const satisfies readonly IndicatorCode[];
export type CollectionKpiCode = (typeof COLLECTION_KPI_CODES)[number];

export interface CollectionKpi {
  code: CollectionKpiCode;
  value: number | null;
  previous: number | null;
  status: Status;
  target: number | null;
  /** 「不适用」: the indicator does not apply to the scheme filter (reason); value and status are then missing */
  notApplicable?: string;
}

export interface CollectionKpis {
  asOf: number | null;
  regionCode: string;
  tiles: CollectionKpi[];
}

/** Indicator values of one region's inputs (`last` = same month a year earlier; standards are city-wide per year). */
export function collectionValues(
  i: CollectionInputs | undefined,
  last: CollectionInputs | undefined,
  standard: Pick<YearStandards, 'standard' | 'nationalMinimum'> | undefined,
): Record<CollectionKpiCode, number | null> {
  const I = indicators;
  const county = i?.bySource.SUBSIDY_COUNTY;
  const s = i?.bySource;
  const subsidyCollected = s ? s.SUBSIDY_CENTRAL.collected + s.SUBSIDY_PROVINCE.collected + s.SUBSIDY_CITY.collected + s.SUBSIDY_COUNTY.collected : null;
  return {
    coverage_rate: I.coverage_rate.compute({ enrolled: i?.enrolled, shouldEnroll: i?.shouldEnroll }),
    collection_rate: I.collection_rate.compute({ collected: i?.collected, due: i?.due }),
    subsidy_delivery_rate: I.subsidy_delivery_rate.compute({ subsidyCollected: county?.collected, subsidyDue: county?.due }),
    poverty_coverage_rate: I.poverty_coverage_rate.compute({
      povertyEnrolled: i ? i.subsidisedExtreme + i.subsidisedMinLiving + i.subsidisedMonitored + i.subsidisedOther : null,
      povertyShouldEnroll: i?.povertyShouldEnroll,
    }),
    enrollment_yoy: I.enrollment_yoy.compute({ enrolled: i?.enrolled, enrolledLastYear: last?.enrolled }),
    duplicates_per_10k: I.duplicates_per_10k.compute({ duplicates: i?.duplicates, enrolled: i?.enrolled }),
    resident_contribution_gap: I.resident_contribution_gap.compute({ standard: standard?.standard, nationalMinimum: standard?.nationalMinimum }),
    subsidy_per_capita: I.subsidy_per_capita.compute({ subsidyCollected, enrolled: i?.residentEnrolled }),
  };
}

export function assembleCollectionKpis(
  scope: Scope, cityCode: string, req: CollectionRequest, y: CollectionYear, standards: Map<number, YearStandards>,
): CollectionKpis {
  requireCityOrCounty(scope);
  const region = allowedRegion(scope, req.region);
  const code = region === 'ALL' ? cityCode : region;
  const now = collectionValues(y.now.get(code), y.before.get(code), standards.get(req.year));
  const prev = y.asOf ? collectionValues(y.before.get(code), y.twoBefore.get(code), standards.get(req.year - 1)) : null;
  return {
    asOf: y.asOf,
    regionCode: code,
    tiles: COLLECTION_KPI_CODES.map((c) => {
      const na = notApplicableReason(indicators[c], req.scheme);
      if (na) return { code: c, value: null, previous: null, status: 'none' as const, target: indicators[c].target ?? null, notApplicable: na };
      return { code: c, value: now[c], previous: prev ? prev[c] : null, status: indicatorStatus(indicators[c], now[c]), target: indicators[c].target ?? null };
    }),
  };
}

export async function loadCollectionKpis(db: Db, scope: Scope, cityCode: string, req: CollectionRequest): Promise<CollectionKpis> {
  const [y, standards] = await Promise.all([loadCollectionYear(db, cityCode, req.scheme, req.year), loadStandards(db, cityCode)]);
  return assembleCollectionKpis(scope, cityCode, req, y, standards);
}

async function getCollectionKpisUncached(scope: Scope, cityCode: string, req: CollectionRequest): Promise<CollectionKpis> {
  const [y, standards] = await Promise.all([collectionYearFor(cityCode, req.scheme, req.year), loadStandards(getDb(), cityCode)]);
  return assembleCollectionKpis(scope, cityCode, req, y, standards);
}

/** Kept between requests until the data changes (lib/cache). */
export const getCollectionKpis = cachedByDataVersion('collection/getCollectionKpis', getCollectionKpisUncached);
