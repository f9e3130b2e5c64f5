import 'server-only';
import { cachedByDataVersion } from '../../cache';
import { cache } from 'react';
import { getDb, type Db } from '../../db';
import type { SchemeFilter } from '../../domain/codes';
import { indicators } from '../../indicators/registry';
import type { Status } from '../../indicators/types';
import { allowedRegion, requireCityOrCounty, type Scope } from '../scope';
import { asOfPeriod, loadKpiInputs, type KpiInputs } from './kpiInputs';
import { computeOverview, OVERVIEW_CODES, partialNotes, statusOf, type OverviewCode } from './overviewKpis';

export interface OverviewRequest { year: number; scheme: SchemeFilter; region: string | 'ALL' }
export interface KpiTileData {
  code: OverviewCode; value: number | null; previous: number | null; status: Status; target: number | null;
  /** 「部分数据」: the total lacks a part (named); the value is then not shown. */
  partial?: string;
}
export interface OverviewData {
  asOf: number | null;
  previousAsOf: number | null;
  regionCode: string;
  tiles: KpiTileData[];
  timeProgress: number | null;
  /** One row per county (and the city), for the comparison table. */
  counties: { code: string; values: Record<OverviewCode, number | null>; previous: Record<OverviewCode, number | null> }[];
}

/** Inputs for a year and its previous year at the same month: shared by every 总览 widget of a request. */
const inputsFor = cache(async (cityCode: string, scheme: SchemeFilter, year: number) => {
  const db = getDb();
  return loadYear(db, cityCode, scheme, year);
});

export async function loadYear(db: Db, cityCode: string, scheme: SchemeFilter, year: number) {
  const asOf = await asOfPeriod(db, year);
  if (asOf === null) return { asOf: null, previousAsOf: null, now: new Map<string, KpiInputs>(), before: new Map<string, KpiInputs>() };
  const previousAsOf = asOf - 100;
  const [now, before] = await Promise.all([
    loadKpiInputs(db, cityCode, scheme, asOf),
    loadKpiInputs(db, cityCode, scheme, previousAsOf),
  ]);
  return { asOf, previousAsOf, now, before };
}

export function assembleOverview(
  scope: Scope, cityCode: string, req: OverviewRequest,
  y: Awaited<ReturnType<typeof loadYear>>,
): OverviewData {
  requireCityOrCounty(scope);
  const region = allowedRegion(scope, req.region);
  const regionCode = region === 'ALL' ? cityCode : region;
  const cur = y.now.get(regionCode);
  const prev = y.before.get(regionCode);
  const values = cur ? computeOverview(cur) : null;
  const previous = prev ? computeOverview(prev) : null;
  const timeProgress = y.asOf ? indicators.time_progress.compute({ asOfMonth: y.asOf % 100 }) : null;
  const notes = partialNotes(cur);
  const tiles = OVERVIEW_CODES.map((code) => {
    const value = values?.[code] ?? null;
    return { code, value, previous: previous?.[code] ?? null, status: statusOf(code, value, timeProgress), target: indicators[code].target ?? null, ...(notes[code] ? { partial: notes[code] } : {}) };
  });
  const visible = [...y.now.keys()].filter((code) => scope.kind === 'city' || code === cityCode || code === regionCode);
  const counties = visible.map((code) => ({
    code,
    values: computeOverview(y.now.get(code)!),
    previous: y.before.has(code) ? computeOverview(y.before.get(code)!) : nullRecord(),
  }));
  return {
    asOf: y.asOf, previousAsOf: y.previousAsOf, regionCode, tiles, counties, timeProgress,
  };
}

const nullRecord = () => Object.fromEntries(OVERVIEW_CODES.map((c) => [c, null])) as Record<OverviewCode, null>;

async function getOverviewUncached(scope: Scope, cityCode: string, req: OverviewRequest): Promise<OverviewData> {
  return assembleOverview(scope, cityCode, req, await inputsFor(cityCode, req.scheme, req.year));
}

/** Kept between requests until the data changes (lib/cache). */
export const getOverview = cachedByDataVersion('overview/getOverview', getOverviewUncached);
