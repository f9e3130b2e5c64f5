import 'server-only';
import { cachedByDataVersion } from '../../cache';
// Pooling effect on one tiered-care share: an interrupted time series per county and for the city, and a
// difference-in-differences / event study across counties (staggered pooling months). The models run once
// per scheme/outcome and data version (memo.ts), not on every request: ~9 ITS fits and one DiD with wild
// bootstrap take 0.1–0.3 s.
import { cache } from 'react';
import { shareIndicators } from '../../tieredCare/series';
import {
  poolingDid,
  poolingIts,
  type PoolingDidFailure,
  type PoolingDidSummary,
  type PoolingItsOutcome,
  type PoolingOutcome,
  type SeriesPoint,
} from '../../tieredCare/poolingEffect';
import type { SchemeFilter } from '../../domain/codes';
import type { Scope } from '../scope';
import { cachedTieredCareData, visibleCounties, type TieredCareData } from './data';

export interface PoolingEffects {
  outcome: PoolingOutcome;
  /** city first, then counties */
  its: PoolingItsOutcome[];
  did: PoolingDidSummary | PoolingDidFailure;
  /** server time spent fitting the models (ms) */
  computeMs: number;
}

export function seriesOf(data: TieredCareData, region: string, outcome: PoolingOutcome): SeriesPoint[] {
  const m = data.monthly.get(region);
  if (!m) return [];
  return [...m.entries()].sort((a, b) => a[0] - b[0]).map(([period, t]) => ({ period, value: shareIndicators(t)[outcome] }));
}

export function computePoolingEffects(data: TieredCareData, outcome: PoolingOutcome): PoolingEffects {
  const t0 = performance.now();
  const regions = [data.cityCode, ...data.counties];
  const its = regions.map((r) => poolingIts(r, outcome, data.pooling.get(r) ?? null, seriesOf(data, r, outcome)));
  const did = poolingDid(
    outcome,
    data.counties.map((r) => ({ region: r, poolingPeriod: data.pooling.get(r) ?? null, series: seriesOf(data, r, outcome) })),
  );
  return { outcome, its, did, computeMs: Math.round(performance.now() - t0) };
}

const cachedEffects = cache(cachedByDataVersion('tieredCare/poolingEffects', async (cityCode: string, scheme: SchemeFilter, outcome: PoolingOutcome) =>
  computePoolingEffects(await cachedTieredCareData(cityCode, scheme), outcome)));

async function getPoolingEffectsUncached(scope: Scope, cityCode: string, scheme: SchemeFilter, outcome: PoolingOutcome): Promise<PoolingEffects> {
  const data = await cachedTieredCareData(cityCode, scheme);
  const visible = new Set([cityCode, ...visibleCounties(scope, data.counties, data.cityCode)]);
  const all = await cachedEffects(cityCode, scheme, outcome);
  // The DiD is a city-level aggregate; per-county ITS only for counties the viewer may see.
  return { ...all, its: all.its.filter((r) => visible.has(r.region)) };
}

/** Kept between requests until the data changes (lib/cache). */
export const getPoolingEffects = cachedByDataVersion('tieredCare/getPoolingEffects', getPoolingEffectsUncached);
