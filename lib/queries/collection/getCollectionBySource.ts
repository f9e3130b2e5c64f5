import 'server-only';
import { cachedByDataVersion } from '../../cache';
// 征缴 by source — individual, employer, and the fiscal subsidy of each level (中央/省/市/县) — for the
// selected region, and per county the amount collected by source and the 到位率 of each subsidy level.
// The county level's shortfall is the county government's to make up (市级统筹意见（征求意见稿）三(三)).
import type { Db } from '../../db';
import { type ContributionSource, SUBSIDY_SOURCES } from '../../domain/codes';
import { indicators } from '../../indicators/registry';
import { indicatorStatus } from '../../indicators/status';
import type { Status } from '../../indicators/types';
import { allowedRegion, requireCityOrCounty, type Scope } from '../scope';
import { loadCollectionYear, SOURCE_CODES, visibleCodes, type CollectionYear } from './inputs';
import { collectionYearFor, type CollectionRequest } from './request';

export interface SourceRow {
  source: ContributionSource;
  due: number;
  collected: number;
  /** 征缴率 (财政补助: 到位率) */
  rate: number | null;
  status: Status;
  /** 应征未征 / 未到位 */
  gap: number | null;
  /** share of all collected */
  share: number | null;
}

export interface CountySourceRow {
  code: string;
  collected: Record<ContributionSource, number>;
  /** 到位率 per subsidy level (null where nothing was due) */
  delivery: Record<ContributionSource, number | null>;
  countySubsidyGap: number | null;
  countySubsidyStatus: Status;
}

export interface CollectionBySource {
  asOf: number | null;
  regionCode: string;
  sources: SourceRow[];
  counties: CountySourceRow[];
}

export function assembleCollectionBySource(scope: Scope, cityCode: string, req: CollectionRequest, y: CollectionYear): CollectionBySource {
  requireCityOrCounty(scope);
  const I = indicators;
  const region = allowedRegion(scope, req.region);
  const code = region === 'ALL' ? cityCode : region;
  const sel = y.now.get(code);
  const sources: SourceRow[] = sel
    ? SOURCE_CODES.filter((s) => sel.bySource[s].due > 0 || sel.bySource[s].collected > 0).map((s) => {
        const { due, collected } = sel.bySource[s];
        const subsidy = SUBSIDY_SOURCES.includes(s);
        const rate = subsidy
          ? I.subsidy_delivery_rate.compute({ subsidyCollected: collected, subsidyDue: due })
          : I.collection_rate.compute({ collected, due });
        return {
          source: s, due, collected, rate,
          status: indicatorStatus(subsidy ? I.subsidy_delivery_rate : I.collection_rate, rate),
          gap: subsidy ? I.subsidy_gap.compute({ subsidyDue: due, subsidyCollected: collected }) : I.collection_gap.compute({ due, collected }),
          share: I.collection_source_share.compute({ sourceCollected: collected, totalCollected: sel.collected }),
        };
      })
    : [];
  const codes = visibleCodes(y.now.keys(), cityCode, scope).sort((a, b) => (a === cityCode ? -1 : b === cityCode ? 1 : a.localeCompare(b)));
  const counties = codes.map((c): CountySourceRow => {
    const i = y.now.get(c)!;
    const county = i.bySource.SUBSIDY_COUNTY;
    const delivery = I.subsidy_delivery_rate.compute({ subsidyCollected: county.collected, subsidyDue: county.due });
    return {
      code: c,
      collected: Object.fromEntries(SOURCE_CODES.map((s) => [s, i.bySource[s].collected])) as Record<ContributionSource, number>,
      delivery: Object.fromEntries(SOURCE_CODES.map((s) => [s, SUBSIDY_SOURCES.includes(s)
        ? I.subsidy_delivery_rate.compute({ subsidyCollected: i.bySource[s].collected, subsidyDue: i.bySource[s].due })
        : null])) as Record<ContributionSource, number | null>,
      countySubsidyGap: county.due > 0 ? I.subsidy_gap.compute({ subsidyDue: county.due, subsidyCollected: county.collected }) : null,
      countySubsidyStatus: indicatorStatus(I.subsidy_delivery_rate, delivery),
    };
  });
  return { asOf: y.asOf, regionCode: code, sources, counties };
}

export async function loadCollectionBySource(db: Db, scope: Scope, cityCode: string, req: CollectionRequest): Promise<CollectionBySource> {
  return assembleCollectionBySource(scope, cityCode, req, await loadCollectionYear(db, cityCode, req.scheme, req.year));
}

async function getCollectionBySourceUncached(scope: Scope, cityCode: string, req: CollectionRequest): Promise<CollectionBySource> {
  return assembleCollectionBySource(scope, cityCode, req, await collectionYearFor(cityCode, req.scheme, req.year));
}

/** Kept between requests until the data changes (lib/cache). */
export const getCollectionBySource = cachedByDataVersion('collection/getCollectionBySource', getCollectionBySourceUncached);
