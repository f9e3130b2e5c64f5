import { describe, expect, it } from 'vitest';
import { cityFlowTable, destinationOf, flowTable, flowWindows, sankeyOf, type FlowCell } from './patientFlow';

describe('destinationOf', () => {
  it('sorts a visit into own primary / own county / another county / city / out of city', () => {
    expect(destinationOf('A', 'A', 'PRIMARY').key).toBe('OWN_PRIMARY');
    expect(destinationOf('A', 'A', 'COUNTY').key).toBe('OWN_COUNTY');
    expect(destinationOf('A', 'B', 'COUNTY')).toEqual({ key: 'OTHER:B', kind: 'OTHER_COUNTY', region: 'B' });
    expect(destinationOf('D', 'D', 'CITY').key).toBe('CITY'); // a city hospital standing in the district
    expect(destinationOf('A', 'CITY', 'OUT_OF_CITY').key).toBe('OUT_OF_CITY');
  });
});

describe('flowWindows', () => {
  it('12 months before pooling vs the selected year when it is wholly after pooling', () => {
    const w = flowWindows(202001, 2024, 201701, 202412)!;
    expect([w.before.from, w.before.to, w.after.from, w.after.to]).toEqual([201901, 201912, 202401, 202412]);
    expect(w.after.label).toBe('2024年');
  });
  it('a running year is cut at the last month with data', () => {
    const w = flowWindows(202001, 2024, 201701, 202406)!;
    expect([w.after.from, w.after.to, w.after.label]).toEqual([202401, 202406, '2024年1—6月']);
  });
  it('the second year after pooling when the selected year is not after it (湖滨 2021-07)', () => {
    const w = flowWindows(202107, 2021, 201701, 202412)!;
    expect([w.before.from, w.before.to, w.after.from, w.after.to]).toEqual([202007, 202106, 202207, 202306]);
  });
  it('the last 12 months when the second year is not observed yet; null without data on both sides', () => {
    const w = flowWindows(202401, 2023, 201701, 202412)!;
    expect([w.after.from, w.after.to]).toEqual([202401, 202412]);
    expect(flowWindows(202501, 2024, 201701, 202412)).toBeNull();
    expect(flowWindows(201701, 2024, 201701, 202412)).toBeNull();
  });
});

describe('flowTable / sankeyOf / cityFlowTable', () => {
  const c = (origin: string, destRegion: string, level: FlowCell['level'], period: number, visits: number): FlowCell => ({ origin, destRegion, level, visitType: 'OUTPATIENT', period, visits });
  const cells = [
    c('A', 'A', 'PRIMARY', 201906, 640), c('A', 'A', 'COUNTY', 201906, 250), c('A', 'B', 'COUNTY', 201906, 10), c('A', 'D', 'CITY', 201906, 80), c('A', 'X', 'OUT_OF_CITY', 201906, 20),
    c('A', 'A', 'PRIMARY', 202406, 460), c('A', 'A', 'COUNTY', 202406, 190), c('A', 'B', 'COUNTY', 202406, 10), c('A', 'D', 'CITY', 202406, 320), c('A', 'X', 'OUT_OF_CITY', 202406, 20),
    c('A', 'A', 'PRIMARY', 202206, 999), // outside both windows
    c('B', 'B', 'PRIMARY', 201906, 100), c('B', 'B', 'PRIMARY', 202406, 100),
  ];
  const w = flowWindows(202001, 2024, 201701, 202412)!;

  it('shares before and after, and the change in points', () => {
    const t = flowTable(cells, 'A', w);
    expect(t.totalBefore).toBe(1000);
    expect(t.totalAfter).toBe(1000);
    expect(t.rows.map((r) => r.destination.key)).toEqual(['OWN_PRIMARY', 'OWN_COUNTY', 'OTHER:B', 'CITY', 'OUT_OF_CITY']);
    const city = t.rows.find((r) => r.destination.key === 'CITY')!;
    expect([city.shareBefore, city.shareAfter]).toEqual([0.08, 0.32]);
    expect(city.change).toBeCloseTo(0.24, 12);
    expect(flowTable(cells, 'A', w, false).rows.map((r) => r.destination.key)).toContain('OTHER_COUNTY');
  });

  it('builds Sankey nodes and links with destination shares', () => {
    const s = sankeyOf([flowTable(cells, 'A', w)], 'after', (r) => ({ A: '安平', B: '清河' })[r] ?? r);
    expect(s.nodes[0]).toEqual({ name: '安平参保人', kind: 'origin', share: null });
    expect(s.nodes.map((n) => n.name)).toContain('清河（外县）');
    expect(s.links.reduce((a, l) => a + l.value, 0)).toBe(1000);
    expect(s.nodes.find((n) => n.kind === 'CITY')!.share).toBeCloseTo(0.32, 12);
  });

  it('sums counties by destination kind for the city', () => {
    const m = cityFlowTable([flowTable(cells, 'A', w, false), flowTable(cells, 'B', w, false)]);
    expect(m.totalBefore).toBe(1100);
    expect(m.rows.find((r) => r.destination.kind === 'OWN_PRIMARY')!.shareBefore).toBeCloseTo(740 / 1100, 12);
  });
});
