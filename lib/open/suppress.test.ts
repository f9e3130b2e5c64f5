// Suppression on constructed tables: every published sum must leave a hidden count underivable.
import { describe, expect, it } from 'vitest';
import { checkRule, DEFAULT_SUPPRESSION, hiddenText, isHidden, isSmallCount, rateState, suppressCells, SuppressionError, type SumConstraint } from './suppress';

/** For each sum, the number of cells a reader does not see. A hidden cell in a sum with only one unknown is derivable. */
function derivable(values: Record<string, number | null>, cons: SumConstraint[], st: Record<string, string>): string[] {
  const out: string[] = [];
  for (const c of cons) {
    const members = [c.total, ...c.parts];
    const unknown = members.filter((m) => st[m] !== 'shown');
    if (unknown.length === 1 && (st[unknown[0]] === 'primary' || st[unknown[0]] === 'secondary')) out.push(unknown[0]);
  }
  return out;
}

describe('primary suppression', () => {
  it('hides 1–9, shows 0 and 10+, keeps missing apart', () => {
    expect([0, 1, 9, 10, 11].map((v) => isSmallCount(v))).toEqual([false, true, true, false, false]);
    const st = suppressCells({ a: 0, b: 1, c: 9, d: 10, e: null }, []);
    expect(st).toEqual({ a: 'shown', b: 'primary', c: 'primary', d: 'shown', e: 'missing' });
    expect(hiddenText('primary')).toBe('<10');
  });
  it('takes a configurable threshold', () => {
    const rule = { threshold: 5, unstableBelow: 20 };
    expect(suppressCells({ a: 4, b: 5 }, [], rule)).toEqual({ a: 'primary', b: 'shown' });
    expect(hiddenText('primary', rule)).toBe('<5');
    expect(() => checkRule({ threshold: 1, unstableBelow: 0 })).toThrow(SuppressionError);
    expect(() => checkRule({ threshold: 10.5, unstableBelow: 0 })).toThrow(SuppressionError);
  });
});

describe('secondary suppression', () => {
  const cons: SumConstraint[] = [{ total: 'T', parts: ['a', 'b', 'c', 'd'] }];

  it('hides the smallest positive other part when one part is small', () => {
    const v = { T: 100, a: 3, b: 40, c: 12, d: 45 };
    const st = suppressCells(v, cons);
    expect(st).toMatchObject({ a: 'primary', c: 'secondary', b: 'shown', d: 'shown', T: 'shown' });
    expect(derivable(v, cons, st)).toEqual([]);
  });

  it('adds nothing when two parts are already small', () => {
    const st = suppressCells({ T: 100, a: 3, b: 5, c: 42, d: 50 }, cons);
    expect(Object.values(st).filter((s) => s === 'secondary')).toHaveLength(0);
  });

  it('prefers a positive complement over a zero (a zero next to it would bound it too tightly)', () => {
    const st = suppressCells({ T: 30, a: 4, b: 0, c: 26, d: 0 }, cons);
    expect(st).toMatchObject({ a: 'primary', c: 'secondary', b: 'shown', d: 'shown' });
  });

  it('hides the total when it is the only other cell of the sum', () => {
    const c2: SumConstraint[] = [{ total: 'T', parts: ['a'] }];
    expect(suppressCells({ T: 5, a: 5 }, c2)).toEqual({ T: 'primary', a: 'primary' });
    expect(suppressCells({ T: 50, a: 5 }, c2)).toEqual({ T: 'secondary', a: 'primary' });
  });

  it('a missing part already leaves the sum with two unknowns', () => {
    const st = suppressCells({ T: 100, a: 3, b: null, c: 50, d: 47 }, cons);
    expect(Object.values(st).filter((s) => s === 'secondary')).toHaveLength(0);
  });

  it('propagates through two dimensions until no hidden cell is derivable', () => {
    // Rows r1..r3 with a total row R, columns x, y with a total column S: every row and column is a sum.
    const v: Record<string, number> = {
      r1x: 4, r1y: 30, r1S: 34,
      r2x: 20, r2y: 25, r2S: 45,
      r3x: 31, r3y: 40, r3S: 71,
      Rx: 55, Ry: 95, RS: 150,
    };
    const c2: SumConstraint[] = [
      { total: 'r1S', parts: ['r1x', 'r1y'] }, { total: 'r2S', parts: ['r2x', 'r2y'] }, { total: 'r3S', parts: ['r3x', 'r3y'] },
      { total: 'RS', parts: ['Rx', 'Ry'] },
      { total: 'Rx', parts: ['r1x', 'r2x', 'r3x'] }, { total: 'Ry', parts: ['r1y', 'r2y', 'r3y'] }, { total: 'RS', parts: ['r1S', 'r2S', 'r3S'] },
    ];
    const st = suppressCells(v, c2);
    expect(st.r1x).toBe('primary');
    expect(derivable(v, c2, st)).toEqual([]);
    // The hidden pattern is minimal here: r1x, its row complement r1y, column complement r2x and r2y closing the rectangle.
    expect(Object.entries(st).filter(([, s]) => isHidden(s)).map(([k]) => k).sort()).toEqual(['r1x', 'r1y', 'r2x', 'r2y']);
  });

  it('hides forced cells (an amount with few contributors) and protects them the same way', () => {
    const v = { T: 1_000_000, a: 250_000, b: 700_000, c: 50_000 };
    const st = suppressCells(v, [{ total: 'T', parts: ['a', 'b', 'c'] }], DEFAULT_SUPPRESSION, new Set(['a']));
    expect(st).toMatchObject({ a: 'primary', c: 'secondary', b: 'shown', T: 'shown' });
  });
});

describe('rates', () => {
  it('are hidden with a hidden numerator or denominator, and flagged unstable on a small denominator', () => {
    expect(rateState(0.2, 15, 'primary', 'shown')).toEqual({ state: 'secondary', unstable: false });
    expect(rateState(0.5, 20, 'shown', 'shown')).toEqual({ state: 'shown', unstable: true });
    expect(rateState(0.5, 30, 'shown', 'shown')).toEqual({ state: 'shown', unstable: false });
    expect(rateState(0.5, 1000, undefined, undefined)).toEqual({ state: 'shown', unstable: false });
    expect(rateState(null, 10, 'shown', 'shown')).toEqual({ state: 'missing', unstable: false });
  });
});
