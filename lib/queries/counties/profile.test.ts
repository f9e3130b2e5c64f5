import { describe, expect, it } from 'vitest';
import type { IndicatorCode } from '../../indicators/registry';
import { compareCounty, peerGroupOf, quantile, rankOf, spineGeometry, vsCityOf, type ProfileValues } from './profile';

describe('rank, quantiles, comparison with the city', () => {
  it('competition ranks by polarity (1 = best, ties share)', () => {
    expect(rankOf(0.65, [0.7, 0.6, 0.65], 'higher_better')).toBe(2);
    expect(rankOf(0.65, [0.7, 0.6, 0.65], 'lower_better')).toBe(2);
    expect(rankOf(0.6, [0.7, 0.65], 'lower_better')).toBe(1);
    expect(rankOf(5, [1, 9], 'band')).toBeNull();
  });
  it('type-7 quantiles: [1,2,3,4] → q1 1.75, median 2.5, q3 3.25', () => {
    expect([quantile([1, 2, 3, 4], 0.25), quantile([1, 2, 3, 4], 0.5), quantile([1, 2, 3, 4], 0.75)]).toEqual([1.75, 2.5, 3.25]);
    expect(quantile([], 0.5)).toBeNull();
  });
  it('better / worse / similar (within 0.5% of the city) by polarity', () => {
    expect(vsCityOf(0.7, 0.6, { polarity: 'higher_better' })).toBe('better');
    expect(vsCityOf(0.7, 0.6, { polarity: 'lower_better' })).toBe('worse');
    expect(vsCityOf(0.601, 0.6, { polarity: 'higher_better' })).toBe('similar');
    expect(vsCityOf(5, 6, { polarity: 'band' })).toBe('none');
    expect(vsCityOf(null, 6, { polarity: 'higher_better' })).toBe('none');
  });
  it('县 and 县级市 are peers; 区 and 功能区 are their own groups', () => {
    expect([peerGroupOf('COUNTY'), peerGroupOf('COUNTY_CITY'), peerGroupOf('DISTRICT'), peerGroupOf('ZONE')]).toEqual(['RURAL', 'RURAL', 'URBAN', 'ZONE']);
  });
});

describe('compareCounty and the spine geometry', () => {
  const counties = [
    { code: 'A', kind: 'COUNTY_CITY' },
    { code: 'B', kind: 'COUNTY' },
    { code: 'C', kind: 'COUNTY' },
    { code: 'D', kind: 'DISTRICT' },
  ];
  const v = (m: Record<string, number | null>) => new Map<IndicatorCode, number | null>(Object.entries(m) as [IndicatorCode, number | null][]);
  const values: ProfileValues = new Map([
    ['A', v({ primary_visit_share: 0.46, out_of_city_share: 0.04, collection_gap: 1e6, months_of_reserve: 3.4 })],
    ['B', v({ primary_visit_share: 0.7, out_of_city_share: 0.04, collection_gap: 2e6, months_of_reserve: 3.5 })],
    ['C', v({ primary_visit_share: 0.62, out_of_city_share: 0.05, collection_gap: 3e6, months_of_reserve: 3.3 })],
    ['D', v({ primary_visit_share: 0.49, out_of_city_share: 0.1, collection_gap: 4e6, months_of_reserve: 3.1 })],
    ['CITY', v({ primary_visit_share: 0.57, out_of_city_share: 0.06, collection_gap: 1e7, months_of_reserve: 3.3 })],
  ]);
  const cmp = compareCounty('A', values, counties, 'CITY');
  const get = (code: string) => cmp.find((c) => c.code === code)!;

  it('ranks the county among all counties and among its peers; worse than the city on 基层就诊占比', () => {
    const p = get('primary_visit_share');
    expect([p.value, p.city, p.rank, p.rankOf, p.peerRank, p.peerRankOf]).toEqual([0.46, 0.57, 4, 4, 3, 3]);
    expect(p.vsCity).toBe('worse');
    expect(p.status).toBe('bad'); // target 65%
    expect(p.peers.map((x) => x.code)).toEqual(['A', 'B', 'C']);
    expect(p.peerMedian).toBe(0.62);
    expect([p.min, p.max]).toEqual([0.46, 0.7]);
  });

  it('lower-is-better indicators rank the smallest first; amounts and band indicators are not ranked', () => {
    expect(get('out_of_city_share').rank).toBe(1);
    expect(get('out_of_city_share').vsCity).toBe('better');
    expect(get('collection_gap')).toMatchObject({ rank: null, vsCity: 'none', sizeDependent: true });
    expect(get('months_of_reserve').rank).toBeNull();
    expect(get('coverage_rate').value).toBeNull(); // not in the values: missing, not zero
  });

  it('spine: the city in the middle, the widest county at the edge, better to the right', () => {
    const g = spineGeometry(get('primary_visit_share'))!;
    // reach = max(|0.70−0.57|, |0.46−0.57|) = 0.13; A: 0.5 + (−0.11/0.13)·0.46
    expect(g.county).toBeCloseTo(0.5 - (0.11 / 0.13) * 0.46, 12);
    expect(g.max).toBeCloseTo(0.96, 12);
    expect(g.peers).toHaveLength(3);
    // lower is better: a smaller share sits to the right of the city
    const o = spineGeometry(get('out_of_city_share'))!;
    expect(o.county!).toBeGreaterThan(0.5);
    expect(spineGeometry(get('collection_gap'))).toBeNull();
  });

  it('refuses an unknown county', () => {
    expect(() => compareCounty('Z', values, counties, 'CITY')).toThrow(/未知/);
  });
});
