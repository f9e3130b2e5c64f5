import { describe, expect, it } from 'vitest';
import { emptyReasonOf } from './empty';

describe('emptyReasonOf', () => {
  it('no rows, all missing and all zero each get their own reason', () => {
    expect(emptyReasonOf(['a'], [])).toMatch(/没有数据/);
    expect(emptyReasonOf(['a', 'b'], [{ a: null, b: NaN }, { a: undefined }])).toMatch(/缺失/);
    expect(emptyReasonOf(['a', 'b'], [{ a: 0, b: 0 }, { a: 0, b: null }])).toMatch(/均为 0/);
  });
  it('any non-zero value (negative included) is something to draw; non-value columns are ignored', () => {
    expect(emptyReasonOf(['a'], [{ a: 0 }, { a: -3 }])).toBeNull();
    expect(emptyReasonOf(['a'], [{ a: 0, period: 202401 }])).toMatch(/均为 0/);
  });
});
