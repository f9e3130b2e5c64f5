import 'server-only';
import { cachedByDataVersion } from '../../cache';
// 资助参保 by category per county: 特困 (full subsidy), 低保 (50%), 返贫致贫/监测人口, other; and the
// coverage of the poverty population (医保函〔2023〕73号: ≥99%). Resident scheme only.
import type { Db } from '../../db';
import { indicators } from '../../indicators/registry';
import { indicatorStatus } from '../../indicators/status';
import type { Status } from '../../indicators/types';
import { requireCityOrCounty, type Scope } from '../scope';
import { loadCollectionYear, visibleCodes, type CollectionYear } from './inputs';
import { collectionYearFor, type CollectionRequest } from './request';

export interface SubsidisedRow {
  code: string;
  extreme: number;
  minLiving: number;
  monitored: number;
  other: number;
  total: number;
  povertyShouldEnroll: number;
  povertyCoverage: number | null;
  povertyStatus: Status;
}

export interface SubsidisedEnrolment {
  asOf: number | null;
  target: number | null;
  rows: SubsidisedRow[];
}

export function assembleSubsidisedEnrolment(scope: Scope, cityCode: string, y: CollectionYear): SubsidisedEnrolment {
  requireCityOrCounty(scope);
  const I = indicators;
  const codes = visibleCodes(y.now.keys(), cityCode, scope).sort((a, b) => (a === cityCode ? -1 : b === cityCode ? 1 : a.localeCompare(b)));
  const rows = codes
    .map((code): SubsidisedRow => {
      const i = y.now.get(code)!;
      const total = i.subsidisedExtreme + i.subsidisedMinLiving + i.subsidisedMonitored + i.subsidisedOther;
      const povertyCoverage = I.poverty_coverage_rate.compute({ povertyEnrolled: total, povertyShouldEnroll: i.povertyShouldEnroll });
      return {
        code, extreme: i.subsidisedExtreme, minLiving: i.subsidisedMinLiving, monitored: i.subsidisedMonitored, other: i.subsidisedOther,
        total, povertyShouldEnroll: i.povertyShouldEnroll, povertyCoverage, povertyStatus: indicatorStatus(I.poverty_coverage_rate, povertyCoverage),
      };
    })
    .filter((r) => r.total > 0 || r.povertyShouldEnroll > 0);
  return { asOf: y.asOf, target: I.poverty_coverage_rate.target ?? null, rows };
}

export async function loadSubsidisedEnrolment(db: Db, scope: Scope, cityCode: string, req: CollectionRequest): Promise<SubsidisedEnrolment> {
  return assembleSubsidisedEnrolment(scope, cityCode, await loadCollectionYear(db, cityCode, req.scheme, req.year));
}

async function getSubsidisedEnrolmentUncached(scope: Scope, cityCode: string, req: CollectionRequest): Promise<SubsidisedEnrolment> {
  return assembleSubsidisedEnrolment(scope, cityCode, await collectionYearFor(cityCode, req.scheme, req.year));
}

/** Kept between requests until the data changes (lib/cache). */
export const getSubsidisedEnrolment = cachedByDataVersion('collection/getSubsidisedEnrolment', getSubsidisedEnrolmentUncached);
