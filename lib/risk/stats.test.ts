import { describe, expect, it } from 'vitest';
import { mad, median, modifiedZ, quantile } from './stats';

describe('robust statistics', () => {
  it('median of odd and even counts, ignoring non-finite values', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([1, NaN, Infinity, 3])).toBe(2);
    expect(median([])).toBeNull();
  });

  it('MAD of 1,2,3,4,100 is 1 (the outlier does not move it)', () => {
    // median 3; deviations 2,1,0,1,97 → median 1
    expect(mad([1, 2, 3, 4, 100])).toBe(1);
  });

  it('modified z: 0.6745 × (100 − 3) / 1 = 65.43; undefined when MAD is 0', () => {
    expect(modifiedZ(100, 3, 1)).toBeCloseTo(65.4265, 4);
    expect(modifiedZ(5, 5, 0)).toBeNull();
  });

  it('quantile type 7: the 25th percentile of 1..5 is 2, of 1..4 is 1.75', () => {
    expect(quantile([5, 1, 4, 2, 3], 0.25)).toBe(2);
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantile([], 0.5)).toBeNull();
  });
});
