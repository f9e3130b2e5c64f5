import 'server-only';
import { cachedByDataVersion } from '../../cache';
import { cache } from 'react';
import { getDb, type Db } from '../../db';
import type { SchemeFilter } from '../../domain/codes';
import { indicators } from '../../indicators/registry';
import type { Status } from '../../indicators/types';
import { allowedRegion, canSeeCity, isProvinceWide, requireCityOrCounty, ScopeError, type Scope } from '../scope';
import { asOfPeriod, loadKpiInputs, loadRegionInputs, sumInputs, type KpiInputs } from './kpiInputs';
import { lastLedgerPeriod, poolRegionCodes } from '../pool';
import { makePeriod } from '../../indicators/compute';
import type { Pool } from '../../regions/pools';
import { CITY_COMPARISON_CODES, computeCityComparison, computeOverview, notApplicableNotes, OVERVIEW_CODES, partialNotes, statusOf, type CityComparisonCode, type OverviewCode } from './overviewKpis';

export interface OverviewRequest { year: number; scheme: SchemeFilter; region: string | 'ALL' }
export interface KpiTileData {
  code: OverviewCode; value: number | null; previous: number | null; status: Status; target: number | null;
  /** 「部分数据」: the total lacks a part (named); the value is then not shown. */
  partial?: string;
  /** 「不适用」: the indicator does not apply to the scheme filter (reason); value and status are then missing. */
  notApplicable?: string;
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
  const values = cur ? computeOverview(cur, req.scheme) : null;
  const previous = prev ? computeOverview(prev, req.scheme) : null;
  const na = notApplicableNotes(req.scheme);
  const timeProgress = y.asOf ? indicators.time_progress.compute({ asOfMonth: y.asOf % 100 }) : null;
  const notes = partialNotes(cur);
  const tiles = OVERVIEW_CODES.map((code) => {
    const value = values?.[code] ?? null;
    return { code, value, previous: previous?.[code] ?? null, status: statusOf(code, value, timeProgress), target: indicators[code].target ?? null, ...(notes[code] ? { partial: notes[code] } : {}), ...(na[code] ? { notApplicable: na[code] } : {}) };
  });
  const visible = [...y.now.keys()].filter((code) => scope.kind === 'city' || code === cityCode || code === regionCode);
  const counties = visible.map((code) => ({
    code,
    values: computeOverview(y.now.get(code)!, req.scheme),
    previous: y.before.has(code) ? computeOverview(y.before.get(code)!, req.scheme) : nullRecord(),
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
  /**
   * The month (YYYYMM) of the province's totals: the latest month every city with data has reached, so the
   * total never adds one city's November to another's December; null when no city has data.
   */
  asOf: number | null;
  previousAsOf: number | null;
  /** the comparison indicators of the province (from the sum of its cities' inputs at `asOf`) */
  province: { values: Record<CityComparisonCode, number | null>; previous: Record<CityComparisonCode, number | null> };
  /** cities without data in the period asked (left out of the province's totals), in the cities' order */
  lacking: string[];
  /**
   * Each city at its own latest month with data (`asOf`, YYYYMM; null: none), against the same month a year
   * before, in the cities' order.
   */
  cities: { code: string; asOf: number | null; values: Record<CityComparisonCode, number | null>; previous: Record<CityComparisonCode, number | null> }[];
  timeProgress: number | null;
}

/** What loadProvinceYear returns: inputs per city at its own month, and the province's at the common month. */
export interface ProvinceYear {
  asOf: number | null;
  previousAsOf: number | null;
  /** each city's own latest month with data (cities without data are absent) */
  cityAsOf: Map<string, number>;
  now: Map<string, KpiInputs>;
  before: Map<string, KpiInputs>;
  province: { now: KpiInputs | null; before: KpiInputs | null };
}

export const emptyProvinceYear = (): ProvinceYear => ({ asOf: null, previousAsOf: null, cityAsOf: new Map(), now: new Map(), before: new Map(), province: { now: null, before: null } });

/**
 * Per-city inputs, each city measured at its own latest month with ledger data (lib/queries/pool
 * lastLedgerPeriod) within `year` (or, 'latest', at all), and the same month a year before: a city whose data
 * end earlier is shown at its month, not as missing at another city's later one. Each city's inputs are its
 * own rows (市本级) plus its counties'. The province's are the sum of the cities' at the latest month every
 * city with data has reached (a ratio such as 可支付月数 is then summed balance ÷ summed expense, never an
 * average of ratios). One load of the facts per distinct month, narrowed to the cities measured at it.
 */
export async function loadProvinceYear(db: Db, cities: readonly Pick<Pool, 'code' | 'counties'>[], scheme: SchemeFilter, year: number | 'latest'): Promise<ProvinceYear> {
  const codesOf = new Map(cities.map((c) => [c.code, [c.code, ...c.counties.map((k) => k.code)]]));
  const range = year === 'latest' ? {} : { from: makePeriod(year, 1), to: makePeriod(year, 12) };
  const months = await Promise.all(cities.map((c) => lastLedgerPeriod(db, codesOf.get(c.code)!, range)));
  const cityAsOf = new Map<string, number>();
  cities.forEach((c, i) => { if (months[i] !== null) cityAsOf.set(c.code, months[i]!); });
  if (cityAsOf.size === 0) return emptyProvinceYear();
  const asOf = Math.min(...cityAsOf.values());
  const previousAsOf = asOf - 100;
  // The months to load and, for each, the cities measured at it.
  const wanted = new Map<number, Set<string>>();
  const want = (month: number, city: string) => (wanted.get(month) ?? wanted.set(month, new Set()).get(month)!).add(city);
  for (const [city, m] of cityAsOf) for (const month of [m, m - 100, asOf, previousAsOf]) want(month, city);
  const loaded = new Map<number, Map<string, KpiInputs>>();
  await Promise.all([...wanted].map(async ([month, set]) => {
    loaded.set(month, await loadRegionInputs(db, [...set].flatMap((c) => codesOf.get(c)!), scheme, month));
  }));
  const cityAt = (city: string, month: number): KpiInputs | null => {
    const byRegion = loaded.get(month)!;
    const parts = codesOf.get(city)!.filter((k) => byRegion.has(k)).map((k) => [k, byRegion.get(k)!] as const);
    return parts.length ? sumInputs(parts) : null;
  };
  const now = new Map<string, KpiInputs>();
  const before = new Map<string, KpiInputs>();
  const provinceNow: (readonly [string, KpiInputs])[] = [];
  const provinceBefore: (readonly [string, KpiInputs])[] = [];
  for (const [city, m] of cityAsOf) {
    const n = cityAt(city, m);
    const b = cityAt(city, m - 100);
    if (n) now.set(city, n);
    if (b) before.set(city, b);
    const pn = m === asOf ? n : cityAt(city, asOf);
    const pb = m === asOf ? b : cityAt(city, previousAsOf);
    if (pn) provinceNow.push([city, pn]);
    if (pb) provinceBefore.push([city, pb]);
  }
  return {
    asOf, previousAsOf, cityAsOf, now, before,
    province: { now: provinceNow.length ? sumInputs(provinceNow) : null, before: provinceBefore.length ? sumInputs(provinceBefore) : null },
  };
}

/** The province's and every city's 总览 indicators (admins and unbound city users only: a county user, or a city user bound to a city, stays in its city). */
export function assembleProvinceOverview(scope: Scope, cities: readonly Pick<Pool, 'code'>[], y: ProvinceYear, scheme: SchemeFilter = 'ALL'): ProvinceOverviewData {
  if (!isProvinceWide(scope)) throw new ScopeError('全省各地市对比仅对全省范围的用户开放');
  const of = (i: KpiInputs | null | undefined) => (i ? computeCityComparison(i, scheme) : (Object.fromEntries(CITY_COMPARISON_CODES.map((c) => [c, null])) as Record<CityComparisonCode, null>));
  return {
    asOf: y.asOf, previousAsOf: y.previousAsOf,
    timeProgress: y.asOf ? indicators.time_progress.compute({ asOfMonth: y.asOf % 100 }) : null,
    province: { values: of(y.province.now), previous: of(y.province.before) },
    lacking: y.asOf === null ? [] : cities.filter((c) => !y.cityAsOf.has(c.code)).map((c) => c.code),
    cities: cities.map((c) => ({ code: c.code, asOf: y.cityAsOf.get(c.code) ?? null, values: of(y.now.get(c.code)), previous: of(y.before.get(c.code)) })),
  };
}

async function getProvinceOverviewUncached(scope: Scope, cities: Pick<Pool, 'code' | 'counties'>[], scheme: SchemeFilter, year: number | 'latest'): Promise<ProvinceOverviewData> {
  if (!isProvinceWide(scope)) throw new ScopeError('全省各地市对比仅对全省范围的用户开放');
  return assembleProvinceOverview(scope, cities, await loadProvinceYear(getDb(), cities, scheme, year), scheme);
}

/**
 * Kept between requests until the data changes (lib/cache); the cities (with their counties) are part of the
 * key. `year`: the cities' latest months within that year (总览, 县域画像), or 'latest': at all (风险预警).
 */
export const getProvinceOverview = cachedByDataVersion('overview/getProvinceOverview', getProvinceOverviewUncached);
