import 'server-only';
// The loaded 分级诊疗 data of one scheme filter, shared by the widgets of a request.
import { cache } from 'react';
import type { Db } from '../../db';
import { getDb } from '../../db';
import type { SchemeFilter } from '../../domain/codes';
import { monthlyTotals, type TotalsByRegion, type UtilizationCell } from '../../tieredCare/series';
import { canSeeCountyDetail, requireCityOrCounty, type Scope } from '../scope';
import { loadPoolingMonths, loadUtilizationCells } from './inputs';
import { poolRegionCodes } from '../pool';
import { cachedByDataVersion } from '../../cache';

export interface TieredCareRequest {
  year: number;
  scheme: SchemeFilter;
  /** a county code or 'ALL' (the city) */
  region: string | 'ALL';
}

export interface TieredCareData {
  cityCode: string;
  scheme: SchemeFilter;
  cells: UtilizationCell[];
  /** monthly totals per insured region; the city code holds the sum of all counties */
  monthly: TotalsByRegion;
  /** pooling month per county (and the city's first) */
  pooling: Map<string, number>;
  /** counties with utilization data, sorted by code */
  counties: string[];
  firstPeriod: number | null;
  lastPeriod: number | null;
}

export async function loadTieredCareData(db: Db, cityCode: string, scheme: SchemeFilter): Promise<TieredCareData> {
  // The city's insured only (its own code and its counties') when the warehouse holds several cities.
  const [cells, pooling] = await Promise.all([loadUtilizationCells(db, scheme, await poolRegionCodes(db, cityCode)), loadPoolingMonths(db, scheme, cityCode)]);
  const monthly = monthlyTotals(cells, cityCode);
  let firstPeriod: number | null = null;
  let lastPeriod: number | null = null;
  for (const c of cells) {
    if (firstPeriod === null || c.period < firstPeriod) firstPeriod = c.period;
    if (lastPeriod === null || c.period > lastPeriod) lastPeriod = c.period;
  }
  const counties = [...monthly.keys()].filter((k) => k !== cityCode).sort();
  return { cityCode, scheme, cells, monthly, pooling, counties, firstPeriod, lastPeriod };
}

/** Per request (React cache) and across requests until the data changes (lib/cache). */
export const cachedTieredCareData = cache(cachedByDataVersion('tieredCare/data', (cityCode: string, scheme: SchemeFilter) =>
  loadTieredCareData(getDb(), cityCode, scheme)));

/** Counties of city `cityCode` whose detail this viewer may see (the city sees all; a county only itself). */
export function visibleCounties(scope: Scope, counties: readonly string[], cityCode: string): string[] {
  requireCityOrCounty(scope);
  return counties.filter((c) => canSeeCountyDetail(scope, c, cityCode));
}

/** Last month of `year` with data (the year may still be running), or null. */
export function asOfInYear(data: TieredCareData, year: number): number | null {
  let best: number | null = null;
  for (const p of data.monthly.get(data.cityCode)?.keys() ?? []) {
    if (Math.floor(p / 100) === year && (best === null || p > best)) best = p;
  }
  return best;
}
