import 'server-only';
import { cachedByDataVersion } from '../../cache';
// Per county (and the city): 基层就诊占比, 县域内就诊率, 市外就医占比 and 市级医院住院占比 in the selected year
// against their targets, next to the same indicator in the 12 months before the county's pooling month.
import { addMonths } from '../../indicators/compute';
import { indicators } from '../../indicators/registry';
import { indicatorStatus } from '../../indicators/status';
import type { Status } from '../../indicators/types';
import { shareIndicators, windowTotals, yearTotals } from '../../tieredCare/series';
import type { Scope } from '../scope';
import { asOfInYear, cachedTieredCareData, visibleCounties, type TieredCareData, type TieredCareRequest } from './data';
import { TREND_KPI_CODES, type TrendKpiCode } from './getLevelTrends';

export interface CountyShareRow {
  code: string;
  poolingPeriod: number | null;
  values: Record<TrendKpiCode, number | null>;
  status: Record<TrendKpiCode, Status>;
  /** the same indicators over the 12 months before pooling */
  baseline: Record<TrendKpiCode, number | null>;
}

export interface ShareByCounty {
  asOf: number | null;
  rows: CountyShareRow[];
}

export function computeShareByCounty(data: TieredCareData, regions: string[], year: number): ShareByCounty {
  const asOf = asOfInYear(data, year);
  const rows = regions.map((code) => {
    const m = data.monthly.get(code);
    const t = asOf ? yearTotals(m, year, asOf) : null;
    const values = t ? shareIndicators(t) : null;
    const pool = data.pooling.get(code) ?? null;
    const base = pool ? windowTotals(m, addMonths(pool, -12), addMonths(pool, -1)) : null;
    const b = base ? shareIndicators(base) : null;
    const pick = (x: ReturnType<typeof shareIndicators> | null) =>
      Object.fromEntries(TREND_KPI_CODES.map((c) => [c, x?.[c] ?? null])) as Record<TrendKpiCode, number | null>;
    const v = pick(values);
    return {
      code,
      poolingPeriod: pool,
      values: v,
      status: Object.fromEntries(TREND_KPI_CODES.map((c) => [c, indicatorStatus(indicators[c], v[c])])) as Record<TrendKpiCode, Status>,
      baseline: pick(b),
    };
  });
  return { asOf, rows };
}

async function getShareByCountyUncached(scope: Scope, cityCode: string, req: TieredCareRequest): Promise<ShareByCounty> {
  const data = await cachedTieredCareData(cityCode, req.scheme);
  return computeShareByCounty(data, [cityCode, ...visibleCounties(scope, data.counties, data.cityCode)], req.year);
}

/** Kept between requests until the data changes (lib/cache). */
export const getShareByCounty = cachedByDataVersion('tieredCare/getShareByCounty', getShareByCountyUncached);
