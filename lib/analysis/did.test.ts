import { describe, expect, it } from 'vitest';
import { type PanelRow, differenceInDifferences, eventStudy, stackedDid, twfeDid } from './did';
import { DEFAULT_ADOPTION, simulatePanel } from './simulate';

const contains = (e: { ciLow: number; ciHigh: number }, x: number) => e.ciLow <= x && x <= e.ciHigh;

describe('difference-in-differences with staggered pooling (8 counties, 2017-01..2024-12)', () => {
  it('TWFE recovers a planted effect of −0.03 (CI contains it, excludes 0)', () => {
    const panel = simulatePanel({ seed: 1, effect: -0.03 });
    expect(panel).toHaveLength(8 * 96);
    const r = twfeDid(panel);
    expect(r.nUnits).toBe(8);
    expect(r.nTreatedUnits).toBe(6);
    expect(r.nNeverTreatedUnits).toBe(2);
    expect(r.nPeriods).toBe(96);
    expect(r.nClusters).toBe(8);
    expect(contains(r.estimate, -0.03)).toBe(true);
    expect(r.estimate.ciHigh).toBeLessThan(0);
    expect(r.pBootstrap!).toBeLessThan(0.01);
    expect(r.warnings.some((w) => /8 clusters/.test(w))).toBe(true);
  });

  it('no effect → TWFE and stacked CIs cover 0', () => {
    const panel = simulatePanel({ seed: 2 });
    const r = differenceInDifferences(panel);
    expect(contains(r.twfe.estimate, 0)).toBe(true);
    expect(r.twfe.pBootstrap!).toBeGreaterThan(0.05);
    expect(contains(r.stacked!.estimate, 0)).toBe(true);
  });

  it('stacked DiD with clean controls recovers the effect; every cohort kept', () => {
    const r = stackedDid(simulatePanel({ seed: 1, effect: -0.03 }));
    expect(contains(r.estimate, -0.03)).toBe(true);
    expect(r.estimate.ciHigh).toBeLessThan(0);
    expect(r.cohorts.map((c) => c.cohort)).toEqual([201901, 201907, 202001, 202007, 202101, 202107]);
    // 2019-01 cohort (window to 2020-12): never-pooled units + those pooled from 2021-01 on are clean controls.
    expect(r.cohorts[0].controlUnits).toEqual(['county05', 'county06', 'county07', 'county08']);
    expect(r.droppedCohorts).toEqual([]);
  });

  it('event study: post-pooling bins ≈ effect, pre bins ≈ 0, pre-trend test not rejected', () => {
    const r = eventStudy(simulatePanel({ seed: 1, effect: -0.03 }));
    expect(r.bins.map((b) => b.label)).toEqual(['<=-25', '-24..-13', '-12..-1', '0..11', '12..23', '24..35', '>=36']);
    const ref = r.bins.find((b) => b.reference)!;
    expect(ref.label).toBe('-12..-1');
    expect(ref.estimate).toBe(0);
    // Individual bins cover ~91–93% (200-replicate run, few clusters), so per-bin checks are kept loose.
    for (const b of r.bins.filter((x) => !x.reference)) {
      const pre = b.relTo !== null && b.relTo < 0;
      if (pre) expect(contains(b, 0)).toBe(true);
      else {
        expect(Math.abs(b.estimate + 0.03)).toBeLessThan(0.01);
        expect(b.ciHigh).toBeLessThan(0);
      }
    }
    expect(r.preTrend!.df).toBe(2);
    expect(r.preTrend!.p).toBeGreaterThan(0.05);
    expect(r.preTrend!.pF!).toBeGreaterThan(0.05);
    expect(r.preTrend!.pBootstrap!).toBeGreaterThan(0.1);
  });

  it('a planted pre-trend (treated counties drifting before pooling) is rejected', () => {
    const r = eventStudy(simulatePanel({ seed: 1, effect: -0.03, preTrend: 0.001 }));
    expect(r.preTrend!.p).toBeLessThan(0.001);
    expect(r.preTrend!.pF!).toBeLessThan(0.01);
    expect(r.preTrend!.pBootstrap!).toBeLessThan(0.01);
  });

  it('quarterly bins work; too many lead bins for 8 clusters → no joint test, with a warning', () => {
    const panel = simulatePanel({ seed: 3, effect: -0.03 });
    const q = eventStudy(panel, { binWidth: 3, leads: 12, lags: 12, bootstrap: false });
    expect(q.bins.find((b) => b.reference)!.label).toBe('-3..-1');
    expect(q.preTrend!.df).toBe(4); // -12..-10, -9..-7, -6..-4 and the open <=-13 bin
    expect(q.preTrend!.pBootstrap).toBeNull();
    const many = eventStudy(panel, { binWidth: 3, leads: 24, lags: 12, bootstrap: false });
    expect(many.preTrend).toBeNull();
    expect(many.warnings.some((w) => /lead bins/.test(w))).toBe(true);
  });

  it('Monte Carlo: pre-trend test size under parallel trends (bootstrap ≈ 5%, χ² over-rejects)', () => {
    const R = 60;
    let rejectBoot = 0;
    let rejectChi2 = 0;
    for (let s = 1; s <= R; s++) {
      const r = eventStudy(simulatePanel({ seed: 5000 + s }), { bootstrap: { replications: 499 } });
      if (r.preTrend!.pBootstrap! < 0.05) rejectBoot++;
      if (r.preTrend!.p < 0.05) rejectChi2++;
    }
    // 200-replicate runs gave 5% (bootstrap), 9.5% (F), 18% (χ²) at nominal 5%.
    expect(rejectBoot / R).toBeLessThan(0.12);
    expect(rejectChi2).toBeGreaterThanOrEqual(rejectBoot);
  });
});

describe('difference-in-differences — input handling', () => {
  const panel = simulatePanel({ seed: 4, effect: -0.02 });

  it('does not depend on row order and is deterministic (bootstrap seed fixed)', () => {
    const a = differenceInDifferences(panel);
    const b = differenceInDifferences([...panel].reverse());
    expect(b.twfe.estimate.estimate).toBeCloseTo(a.twfe.estimate.estimate, 12);
    expect(b.twfe.estimate.se).toBeCloseTo(a.twfe.estimate.se, 12);
    expect(b.twfe.pBootstrap).toBe(a.twfe.pBootstrap);
    expect(b.eventStudy!.preTrend!.pBootstrap).toBe(a.eventStudy!.preTrend!.pBootstrap);
    expect(b.stacked!.estimate.estimate).toBeCloseTo(a.stacked!.estimate.estimate, 12);
  });

  it('works without never-pooled units (not-yet-pooled comparisons), warning about it', () => {
    const noNever = simulatePanel({ seed: 4, effect: -0.03, adoption: DEFAULT_ADOPTION.slice(0, 6) });
    const r = differenceInDifferences(noNever, { bootstrap: false });
    expect(contains(r.twfe.estimate, -0.03)).toBe(true);
    expect(r.twfe.warnings.some((w) => /never-pooled/.test(w))).toBe(true);
    // Stacked: the last cohorts have no clean control inside a 24-month window.
    expect(r.stacked!.droppedCohorts.map((d) => d.cohort)).toEqual([202001, 202007, 202101, 202107]);
  });

  it('rejects bad panels with clear messages', () => {
    expect(() => twfeDid([...panel, panel[0]])).toThrow(/Duplicate row/);
    const inconsistent: PanelRow[] = panel.map((r, i) => (i === 5 ? { ...r, treatedFrom: 202301 } : r));
    expect(() => twfeDid(inconsistent)).toThrow(/inconsistent treatedFrom/);
    const sameMonth = panel.map((r) => ({ ...r, treatedFrom: 202001 }));
    expect(() => twfeDid(sameMonth)).toThrow(/not identified/);
    expect(() => twfeDid(panel.map((r) => ({ ...r, treatedFrom: null })))).toThrow(/No treated unit/);
    expect(() => eventStudy(panel, { binWidth: 12, leads: 18 })).toThrow(/multiple of binWidth/);
  });
});

describe('difference-in-differences — always-pooled units', () => {
  it('warns when a unit was pooled before its first observed month', () => {
    const panel = simulatePanel({ seed: 8, effect: -0.03, adoption: [201601, 201907, 202001, 202101, null, null] });
    const r = twfeDid(panel, { bootstrap: false });
    expect(r.warnings.some((w) => /county01 pooled before the first observed month/.test(w))).toBe(true);
    expect(contains(r.estimate, -0.03)).toBe(true);
  });
});
