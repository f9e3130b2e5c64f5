/**
 * Interrupted time series (segmented regression) for one monthly series around one intervention
 * (e.g. a county's move to city-level pooling).
 *
 *   g(E[y_t]) = b0 + b1·time + b2·post + b3·timeSincePost + Σ_k (s_k sin(2πk·m/12) + c_k cos(2πk·m/12)) + d·covid
 *
 * time = months since the first observation + 1; post = 1 from the intervention month on; timeSincePost =
 * months since the intervention month (0 in that month), so b2 is the jump at the intervention month and b3 the
 * change of the monthly slope. m = calendar month (as tsModel::harmonic(month, k, 12) in the Lopez Bernal
 * tutorial). covid = 1 in the given months, so a one-off shock (2020 lockdown) is not read as an effect.
 *
 * gaussian: OLS with Newey–West SEs (autocorrelation is the rule in monthly health data) and Student t
 *   critical values with n − p df (a little more conservative than 1.96 with ~100 points). Caveat from our
 *   Monte Carlo (96 months, planted effects): Newey–West 95% intervals cover ~91% with white noise and ~85%
 *   with AR(1) φ = 0.5 (the HAC estimate is biased down in short series); se: 'ar1' (Prais–Winsten)
 *   covers ~94% / ~90%. Classical SEs cover 96% with white noise but only ~77% at φ = 0.5.
 * quasipoisson: log link with offset log(denominator); SEs scaled by the Pearson dispersion and normal critical
 *   values — the convention of R's confint.default / Epi::ci.lin used in the tutorial, which is what reproduces
 *   its published interval. `se: 'hac'` switches to a Newey–West sandwich instead.
 */
import { poissonGlm, poissonHac } from './glm';
import { type Estimate, type ReferenceDistribution, makeEstimate } from './inference';
import { type Matrix } from './linalg';
import { defaultHacLag, neweyWest, ols, praisWinsten } from './ols';
import { indexToPeriod, monthOfPeriod, periodToIndex } from './period';

export interface ItsPoint {
  /** YYYYMM */
  period: number;
  /** gaussian: the value itself (e.g. a share 0–1); quasipoisson: a count. */
  value: number;
  /** quasipoisson: exposure (population, all visits…) used as offset log(denominator). Ignored for gaussian. */
  denominator?: number;
}

export interface ItsOptions {
  /** YYYYMM of the first month under the intervention. */
  interventionPeriod: number;
  family: 'gaussian' | 'quasipoisson';
  /** Number of sin/cos pairs with period 12 (0–6). Default 2. */
  harmonics?: number;
  /** Months of the COVID shock, as a list of YYYYMM or an inclusive range; one indicator column. */
  covidPeriods?: number[] | { from: number; to: number };
  /** Newey–West lag; default floor(4 (n/100)^(2/9)) — see defaultHacLag. */
  hacLag?: number;
  /** Confidence level, default 0.95. */
  level?: number;
  /** Include the slope-change term (default true). false = level change only, as in Lopez Bernal et al. */
  slopeChange?: boolean;
  /**
   * Standard errors: gaussian default 'hac' (OLS + Newey–West), quasipoisson default 'model'
   * (dispersion-scaled). 'ar1' (gaussian only): Prais–Winsten GLS with AR(1) errors — in our simulations
   * its intervals cover better than Newey–West on ~8 years of strongly autocorrelated monthly data.
   */
  se?: 'hac' | 'model' | 'ar1';
  /**
   * Months since the intervention month (0 = that month; fractions allowed, e.g. the mean of the post
   * period) at which to report the total effect levelChange + k·slopeChange with its interval — the gap
   * between the fitted path and the counterfactual, which is what a reader asks ("how far below the
   * no-pooling path after two years?"). Needs the covariance of the two terms, hence computed here.
   */
  horizons?: number[];
}

/** Total effect at `monthsSince` months after the intervention (value units; log rate for quasipoisson). */
export interface ItsHorizonEffect extends Estimate {
  monthsSince: number;
  /** quasipoisson: exp(estimate) with its interval. */
  rateRatio?: RatioEstimate;
}

export interface RatioEstimate {
  estimate: number;
  ciLow: number;
  ciHigh: number;
}

export interface ItsCounterfactualRow {
  period: number;
  observed: number;
  denominator: number | null;
  /** Model prediction with the intervention terms. */
  fitted: number;
  /** Same model with post = timeSincePost = 0: the path without the intervention (seasonality/COVID kept). */
  counterfactual: number;
}

export interface ItsResult {
  /** Jump at the intervention month (value units for gaussian, log rate for quasipoisson). */
  levelChange: Estimate;
  /** Change in the monthly slope (same scale), or null when slopeChange: false. */
  slopeChange: Estimate | null;
  /** quasipoisson: exp(levelChange) with its interval. */
  rateRatio?: RatioEstimate;
  /** quasipoisson: exp(slopeChange), the multiplicative change per month. */
  slopeRateRatio?: RatioEstimate;
  counterfactual: ItsCounterfactualRow[];
  n: number;
  nPre: number;
  nPost: number;
  /** 'ols-hac' (default gaussian); 'ols' / 'prais-winsten' when se is 'model' / 'ar1'; 'quasipoisson'. */
  model: 'ols-hac' | 'ols' | 'prais-winsten' | 'quasipoisson';
  seMethod: 'newey-west' | 'classical' | 'prais-winsten' | 'quasipoisson' | 'quasipoisson-hac';
  /** Prais–Winsten AR(1) coefficient; null otherwise. */
  ar1Rho: number | null;
  hacLag: number | null;
  /** quasipoisson Pearson dispersion; null for gaussian. */
  dispersion: number | null;
  /** Total effects at the requested `horizons` (empty when none were asked for). */
  effects: ItsHorizonEffect[];
  /** Lag-1 autocorrelation of the (Pearson) residuals — a quick diagnostic. */
  residualAutocorrelation: number;
  coefficients: { name: string; estimate: number; se: number }[];
  level: number;
  warnings: string[];
}

/** Fewer points than this on either side and the segment slopes are poorly determined (Penfold & Zhang 2013). */
const MIN_SEGMENT_POINTS = 8;

function covidSet(spec: ItsOptions['covidPeriods']): Set<number> {
  const set = new Set<number>();
  if (!spec) return set;
  if (Array.isArray(spec)) {
    for (const p of spec) set.add(periodToIndex(p));
  } else {
    const a = periodToIndex(spec.from);
    const b = periodToIndex(spec.to);
    if (b < a) throw new Error('covidPeriods: "to" is before "from"');
    for (let i = a; i <= b; i++) set.add(i);
  }
  return set;
}

function lag1Autocorrelation(e: number[]): number {
  const m = e.reduce((s, v) => s + v, 0) / e.length;
  let num = 0;
  let den = 0;
  for (let t = 0; t < e.length; t++) {
    den += (e[t] - m) ** 2;
    if (t > 0) num += (e[t] - m) * (e[t - 1] - m);
  }
  return den > 0 ? num / den : 0;
}

export function interruptedTimeSeries(series: ItsPoint[], options: ItsOptions): ItsResult {
  const level = options.level ?? 0.95;
  const harmonics = options.harmonics ?? 2;
  const withSlope = options.slopeChange ?? true;
  const family = options.family;
  if (family !== 'gaussian' && family !== 'quasipoisson') throw new Error(`Unknown family ${String(family)}`);
  if (!(Number.isInteger(harmonics) && harmonics >= 0 && harmonics <= 6)) {
    throw new Error('harmonics must be an integer between 0 and 6');
  }
  const seType = options.se ?? (family === 'gaussian' ? 'hac' : 'model');
  if (seType === 'ar1' && family !== 'gaussian') throw new Error("se: 'ar1' is only available for the gaussian family");
  const warnings: string[] = [];

  const rows = [...series]
    .map((r) => ({ ...r, idx: periodToIndex(r.period) }))
    .sort((a, b) => a.idx - b.idx);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (i > 0 && r.idx === rows[i - 1].idx) throw new Error(`Duplicate period ${r.period} in the series`);
    if (!Number.isFinite(r.value)) throw new Error(`Value for period ${r.period} is not a finite number`);
  }
  const n = rows.length;
  if (n === 0) throw new Error('Empty series');

  const hasDen = rows.map((r) => r.denominator !== undefined && r.denominator !== null);
  if (family === 'quasipoisson') {
    if (hasDen.some((h) => h !== hasDen[0])) throw new Error('Denominator must be given for all periods or none');
    for (const r of rows) {
      if (r.value < 0) throw new Error(`quasipoisson needs non-negative counts (period ${r.period})`);
      if (hasDen[0] && !(Number.isFinite(r.denominator) && (r.denominator as number) > 0)) {
        throw new Error(`Denominator for period ${r.period} must be a positive number`);
      }
    }
  }
  // Gaussian models the value (a share) directly; a denominator is only echoed back in the output.

  const missing = rows[n - 1].idx - rows[0].idx + 1 - n;
  if (missing > 0) warnings.push(`${missing} month(s) missing inside the series; HAC lags treat neighbours as adjacent`);

  const t0 = periodToIndex(options.interventionPeriod);
  const nPre = rows.filter((r) => r.idx < t0).length;
  const nPost = n - nPre;
  if (nPre === 0 || nPost === 0) {
    throw new Error('The intervention period must fall inside the series (need points before and after)');
  }
  if (nPre < MIN_SEGMENT_POINTS || nPost < MIN_SEGMENT_POINTS) {
    warnings.push(
      `Only ${nPre} point(s) before and ${nPost} after the intervention; at least ${MIN_SEGMENT_POINTS} each ` +
        `(ideally 12+) are recommended`,
    );
  }
  if (withSlope && (nPre < 2 || nPost < 2)) throw new Error('A slope change needs at least 2 points on each side');

  const covid = covidSet(options.covidPeriods);
  const covidFlags = rows.map((r) => (covid.has(r.idx) ? 1 : 0));
  const nCovid = covidFlags.reduce<number>((s, v) => s + v, 0);
  const useCovid = covid.size > 0 && nCovid > 0;
  if (covid.size > 0 && nCovid === 0) warnings.push('None of the COVID months is in the series; indicator dropped');
  if (useCovid && nCovid === n) throw new Error('Every month is flagged as COVID; the indicator is not estimable');

  // Design matrix.
  const names = ['intercept', 'time', 'post'];
  if (withSlope) names.push('timeSincePost');
  for (let k = 1; k <= harmonics; k++) {
    // sin(2π·6·m/12) = sin(π m) = 0 for every month: omit it to keep the design full rank.
    if (k < 6) names.push(`sin${k}`);
    names.push(`cos${k}`);
  }
  if (useCovid) names.push('covid');
  const X: Matrix = rows.map((r, i) => {
    const post = r.idx >= t0 ? 1 : 0;
    const row = [1, r.idx - rows[0].idx + 1, post];
    if (withSlope) row.push(post ? r.idx - t0 : 0);
    const m = monthOfPeriod(r.period);
    for (let k = 1; k <= harmonics; k++) {
      const ph = (2 * Math.PI * k * m) / 12;
      if (k < 6) row.push(Math.sin(ph));
      row.push(Math.cos(ph));
    }
    if (useCovid) row.push(covidFlags[i]);
    return row;
  });
  const p = names.length;
  if (n <= p) throw new Error(`Too few points (${n}) for ${p} parameters; reduce harmonics`);
  if (n < 2 * p) warnings.push(`Only ${n} points for ${p} parameters; estimates are imprecise`);

  const iPost = 2;
  const iSlope = withSlope ? 3 : -1;
  const y = rows.map((r) => r.value);

  let coef: number[];
  let cov: Matrix;
  let linear: number[]; // linear predictor without offset
  let fittedResp: number[];
  let residForAcf: number[];
  let dist: ReferenceDistribution;
  let seMethod: ItsResult['seMethod'];
  let hacLag: number | null = null;
  let dispersion: number | null = null;
  let ar1Rho: number | null = null;
  const offset = family === 'quasipoisson' && hasDen[0] ? rows.map((r) => Math.log(r.denominator as number)) : null;

  if (family === 'gaussian' && seType === 'ar1') {
    const fit = praisWinsten(X, y, { names });
    if (!fit.converged) warnings.push('Prais–Winsten ρ did not converge');
    coef = fit.coefficients;
    cov = fit.covariance;
    seMethod = 'prais-winsten';
    ar1Rho = fit.rho;
    dist = { kind: 't', df: fit.dfResidual };
    linear = fit.fitted;
    fittedResp = fit.fitted;
    residForAcf = fit.innovations;
  } else if (family === 'gaussian') {
    const fit = ols(X, y, { names });
    coef = fit.coefficients;
    if (seType === 'hac') {
      hacLag = options.hacLag ?? defaultHacLag(n);
      cov = neweyWest(X, fit.residuals, hacLag, { xtxInv: fit.xtxInv });
      seMethod = 'newey-west';
    } else {
      cov = fit.covariance;
      seMethod = 'classical';
    }
    dist = { kind: 't', df: fit.dfResidual };
    linear = fit.fitted;
    fittedResp = fit.fitted;
    residForAcf = fit.residuals;
  } else {
    const fit = poissonGlm(X, y, offset ?? undefined, { names });
    if (!fit.converged) warnings.push(`IRLS did not converge in ${fit.iterations} iterations`);
    coef = fit.coefficients;
    dispersion = fit.dispersion;
    if (seType === 'hac') {
      hacLag = options.hacLag ?? defaultHacLag(n);
      cov = poissonHac(X, fit, y, hacLag);
      seMethod = 'quasipoisson-hac';
    } else {
      cov = fit.covariance;
      seMethod = 'quasipoisson';
    }
    dist = { kind: 'normal' };
    linear = fit.linearPredictor.map((v, i) => v - (offset ? offset[i] : 0));
    fittedResp = fit.fitted;
    residForAcf = fit.pearsonResiduals;
  }

  const se = cov.map((row, j) => Math.sqrt(row[j]));
  const levelChange = makeEstimate(coef[iPost], se[iPost], level, dist);
  const slopeChange = withSlope ? makeEstimate(coef[iSlope], se[iSlope], level, dist) : null;
  const rho = lag1Autocorrelation(residForAcf);
  if (seMethod === 'quasipoisson' || seMethod === 'classical' || seMethod === 'prais-winsten') {
    if (Math.abs(rho) > 0.3) {
      warnings.push(
        `Residual lag-1 autocorrelation is ${rho.toFixed(2)}; model-based SEs may be too small — consider ` +
          (family === 'gaussian' ? "se: 'hac' or 'ar1'" : "se: 'hac'"),
      );
    }
  }

  const effects: ItsHorizonEffect[] = (options.horizons ?? []).map((k) => {
    if (!(Number.isFinite(k) && k >= 0)) throw new Error(`horizons: ${k} is not a non-negative number of months`);
    // Without a slope term the effect is the level change at every horizon.
    const est = coef[iPost] + (withSlope ? k * coef[iSlope] : 0);
    const variance = cov[iPost][iPost] + (withSlope ? k * k * cov[iSlope][iSlope] + 2 * k * cov[iPost][iSlope] : 0);
    return { monthsSince: k, ...makeEstimate(est, Math.sqrt(Math.max(variance, 0)), level, dist) };
  });

  const counterfactual: ItsCounterfactualRow[] = rows.map((r, i) => {
    let eta = linear[i] - coef[iPost] * X[i][iPost];
    if (withSlope) eta -= coef[iSlope] * X[i][iSlope];
    let cf: number;
    if (family === 'gaussian') cf = eta;
    else cf = Math.exp(eta + (offset ? offset[i] : 0));
    return {
      period: indexToPeriod(r.idx),
      observed: r.value,
      denominator: r.denominator ?? null,
      fitted: fittedResp[i],
      counterfactual: cf,
    };
  });

  const result: ItsResult = {
    levelChange,
    slopeChange,
    counterfactual,
    n,
    nPre,
    nPost,
    model:
      family === 'quasipoisson'
        ? 'quasipoisson'
        : seMethod === 'prais-winsten'
          ? 'prais-winsten'
          : seMethod === 'classical'
            ? 'ols'
            : 'ols-hac',
    seMethod,
    hacLag,
    dispersion,
    ar1Rho,
    effects,
    residualAutocorrelation: rho,
    coefficients: names.map((name, j) => ({ name, estimate: coef[j], se: se[j] })),
    level,
    warnings,
  };
  if (family === 'quasipoisson') {
    const ratio = (e: Estimate): RatioEstimate => ({
      estimate: Math.exp(e.estimate),
      ciLow: Math.exp(e.ciLow),
      ciHigh: Math.exp(e.ciHigh),
    });
    result.rateRatio = ratio(levelChange);
    if (slopeChange) result.slopeRateRatio = ratio(slopeChange);
    for (const e of effects) e.rateRatio = ratio(e);
  }
  return result;
}
