// How much the ranking can be trusted: uncertainty and sensitivity analysis of the county ranks in the manner of
// the OECD/JRC Handbook on Constructing Composite Indicators (2008), §6–7: Monte Carlo over the weights
// (Dirichlet draws centred on the scheme's weights) and over the normalisation and aggregation choices;
// each county's median rank and 90% rank interval, and which input drives its rank most (first-order
// sensitivity index S_i = Var(E[rank | X_i]) / Var(rank), estimated by binning the draws).
// Pure and seeded: the same inputs and seed give the same answer.
import gammaRandom from '@stdlib/random-base-gamma';
import { mulberry32 } from '../analysis/random';
import { orientedValue, scoreValue } from './rules';
import { indicatorKey, type AssessmentScheme, type MissingRule, type ScoringRule } from './scheme';
import { competitionRanks } from './results';

/** Normalisation × aggregation combinations (JRC handbook §5–6). */
export const METHODS = {
  scheme_arith: '方案计分规则 + 算术加权',
  scheme_geom: '方案计分规则 + 几何加权',
  minmax_arith: '极差标准化 + 算术加权',
  minmax_geom: '极差标准化 + 几何加权',
  zscore_arith: 'Z分数标准化 + 算术加权',
} as const;
export type Method = keyof typeof METHODS;
const METHOD_KEYS = Object.keys(METHODS) as Method[];

export interface UncertaintyInput {
  scheme: AssessmentScheme;
  /** county code → indicator key → value (null = missing) */
  values: Record<string, Record<string, number | null>>;
  draws?: number;
  seed?: number;
  /**
   * Dirichlet concentration κ: weights are drawn from Dirichlet(κ·w) with w the scheme's normalised weights.
   * Larger = closer to the scheme. 100 gives an indicator of weight 8% a standard deviation of about 2.7
   * points (a third of its weight).
   */
  concentration?: number;
  /** which methods to mix; default all */
  methods?: Method[];
}

export interface Driver {
  /** indicator key, or 'method' for the choice of normalisation/aggregation */
  key: string;
  /** first-order sensitivity index 0..1 */
  index: number;
}

export interface RankUncertainty {
  code: string;
  /** rank under the scheme as published */
  baseRank: number;
  medianRank: number;
  /** 90% interval: 5th and 95th percentiles of the simulated ranks */
  interval: [number, number];
  /** median rank under each method alone (its draws only) */
  byMethod: Partial<Record<Method, number>>;
  /** input whose uncertainty moves the rank most; null when the rank never moves */
  driver: Driver | null;
  /** all inputs' first-order indices, largest first */
  sensitivity: Driver[];
}

interface Ind {
  key: string;
  rule: ScoringRule;
  missing: MissingRule;
  weight: number;
}

/** Nearest-rank percentile (type 1) of sorted integers: keeps ranks integral. */
function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[i];
}

function variance(xs: number[]): number {
  if (xs.length < 2) return 0;
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length;
}

/** Var(E[y | x]) / Var(y) with x cut into `bins` equal-count bins (or by category when x is categorical). */
export function firstOrderIndex(x: number[], y: number[], bins = 10): number {
  const vy = variance(y);
  if (vy === 0) return 0;
  const idx = x.map((_, i) => i).sort((a, b) => x[a] - x[b]);
  const distinct = new Set(x).size;
  const groups: number[][] = [];
  if (distinct <= bins) {
    const byVal = new Map<number, number[]>();
    for (const i of idx) byVal.set(x[i], [...(byVal.get(x[i]) ?? []), y[i]]);
    groups.push(...byVal.values());
  } else {
    const size = Math.ceil(idx.length / bins);
    for (let b = 0; b < idx.length; b += size) groups.push(idx.slice(b, b + size).map((i) => y[i]));
  }
  const n = y.length;
  const m = y.reduce((a, b) => a + b, 0) / n;
  const between = groups.reduce((a, g) => a + (g.length / n) * (g.reduce((s, v) => s + v, 0) / g.length - m) ** 2, 0);
  return Math.min(1, between / vy);
}

/**
 * Monte Carlo rank uncertainty. Each draw picks one method (uniformly) and a weight vector from
 * Dirichlet(κ·w), normalises each indicator across counties (scheme rules: the share of the weight earned;
 * min-max over the counties' oriented values; z-score), aggregates (arithmetic, or weighted geometric mean
 * of 0.01 + 0.99·score so a zero does not wipe out the rest), and ranks with competition ranking (ties share
 * the better rank). Missing values: 'reweight' indicators drop out of that county's sum; 'zero' ones take the
 * worst normalised value. Returns one row per county, in the order of `values`.
 */
export function rankUncertainty(input: UncertaintyInput): RankUncertainty[] {
  const { scheme, values } = input;
  const draws = input.draws ?? 1000;
  const seed = input.seed ?? 20200101;
  const kappa = input.concentration ?? 100;
  const methods = input.methods ?? METHOD_KEYS;
  const counties = Object.keys(values);
  const inds: Ind[] = scheme.areas.flatMap((a) => a.indicators.map((i) => ({ key: indicatorKey(i), rule: i.rule, missing: i.missing, weight: i.weight })));
  const wSum = inds.reduce((s, i) => s + i.weight, 0);
  const w0 = inds.map((i) => i.weight / wSum);

  // Normalised scores per method family, county × indicator (null = missing).
  const val = counties.map((c) => inds.map((i) => {
    const v = values[c]?.[i.key];
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
  }));
  // share of the indicator's own weight (a deduction rule deducts absolute points, so the weight matters)
  const schemeScore = val.map((row) => row.map((v, j) => (v === null ? null : scoreValue(inds[j].rule, v, inds[j].weight).share)));
  const minmax: (number | null)[][] = counties.map(() => inds.map(() => null));
  const zscore: (number | null)[][] = counties.map(() => inds.map(() => null));
  inds.forEach((ind, j) => {
    const o = val.map((row) => (row[j] === null ? null : orientedValue(ind.rule, row[j]!)));
    const present = o.filter((x): x is number => x !== null);
    if (present.length === 0) return;
    const lo = Math.min(...present);
    const hi = Math.max(...present);
    const mean = present.reduce((a, b) => a + b, 0) / present.length;
    const sd = Math.sqrt(variance(present));
    o.forEach((x, c) => {
      if (x === null) return;
      minmax[c][j] = hi > lo ? (x - lo) / (hi - lo) : 1;
      zscore[c][j] = sd > 0 ? (x - mean) / sd : 0;
    });
  });
  const worst = (m: (number | null)[][], j: number, fallback: number) => {
    const xs = m.map((r) => r[j]).filter((x): x is number => x !== null);
    return xs.length ? Math.min(...xs) : fallback;
  };
  const filled = (m: (number | null)[][], zeroValue: (j: number) => number) =>
    m.map((row) => row.map((x, j) => (x === null ? (inds[j].missing === 'zero' ? zeroValue(j) : null) : x)));
  const norm: Record<'scheme' | 'minmax' | 'zscore', (number | null)[][]> = {
    scheme: filled(schemeScore, () => 0),
    minmax: filled(minmax, () => 0),
    zscore: filled(zscore, (j) => worst(zscore, j, 0)),
  };

  const composite = (method: Method, w: number[]): number[] => {
    const [n, agg] = method.split('_') as ['scheme' | 'minmax' | 'zscore', 'arith' | 'geom'];
    const m = norm[n];
    return m.map((row) => {
      let ws = 0;
      let acc = agg === 'arith' ? 0 : 0; // log-sum for geom
      row.forEach((x, j) => {
        if (x === null) return;
        ws += w[j];
        acc += agg === 'arith' ? w[j] * x : w[j] * Math.log(0.01 + 0.99 * x);
      });
      if (ws === 0) return -Infinity;
      return agg === 'arith' ? acc / ws : Math.exp(acc / ws);
    });
  };

  const baseRanks = competitionRanks(composite('scheme_arith', w0));
  const uniform = mulberry32(seed);
  const gamma = gammaRandom.factory({ seed: seed >>> 0 || 1 });
  const ranks: number[][] = counties.map(() => []);
  const drawnW: number[][] = inds.map(() => []);
  const drawnM: number[] = [];
  for (let d = 0; d < draws; d++) {
    const method = methods[Math.min(methods.length - 1, Math.floor(uniform() * methods.length))];
    const g = w0.map((wi) => gamma(Math.max(kappa * wi, 1e-6), 1));
    const gs = g.reduce((a, b) => a + b, 0);
    const w = g.map((x) => x / gs);
    const r = competitionRanks(composite(method, w), 1e-12);
    r.forEach((x, c) => ranks[c].push(x));
    w.forEach((x, j) => drawnW[j].push(x));
    drawnM.push(METHOD_KEYS.indexOf(method));
  }

  return counties.map((code, c) => {
    const rs = ranks[c];
    const sorted = [...rs].sort((a, b) => a - b);
    const byMethod: Partial<Record<Method, number>> = {};
    for (const m of methods) {
      const k = METHOD_KEYS.indexOf(m);
      const sub = rs.filter((_, d) => drawnM[d] === k).sort((a, b) => a - b);
      if (sub.length) byMethod[m] = percentile(sub, 0.5);
    }
    const sensitivity: Driver[] = [
      ...inds.map((ind, j) => ({ key: ind.key, index: firstOrderIndex(drawnW[j], rs) })),
      ...(methods.length > 1 ? [{ key: 'method', index: firstOrderIndex(drawnM, rs) }] : []),
    ].sort((a, b) => b.index - a.index);
    const moves = sorted[0] !== sorted[sorted.length - 1];
    return {
      code,
      baseRank: baseRanks[c],
      medianRank: percentile(sorted, 0.5),
      interval: [percentile(sorted, 0.05), percentile(sorted, 0.95)] as [number, number],
      byMethod,
      driver: moves ? sensitivity[0] : null,
      sensitivity,
    };
  });
}

/**
 * The indicator that places a county where it is: the largest points difference from the counties' mean
 * on one indicator (signed: negative = it pulls the county down). Pure; `points` = county → key → points.
 */
export function positionDriver(points: Record<string, Record<string, number | null>>, code: string): { key: string; diff: number } | null {
  const mine = points[code];
  if (!mine) return null;
  let best: { key: string; diff: number } | null = null;
  for (const key of Object.keys(mine)) {
    const v = mine[key];
    if (v === null) continue;
    const others = Object.values(points).map((p) => p[key]).filter((x): x is number => typeof x === 'number');
    const mean = others.reduce((a, b) => a + b, 0) / others.length;
    const diff = v - mean;
    if (!best || Math.abs(diff) > Math.abs(best.diff)) best = { key, diff };
  }
  return best;
}
