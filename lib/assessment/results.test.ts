import { describe, expect, it } from 'vitest';
import { competitionRanks, computeResults, improvementRanking, scoreCounty, whatItTakes, type CountyFeed } from './results';
import { parseScheme, SchemeError, type AssessmentScheme } from './scheme';
import { DEFAULT_SCHEME } from './defaultScheme';

// A small hand-worked scheme: 2 areas, 3 indicators, 20 points.
const scheme: AssessmentScheme = parseScheme({
  name: '测试方案',
  basis: '测试',
  grades: [{ min: 18, label: '优秀' }, { min: 12, label: '合格' }, { min: 0, label: '不合格' }],
  areas: [
    {
      code: 'a', name: '甲',
      indicators: [
        { code: 'coverage_rate', weight: 6, rule: { type: 'linear', floor: 0.9, target: 0.95 }, missing: 'reweight' },
        { code: 'collection_rate', weight: 4, rule: { type: 'linear', floor: 0.9, target: 1 }, missing: 'zero' },
      ],
    },
    { code: 'b', name: '乙', indicators: [{ code: 'remittance_avg_delay', weight: 10, rule: { type: 'deduction', max: 0, per: 1, points: 1 }, missing: 'reweight' }] },
  ],
});

const feed = (cov: number | null, col: number | null, delay: number | null): CountyFeed => ({
  coverage_rate: { value: cov, evidence: [] },
  collection_rate: { value: col, evidence: [] },
  remittance_avg_delay: { value: delay, evidence: [] },
});

describe('scoreCounty', () => {
  it('adds indicator points into areas and the total (hand-worked)', () => {
    const r = scoreCounty(scheme, 'X', feed(0.925, 0.95, 3));
    expect(r.indicators.map((i) => i.points)).toEqual([expect.closeTo(3, 9), expect.closeTo(2, 9), 7]);
    expect(r.areas.map((a) => a.points)).toEqual([expect.closeTo(5, 9), 7]);
    expect(r.total).toBeCloseTo(12, 9);
    expect(r.grade).toBe('合格');
    expect(r.max).toBe(20);
  });
  it("missing + 'zero': 0 points, stated as such, weight kept", () => {
    const r = scoreCounty(scheme, 'X', feed(0.95, null, 0));
    const col = r.indicators.find((i) => i.code === 'collection_rate')!;
    expect(col).toMatchObject({ status: 'missing_zero', points: 0, lost: 4, value: null });
    expect(r.total).toBeCloseTo(16, 9);
  });
  it("missing + 'reweight': not scored, its weight shared over the area's other indicators", () => {
    const r = scoreCounty(scheme, 'X', feed(null, 0.95, 0));
    const cov = r.indicators.find((i) => i.code === 'coverage_rate')!;
    expect(cov).toMatchObject({ status: 'missing_reweighted', points: null, effectiveWeight: 0 });
    const col = r.indicators.find((i) => i.code === 'collection_rate')!;
    expect(col.effectiveWeight).toBeCloseTo(10, 9); // 4 of the area's 10 scaled up to the area's 10
    expect(col.points).toBeCloseTo(5, 9);
    expect(r.areas[0].max).toBeCloseTo(10, 9);
    expect(r.total).toBeCloseTo(15, 9);
  });
  it('a whole missing area shares its maximum over the other areas', () => {
    const r = scoreCounty(scheme, 'X', feed(0.95, 1, null));
    expect(r.areas[1]).toMatchObject({ points: 0, max: 0 });
    expect(r.areas[0].max).toBeCloseTo(20, 9);
    expect(r.total).toBeCloseTo(20, 9);
  });
  it('never turns missing into 0 silently: no data at all scores nothing and says so', () => {
    const r = scoreCounty(scheme, 'X', {});
    expect(r.indicators.map((i) => i.status)).toEqual(['missing_reweighted', 'missing_zero', 'missing_reweighted']);
  });
});

describe('ranks, improvement and what it takes', () => {
  const now = computeResults(scheme, 2023, { A: feed(0.95, 1, 0), B: feed(0.925, 0.95, 3), C: feed(0.925, 0.95, 3), D: feed(0.9, 0.9, 12) });
  const before = computeResults(scheme, 2022, { A: feed(0.95, 1, 0), B: feed(0.95, 1, 5), C: feed(0.9, 0.9, 6), D: feed(0.9, 0.9, 15) });
  it('competition ranking: ties share the better rank', () => {
    expect(competitionRanks([5, 9, 5, 1])).toEqual([2, 1, 2, 4]);
    expect(now.counties.map((c) => c.rank)).toEqual([1, 2, 2, 4]);
  });
  it('improvement ranking shows who improved most even when ranked low', () => {
    const imp = improvementRanking(now, before);
    const byCode = Object.fromEntries(imp.map((r) => [r.code, r]));
    expect(byCode.C.change).toBeCloseTo(8, 9); // 4 → 12
    expect(byCode.B.change).toBeCloseTo(-3, 9); // 15 → 12
    expect(byCode.C.improvementRank).toBe(1);
    expect(byCode.D.rank).toBe(4);
    expect(improvementRanking(now, null).every((r) => r.change === null && r.improvementRank === null)).toBe(true);
  });
  it('what it takes: the gap to the next grade and rank, and single indicators that close it', () => {
    const w = whatItTakes(scheme, now, 'B');
    expect(w.grade).toMatchObject({ target: '优秀', gap: expect.closeTo(6, 9) });
    // delay 3 days → ≤ 0 days gives +3 only; coverage can give +3; no single indicator gives +6
    expect(w.grade!.options).toEqual([]);
    expect(w.grade!.available).toBeCloseTo(8, 9);
    expect(w.rank).toMatchObject({ target: '第1名', gap: expect.closeTo(8, 9) });
    const d = whatItTakes(scheme, now, 'D');
    // D: 0 + 0 + 0 = 0 points; to 合格 (12): the delay alone (10 pts available) is not enough
    expect(d.grade!.target).toBe('合格');
    const rankD = d.rank!;
    expect(rankD.gap).toBeCloseTo(12, 9);
    expect(whatItTakes(scheme, now, 'A')).toEqual({ grade: null, rank: null });
  });
  it('names the value needed on one indicator', () => {
    const r = computeResults(scheme, 2023, { A: feed(0.95, 1, 0), B: feed(0.95, 1, 2) });
    const w = whatItTakes(scheme, r, 'B');
    expect(w.rank!.options).toEqual([expect.objectContaining({ key: 'remittance_avg_delay', requirement: { op: 'lte', value: expect.closeTo(0, 1) } })]);
  });
});

describe('scheme validation', () => {
  it('accepts the default scheme: 100 points over six areas', () => {
    const s = parseScheme(JSON.stringify(DEFAULT_SCHEME));
    expect(s.areas.map((a) => a.name)).toEqual(['扩面征缴', '待遇支付', '定点管理', '基金预算管理', '基金统收统支', '分级诊疗']);
    expect(s.areas.flatMap((a) => a.indicators).reduce((x, i) => x + i.weight, 0)).toBe(100);
  });
  it('names every problem with its path', () => {
    const bad = structuredClone(DEFAULT_SCHEME) as unknown as { areas: { indicators: Record<string, unknown>[] }[] };
    bad.areas[0].indicators[0].code = 'no_such_indicator';
    bad.areas[1].indicators[0].weight = -1;
    bad.areas[2].indicators[0].rule = { type: 'linear', floor: 1, target: 1 };
    try {
      parseScheme(bad);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(SchemeError);
      const paths = (e as SchemeError).issues.map((i) => i.path);
      expect(paths).toEqual(expect.arrayContaining(['areas.0.indicators.0.code', 'areas.1.indicators.0.weight', 'areas.2.indicators.0.rule']));
    }
    expect(() => parseScheme('{not json')).toThrow(SchemeError);
    expect(() => parseScheme({ ...DEFAULT_SCHEME, grades: [{ min: 50, label: 'a' }, { min: 60, label: 'b' }] })).toThrow(/从高到低/);
  });
});
