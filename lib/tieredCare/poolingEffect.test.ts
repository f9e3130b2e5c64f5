// The orchestration layer on generated data: rollup-like cells with a planted pooling effect go through
// monthlyTotals → registry shares → poolingIts / poolingDid, and the planted effect (or its absence) must
// land inside the reported interval.
import { describe, expect, it } from 'vitest';
import { simulatePanel, simulateShareSeries } from '../analysis';
import { type UtilizationCell, monthlyTotals, shareIndicators } from './series';
import { assessmentOf, directionOf, eventBinLabel, poolingDid, poolingIts, type SeriesPoint } from './poolingEffect';

const CITY = '439900';

/** Cells for one region whose primary-care share follows `share` (1,000,000 visits a month). */
function cellsFromShares(region: string, shares: { period: number; value: number }[]): UtilizationCell[] {
  const out: UtilizationCell[] = [];
  for (const { period, value } of shares) {
    const all = 1_000_000;
    const primary = Math.round(all * value);
    const rest = all - primary;
    const base = { region, period, inCounty: true, totalCost: 0, fundPaid: 0, referralsUp: 0, referralsDown: 0 };
    out.push({ ...base, visitType: 'OUTPATIENT', level: 'PRIMARY', visits: primary });
    out.push({ ...base, visitType: 'OUTPATIENT', level: 'COUNTY', visits: Math.round(rest * 0.7) });
    out.push({ ...base, visitType: 'OUTPATIENT', level: 'CITY', inCounty: false, visits: rest - Math.round(rest * 0.7) });
  }
  return out;
}

function primarySeries(cells: UtilizationCell[], region: string): SeriesPoint[] {
  const m = monthlyTotals(cells, CITY).get(region)!;
  return [...m.entries()].sort((a, b) => a[0] - b[0]).map(([period, t]) => ({ period, value: shareIndicators(t).primary_visit_share }));
}

const contains = (e: { ciLow: number; ciHigh: number }, x: number) => e.ciLow <= x && x <= e.ciHigh;

describe('poolingIts (orchestration over generated rollup cells)', () => {
  const planted = (seed: number) => {
    const shares = simulateShareSeries({ seed, base: 0.64, trend: -0.0003, levelChange: -0.04, slopeChange: -0.002 });
    return poolingIts('439981', 'primary_visit_share', 202001, primarySeries(cellsFromShares('439981', shares), '439981'));
  };

  it('recovers a planted fall (−4 points at pooling, −0.2 points a month) within the interval in ~90% of series', () => {
    // AR(1) φ = 0.5 noise, 100 series: 95% Prais–Winsten intervals cover ~90% (lib/analysis/its.ts header).
    const N = 100;
    let level = 0;
    let slope = 0;
    let headline = 0;
    for (let seed = 1; seed <= N; seed++) {
      const r = planted(seed);
      if (!r.ok) throw new Error(r.reason);
      if (contains(r.levelChange, -0.04)) level++;
      if (contains(r.slopeChange, -0.002)) slope++;
      if (contains(r.headline, -0.088)) headline++;
      expect(r.direction).toBe('down'); // an 8.8-point fall is never missed
    }
    for (const covered of [level, slope, headline]) expect(covered / N).toBeGreaterThan(0.85);
  });

  it('reports the planted fall with its 24-month effect, counterfactual and diagnostics', () => {
    const r = planted(1);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(contains(r.levelChange, -0.04)).toBe(true);
    expect(contains(r.slopeChange, -0.002)).toBe(true);
    expect(r.headline.monthsSince).toBe(24);
    expect(contains(r.headline, -0.088)).toBe(true);
    expect(r.direction).toBe('down');
    expect(r.assessment).toBe('worse');
    expect(r.model.method).toBe('prais-winsten');
    expect(r.model.nPre).toBe(36);
    expect(r.counterfactual).toHaveLength(96);
    // The counterfactual at 24 months sits the headline effect above the fitted path.
    const at = r.counterfactual.find((c) => c.period === 202201)!;
    expect(at.fitted - at.counterfactual).toBeCloseTo(r.headline.estimate, 8);
    expect(r.preMean).toBeGreaterThan(r.postMean!);
  });

  it('finds no effect where none was planted (interval contains 0) in most generated series', () => {
    let covered = 0;
    const N = 100;
    for (let seed = 1; seed <= N; seed++) {
      const cells = cellsFromShares('439921', simulateShareSeries({ seed, base: 0.66 }));
      const r = poolingIts('439921', 'primary_visit_share', 202001, primarySeries(cells, '439921'));
      if (!r.ok) throw new Error(r.reason);
      if (contains(r.headline, 0)) covered++;
    }
    expect(covered / N).toBeGreaterThan(0.85);
    const one = poolingIts('439921', 'primary_visit_share', 202001, primarySeries(cellsFromShares('439921', simulateShareSeries({ seed: 2, base: 0.66 })), '439921'));
    expect(one.ok && one.direction).toBe('unclear');
    expect(one.ok && one.assessment).toBe('unclear');
  });

  it('handles a later pooling month (2021-07) and reports why it cannot estimate', () => {
    const shares = simulateShareSeries({ seed: 5, interventionPeriod: 202107, levelChange: 0.03 });
    const cells = cellsFromShares('4399A2', shares);
    const r = poolingIts('4399A2', 'primary_visit_share', 202107, primarySeries(cells, '4399A2'));
    expect(r.ok && contains(r.levelChange, 0.03)).toBe(true);
    expect(r.ok && r.direction).toBe('up');
    expect(r.ok && r.assessment).toBe('better');

    const series = primarySeries(cells, '4399A2');
    expect(poolingIts('x', 'primary_visit_share', null, series)).toMatchObject({ ok: false, reason: /PoolingMilestone/ });
    expect(poolingIts('x', 'primary_visit_share', 202406, series)).toMatchObject({ ok: false, reason: /至少12个月/ });
    const flat = series.map((p) => ({ ...p, value: 0 }));
    expect(poolingIts('x', 'primary_visit_share', 202001, flat)).toMatchObject({ ok: false, reason: /没有变化/ });
    // Missing months are skipped (and reported), not read as zero.
    const gappy = series.map((p) => (p.period === 201905 ? { ...p, value: null } : p));
    const g = poolingIts('x', 'primary_visit_share', 202107, gappy);
    expect(g.ok && g.model.n).toBe(95);
    expect(g.ok && g.warnings.some((w) => /缺少1个月/.test(w))).toBe(true);
  });

  it('reads direction with the indicator polarity', () => {
    expect(directionOf({ ciLow: -0.03, ciHigh: -0.01 })).toBe('down');
    expect(directionOf({ ciLow: -0.01, ciHigh: 0.02 })).toBe('unclear');
    expect(assessmentOf('out_of_city_share', 'down')).toBe('better');
    expect(assessmentOf('in_county_rate', 'down')).toBe('worse');
  });
});

describe('poolingDid (staggered pooling: six counties 2020-01, one 2021-01, one 2021-07)', () => {
  const ADOPTION = [202001, 202001, 202001, 202001, 202001, 202001, 202101, 202107];

  function units(effect: number, seed: number, preTrend = 0) {
    const panel = simulatePanel({ seed, adoption: ADOPTION, effect, preTrend });
    const byUnit = new Map<string, { period: number; value: number }[]>();
    for (const r of panel) byUnit.set(r.unit, [...(byUnit.get(r.unit) ?? []), { period: r.period, value: r.value }]);
    return [...byUnit.entries()].map(([unit, shares], i) => {
      const cells = cellsFromShares(unit, shares);
      return { region: unit, poolingPeriod: ADOPTION[i], series: primarySeries(cells, unit) };
    });
  }

  it('recovers a planted −3 point effect, with the pre-trend check passing', () => {
    const r = poolingDid('primary_visit_share', units(-0.03, 21));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(contains(r.twfe, -0.03)).toBe(true);
    expect(r.stacked).not.toBeNull();
    expect(contains(r.stacked!, -0.03)).toBe(true);
    expect(r.stacked!.cohorts).toEqual([202001]);
    expect(r.stacked!.droppedCohorts).toEqual([202101, 202107]);
    expect(r.direction).toBe('down');
    expect(r.cohorts.map((c) => [c.period, c.regions.length])).toEqual([[202001, 6], [202101, 1], [202107, 1]]);
    expect(r.preTrendVerdict).toBe('parallel');
    const bins = r.eventStudy!.bins;
    expect(bins.find((b) => b.reference)!.labelZh).toBe('统筹前第1年');
    expect(bins.filter((b) => b.lead).length).toBeGreaterThanOrEqual(2);
    for (const b of bins.filter((x) => !x.lead && !x.reference && !x.endpoint)) expect(contains(b, -0.03)).toBe(true);
    expect(r.warnings.some((w) => /仅有8个县/.test(w))).toBe(true);
    expect(r.warnings.every((w) => !/^模型提示/.test(w))).toBe(true); // every caveat translated
  });

  it('finds no effect where none was planted', () => {
    const r = poolingDid('primary_visit_share', units(0, 22));
    expect(r.ok && contains(r.twfe, 0)).toBe(true);
    expect(r.ok && r.stacked && contains(r.stacked, 0)).toBe(true);
    expect(r.ok && r.direction).toBe('unclear');
  });

  it('flags a planted pre-trend', () => {
    const r = poolingDid('primary_visit_share', units(0, 23, -0.004));
    expect(r.ok && r.preTrendVerdict).toBe('diverging');
  });

  it('is not identified when every county pooled in the same month', () => {
    const u = units(0, 24).map((x) => ({ ...x, poolingPeriod: 202001 }));
    expect(poolingDid('primary_visit_share', u)).toMatchObject({ ok: false, reason: /同一月份/ });
  });

  it('labels event-time bins in Chinese', () => {
    expect(eventBinLabel(-24, -13)).toBe('统筹前第2年');
    expect(eventBinLabel(null, -25)).toBe('统筹前3年以上');
    expect(eventBinLabel(0, 11)).toBe('统筹后第1年');
    expect(eventBinLabel(36, null)).toBe('统筹后第4年及以后');
  });
});
