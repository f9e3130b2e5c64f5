// Column-scale and tick choosers: one unit per column/axis, labels equal to their gridlines.
import { describe, expect, it } from 'vitest';
import { chooseTicks, chooseYuanScale, chooseYuanScales, formatScaled, formatTick, roundScaled } from './format';

describe('chooseYuanScale', () => {
  it('puts 9,947.7万 and 1.14亿 in one unit (亿元), each with the same decimals', () => {
    const col = chooseYuanScale([99_477_000, 114_000_000]);
    expect(col).toEqual({ scale: '亿元', digits: 2 });
    expect(formatScaled(99_477_000, col)).toBe('0.99');
    expect(formatScaled(114_000_000, col)).toBe('1.14');
  });

  it('mixed magnitudes: adds decimals so the smallest non-zero value keeps two significant digits', () => {
    const col = chooseYuanScale([3_250_000_000, 4_500_000]);
    expect(col.scale).toBe('亿元');
    expect(col.digits).toBe(3);
    expect(formatScaled(4_500_000, col)).toBe('0.045');
    expect(formatScaled(3_250_000_000, col)).toBe('32.500');
    // never more than four decimals, even for a tiny value beside a huge one
    expect(chooseYuanScale([5e10, 12]).digits).toBe(4);
  });

  it('negatives count by magnitude and keep their sign', () => {
    const col = chooseYuanScale([-250_000_000, 30_000_000]);
    expect(col.scale).toBe('亿元');
    expect(formatScaled(-250_000_000, col)).toBe('−2.50');
    expect(chooseYuanScale([-80_000, 5_000]).scale).toBe('万元');
  });

  it('near a unit boundary: a maximum that would show as 10,000.0万 moves to 亿元', () => {
    expect(chooseYuanScale([99_999_999]).scale).toBe('亿元');
    expect(chooseYuanScale([99_999_400]).scale).toBe('万元'); // shows as 9,999.9万
    expect(chooseYuanScale([9_999.6]).scale).toBe('万元'); // would round to 10,000元
    expect(chooseYuanScale([9_999.4]).scale).toBe('元');
    expect(chooseYuanScale([1e8]).scale).toBe('亿元');
  });

  it('ignores missing values; an all-missing or all-zero column gets 万元', () => {
    expect(chooseYuanScale([null, undefined, NaN, 120_000_000]).scale).toBe('亿元');
    expect(chooseYuanScale([])).toEqual({ scale: '万元', digits: 1 });
    expect(chooseYuanScale([0, 0, null])).toEqual({ scale: '万元', digits: 1 });
    expect(formatScaled(null, { scale: '亿元', digits: 2 })).toBe('—');
  });

  it('roundScaled gives the number shown', () => {
    expect(roundScaled(114_499_999, { scale: '亿元', digits: 2 })).toBe(1.14);
    expect(roundScaled(-5_550_000, { scale: '万元', digits: 1 })).toBe(-555);
  });
});

describe('chooseTicks', () => {
  const labels = (min: number, max: number, unit: Parameters<typeof chooseTicks>[2], opts = {}) => {
    const t = chooseTicks(min, max, unit, opts);
    return t.ticks.map((v) => formatTick(v, unit, t));
  };

  it('labels equal gridline values: ticks are multiples of a round step shown with its decimals', () => {
    const t = chooseTicks(0, 2.3e8, 'yuan', { scale: '亿元', includeZero: true });
    expect(t.ticks.map((v) => formatTick(v, 'yuan', t))).toEqual(['0.0', '0.5', '1.0', '1.5', '2.0', '2.5']);
    expect(t.domain).toEqual([0, 2.5e8]);
    // every label parsed back equals the gridline in display units
    for (const v of t.ticks) expect(Number(formatTick(v, 'yuan', t))).toBeCloseTo(v * t.factor, 12);
  });

  it('covers the data: first tick ≤ min, last tick ≥ max, at most maxTicks ticks', () => {
    for (const [lo, hi] of [[0.912, 0.987], [-3.2e7, 8.1e8], [123, 98_765], [0.5, 0.5001]] as const) {
      const t = chooseTicks(lo, hi, 'yuan', { scale: '万元' });
      expect(t.domain[0]).toBeLessThanOrEqual(lo);
      expect(t.domain[1]).toBeGreaterThanOrEqual(hi);
      expect(t.ticks.length).toBeLessThanOrEqual(6);
      expect(new Set(t.ticks.map((v) => formatTick(v, 'yuan', t))).size).toBe(t.ticks.length); // no duplicate labels
    }
  });

  it('ratios in per cent', () => {
    expect(labels(0.912, 0.987, 'ratio')).toEqual(['90%', '92%', '94%', '96%', '98%', '100%']);
    expect(labels(0, 1, 'ratio', { includeZero: true })).toEqual(['0%', '20%', '40%', '60%', '80%', '100%']);
  });

  it('negatives: zero is a tick when data straddle it, minus is typographic', () => {
    const l = labels(-0.034, 0.052, 'pp');
    expect(l).toContain('0');
    expect(l[0].startsWith('−')).toBe(true);
    expect(labels(-5e8, -1e8, 'yuan', { scale: '亿元' })).toEqual(['−5', '−4', '−3', '−2', '−1']);
    expect(labels(-5e8, -1e8, 'yuan', { scale: '亿元', includeZero: true }).at(-1)).toBe('0');
  });

  it('counts never get a fractional step', () => {
    expect(labels(0, 3, 'count', { includeZero: true })).toEqual(['0', '1', '2', '3']);
  });

  it('near a decade boundary the step stays round', () => {
    expect(labels(0, 9_999.6e4, 'yuan', { scale: '亿元', includeZero: true })).toEqual(['0.0', '0.2', '0.4', '0.6', '0.8', '1.0']);
    expect(labels(0, 1.0001e8, 'yuan', { scale: '亿元', includeZero: true })).toEqual(['0.0', '0.5', '1.0', '1.5']);
  });

  it('a single value or nothing still gives a usable axis', () => {
    const one = chooseTicks(0.6, 0.6, 'ratio');
    expect(one.domain[0]).toBeLessThan(0.6);
    expect(one.domain[1]).toBeGreaterThan(0.6);
    expect(chooseTicks(NaN, NaN, 'count').ticks).toEqual([0, 1]);
    expect(chooseTicks(0, 0, 'yuan', { scale: '万元' }).ticks.length).toBeGreaterThan(1);
  });
});

describe('chooseYuanScales: one scale per money column of a table', () => {
  it('an all-missing column takes the scale its neighbours use, not the 万元 default', () => {
    const s = chooseYuanScales(new Map<string, (number | null)[]>([
      ['income', [1.9e12, 2.0e12]], ['expense', [1.4e12, null]], ['balance', [null, null]], ['small', [12_345, 20_000]],
    ]));
    expect(s.get('income')!.scale).toBe('亿元');
    expect(s.get('small')!.scale).toBe('万元');
    expect(s.get('balance')).toEqual({ scale: '亿元', digits: 2 });
  });
  it('a table with no figure at all keeps the default', () => {
    expect(chooseYuanScales(new Map([['a', [null]]])).get('a')).toEqual(chooseYuanScale([]));
  });
});
