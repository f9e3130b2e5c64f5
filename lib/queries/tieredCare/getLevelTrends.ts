import 'server-only';
import { cachedByDataVersion } from '../../cache';
// Shares by facility level over time for the city or one county: monthly visits and admissions by level,
// the monthly 基层就诊占比 / 县域内就诊率 / 市外就医占比, and the selected year's values against targets.
import type { Level } from '../../domain/codes';
import { indicators } from '../../indicators/registry';
import { indicatorStatus } from '../../indicators/status';
import type { Status } from '../../indicators/types';
import { levelComposition, shareIndicators, yearTotals } from '../../tieredCare/series';
import { allowedRegion, requireCityOrCounty, type Scope } from '../scope';
import { asOfInYear, cachedTieredCareData, type TieredCareData, type TieredCareRequest } from './data';

export const TREND_KPI_CODES = ['primary_visit_share', 'in_county_rate', 'out_of_city_share', 'city_admission_share'] as const;
export type TrendKpiCode = (typeof TREND_KPI_CODES)[number];

export interface LevelTrends {
  regionCode: string;
  poolingPeriod: number | null;
  /** pooling month of every county (and the city's first), for chart markers */
  pooling: Record<string, number>;
  /** visits by level per month (人次) */
  visits: ({ period: number } & Record<Level, number>)[];
  /** admissions by level per month (住院人次) */
  admissions: ({ period: number } & Record<Level, number>)[];
  /** visit composition by level per month (share of all visits) */
  composition: ({ period: number } & Record<Level, number | null>)[];
  shares: { period: number; primary_visit_share: number | null; in_county_rate: number | null; out_of_city_share: number | null }[];
  asOf: number | null;
  kpis: { code: TrendKpiCode; value: number | null; previous: number | null; status: Status; target: number | null }[];
}

export function computeLevelTrends(data: TieredCareData, regionCode: string, year: number): LevelTrends {
  const m = data.monthly.get(regionCode);
  const periods = m ? [...m.keys()].sort((a, b) => a - b) : [];
  const visits = periods.map((period) => ({ period, ...m!.get(period)!.visitsByLevel }));
  const admissions = periods.map((period) => ({ period, ...m!.get(period)!.admissionsByLevel }));
  const composition = periods.map((period) => ({ period, ...levelComposition(m!.get(period)!) }));
  const shares = periods.map((period) => {
    const s = shareIndicators(m!.get(period)!);
    return { period, primary_visit_share: s.primary_visit_share, in_county_rate: s.in_county_rate, out_of_city_share: s.out_of_city_share };
  });
  const asOf = asOfInYear(data, year);
  const now = asOf ? yearTotals(m, year, asOf) : null;
  // Same months a year earlier, so a running year is compared like for like.
  const before = asOf ? yearTotals(m, year - 1, asOf - 100) : null;
  const cur = now ? shareIndicators(now) : null;
  const prev = before ? shareIndicators(before) : null;
  const kpis = TREND_KPI_CODES.map((code) => {
    const value = cur?.[code] ?? null;
    return { code, value, previous: prev?.[code] ?? null, status: indicatorStatus(indicators[code], value), target: indicators[code].target ?? null };
  });
  return { regionCode, poolingPeriod: data.pooling.get(regionCode) ?? null, pooling: Object.fromEntries(data.pooling), visits, admissions, composition, shares, asOf, kpis };
}

async function getLevelTrendsUncached(scope: Scope, cityCode: string, req: TieredCareRequest): Promise<LevelTrends> {
  requireCityOrCounty(scope);
  const region = allowedRegion(scope, req.region);
  const data = await cachedTieredCareData(cityCode, req.scheme);
  return computeLevelTrends(data, region === 'ALL' ? cityCode : region, req.year);
}

/** Kept between requests until the data changes (lib/cache). */
export const getLevelTrends = cachedByDataVersion('tieredCare/getLevelTrends', getLevelTrendsUncached);
