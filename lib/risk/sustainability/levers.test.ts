// Elasticity recovery, lever mechanisms and attribution on constructed data.
import { describe, expect, it } from 'vitest';
import { mulberry32, normalGenerator } from '../../analysis/random';
import { months } from '../testFixtures';
import { attributeChange } from './attribution';
import { estimateEnrolmentElasticity, type EnrolmentObservation } from './elasticity';
import { applyLevers, LEVER_SPECS, NO_LEVERS, smallestPassing, type LeverContext } from './levers';
import { simulateFund } from './simulate';
import { adequacyTest, centralPath } from './summarize';

function panel(eps: number, seed: number): EnrolmentObservation[] {
  const z = normalGenerator(mulberry32(seed));
  const prices = [180, 220, 250, 250, 280, 320, 350, 380, 380, 420];
  const rows: EnrolmentObservation[] = [];
  for (let c = 0; c < 8; c++) {
    const should = 300_000 + 40_000 * c;
    for (let y = 0; y < prices.length; y++) {
      const cov = 0.97 * Math.pow(prices[y] / prices[0], eps) * Math.exp(0.004 * z());
      rows.push({ regionCode: `C${c}`, year: 2015 + y, enrolled: Math.round(should * cov), shouldEnroll: should, contribution: prices[y] });
    }
  }
  return rows;
}

describe('estimateEnrolmentElasticity', () => {
  it('recovers a planted elasticity of −0.10 within its 95% interval', () => {
    const e = estimateEnrolmentElasticity(panel(-0.1, 12), 0.95, 9);
    expect(e.ciLow).toBeLessThan(-0.1);
    expect(e.ciHigh).toBeGreaterThan(-0.1);
    expect(e.estimate).toBeLessThan(-0.05);
    expect(e.clusters).toBe(8);
    expect(e.n).toBe(8 * 9);
    expect(e.roseAndFell).toBeGreaterThan(30);
  });

  it('the 95% interval covers the planted value in about 95% of 200 panels', () => {
    let hit = 0;
    for (let s = 1; s <= 200; s++) {
      const e = estimateEnrolmentElasticity(panel(-0.2, 100 + s), 0.95, 9);
      if (e.ciLow <= -0.2 && -0.2 <= e.ciHigh) hit++;
    }
    expect(hit / 200).toBeGreaterThan(0.88);
  });

  it('refuses data with one county or a contribution that never changed', () => {
    expect(() => estimateEnrolmentElasticity(panel(-0.1, 1).filter((r) => r.regionCode === 'C0'))).toThrow(/至少2个县/);
    expect(() => estimateEnrolmentElasticity(panel(-0.1, 1).map((r) => ({ ...r, contribution: 300 })))).toThrow(/无法识别/);
  });
});

// A fund in slow decline: income 100 a month, expense 110 a month, flat (no seasons, no growth).
const flat = () => {
  const income = months(202101, 48, () => 100);
  const expense = months(202101, 48, () => 110);
  return simulateFund({ income, expense, balance: new Map([[202412, 400]]) }, 202412, { paths: 50, horizon: 60 })!;
};
const ctx: LeverContext = {
  premiumShare: 0.3, subsidyShare: 0.7, contribution: 400, subsidyStandard: 700, elasticity: -0.2, leaverCostRatio: 0.5, primaryShift: 0.2,
  levels: [
    { level: 'PRIMARY', fundPaid: 300, policyCost: 500, visits: 600 },
    { level: 'COUNTY', fundPaid: 500, policyCost: 800, visits: 300 },
    { level: 'CITY', fundPaid: 400, policyCost: 700, visits: 100 },
  ],
};

describe('applyLevers', () => {
  it('no lever: every multiplier is 1', () => {
    const e = applyLevers(flat(), ctx, NO_LEVERS);
    expect(e.incomeFactor).toBeCloseTo(1, 12);
    expect(e.expenseFactor).toBeCloseTo(1, 12);
    expect(e.effectiveFrom).toBe(202501);
  });

  it('contribution +100 (25%): enrolment × 1.25^−0.2; premium income × 1.25 × that; subsidy × that; expense falls by half the leavers', () => {
    const e = applyLevers(flat(), ctx, { ...NO_LEVERS, contributionRise: 100 });
    const n = Math.pow(1.25, -0.2);
    expect(e.enrolmentRatio).toBeCloseTo(n, 12);
    expect(e.incomeFactor).toBeCloseTo(0.3 * 1.25 * n + 0.7 * n, 12);
    expect(e.expenseFactor).toBeCloseTo(1 - (1 - n) * 0.5, 12);
    // without the enrolment response the face value comes in
    const e0 = applyLevers(flat(), ctx, { ...NO_LEVERS, contributionRise: 100, elasticity: 0 });
    expect(e0.incomeFactor).toBeCloseTo(0.3 * 1.25 + 0.7, 12);
  });

  it('reimbursement: primary +5 points moves expense directly and shifts 0.2 × 5 = 1 point of visits to primary care', () => {
    const e = applyLevers(flat(), { ...ctx, primaryShift: 0 }, { ...NO_LEVERS, reimbursement: { PRIMARY: 5 } });
    expect(e.expenseFactor).toBeCloseTo((1200 + 0.05 * 500) / 1200, 12);
    const s = applyLevers(flat(), ctx, { ...NO_LEVERS, reimbursement: { PRIMARY: 5 } });
    expect(s.primaryShare!.before).toBeCloseTo(0.6, 12);
    expect(s.primaryShare!.after).toBeCloseTo(0.61, 12);
    // 10 visits move from hospitals (per visit (500+400)/400 = 2.25) to primary (0.65 × 500 / 600)
    expect(s.expenseFactor).toBeCloseTo((1225 + 10 * (0.65 * 500 / 600 - 2.25)) / 1200, 9);
  });

  it('growth control compounds per year from the effective month', () => {
    const sim = flat();
    const e = applyLevers(sim, ctx, { ...NO_LEVERS, growthCut: 0.02 });
    const exp = e.adjustment.expense!;
    expect(exp[0]).toBeCloseTo(0.98, 12);
    expect(exp[11]).toBeCloseTo(0.98, 12);
    expect(exp[12]).toBeCloseTo(0.98 * 0.98, 12);
  });

  it('smallest passing change: the fund fails the 24-month test now; the found contribution rise passes and one yuan less fails', () => {
    const sim = flat();
    expect(adequacyTest(centralPath(sim)).pass).toBe(false);
    const spec = LEVER_SPECS.find((s) => s.key === 'contributionRise')!;
    const v = smallestPassing(sim, ctx, spec)!;
    expect(v).toBeGreaterThan(0);
    const pass = (x: number) => adequacyTest(centralPath(sim, applyLevers(sim, ctx, spec.set(x, NO_LEVERS)).adjustment)).pass;
    expect(pass(v)).toBe(true);
    expect(pass(v - 1)).toBe(false);
    // with no enrolment response a smaller rise suffices
    const v0 = smallestPassing(sim, { ...ctx, elasticity: 0 }, spec)!;
    expect(v0).toBeLessThan(v);
  });
});

describe('attributeChange', () => {
  it('parts add up; a month of income above trend moves depletion later and is attributed to income', () => {
    const income = months(202101, 48, () => 100);
    const expense = months(202101, 48, () => 110);
    income.set(202412, 160);
    const balance = new Map([[202411, 400], [202412, 400 + 160 - 110]]);
    const a = attributeChange({ income, expense, balance }, 202412)!;
    expect(a.total).toBeGreaterThan(0);
    expect(a.income).toBeGreaterThan(0);
    expect(a.income! + a.expense! + a.other!).toBeCloseTo(a.total!, 9);
    expect(Math.abs(a.expense!)).toBeLessThan(a.income!);
  });
});
