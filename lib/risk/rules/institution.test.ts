// Hand-worked cases for the institution cost rules.
import { describe, expect, it } from 'vitest';
import type { CostRow, RiskData } from '../data';
import { dataset } from '../testFixtures';
import { costCells, institutionPeerRule, institutionSpikeRule } from './institution';

function addInstitution(d: RiskData, code: string, kind = 'TOWNSHIP', level = 'PRIMARY') {
  d.institutions.set(code, { code, name: `${code}卫生院`, regionCode: '439901', level, kind });
}
function cost(d: RiskData, institutionCode: string, period: number, costPerVisit: number, visits = 100, schemeCode = 'RESIDENT', visitType = 'OUTPATIENT') {
  const row: CostRow = { institutionCode, schemeCode, visitType, period, visits, totalCost: costPerVisit * visits };
  d.costs.push(row);
}

describe('institution_cost_peer 机构次均费用偏离同级', () => {
  // Six township hospitals in one month, 100 outpatient visits each, cost per visit 100, 100, 100, 110, 90 and 200.
  // Peer median 100 → cost index = cost ÷ 100; ln index 0, 0, 0, 0.0953, −0.1054, 0.6931.
  // Median of ln 0; MAD = median(0, 0, 0, 0.0953, 0.1054, 0.6931) = 0.0477;
  // z(200) = 0.6745 × 0.6931 / 0.0477 = 9.81 (严重); z(110) = 1.35 (normal).
  function build(extra?: (d: RiskData) => void) {
    const d = dataset();
    [['A', 100], ['B', 100], ['C', 100], ['D', 110], ['E', 90], ['X', 200]].forEach(([c, v]) => {
      addInstitution(d, c as string);
      cost(d, c as string, 202401, v as number);
    });
    extra?.(d);
    return d;
  }
  const madLog = (Math.log(1.1) + 0) / 2;

  it('flags the institution at twice the peer cost (z = 9.81) and nobody else', () => {
    const series = institutionPeerRule.evaluate(build(), institutionPeerRule.defaults);
    const x = series.find((s) => s.key === 'X')!;
    expect(x.points[0].value).toBeCloseTo((0.6745 * Math.log(2)) / madLog, 10);
    expect(x.points[0].value).toBeCloseTo(9.81, 2);
    expect(x.points[0].severity).toBe('SEVERE');
    expect(x.institutionCode).toBe('X');
    expect(series.filter((s) => s.points.some((p) => p.severity))).toHaveLength(1);
    expect(series.find((s) => s.key === 'D')!.points[0].value).toBeCloseTo((0.6745 * Math.log(1.1)) / madLog, 10);
  });

  it('band edges: z equal to the threshold is flagged (lower bound inclusive)', () => {
    const z = (0.6745 * Math.log(2)) / madLog;
    const at = (warnZ: number, severeZ: number) => institutionPeerRule.evaluate(build(), { ...institutionPeerRule.defaults, warnZ, severeZ }).find((s) => s.key === 'X')!.points[0].severity;
    expect(at(z - 1, z)).toBe('SEVERE');
    expect(at(z, z + 1)).toBe('WARNING');
    expect(at(z + 0.001, z + 1)).toBeNull();
  });

  it('needs enough peers and enough visits', () => {
    expect(institutionPeerRule.evaluate(build(), { ...institutionPeerRule.defaults, minPeers: 7 }).every((s) => s.points.length === 0)).toBe(true);
    // 19 visits: below the 20-visit minimum, left out
    const d = build((dd) => { addInstitution(dd, 'Y'); cost(dd, 'Y', 202401, 500, 19); });
    expect(institutionPeerRule.evaluate(d, institutionPeerRule.defaults).find((s) => s.key === 'Y')).toBeUndefined();
  });

  it('standardises for the scheme mix: more (dearer) employee visits is not an anomaly', () => {
    // Every hospital charges 100 for residents and 180 for employees; Z treats mostly employees.
    const d = dataset();
    for (const c of ['A', 'B', 'C', 'D', 'E', 'Z']) {
      addInstitution(d, c);
      cost(d, c, 202401, 100, c === 'Z' ? 20 : 80, 'RESIDENT');
      cost(d, c, 202401, 180, c === 'Z' ? 80 : 20, 'EMPLOYEE');
    }
    const cells = costCells(d, 20);
    expect(cells.find((c) => c.institutionCode === 'Z')!.index).toBeCloseTo(1, 12); // raw cost per visit 164 vs 116, index 1.00
    expect(institutionPeerRule.evaluate(d, institutionPeerRule.defaults).every((s) => s.points.every((p) => !p.severity))).toBe(true);
  });

  it('leaves out-of-city institutions out', () => {
    const d = build((dd) => { addInstitution(dd, 'O', 'OUT_OF_CITY', 'OUT_OF_CITY'); cost(dd, 'O', 202401, 1000); });
    expect(costCells(d, 20).some((c) => c.institutionCode === 'O')).toBe(false);
  });
});

describe('institution_cost_spike 机构次均费用突增', () => {
  // Three peers at 100 a visit every month hold the peer median at 100, so the subject's cost index is its
  // cost ÷ 100. Twelve months at 100 (baseline index 1.00), then the 13th month at 130 / 150 / 129.
  function spikeAt(month13: number) {
    const d = dataset();
    for (const c of ['P1', 'P2', 'P3', 'S']) addInstitution(d, c);
    for (let i = 0; i < 13; i++) {
      const period = i < 12 ? 202301 + i : 202401;
      for (const c of ['P1', 'P2', 'P3']) cost(d, c, period, 100);
      cost(d, 'S', period, i === 12 ? month13 : 100);
    }
    const s = institutionSpikeRule.evaluate(d, institutionSpikeRule.defaults).find((x) => x.key === 'S')!;
    return s.points.find((p) => p.period === 202401)!;
  }
  it.each([
    [130, 0.3, 'WARNING'], // +30%: lower bound inclusive
    [129, 0.29, null],
    [150, 0.5, 'SEVERE'],
  ])('13th month at %s → +%s → %s', (c, spike, severity) => {
    const p = spikeAt(c);
    expect(p.value).toBeCloseTo(spike, 10);
    expect(p.severity).toBe(severity);
  });

  it('needs half a baseline: the first six months are not judged', () => {
    const d = dataset();
    for (const c of ['P1', 'P2', 'P3', 'S']) addInstitution(d, c);
    for (let i = 0; i < 8; i++) for (const c of ['P1', 'P2', 'P3', 'S']) cost(d, c, 202301 + i, 100);
    const s = institutionSpikeRule.evaluate(d, institutionSpikeRule.defaults).find((x) => x.key === 'S')!;
    expect(s.points.map((p) => p.period)).toEqual([202307, 202308]);
  });
});
