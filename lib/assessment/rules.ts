// Scoring rules of the assessment scheme: value → points, and the inverse (what value earns given points).
// Pure. Values are in the indicator's stored unit (ratios as fractions 0..1, counts as counts).
import type { ScoringRule } from './scheme';

export interface RuleScore {
  /** points earned, 0..weight */
  points: number;
  /** points ÷ weight, 0..1 */
  share: number;
  /** label of the band the value fell in (banded rules only) */
  band?: string;
  /** distance outside the acceptable range (deduction rules only), in the indicator's unit */
  shortfall?: number;
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

function inBand(v: number, b: { min?: number; max?: number }): boolean {
  return (b.min === undefined || v >= b.min) && (b.max === undefined || v < b.max);
}

/** Distance of v outside [min, max]; 0 inside. */
export function distanceOutside(v: number, min?: number, max?: number): number {
  if (min !== undefined && v < min) return min - v;
  if (max !== undefined && v > max) return v - max;
  return 0;
}

/**
 * Points a value earns under a rule with the given weight. `value` must be a finite number: missing values
 * are handled by the scheme's missing-data rule before this is called. A value that no band covers earns 0.
 */
export function scoreValue(rule: ScoringRule, value: number, weight: number): RuleScore {
  if (!Number.isFinite(value)) throw new Error(`scoreValue: 值须为有限数字，收到 ${value}`);
  switch (rule.type) {
    case 'linear': {
      const share = clamp01((value - rule.floor) / (rule.target - rule.floor));
      return { points: share * weight, share };
    }
    case 'banded': {
      const b = rule.bands.find((x) => inBand(value, x));
      const share = b ? b.share : 0;
      return { points: share * weight, share, band: b?.label ?? '未落入任何档' };
    }
    case 'deduction': {
      const shortfall = distanceOutside(value, rule.min, rule.max);
      const points = Math.max(0, weight - (shortfall / rule.per) * rule.points);
      return { points, share: weight > 0 ? points / weight : 0, shortfall };
    }
  }
}

/** A condition on the value: value >= x ('gte'), value <= x ('lte'), value < x ('lt'). */
export interface Requirement {
  op: 'gte' | 'lte' | 'lt';
  value: number;
}

/**
 * The weakest condition on the value that earns at least `points` (of `weight`) under the rule, nearest to
 * the current value; null when no value earns that many (points > weight, or no band gives that share).
 */
export function requirementFor(rule: ScoringRule, weight: number, points: number, current: number): Requirement | null {
  if (weight <= 0) return null;
  const need = points / weight;
  if (need > 1 + 1e-12) return null;
  switch (rule.type) {
    case 'linear': {
      const v = rule.floor + Math.max(0, need) * (rule.target - rule.floor);
      return { op: rule.target > rule.floor ? 'gte' : 'lte', value: v };
    }
    case 'banded': {
      let best: Requirement | null = null;
      let bestDist = Infinity;
      for (const b of rule.bands) {
        if (b.share + 1e-12 < need) continue;
        if (inBand(current, b)) return current >= (b.min ?? -Infinity) ? { op: 'gte', value: b.min ?? current } : { op: 'lt', value: b.max! };
        if (b.min !== undefined && current < b.min && b.min - current < bestDist) {
          bestDist = b.min - current;
          best = { op: 'gte', value: b.min };
        }
        if (b.max !== undefined && current >= b.max && current - b.max < bestDist) {
          bestDist = current - b.max;
          best = { op: 'lt', value: b.max };
        }
      }
      return best;
    }
    case 'deduction': {
      const allowed = ((weight - Math.min(points, weight)) / rule.points) * rule.per;
      if (rule.min !== undefined && (current < rule.min || rule.max === undefined)) return { op: 'gte', value: rule.min - allowed };
      if (rule.max !== undefined && (current > rule.max || rule.min === undefined)) return { op: 'lte', value: rule.max + allowed };
      return { op: 'gte', value: rule.min! - allowed };
    }
  }
}

/** The direction in which a value is better under the rule (for orienting alternative normalisations). */
export function ruleDirection(rule: ScoringRule): 'up' | 'down' | 'range' {
  if (rule.type === 'linear') return rule.target > rule.floor ? 'up' : 'down';
  if (rule.type === 'deduction') return rule.min !== undefined && rule.max !== undefined ? 'range' : rule.min !== undefined ? 'up' : 'down';
  // banded: compare the share at the lowest and highest finite bounds
  const bounds = rule.bands.flatMap((b) => [b.min, b.max]).filter((x): x is number => x !== undefined);
  const lo = Math.min(...bounds);
  const hi = Math.max(...bounds);
  const sLo = rule.bands.find((b) => inBand(lo - 1e-9, b))?.share ?? 0;
  const sHi = rule.bands.find((b) => inBand(hi, b))?.share ?? 0;
  return sHi >= sLo ? 'up' : 'down';
}

/**
 * The value turned so that higher is better, for the alternative normalisations (min-max, z-score) of the
 * uncertainty analysis: up → v, down → −v, range → −(distance outside the acceptable range).
 */
export function orientedValue(rule: ScoringRule, v: number): number {
  const d = ruleDirection(rule);
  if (d === 'up') return v;
  if (d === 'down') return -v;
  const r = rule as Extract<ScoringRule, { type: 'deduction' }>;
  const d0 = distanceOutside(v, r.min, r.max);
  return d0 === 0 ? 0 : -d0;
}
