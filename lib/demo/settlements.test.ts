import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { generateDemoCity } from './generate';
import { SETTLEMENT_HEADERS, splitCents, writeSettlementCsv } from './settlements';
import { INSUTYPE, MED_TYPE } from '../domain/codes';

describe('splitCents', () => {
  it('splits exactly to the cent', () => {
    const parts = splitCents(100_001, [1, 2, 3.5], 6.5);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(100_001);
    expect(splitCents(5, [1], 1)).toEqual([5]);
  });
});

describe('splitCents over a large cell', () => {
  it('keeps every part within a cent of its share, so a record never has more policy-range cost than total cost', () => {
    // 200,000 visits with lognormal-like weights: the old split piled every part's rounding on the last one.
    let seed = 1;
    const rnd = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    const weights = Array.from({ length: 200_000 }, () => Math.exp((rnd() - 0.5) * 0.9));
    const sumW = weights.reduce((a, b) => a + b, 0);
    const total = 330_000_000; // 3.3 million 元 in cents: ~16.5 元 a visit
    const t = splitCents(total, weights, sumW);
    const p = splitCents(Math.round(total * 0.93), weights, sumW);
    expect(t.reduce((a, b) => a + b, 0)).toBe(total);
    expect(t.reduce((m, x, i) => Math.max(m, Math.abs(x - (total * weights[i]) / sumW)), 0)).toBeLessThanOrEqual(1);
    expect(t.every((x, i) => p[i] <= x)).toBe(true);
  });
});

describe('settlement records', () => {
  it('add up to the utilization facts they expand, cell by cell', async () => {
    const city = generateDemoCity();
    const cells = city.utilization.filter((u) => u.period === 202403 && u.insuredRegionCode === '439921');
    const out = new PassThrough();
    const chunks: string[] = [];
    out.on('data', (c) => chunks.push(String(c)));
    const n = await writeSettlementCsv(out, cells);
    out.end();
    const lines = chunks.join('').trimEnd().split('\n');
    expect(lines[0]).toBe(SETTLEMENT_HEADERS.join(','));
    expect(n).toBe(cells.reduce((a, u) => a + u.visits, 0));
    expect(lines.length - 1).toBe(n);
    // Roll the records back up and compare with the facts.
    const agg = new Map<string, { visits: number; total: number; fund: number; up: number; ids: Set<string> }>();
    const ids = new Set<string>();
    for (const line of lines.slice(1)) {
      const [id, date, region, inst, insutype, medType, total, , fund, own, referral] = line.split(',');
      expect(date.startsWith('2024-03-')).toBe(true);
      expect(Number(total) * 100).toBeCloseTo(Number(fund) * 100 + Number(own) * 100, 5);
      ids.add(id);
      const k = [region, inst, insutype, medType].join('|');
      const a = agg.get(k) ?? { visits: 0, total: 0, fund: 0, up: 0, ids: new Set() };
      a.visits++; a.total += Math.round(Number(total) * 100); a.fund += Math.round(Number(fund) * 100); a.up += referral === '上转' ? 1 : 0;
      agg.set(k, a);
    }
    expect(ids.size).toBe(n);
    for (const u of cells) {
      const a = agg.get([u.insuredRegionCode, u.institutionCode, INSUTYPE[u.schemeCode], MED_TYPE[u.visitType]].join('|'))!;
      expect(a.visits).toBe(u.visits);
      expect(a.total).toBe(Math.round(u.totalCost * 100));
      expect(a.fund).toBe(Math.round(u.fundPaid * 100));
      expect(a.up).toBe(u.referralsUp);
    }
  });

  it('stops at a row limit', async () => {
    const city = generateDemoCity();
    const out = new PassThrough();
    out.resume();
    expect(await writeSettlementCsv(out, city.utilization, { limit: 12_345 })).toBe(12_345);
  });
});
