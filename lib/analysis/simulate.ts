/**
 * Deterministic synthetic data with known (planted) effects — for tests, Monte Carlo checks of interval
 * coverage, and demo screens. Same seed → same data.
 */
import type { PanelRow } from './did';
import type { ItsPoint } from './its';
import { monthOfPeriod, periodRange, periodToIndex } from './period';
import { ar1, mulberry32, normalGenerator } from './random';

export interface ShareSeriesOptions {
  seed: number;
  from?: number; // YYYYMM, default 201701
  to?: number; // default 202412
  base?: number; // level in the first month, default 0.55
  trend?: number; // per month, default 0.0005
  seasonalAmplitude?: number; // default 0.02
  ar?: number; // AR(1) coefficient of the noise, default 0.5
  noiseSd?: number; // innovation SD, default 0.01
  covid?: { from: number; to: number; effect: number } | null; // default 202002–202004, −0.05
  interventionPeriod?: number; // default 202001
  levelChange?: number; // planted jump at the intervention month, default 0
  slopeChange?: number; // planted change of monthly slope, default 0
}

/** A monthly share (e.g. 县域内就诊率) with trend, seasonality, AR(1) noise, a COVID dip and planted effects. */
export function simulateShareSeries(o: ShareSeriesOptions): ItsPoint[] {
  const periods = periodRange(o.from ?? 201701, o.to ?? 202412);
  const normal = normalGenerator(mulberry32(o.seed));
  const noise = ar1(periods.length, o.ar ?? 0.5, o.noiseSd ?? 0.01, normal);
  const t0 = periodToIndex(o.interventionPeriod ?? 202001);
  const covid = o.covid === undefined ? { from: 202002, to: 202004, effect: -0.05 } : o.covid;
  const amp = o.seasonalAmplitude ?? 0.02;
  return periods.map((period, t) => {
    const idx = periodToIndex(period);
    const m = monthOfPeriod(period);
    let v = (o.base ?? 0.55) + (o.trend ?? 0.0005) * t;
    v += amp * Math.sin((2 * Math.PI * m) / 12) + 0.5 * amp * Math.cos((4 * Math.PI * m) / 12);
    if (covid && idx >= periodToIndex(covid.from) && idx <= periodToIndex(covid.to)) v += covid.effect;
    if (idx >= t0) v += (o.levelChange ?? 0) + (o.slopeChange ?? 0) * (idx - t0);
    return { period, value: v + noise[t] };
  });
}

export interface PanelOptions {
  seed: number;
  from?: number; // default 201701
  to?: number; // default 202412
  /** Pooling month per unit (null = never). Default: 6 staggered cohorts 2019-01…2021-07 + 2 never-pooled. */
  adoption?: (number | null)[];
  /** Planted constant effect of pooling, default 0. */
  effect?: number;
  /**
   * Planted pre-trend: treated units drift by `preTrend` per month relative to controls before pooling
   * (value += preTrend · (months to pooling), so it vanishes at pooling). Default 0.
   */
  preTrend?: number;
  ar?: number; // default 0.5
  noiseSd?: number; // default 0.01
}

export const DEFAULT_ADOPTION: (number | null)[] = [201901, 201907, 202001, 202007, 202101, 202107, null, null];

/** Unit × month panel of a share with unit levels, common shocks (trend, season, COVID) and unit AR(1) noise. */
export function simulatePanel(o: PanelOptions): PanelRow[] {
  const periods = periodRange(o.from ?? 201701, o.to ?? 202412);
  const adoption = o.adoption ?? DEFAULT_ADOPTION;
  const normal = normalGenerator(mulberry32(o.seed));
  const common = periods.map((p, t) => {
    const m = monthOfPeriod(p);
    const covid = p >= 202002 && p <= 202004 ? -0.05 : 0;
    return 0.0004 * t + 0.02 * Math.sin((2 * Math.PI * m) / 12) + covid + 0.005 * normal();
  });
  const rows: PanelRow[] = [];
  adoption.forEach((treatedFrom, u) => {
    const unitLevel = 0.5 + 0.05 * normal();
    const noise = ar1(periods.length, o.ar ?? 0.5, o.noiseSd ?? 0.01, normal);
    const g = treatedFrom === null ? null : periodToIndex(treatedFrom);
    periods.forEach((period, t) => {
      const idx = periodToIndex(period);
      let v = unitLevel + common[t] + noise[t];
      if (g !== null && idx >= g) v += o.effect ?? 0;
      if (g !== null && idx < g) v += (o.preTrend ?? 0) * (g - idx);
      rows.push({ unit: `county${String(u + 1).padStart(2, '0')}`, period, value: v, treatedFrom });
    });
  });
  return rows;
}
