import { describe, expect, it } from 'vitest';
import { firstOrderIndex, positionDriver, rankUncertainty } from './uncertainty';
import { parseScheme } from './scheme';
import { computeResults } from './results';

const scheme = parseScheme({
  name: 't', basis: 't',
  grades: [{ min: 60, label: '合格' }, { min: 0, label: '不合格' }],
  areas: [
    { code: 'a', name: '甲', indicators: [
      { code: 'coverage_rate', weight: 40, rule: { type: 'linear', floor: 0.8, target: 1 }, missing: 'reweight' },
      { code: 'collection_rate', weight: 30, rule: { type: 'linear', floor: 0.8, target: 1 }, missing: 'reweight' },
    ] },
    { code: 'b', name: '乙', indicators: [{ code: 'remittance_avg_delay', weight: 30, rule: { type: 'deduction', max: 0, per: 1, points: 3 }, missing: 'reweight' }] },
  ],
});

describe('rankUncertainty (OECD/JRC-style Monte Carlo)', () => {
  const values = {
    TOP: { coverage_rate: 0.99, collection_rate: 0.99, remittance_avg_delay: 0 },
    // B and C trade off: B better on coverage, C on collection → their order depends on the weights
    B: { coverage_rate: 0.95, collection_rate: 0.85, remittance_avg_delay: 2 },
    C: { coverage_rate: 0.86, collection_rate: 0.94, remittance_avg_delay: 2 },
    TWIN1: { coverage_rate: 0.84, collection_rate: 0.84, remittance_avg_delay: 5 },
    TWIN2: { coverage_rate: 0.84, collection_rate: 0.84, remittance_avg_delay: 5 },
  };
  const r = rankUncertainty({ scheme, values, draws: 600, seed: 7 });
  const by = Object.fromEntries(r.map((x) => [x.code, x]));

  it('a county that dominates on every indicator has rank interval [1, 1] under every method', () => {
    expect(by.TOP.interval).toEqual([1, 1]);
    expect(by.TOP.medianRank).toBe(1);
    expect(by.TOP.baseRank).toBe(1);
    expect(Object.values(by.TOP.byMethod)).toEqual([1, 1, 1, 1, 1]);
    expect(by.TOP.driver).toBeNull();
  });
  it('two identical counties share their interval (and their rank in every draw)', () => {
    expect(by.TWIN1.interval).toEqual(by.TWIN2.interval);
    expect(by.TWIN1.medianRank).toBe(by.TWIN2.medianRank);
    expect(by.TWIN1.interval).toEqual([4, 4]);
  });
  it('counties that trade off indicators get a wide interval driven by those weights', () => {
    expect(by.B.interval).toEqual([2, 3]);
    expect(by.C.interval).toEqual([2, 3]);
    expect(['coverage_rate', 'collection_rate', 'method']).toContain(by.B.driver!.key);
    expect(by.B.driver!.index).toBeGreaterThan(0.1);
  });
  it('is deterministic for a seed', () => {
    const again = rankUncertainty({ scheme, values, draws: 600, seed: 7 });
    expect(again).toEqual(r);
  });
  it('keeps missing values out under the reweight rule', () => {
    const m = rankUncertainty({ scheme, values: { A: { coverage_rate: 0.99, collection_rate: null, remittance_avg_delay: 0 }, B: { coverage_rate: 0.9, collection_rate: 0.9, remittance_avg_delay: 1 } }, draws: 200 });
    expect(m[0].interval).toEqual([1, 1]);
  });
});

describe('the scheme as published is one of the draws', () => {
  it("base ranks equal the scheme's own ranking (deduction rules included)", () => {
    const values = {
      A: { coverage_rate: 0.99, collection_rate: 0.8, remittance_avg_delay: 0 },
      B: { coverage_rate: 0.9, collection_rate: 0.99, remittance_avg_delay: 4 },
      C: { coverage_rate: 0.95, collection_rate: 0.95, remittance_avg_delay: 9 },
    };
    const feeds = Object.fromEntries(Object.entries(values).map(([c, v]) => [c, Object.fromEntries(Object.entries(v).map(([k, x]) => [k, { value: x, evidence: [] }]))]));
    const ranks = computeResults(scheme, 2023, feeds).counties.map((c) => c.rank);
    expect(rankUncertainty({ scheme, values, draws: 10 }).map((r) => r.baseRank)).toEqual(ranks);
  });
});

describe('firstOrderIndex', () => {
  it('is 1 when y is a function of x and ~0 when independent', () => {
    const x = Array.from({ length: 1000 }, (_, i) => i / 1000);
    expect(firstOrderIndex(x, x.map((v) => (v > 0.5 ? 2 : 1)))).toBeGreaterThan(0.95);
    const y = x.map((_, i) => (i * 7919) % 3);
    expect(firstOrderIndex(x, y)).toBeLessThan(0.05);
    expect(firstOrderIndex(x, x.map(() => 1))).toBe(0);
  });
});

describe('positionDriver', () => {
  it('names the indicator furthest from the mean, signed', () => {
    const d = positionDriver({ A: { x: 5, y: 1 }, B: { x: 5, y: 9 }, C: { x: 2, y: 5 } }, 'A');
    expect(d).toEqual({ key: 'y', diff: -4 });
  });
});
