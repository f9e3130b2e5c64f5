// The stochastic projection on series with a known answer: a deterministic series gives the deterministic
// projection; on a simulated history with known drift and noise the bands cover the true future at their
// nominal rate.
import { describe, expect, it } from 'vitest';
import { mulberry32, normalGenerator } from '../../analysis/random';
import { addMonths, periodMonth } from '../../indicators/compute';
import { projectScenarios } from '../projection';
import { months } from '../testFixtures';
import { deterministicPath, simulateFund } from './simulate';
import { summarize } from './summarize';

const SEASON = [1.3, 1.1, 1.0, 0.95, 0.9, 0.95, 1.0, 1.05, 0.95, 0.9, 0.9, 1.0];

describe('deterministicPath', () => {
  it('matches projection.ts (level, seasonal profile, median rolling growth) on an irregular series', () => {
    const r = mulberry32(7);
    const v = months(202001, 60, (i) => 100 * (1 + 0.01 * i) * SEASON[i % 12] * (0.8 + 0.4 * r()));
    const balance = new Map([[202412, 500]]);
    const s = projectScenarios({ income: v, expense: v, balance }, 202412, { horizon: 36 })!;
    const arr = [...v.values()].slice(-48);
    const out = new Float64Array(36);
    expect(deterministicPath(arr, 48, 12, 36, out)).toBeCloseTo(s.central.growth.income, 12);
    s.central.points.forEach((p, k) => expect(out[k]).toBeCloseTo(p.income, 6));
    // and ending mid-year (profile from the last complete year)
    const s2 = projectScenarios({ income: v, expense: v, balance: new Map([[202406, 1]]) }, 202406, { horizon: 24 })!;
    const arr2 = [...v.entries()].filter(([p]) => p <= 202406).map(([, x]) => x).slice(-48);
    const out2 = new Float64Array(24);
    deterministicPath(arr2, 48, 6, 24, out2);
    s2.central.points.forEach((p, k) => expect(out2[k]).toBeCloseTo(p.income, 6));
  });
});

describe('simulateFund', () => {
  it('deterministic series (exact trend × season): every path, so the median, is the deterministic projection', () => {
    const income = months(202101, 48, (i) => 100 * Math.exp(0.03 * (i / 12)) * SEASON[i % 12]);
    const expense = months(202101, 48, (i) => 110 * Math.exp(0.08 * (i / 12)) * SEASON[(i + 3) % 12]);
    const balance = new Map([[202412, 900]]);
    const sim = simulateFund({ income, expense, balance }, 202412, { paths: 200 })!;
    expect(sim.residualSd.income).toBe(0);
    expect(sim.residualSd.expense).toBe(0);
    const det = projectScenarios({ income, expense, balance }, 202412, { horizon: 60 })!.central;
    const sum = summarize(sim);
    sum.balance.forEach((b, k) => {
      expect(b.p50).toBeCloseTo(det.points[k].balance, 6);
      expect(b.p025).toBeCloseTo(det.points[k].balance, 6);
      expect(b.p975).toBeCloseTo(det.points[k].balance, 6);
    });
    sum.monthsOfReserve.forEach((b, k) => expect(b.p50).toBeCloseTo(det.points[k].monthsOfReserve!, 6));
    expect(sum.depletion.median).toBe(det.exhaustedAt);
    expect(sum.central.depletion).toBe(det.exhaustedAt);
    expect(det.exhaustedAt).not.toBeNull();
  });

  it('is reproducible from its seed and differs with another seed', () => {
    const r = mulberry32(3);
    const income = months(202101, 48, (i) => 100 * SEASON[i % 12] * (0.9 + 0.2 * r()));
    const expense = months(202101, 48, (i) => 105 * SEASON[i % 12] * (0.9 + 0.2 * r()));
    const balance = new Map([[202412, 600]]);
    const a = summarize(simulateFund({ income, expense, balance }, 202412, { paths: 300, seed: 1 })!);
    const b = summarize(simulateFund({ income, expense, balance }, 202412, { paths: 300, seed: 1 })!);
    const c = summarize(simulateFund({ income, expense, balance }, 202412, { paths: 300, seed: 2 })!);
    expect(a.balance[23]).toEqual(b.balance[23]);
    expect(a.probBelow).toEqual(b.probBelow);
    expect(c.balance[23].p10).not.toBe(a.balance[23].p10);
  });

  it('throws with the month count when fewer than 36 contiguous months end at the last month', () => {
    const income = months(202201, 30, () => 100);
    const balance = new Map([[202406, 1]]);
    expect(() => simulateFund({ income, expense: income, balance }, 202406)).toThrow(/至少36个月.*30/);
  });

  it('coverage: the 80% and 95% bands of the balance cover the true future at their nominal rate over many seeds', () => {
    // Truth: log income and expense = level + drift·t + season + AR(1) noise (φ = 0.3); expense grows
    // faster. 96 months of history (the demo city has eight years), the next 24 months are the "true future".
    const SEEDS = 300;
    const HORIZON = 24;
    let in80 = 0, in95 = 0, n = 0;
    let start = 0;
    for (let seed = 1; seed <= SEEDS; seed++) {
      const u = mulberry32(1000 + seed);
      const z = normalGenerator(u);
      const HIST = 96;
      const N = HIST + HORIZON;
      const noise = (sigma: number) => {
        const out: number[] = [];
        let e = (z() * sigma) / Math.sqrt(1 - 0.09);
        for (let t = 0; t < N; t++) {
          if (t > 0) e = 0.3 * e + sigma * z();
          out.push(e);
        }
        return out;
      };
      const ei = noise(0.06), ee = noise(0.04);
      const inc = Array.from({ length: N }, (_, t) => 100 * Math.exp(0.05 * (t / 12) + ei[t]) * SEASON[t % 12]);
      const exp = Array.from({ length: N }, (_, t) => 97 * Math.exp(0.09 * (t / 12) + ee[t]) * SEASON[(t + 2) % 12]);
      const first = 201701;
      const last = addMonths(first, HIST - 1);
      const income = new Map(inc.slice(0, HIST).map((v, t) => [addMonths(first, t), v]));
      const expense = new Map(exp.slice(0, HIST).map((v, t) => [addMonths(first, t), v]));
      const B0 = 600;
      const sim = simulateFund({ income, expense, balance: new Map([[last, B0]]) }, last, { paths: 1000, horizon: HORIZON, seed, fitMonths: HIST })!;
      expect(periodMonth(sim.periods[0])).toBe(1);
      const s = summarize(sim);
      let b = B0;
      for (let k = 0; k < HORIZON; k++) {
        b += inc[HIST + k] - exp[HIST + k];
        const band = s.balance[k];
        if (b >= band.p10 && b <= band.p90) in80++;
        if (b >= band.p025 && b <= band.p975) in95++;
        n++;
      }
      start++;
    }
    expect(start).toBe(SEEDS);
    const c80 = in80 / n, c95 = in95 / n;
    console.log(`coverage over ${SEEDS} seeds × ${HORIZON} months: 80% band ${(c80 * 100).toFixed(1)}%, 95% band ${(c95 * 100).toFixed(1)}%`);
    expect(Math.abs(c80 - 0.8)).toBeLessThanOrEqual(0.03);
    expect(Math.abs(c95 - 0.95)).toBeLessThanOrEqual(0.03);
  }, 120_000);
});
