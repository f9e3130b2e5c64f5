import 'server-only';
import { cachedByDataVersion } from '../../cache';
import { cache } from 'react';
import { getDb, type Db } from '../../db';
import type { SchemeFilter } from '../../domain/codes';
import { indicators } from '../../indicators/registry';
import type { Status } from '../../indicators/types';
import { allowedRegion, canSeeCity, isProvinceWide, requireCityOrCounty, ScopeError, type Scope } from '../scope';
import { asOfPeriod, loadKpiInputs, loadRegionInputs, sumInputs, type KpiInputs } from './kpiInputs';
import { poolRegionCodes } from '../pool';
import type { Pool } from '../../regions/pools';
import { CITY_COMPARISON_CODES, computeCityComparison, computeOverview, OVERVIEW_CODES, partialNotes, statusOf, type CityComparisonCode, type OverviewCode } from './overviewKpis';

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
  const asOf = await asOfPeriod(db, year, await poolRegionCodes(db, cityCode));
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
  if (scope.kind === 'city' && !canSeeCity(scope, cityCode)) throw new ScopeError(`无权查看该地市（${cityCode}）的数据`);
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

export interface ProvinceOverviewData {
  asOf: number | null;
  previousAsOf: number | null;
  /** the comparison indicators of the province (from the sum of its cities' inputs) and of each city, in the cities' order */
  province: { values: Record<CityComparisonCode, number | null>; previous: Record<CityComparisonCode, number | null> };
  cities: { code: string; values: Record<CityComparisonCode, number | null>; previous: Record<CityComparisonCode, number | null> }[];
  timeProgress: number | null;
}

/**
 * Per-city inputs and their sum for a year up to its last month with data, and the same month a year
 * before: each city's inputs are its own rows (市本级) plus its counties'; the province's are the sum of the
 * cities' (a ratio such as 可支付月数 is then summed balance ÷ summed expense, never an average of ratios).
 */
export async function loadProvinceYear(db: Db, cities: readonly Pick<Pool, 'code' | 'counties'>[], scheme: SchemeFilter, year: number) {
  const asOf = await asOfPeriod(db, year);
  const empty = { asOf: null, previousAsOf: null, now: new Map<string, KpiInputs>(), before: new Map<string, KpiInputs>(), province: { now: null, before: null } as { now: KpiInputs | null; before: KpiInputs | null } };
  if (asOf === null) return empty;
  const previousAsOf = asOf - 100;
  const [rNow, rBefore] = await Promise.all([loadRegionInputs(db, null, scheme, asOf), loadRegionInputs(db, null, scheme, previousAsOf)]);
  const perCity = (byRegion: Map<string, KpiInputs>) => {
    const out = new Map<string, KpiInputs>();
    for (const c of cities) {
      const parts = [c.code, ...c.counties.map((k) => k.code)].filter((k) => byRegion.has(k)).map((k) => [k, byRegion.get(k)!] as const);
      if (parts.length) out.set(c.code, sumInputs(parts));
    }
    return out;
  };
  const now = perCity(rNow);
  const before = perCity(rBefore);
  return { asOf, previousAsOf, now, before, province: { now: now.size ? sumInputs([...now]) : null, before: before.size ? sumInputs([...before]) : null } };
}

/** The province's and every city's 总览 indicators (admins and unbound city users only: a county user, or a city user bound to a city, stays in its city). */
export function assembleProvinceOverview(scope: Scope, cities: readonly Pick<Pool, 'code'>[], y: Awaited<ReturnType<typeof loadProvinceYear>>): ProvinceOverviewData {
  if (!isProvinceWide(scope)) throw new ScopeError('全省各地市对比仅对全省范围的用户开放');
  const of = (i: KpiInputs | null | undefined) => (i ? computeCityComparison(i) : (Object.fromEntries(CITY_COMPARISON_CODES.map((c) => [c, null])) as Record<CityComparisonCode, null>));
  return {
    asOf: y.asOf, previousAsOf: y.previousAsOf,
    timeProgress: y.asOf ? indicators.time_progress.compute({ asOfMonth: y.asOf % 100 }) : null,
    province: { values: of(y.province.now), previous: of(y.province.before) },
    cities: cities.map((c) => ({ code: c.code, values: of(y.now.get(c.code)), previous: of(y.before.get(c.code)) })),
  };
}

async function getProvinceOverviewUncached(scope: Scope, cities: Pick<Pool, 'code' | 'counties'>[], scheme: SchemeFilter, year: number): Promise<ProvinceOverviewData> {
  if (!isProvinceWide(scope)) throw new ScopeError('全省各地市对比仅对全省范围的用户开放');
  return assembleProvinceOverview(scope, cities, await loadProvinceYear(getDb(), cities, scheme, year));
}

/** Kept between requests until the data changes (lib/cache); the cities (with their counties) are part of the key. */
export const getProvinceOverview = cachedByDataVersion('overview/getProvinceOverview', getProvinceOverviewUncached);
