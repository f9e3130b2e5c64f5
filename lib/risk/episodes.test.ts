import { describe, expect, it } from 'vitest';
import { findEpisodes, trendOf } from './episodes';
import type { Point, Severity, SubjectSeries } from './types';

function series(values: (Severity | null | 'gap')[], from = 202401): SubjectSeries {
  const points: Point[] = [];
  let p = from;
  values.forEach((s, i) => {
    if (s !== 'gap') points.push({ period: p, value: i, severity: s, threshold: 1, detail: `m${i}`, inputs: [] });
    p = p % 100 === 12 ? p + 89 : p + 1;
  });
  return { key: 'k', regionCode: 'r', schemeCode: 'RESIDENT', label: 'x', unit: 'months', points };
}
const W = 'WARNING' as const, S = 'SEVERE' as const;

describe('findEpisodes', () => {
  it('one run of breaches is one episode; it clears after clearMonths clear months', () => {
    const e = findEpisodes(series([null, W, S, W, null, null, null, null]), { minMonths: 1, clearMonths: 3 });
    expect(e).toHaveLength(1);
    expect(e[0]).toMatchObject({ firstPeriod: 202402, lastPeriod: 202404, clearedPeriod: 202407, peakSeverity: 'SEVERE', dataEnded: false });
    expect(e[0].latest.severity).toBe('WARNING');
    expect(e[0].peak.period).toBe(202403);
    expect(e[0].current.period).toBe(202407);
  });

  it('a breach inside the clearing window continues the same episode (hysteresis)', () => {
    const e = findEpisodes(series([W, null, null, W, null, null, null]), { minMonths: 1, clearMonths: 3 });
    expect(e).toHaveLength(1);
    expect(e[0]).toMatchObject({ firstPeriod: 202401, lastPeriod: 202404, clearedPeriod: 202407 });
  });

  it('still open at the end of the data: clearedPeriod null, current = last point', () => {
    const e = findEpisodes(series([W, W, null]), { minMonths: 1, clearMonths: 3 });
    expect(e[0].clearedPeriod).toBeNull();
    expect(e[0].current.period).toBe(202403);
  });

  it('minMonths: a single-month blip raises nothing; two in a row open from the first', () => {
    expect(findEpisodes(series([W, null, W, null]), { minMonths: 2, clearMonths: 1 })).toHaveLength(0);
    const e = findEpisodes(series([null, W, W, null]), { minMonths: 2, clearMonths: 1 });
    expect(e).toHaveLength(1);
    expect(e[0]).toMatchObject({ firstPeriod: 202402, lastPeriod: 202403, clearedPeriod: 202404 });
  });

  it('months without data neither extend nor clear an episode', () => {
    const e = findEpisodes(series([W, 'gap', 'gap', null, W, null]), { minMonths: 1, clearMonths: 2 });
    expect(e).toHaveLength(1);
    expect(e[0]).toMatchObject({ firstPeriod: 202401, lastPeriod: 202405, clearedPeriod: null });
  });

  it('a subject whose data stops (fund merged, institution stopped settling) ends with its data', () => {
    const e = findEpisodes(series([W, W]), { minMonths: 1, clearMonths: 3 }, 202412);
    expect(e[0]).toMatchObject({ clearedPeriod: 202403, dataEnded: true });
    // within clearMonths of the data end it is still open
    expect(findEpisodes(series([W, W]), { minMonths: 1, clearMonths: 3 }, 202405)[0].clearedPeriod).toBeNull();
  });

  it('trend: from 12 months before the episode to its end', () => {
    const s = series([...Array(14).fill(null), W, W, null], 202301);
    const [e] = findEpisodes(s, { minMonths: 1, clearMonths: 1 });
    const t = trendOf(s, e);
    expect(t[0].period).toBe(202303); // episode from 202403
    expect(t[t.length - 1].period).toBe(202405);
  });
});
