import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ItsPoint, interruptedTimeSeries } from './its';
import { monthOfPeriod, periodRange } from './period';
import { ar1, mulberry32, normalGenerator } from './random';
import { simulateShareSeries } from './simulate';

function sicily(): ItsPoint[] {
  const text = readFileSync(path.join(__dirname, 'fixtures', 'sicily.csv'), 'utf8');
  const [header, ...lines] = text.trim().split(/\r?\n/);
  const cols = header.split(',');
  return lines.map((line) => {
    const v = Object.fromEntries(line.split(',').map((x, i) => [cols[i], Number(x)]));
    return { period: v.year * 100 + v.month, value: v.aces, denominator: v.stdpop };
  });
}

const COVID = { from: 202002, to: 202004 };
const contains = (e: { ciLow: number; ciHigh: number }, x: number) => e.ciLow <= x && x <= e.ciHigh;

describe('interruptedTimeSeries — Lopez Bernal et al. 2017 (IJE 46:348), Sicily smoking ban', () => {
  it('reproduces the seasonally adjusted quasi-Poisson model: RR 0.885 (95% CI 0.839–0.933)', () => {
    // glm(aces ~ offset(log(stdpop)) + smokban + time + harmonic(month, 2, 12), family = quasipoisson)
    // The published interval is Wald with the dispersion-scaled SE and the normal quantile (Epi::ci.lin);
    // a t(52) quantile would give 0.838–0.934 instead.
    const r = interruptedTimeSeries(sicily(), {
      interventionPeriod: 200501,
      family: 'quasipoisson',
      harmonics: 2,
      slopeChange: false,
    });
    expect(r.n).toBe(59);
    expect(r.nPre).toBe(36);
    expect(r.model).toBe('quasipoisson');
    expect(r.slopeChange).toBeNull();
    expect(r.rateRatio!.estimate).toBeCloseTo(0.885, 3);
    expect(r.rateRatio!.ciLow).toBeCloseTo(0.839, 3);
    expect(r.rateRatio!.ciHigh).toBeCloseTo(0.933, 3);
    expect(r.dispersion!).toBeGreaterThan(2); // clearly overdispersed → quasi-Poisson matters
    expect(r.coefficients.map((c) => c.name)).toEqual(['intercept', 'time', 'post', 'sin1', 'cos1', 'sin2', 'cos2']);
    expect(r.warnings).toEqual([]);
  });

  it('the unadjusted model (no harmonics) also shows a reduction, with a wider interval', () => {
    const adjusted = interruptedTimeSeries(sicily(), {
      interventionPeriod: 200501,
      family: 'quasipoisson',
      harmonics: 2,
      slopeChange: false,
    });
    const r = interruptedTimeSeries(sicily(), {
      interventionPeriod: 200501,
      family: 'quasipoisson',
      harmonics: 0,
      slopeChange: false,
    });
    expect(r.rateRatio!.estimate).toBeLessThan(1);
    expect(r.rateRatio!.ciHigh).toBeLessThan(1);
    // Seasonality left in the residuals inflates the dispersion and the interval.
    expect(r.dispersion!).toBeGreaterThan(adjusted.dispersion!);
    expect(r.rateRatio!.ciHigh - r.rateRatio!.ciLow).toBeGreaterThan(
      adjusted.rateRatio!.ciHigh - adjusted.rateRatio!.ciLow,
    );
  });

  it('counterfactual rows: fitted/counterfactual ratio equals the rate ratio after the ban', () => {
    const r = interruptedTimeSeries(sicily(), {
      interventionPeriod: 200501,
      family: 'quasipoisson',
      slopeChange: false,
    });
    for (const row of r.counterfactual) {
      const ratio = row.fitted / row.counterfactual;
      expect(ratio).toBeCloseTo(row.period >= 200501 ? r.rateRatio!.estimate : 1, 10);
    }
    // Poisson with an intercept reproduces the total count.
    const obs = r.counterfactual.reduce((s, x) => s + x.observed, 0);
    const fit = r.counterfactual.reduce((s, x) => s + x.fitted, 0);
    expect(fit).toBeCloseTo(obs, 4);
  });
});

describe('interruptedTimeSeries — planted effects on a monthly share 2017-01..2024-12', () => {
  const base = { interventionPeriod: 202001, family: 'gaussian' as const, covidPeriods: COVID };

  it('recovers a level drop of −0.08 at 2020-01 (CI contains −0.08, excludes 0)', () => {
    const data = simulateShareSeries({ seed: 1, levelChange: -0.08 });
    expect(data).toHaveLength(96);
    const r = interruptedTimeSeries(data, base);
    expect(r.model).toBe('ols-hac');
    expect(r.hacLag).toBe(3);
    expect(contains(r.levelChange, -0.08)).toBe(true);
    expect(r.levelChange.ciHigh).toBeLessThan(0);
    expect(r.levelChange.p).toBeLessThan(0.001);
    expect(contains(r.slopeChange!, 0)).toBe(true);
  });

  it('no planted effect → level and slope CIs contain 0', () => {
    const r = interruptedTimeSeries(simulateShareSeries({ seed: 1 }), base);
    expect(contains(r.levelChange, 0)).toBe(true);
    expect(contains(r.slopeChange!, 0)).toBe(true);
  });

  it('recovers a slope change of +0.002/month (CI contains it, excludes 0)', () => {
    const r = interruptedTimeSeries(simulateShareSeries({ seed: 1, slopeChange: 0.002 }), base);
    expect(contains(r.slopeChange!, 0.002)).toBe(true);
    expect(r.slopeChange!.ciLow).toBeGreaterThan(0);
    expect(contains(r.levelChange, 0)).toBe(true);
  });

  it('level and slope together, also with Prais–Winsten AR(1) errors', () => {
    const data = simulateShareSeries({ seed: 2, levelChange: -0.08, slopeChange: 0.002 });
    for (const se of ['hac', 'ar1'] as const) {
      const r = interruptedTimeSeries(data, { ...base, se });
      expect(contains(r.levelChange, -0.08)).toBe(true);
      expect(contains(r.slopeChange!, 0.002)).toBe(true);
      expect(r.levelChange.ciHigh).toBeLessThan(0);
      expect(r.slopeChange!.ciLow).toBeGreaterThan(0);
      if (se === 'ar1') {
        expect(r.model).toBe('prais-winsten');
        expect(r.ar1Rho!).toBeGreaterThan(0.2);
      }
    }
  });

  it('the COVID indicator keeps the 2020 dip from being read as an effect', () => {
    const data = simulateShareSeries({ seed: 3, covid: { from: 202002, to: 202004, effect: -0.15 } });
    const without = interruptedTimeSeries(data, { ...base, covidPeriods: undefined, se: 'ar1' });
    const withCovid = interruptedTimeSeries(data, { ...base, se: 'ar1' });
    expect(withCovid.coefficients.find((c) => c.name === 'covid')!.estimate).toBeCloseTo(-0.15, 1);
    expect(Math.abs(withCovid.levelChange.estimate)).toBeLessThan(Math.abs(without.levelChange.estimate));
    expect(contains(withCovid.levelChange, 0)).toBe(true);
  });

  it('counterfactual = fitted minus the level and slope terms (gaussian)', () => {
    const r = interruptedTimeSeries(simulateShareSeries({ seed: 4, levelChange: -0.08 }), base);
    r.counterfactual.forEach((row, i) => {
      const months = i - 36; // 2020-01 is the 37th month
      const effect = months >= 0 ? r.levelChange.estimate + r.slopeChange!.estimate * months : 0;
      expect(row.fitted - row.counterfactual).toBeCloseTo(effect, 12);
    });
  });

  it('quasi-Poisson on counts with a denominator: planted rate ratio 0.88', () => {
    const periods = periodRange(201701, 202412);
    const normal = normalGenerator(mulberry32(42));
    const noise = ar1(periods.length, 0.3, 0.02, normal);
    const data = periods.map((period, t) => {
      const den = 20000 + 50 * t;
      const m = monthOfPeriod(period);
      const rate = 0.5 * Math.exp(0.002 * t + 0.05 * Math.sin((2 * Math.PI * m) / 12) + (period >= 202001 ? Math.log(0.88) : 0));
      return { period, value: Math.round(den * rate * Math.exp(noise[t])), denominator: den };
    });
    for (const se of ['model', 'hac'] as const) {
      const r = interruptedTimeSeries(data, { ...base, family: 'quasipoisson', se });
      expect(r.rateRatio!.ciLow).toBeLessThanOrEqual(0.88);
      expect(r.rateRatio!.ciHigh).toBeGreaterThanOrEqual(0.88);
      expect(r.rateRatio!.ciHigh).toBeLessThan(1);
      expect(r.slopeRateRatio!.ciLow).toBeLessThanOrEqual(1);
      expect(r.slopeRateRatio!.ciHigh).toBeGreaterThanOrEqual(1);
      expect(r.seMethod).toBe(se === 'hac' ? 'quasipoisson-hac' : 'quasipoisson');
    }
  });

  it('Monte Carlo: interval coverage on AR(1) φ = 0.3 noise (documents the small-sample behaviour)', () => {
    const R = 100;
    const cover = { hac: 0, ar1: 0 };
    for (let s = 1; s <= R; s++) {
      const data = simulateShareSeries({ seed: 1000 + s, ar: 0.3, levelChange: -0.08 });
      for (const se of ['hac', 'ar1'] as const) {
        if (contains(interruptedTimeSeries(data, { ...base, se }).levelChange, -0.08)) cover[se]++;
      }
    }
    // Nominal 95%. Newey–West runs narrow with 96 points (≈0.89 in 400-replicate runs); Prais–Winsten ≈0.92.
    expect(cover.hac / R).toBeGreaterThan(0.8);
    expect(cover.ar1 / R).toBeGreaterThan(0.85);
  });
});

describe('interruptedTimeSeries — input handling', () => {
  const base = { interventionPeriod: 202001, family: 'gaussian' as const };

  it('is independent of input order', () => {
    const data = simulateShareSeries({ seed: 5, levelChange: -0.05 });
    const a = interruptedTimeSeries(data, base);
    const b = interruptedTimeSeries([...data].reverse(), base);
    expect(b.levelChange.estimate).toBeCloseTo(a.levelChange.estimate, 12);
    expect(b.levelChange.se).toBeCloseTo(a.levelChange.se, 12);
    expect(b.counterfactual.map((r) => r.period)).toEqual(a.counterfactual.map((r) => r.period));
  });

  it('rejects duplicates, non-finite values and interventions outside the series', () => {
    const data = simulateShareSeries({ seed: 5 });
    expect(() => interruptedTimeSeries([...data, data[3]], base)).toThrow(/Duplicate period/);
    expect(() => interruptedTimeSeries(data, { ...base, interventionPeriod: 201601 })).toThrow(/inside the series/);
    expect(() => interruptedTimeSeries(data, { ...base, interventionPeriod: 202513 })).toThrow(/Invalid period/);
    const bad = data.map((r, i) => (i === 10 ? { ...r, value: NaN } : r));
    expect(() => interruptedTimeSeries(bad, base)).toThrow(/not a finite/);
    expect(() =>
      interruptedTimeSeries(
        data.map((r) => ({ ...r, value: -1 })),
        { ...base, family: 'quasipoisson' },
      ),
    ).toThrow(/non-negative/);
    expect(() => interruptedTimeSeries(data, { ...base, family: 'quasipoisson', se: 'ar1' })).toThrow(/gaussian/);
  });

  it('warns about gaps, short segments and COVID months outside the data', () => {
    const data = simulateShareSeries({ seed: 6, from: 201801, to: 202012, covid: null }).filter(
      (r) => r.period !== 201905,
    );
    const r = interruptedTimeSeries(data, { ...base, covidPeriods: [201001], harmonics: 1 });
    expect(r.warnings.some((w) => /missing/.test(w))).toBe(true);
    expect(r.warnings.some((w) => /COVID/.test(w))).toBe(true);
    expect(r.nPost).toBe(12);
    expect(r.warnings.some((w) => /at least 8/.test(w))).toBe(false);
    const short = interruptedTimeSeries(data, { ...base, interventionPeriod: 202007, harmonics: 1 });
    expect(short.nPost).toBe(6);
    expect(short.warnings.some((w) => /and 6 after the intervention; at least 8/.test(w))).toBe(true);
  });

  it('supports 0–6 harmonic pairs (the degenerate sin at k = 6 is dropped)', () => {
    const data = simulateShareSeries({ seed: 7, levelChange: -0.08 });
    const r6 = interruptedTimeSeries(data, { ...base, harmonics: 6 });
    expect(r6.coefficients.filter((c) => /^(sin|cos)/.test(c.name))).toHaveLength(11);
    expect(() => interruptedTimeSeries(data, { ...base, harmonics: 7 })).toThrow(/harmonics/);
  });
});

describe('interruptedTimeSeries — total effect at a horizon (levelChange + k·slopeChange)', () => {
  const base = { interventionPeriod: 202001, family: 'gaussian' as const, harmonics: 2, covidPeriods: COVID };

  it('equals the level change at k = 0 and the fitted-minus-counterfactual gap at every post month', () => {
    const data = simulateShareSeries({ seed: 11, levelChange: -0.04, slopeChange: -0.002 });
    const r = interruptedTimeSeries(data, { ...base, se: 'ar1', horizons: [0, 12, 24] });
    expect(r.effects.map((e) => e.monthsSince)).toEqual([0, 12, 24]);
    expect(r.effects[0].estimate).toBeCloseTo(r.levelChange.estimate, 12);
    expect(r.effects[0].se).toBeCloseTo(r.levelChange.se, 12);
    for (const e of r.effects) {
      const row = r.counterfactual.find((c) => c.period === periodRange(202001, 202412)[e.monthsSince])!;
      expect(row.fitted - row.counterfactual).toBeCloseTo(e.estimate, 10);
      expect(e.ciLow).toBeLessThan(e.estimate);
      expect(e.ciHigh).toBeGreaterThan(e.estimate);
    }
    // Uncertainty grows with the horizon (the slope is extrapolated further).
    expect(r.effects[2].se).toBeGreaterThan(r.effects[1].se);
  });

  it('covers the planted total effect two years on (−0.04 − 24·0.002 = −0.088) in ~90% of AR(1) series', () => {
    // AR(1) φ = 0.5 noise: Prais–Winsten intervals cover ~90% here (see the header); 200 series.
    let covered = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const data = simulateShareSeries({ seed, levelChange: -0.04, slopeChange: -0.002 });
      const r = interruptedTimeSeries(data, { ...base, se: 'ar1', horizons: [24] });
      if (contains(r.effects[0], -0.088)) covered++;
    }
    expect(covered / 200).toBeGreaterThan(0.85);
    expect(covered / 200).toBeLessThan(0.99);
  });

  it('is the level change at every horizon without a slope term; rate ratios for quasipoisson', () => {
    const data = simulateShareSeries({ seed: 12, levelChange: -0.03 });
    const r = interruptedTimeSeries(data, { ...base, slopeChange: false, horizons: [0, 30] });
    expect(r.effects[1].estimate).toBeCloseTo(r.levelChange.estimate, 12);
    expect(r.effects[1].se).toBeCloseTo(r.levelChange.se, 12);
    const counts = data.map((d) => ({ period: d.period, value: Math.round(d.value * 10_000), denominator: 10_000 }));
    const q = interruptedTimeSeries(counts, { ...base, family: 'quasipoisson', horizons: [6] });
    expect(q.effects[0].rateRatio!.estimate).toBeCloseTo(Math.exp(q.effects[0].estimate), 12);
    expect(() => interruptedTimeSeries(data, { ...base, horizons: [-1] })).toThrow(/horizons/);
    expect(interruptedTimeSeries(data, base).effects).toEqual([]);
  });
});
