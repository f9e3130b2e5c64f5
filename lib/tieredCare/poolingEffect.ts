/**
 * Pooling effect on tiered care): orchestration of the
 * statistics in lib/analysis over the monthly share series of each county and of the city.
 *
 * Interrupted time series, per county and for the city — the choices and why:
 * - gaussian segmented regression on the share itself (percentage points are what the targets speak in);
 * - level change at the pooling month and slope change after it, two harmonic pairs for seasonality;
 * - a COVID indicator for 2020-02..2020-04 (the lockdown dip; the 2020-01 pooling month would otherwise
 *   absorb it);
 * - Prais–Winsten AR(1) standard errors (`se: 'ar1'`), not Newey–West: on ~96 monthly points the
 *   Newey–West lag is short and its intervals ran narrow in our Monte Carlo (95% intervals covered ~85%
 *   with AR(1) φ = 0.5, against ~90% for Prais–Winsten; lib/analysis/its.ts). Prais–Winsten also keeps the
 *   immediate jump honest when a gradual shift is only approximated by a straight post-pooling slope: the
 *   AR(1) transform then leans on month-to-month changes.
 * - the headline is the total effect at 24 months (level + 24 × slope change): the gap between the
 *   observed path and the no-pooling path two years on, with its interval.
 *
 * Difference-in-differences for the city: counties pooled in different months (resident pooling lagged in
 * some), so TWFE, a stacked DiD with clean (not-yet-pooled) controls and an event study with yearly bins;
 * the pre-trend check is the wild-cluster-bootstrap p of the joint test on the lead bins (8 clusters are
 * too few for the asymptotic χ²).
 */
import {
  type Estimate,
  type ItsResult,
  differenceInDifferences,
  interruptedTimeSeries,
  monthsBetween,
  periodToIndex,
} from '../analysis';
import { indicators } from '../indicators/registry';
import { translateAnalysisWarning } from './warnings';

export const POOLING_OUTCOMES = ['primary_visit_share', 'in_county_rate', 'out_of_city_share'] as const;
export type PoolingOutcome = (typeof POOLING_OUTCOMES)[number];

export function isPoolingOutcome(v: unknown): v is PoolingOutcome {
  return typeof v === 'string' && (POOLING_OUTCOMES as readonly string[]).includes(v);
}

/** The model settings, shown on the page next to the estimates. */
export const ITS_SETTINGS = {
  family: 'gaussian' as const,
  harmonics: 2,
  covidPeriods: { from: 202002, to: 202004 },
  se: 'ar1' as const,
  headlineMonths: 24,
  level: 0.95,
};

export const DID_SETTINGS = {
  eventStudy: { leads: 24, lags: 36, binWidth: 12 },
  stacked: { leads: 12, lags: 12 },
  level: 0.95,
  /** Pre-trend p at or above this: no evidence of diverging trends before pooling. */
  preTrendAlpha: 0.1,
};

export interface SeriesPoint {
  period: number;
  value: number | null;
}

/** 'down' / 'up' when the interval excludes 0; 'unclear' otherwise. */
export type Direction = 'down' | 'up' | 'unclear';
/** The direction read with the indicator's polarity: a fall in 基层就诊占比 is 'worse'. */
export type Assessment = 'worse' | 'better' | 'unclear';

export function directionOf(e: Pick<Estimate, 'ciLow' | 'ciHigh'>): Direction {
  if (e.ciHigh < 0) return 'down';
  if (e.ciLow > 0) return 'up';
  return 'unclear';
}

export function assessmentOf(outcome: PoolingOutcome, d: Direction): Assessment {
  if (d === 'unclear') return 'unclear';
  const polarity = indicators[outcome].polarity;
  const better = polarity === 'higher_better' ? d === 'up' : d === 'down';
  return better ? 'better' : 'worse';
}

export interface PoolingItsSummary {
  ok: true;
  region: string;
  outcome: PoolingOutcome;
  poolingPeriod: number;
  /** Immediate jump at the pooling month (share, i.e. 0.01 = 1 percentage point). */
  levelChange: Estimate;
  /** Change of the monthly slope (share per month). */
  slopeChange: Estimate;
  /** Total effect 12 months after pooling. */
  effect12: Estimate | null;
  /** Headline: total effect `headlineMonths` months after pooling (or at the last month observed). */
  headline: Estimate & { monthsSince: number };
  direction: Direction;
  assessment: Assessment;
  /** Observed mean of the 12 months before pooling and of months 13–24 after (descriptive). */
  preMean: number | null;
  postMean: number | null;
  counterfactual: { period: number; observed: number; fitted: number; counterfactual: number }[];
  model: { method: ItsResult['seMethod']; ar1Rho: number | null; n: number; nPre: number; nPost: number; harmonics: number };
  warnings: string[];
}

export interface PoolingItsFailure {
  ok: false;
  region: string;
  outcome: PoolingOutcome;
  poolingPeriod: number | null;
  reason: string;
}

export type PoolingItsOutcome = PoolingItsSummary | PoolingItsFailure;

function mean(xs: number[]): number | null {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
}

/**
 * ITS of one region's monthly series around its pooling month. Months with no value are left out
 * (reported as a warning by the model). Never throws for data reasons: returns { ok: false, reason }.
 */
export function poolingIts(
  region: string,
  outcome: PoolingOutcome,
  poolingPeriod: number | null,
  series: readonly SeriesPoint[],
): PoolingItsOutcome {
  const fail = (reason: string): PoolingItsFailure => ({ ok: false, region, outcome, poolingPeriod, reason });
  if (poolingPeriod === null) return fail('无市级统筹启动月份（PoolingMilestone 缺失）');
  const points = series.filter((p): p is { period: number; value: number } => p.value !== null && Number.isFinite(p.value));
  const nPre = points.filter((p) => p.period < poolingPeriod).length;
  const nPost = points.length - nPre;
  if (nPre < 12 || nPost < 12) {
    return fail(`统筹前后各需至少12个月数据（现有统筹前${nPre}个月、统筹后${nPost}个月）`);
  }
  const values = points.map((p) => p.value);
  if (Math.max(...values) - Math.min(...values) < 1e-12) return fail('该指标在整个期间没有变化（例如生育保险没有基层就诊），无法估计');
  const lastSince = monthsBetween(poolingPeriod, points[points.length - 1].period);
  const headlineMonths = Math.min(ITS_SETTINGS.headlineMonths, lastSince);
  let r: ItsResult;
  try {
    r = interruptedTimeSeries(points, {
      interventionPeriod: poolingPeriod,
      family: ITS_SETTINGS.family,
      harmonics: ITS_SETTINGS.harmonics,
      covidPeriods: ITS_SETTINGS.covidPeriods,
      se: ITS_SETTINGS.se,
      level: ITS_SETTINGS.level,
      horizons: [12, headlineMonths],
    });
  } catch (e) {
    return fail(`模型无法估计：${translateAnalysisWarning((e as Error).message)}`);
  }
  const [e12, eh] = r.effects;
  const direction = directionOf(eh);
  const t0 = periodToIndex(poolingPeriod);
  const pre = points.filter((p) => { const d = periodToIndex(p.period) - t0; return d >= -12 && d < 0; }).map((p) => p.value);
  const post = points.filter((p) => { const d = periodToIndex(p.period) - t0; return d >= 12 && d < 24; }).map((p) => p.value);
  return {
    ok: true,
    region,
    outcome,
    poolingPeriod,
    levelChange: r.levelChange,
    slopeChange: r.slopeChange!,
    effect12: lastSince >= 12 ? e12 : null,
    headline: { ...eh, monthsSince: headlineMonths },
    direction,
    assessment: assessmentOf(outcome, direction),
    preMean: mean(pre),
    postMean: mean(post),
    counterfactual: r.counterfactual.map((c) => ({ period: c.period, observed: c.observed, fitted: c.fitted, counterfactual: c.counterfactual })),
    model: { method: r.seMethod, ar1Rho: r.ar1Rho, n: r.n, nPre: r.nPre, nPost: r.nPost, harmonics: ITS_SETTINGS.harmonics },
    warnings: r.warnings.map(translateAnalysisWarning),
  };
}

// ─────────────────────────────── difference-in-differences ───────────────────────────────

export interface DidUnit {
  region: string;
  poolingPeriod: number | null;
  series: readonly SeriesPoint[];
}

export interface EventBin {
  label: string;
  /** Chinese label, e.g. '统筹前第2年', '统筹当年（第1—12个月）'. */
  labelZh: string;
  relFrom: number | null;
  relTo: number | null;
  reference: boolean;
  endpoint: boolean;
  lead: boolean;
  estimate: number;
  ciLow: number;
  ciHigh: number;
  p: number | null;
  nObs: number;
}

export interface PoolingDidSummary {
  ok: true;
  outcome: PoolingOutcome;
  /** Pooling month → regions pooled then. */
  cohorts: { period: number; regions: string[] }[];
  twfe: Estimate & { pBootstrap: number | null };
  stacked: (Estimate & { pBootstrap: number | null; cohorts: number[]; controls: string[]; droppedCohorts: number[] }) | null;
  eventStudy: { bins: EventBin[]; preTrend: { pBootstrap: number | null; pF: number | null; statistic: number; df: number } | null } | null;
  /** Read of the pre-trend test, in Chinese. */
  preTrendVerdict: 'parallel' | 'diverging' | 'untested';
  direction: Direction;
  assessment: Assessment;
  nUnits: number;
  nObs: number;
  warnings: string[];
}

export interface PoolingDidFailure {
  ok: false;
  outcome: PoolingOutcome;
  reason: string;
}

/** Chinese label of an event-time bin in months relative to pooling (yearly bins of DID_SETTINGS). */
export function eventBinLabel(relFrom: number | null, relTo: number | null): string {
  if (relFrom === null && relTo !== null) return `统筹前${Math.ceil(-relTo / 12)}年以上`;
  if (relTo === null && relFrom !== null) return `统筹后第${Math.floor(relFrom / 12) + 1}年及以后`;
  if (relFrom === null || relTo === null) return '全部';
  if (relFrom < 0) return `统筹前第${Math.round(-relFrom / 12)}年`;
  return `统筹后第${Math.floor(relFrom / 12) + 1}年`;
}

export function poolingDid(outcome: PoolingOutcome, units: readonly DidUnit[]): PoolingDidSummary | PoolingDidFailure {
  const fail = (reason: string): PoolingDidFailure => ({ ok: false, outcome, reason });
  const usable = units.filter((u) => u.series.some((p) => p.value !== null));
  if (usable.length < 2) return fail('至少需要两个县的数据');
  const timings = new Set(usable.map((u) => u.poolingPeriod));
  if (timings.size < 2 && !timings.has(null)) {
    return fail('所有县在同一月份实行市级统筹，没有对照（未统筹或尚未统筹）的县，双重差分不可识别；请看各县的中断时间序列');
  }
  const panel = usable.flatMap((u) =>
    u.series
      .filter((p): p is { period: number; value: number } => p.value !== null && Number.isFinite(p.value))
      .map((p) => ({ unit: u.region, period: p.period, value: p.value, treatedFrom: u.poolingPeriod })),
  );
  const values = panel.map((r) => r.value);
  if (Math.max(...values) - Math.min(...values) < 1e-12) return fail('该指标在整个期间没有变化，无法估计');
  let d;
  try {
    d = differenceInDifferences(panel, {
      level: DID_SETTINGS.level,
      eventStudy: DID_SETTINGS.eventStudy,
      stacked: DID_SETTINGS.stacked,
    });
  } catch (e) {
    return fail(`模型无法估计：${translateAnalysisWarning((e as Error).message)}`);
  }
  const cohortMap = new Map<number, string[]>();
  for (const u of usable) if (u.poolingPeriod !== null) cohortMap.set(u.poolingPeriod, [...(cohortMap.get(u.poolingPeriod) ?? []), u.region]);
  const es = d.eventStudy;
  const pre = es?.preTrend ?? null;
  const preTrendVerdict: PoolingDidSummary['preTrendVerdict'] =
    pre && pre.pBootstrap !== null ? (pre.pBootstrap >= DID_SETTINGS.preTrendAlpha ? 'parallel' : 'diverging') : 'untested';
  // The stacked estimate uses only clean controls; prefer it for the reading when it exists (did.ts header).
  const main = d.stacked ? d.stacked.estimate : d.twfe.estimate;
  const direction = directionOf(main);
  return {
    ok: true,
    outcome,
    cohorts: [...cohortMap.entries()].sort((a, b) => a[0] - b[0]).map(([period, regions]) => ({ period, regions })),
    twfe: { ...d.twfe.estimate, pBootstrap: d.twfe.pBootstrap },
    stacked: d.stacked
      ? {
          ...d.stacked.estimate,
          pBootstrap: d.stacked.pBootstrap,
          cohorts: d.stacked.cohorts.map((c) => c.cohort),
          controls: [...new Set(d.stacked.cohorts.flatMap((c) => c.controlUnits))],
          droppedCohorts: d.stacked.droppedCohorts.map((c) => c.cohort),
        }
      : null,
    eventStudy: es
      ? {
          bins: es.bins.map((b) => ({
            label: b.label,
            labelZh: eventBinLabel(b.relFrom, b.relTo),
            relFrom: b.relFrom,
            relTo: b.relTo,
            reference: b.reference,
            endpoint: b.endpoint,
            lead: (b.relTo ?? 0) < 0,
            estimate: b.estimate,
            ciLow: b.ciLow,
            ciHigh: b.ciHigh,
            p: Number.isFinite(b.p) ? b.p : null,
            nObs: b.nObs,
          })),
          preTrend: pre ? { pBootstrap: pre.pBootstrap, pF: pre.pF, statistic: pre.statistic, df: pre.df } : null,
        }
      : null,
    preTrendVerdict,
    direction,
    assessment: assessmentOf(outcome, direction),
    nUnits: usable.length,
    nObs: panel.length,
    warnings: d.warnings.map(translateAnalysisWarning),
  };
}
