// Assessment results: per county and year, the score of every scheme indicator with its evidence, area and
// total scores, grade, rank, change on last year, the improvement ranking, and what it would take to reach
// the next grade or the next rank. Pure: indicator values come from the indicator registry (lib/assessment/feed).
import { getIndicator } from '../indicators/registry';
import type { IndicatorUnit } from '../indicators/types';
import { requirementFor, scoreValue, type Requirement } from './rules';
import { areaMax, gradeOf, indicatorKey, maxTotal, type AssessmentScheme, type MissingRule, type ScoringRule } from './scheme';

/** One figure behind an indicator value (numerator, denominator, …) with its unit. */
export interface EvidenceItem {
  label: string;
  value: number | null;
  unit: IndicatorUnit;
  displayUnit?: string;
}

/** What the feed gives per county and indicator key: the registry value and the numbers behind it. */
export interface FeedValue {
  value: number | null;
  evidence: EvidenceItem[];
}

export type CountyFeed = Record<string, FeedValue>;

export interface IndicatorScore {
  key: string;
  code: string;
  label: string;
  area: string;
  unit: IndicatorUnit;
  displayUnit?: string;
  value: number | null;
  evidence: EvidenceItem[];
  rule: ScoringRule;
  missingRule: MissingRule;
  /** scheme weight */
  weight: number;
  /** weight after missing indicators' weights were shared out (equals weight when nothing is missing) */
  effectiveWeight: number;
  /** null when the value is missing (see status) */
  points: number | null;
  /** effectiveWeight − points (what the county lost here) */
  lost: number;
  status: 'scored' | 'missing_zero' | 'missing_reweighted';
  band?: string;
}

export interface AreaScore {
  code: string;
  name: string;
  points: number;
  max: number;
  /** points ÷ max */
  share: number;
  grade: string;
}

export interface CountyResult {
  code: string;
  total: number;
  max: number;
  grade: string;
  rank: number;
  areas: AreaScore[];
  indicators: IndicatorScore[];
}

export interface YearResults {
  year: number;
  counties: CountyResult[];
}

/**
 * Competition ranks (1, 1, 3): higher score is better; scores within `tol` tie. Returns ranks in input order.
 */
export function competitionRanks(scores: number[], tol = 1e-9): number[] {
  return scores.map((s) => 1 + scores.filter((o) => o > s + tol).length);
}

/**
 * Scores one county. Missing values follow each indicator's missing rule: 'zero' scores 0 (stated, not
 * silent); 'reweight' shares the weight out over the area's scored indicators in proportion to their
 * weights, or, when no indicator of the area has data, over the other areas in proportion to their maxima.
 */
export function scoreCounty(scheme: AssessmentScheme, code: string, feed: CountyFeed): Omit<CountyResult, 'rank'> {
  const total = maxTotal(scheme);
  // First pass: which reweighted indicators are missing, and the area maxima that remain.
  const areaInfo = scheme.areas.map((a) => {
    const present = a.indicators.filter((i) => isNum(feed[indicatorKey(i)]?.value) || i.missing === 'zero');
    return { area: a, max: areaMax(a), presentWeight: present.reduce((s, i) => s + i.weight, 0) };
  });
  const liveMax = areaInfo.reduce((s, a) => s + (a.presentWeight > 0 ? a.max : 0), 0);
  const indicators: IndicatorScore[] = [];
  const areas: AreaScore[] = [];
  for (const { area, max, presentWeight } of areaInfo) {
    const areaScale = liveMax > 0 && presentWeight > 0 ? total / liveMax : 0; // whole missing areas share out
    const areaEffMax = max * areaScale;
    let pts = 0;
    for (const ind of area.indicators) {
      const key = indicatorKey(ind);
      const def = getIndicator(ind.code);
      const f = feed[key];
      const value = f && isNum(f.value) ? f.value : null;
      const scaled = presentWeight > 0 ? (ind.weight / presentWeight) * areaEffMax : 0;
      const base = {
        key, code: ind.code, label: ind.label ?? def.name, area: area.code, unit: def.unit, displayUnit: def.displayUnit,
        value, evidence: f?.evidence ?? [], rule: ind.rule, missingRule: ind.missing, weight: ind.weight,
      };
      if (value === null) {
        if (ind.missing === 'zero') indicators.push({ ...base, effectiveWeight: scaled, points: 0, lost: scaled, status: 'missing_zero' });
        else indicators.push({ ...base, effectiveWeight: 0, points: null, lost: 0, status: 'missing_reweighted' });
        continue;
      }
      const s = scoreValue(ind.rule, value, scaled);
      pts += s.points;
      indicators.push({ ...base, effectiveWeight: scaled, points: s.points, lost: scaled - s.points, status: 'scored', band: s.band });
    }
    areas.push({ code: area.code, name: area.name, points: pts, max: areaEffMax, share: areaEffMax > 0 ? pts / areaEffMax : 0, grade: gradeOf(scheme, pts, areaEffMax || max).label });
  }
  const sum = areas.reduce((s, a) => s + a.points, 0);
  return { code, total: sum, max: total, grade: gradeOf(scheme, sum).label, areas, indicators };
}

/** Scores every county of a year and ranks them (competition ranking on the total). */
export function computeResults(scheme: AssessmentScheme, year: number, feeds: Record<string, CountyFeed>, order: string[] = Object.keys(feeds)): YearResults {
  const scored = order.map((c) => scoreCounty(scheme, c, feeds[c] ?? {}));
  const ranks = competitionRanks(scored.map((s) => s.total));
  return { year, counties: scored.map((s, i) => ({ ...s, rank: ranks[i] })) };
}

export interface ImprovementRow {
  code: string;
  total: number;
  previous: number | null;
  /** total − previous (points); null without last year's result */
  change: number | null;
  rank: number;
  previousRank: number | null;
  /** rank by change, 1 = improved most; null without last year's result */
  improvementRank: number | null;
}

/** Level and improvement ranking side by side: a county that improved most is visible even if it ranks low. */
export function improvementRanking(now: YearResults, before: YearResults | null): ImprovementRow[] {
  const prev = new Map(before?.counties.map((c) => [c.code, c]) ?? []);
  const rows = now.counties.map((c) => {
    const p = prev.get(c.code);
    return { code: c.code, total: c.total, previous: p?.total ?? null, change: p ? c.total - p.total : null, rank: c.rank, previousRank: p?.rank ?? null };
  });
  const withChange = rows.filter((r) => r.change !== null);
  const ranks = competitionRanks(withChange.map((r) => r.change!));
  const byCode = new Map(withChange.map((r, i) => [r.code, ranks[i]]));
  return rows.map((r) => ({ ...r, improvementRank: byCode.get(r.code) ?? null }));
}

export interface PathOption {
  key: string;
  label: string;
  unit: IndicatorUnit;
  displayUnit?: string;
  current: number;
  /** the condition on this indicator alone that closes the gap */
  requirement: Requirement;
}

export interface PathToTarget {
  kind: 'grade' | 'rank';
  /** the grade label or the rank aimed at */
  target: string;
  /** points needed on the total */
  gap: number;
  /** single indicators that alone close the gap (others unchanged), easiest first by points still available */
  options: PathOption[];
  /** points recoverable over all indicators; when below the gap the target is out of reach this year */
  available: number;
}

function optionsFor(c: CountyResult, gap: number): { options: PathOption[]; available: number } {
  const options: PathOption[] = [];
  let available = 0;
  const ranked = [...c.indicators].filter((i) => i.status === 'scored' && i.lost > 1e-9).sort((a, b) => b.lost - a.lost);
  for (const i of ranked) {
    available += i.lost;
    if (i.lost + 1e-9 < gap) continue;
    const req = requirementFor(i.rule, i.effectiveWeight, i.points! + gap, i.value!);
    if (req) options.push({ key: i.key, label: i.label, unit: i.unit, displayUnit: i.displayUnit, current: i.value!, requirement: req });
  }
  return { options, available };
}

/**
 * What a county would need to reach the next grade up and the next rank up (the score of the county ranked
 * just above it: a tie shares the rank). null parts when it already holds the top grade / rank 1.
 */
export function whatItTakes(scheme: AssessmentScheme, results: YearResults, code: string): { grade: PathToTarget | null; rank: PathToTarget | null } {
  const c = results.counties.find((x) => x.code === code);
  if (!c) throw new Error(`考核结果中没有该县（市、区）：${code}`);
  const total = maxTotal(scheme);
  const scale = c.max > 0 ? total / c.max : 1;
  let grade: PathToTarget | null = null;
  const higher = [...scheme.grades].reverse().find((g) => g.min / scale > c.total + 1e-9);
  if (higher) {
    const gap = higher.min / scale - c.total;
    grade = { kind: 'grade', target: higher.label, gap, ...optionsFor(c, gap) };
  }
  let rank: PathToTarget | null = null;
  const above = results.counties.filter((o) => o.total > c.total + 1e-9).sort((a, b) => a.total - b.total)[0];
  if (above) {
    // reaching the score of the county above is enough: tied counties share the better rank
    const gap = above.total - c.total;
    rank = { kind: 'rank', target: `第${above.rank}名`, gap, ...optionsFor(c, gap) };
  }
  return { grade, rank };
}

function isNum(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}
