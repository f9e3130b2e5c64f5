import { describe, expect, it } from 'vitest';
import { labelWidth, layoutMarkerLabels } from './markerLayout';

describe('layoutMarkerLabels', () => {
  it('keeps labels of close lines on separate rows at phone width', () => {
    const w = labelWidth('市级统筹 2020年1月');
    // 2020-01, 2021-01 and 2021-07 on a 96-month axis 320 px wide
    const xs = [60 + (36 / 96) * 320, 60 + (48 / 96) * 320, 60 + (54 / 96) * 320];
    const p = layoutMarkerLabels(xs.map((x) => ({ x, width: w })), 60, 380);
    const spans = p.map((q, i) => ({ row: q.row, l: q.anchor === 'start' ? xs[i] + 4 : xs[i] - 4 - w }));
    for (let i = 0; i < spans.length; i++)
      for (let j = i + 1; j < spans.length; j++)
        if (spans[i].row === spans[j].row) expect(Math.abs(spans[i].l - spans[j].l)).toBeGreaterThanOrEqual(w);
    expect(new Set(p.map((q) => q.row)).size).toBeGreaterThan(1);
  });

  it('flips a label left of its line near the right edge, one row when far apart', () => {
    const p = layoutMarkerLabels([{ x: 100, width: 40 }, { x: 370, width: 40 }], 60, 380);
    expect(p).toEqual([{ row: 0, anchor: 'start' }, { row: 0, anchor: 'end' }]);
  });

  it('estimates CJK wider than digits', () => {
    expect(labelWidth('统筹')).toBe(24);
    expect(labelWidth('2020')).toBeLessThan(labelWidth('统筹当年'));
  });
});
