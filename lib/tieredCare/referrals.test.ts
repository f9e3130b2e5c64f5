import { describe, expect, it } from 'vitest';
import { emptyTotals, type UtilizationTotals } from './series';
import { referralSummary } from './referrals';

function monthly(perYear: Record<number, { down: number; up: number; months?: number }>): Map<number, UtilizationTotals> {
  const m = new Map<number, UtilizationTotals>();
  for (const [y, v] of Object.entries(perYear)) {
    const n = v.months ?? 12;
    for (let k = 1; k <= n; k++) {
      const t = emptyTotals();
      t.referralsDown = v.down / n;
      t.referralsUp = v.up / n;
      m.set(Number(y) * 100 + k, t);
    }
  }
  return m;
}

describe('referralSummary', () => {
  it('16%/year down-referral growth gives a 16% average and 16% each year (清河县 pattern)', () => {
    const s = referralSummary('439921', monthly({ 2017: { down: 1000, up: 50 }, 2018: { down: 1160, up: 50 }, 2019: { down: 1345.6, up: 50 } }));
    expect(s.years.map((y) => y.downGrowth === null ? null : Number(y.downGrowth.toFixed(4)))).toEqual([null, 0.16, 0.16]);
    expect(s.downCagr).toBeCloseTo(0.16, 10);
    expect([s.cagrFrom, s.cagrTo]).toEqual([2017, 2019]);
  });

  it('a running year has no growth and does not enter the average', () => {
    const s = referralSummary('x', monthly({ 2022: { down: 1000, up: 0 }, 2023: { down: 1040, up: 0 }, 2024: { down: 300, up: 0, months: 3 } }));
    expect(s.years.at(-1)!.downGrowth).toBeNull();
    expect(s.downCagr).toBeCloseTo(0.04, 10);
    expect(s.cagrTo).toBe(2023);
    expect(referralSummary('y', undefined)).toEqual({ region: 'y', years: [], downCagr: null, cagrFrom: null, cagrTo: null });
  });
});
