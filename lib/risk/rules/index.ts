// The rules of the early-warning mechanism, as data: each says what it watches, which registry
// indicators it reads, its severity bands and the thresholds an admin may change (a change is stored as
// a new rule version: lib/risk/config.ts).
import { z } from 'zod';
import { formatValue } from '../../format';
import type { ParamSpec, RuleDef, RuleParams } from '../types';
import { currentDeficitRule, growthGapRule, reserveMonthsRule } from './fund';
import { admissionOutflowRule, budgetDeviationRule, collectionDropRule, coverageDropRule, subsidyShortfallRule } from './county';
import { institutionPeerRule, institutionSpikeRule } from './institution';
import { shortfallProbabilityRule } from './sustainability';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyRule = RuleDef<any>;

export const RULES: readonly AnyRule[] = [
  reserveMonthsRule,
  shortfallProbabilityRule,
  currentDeficitRule,
  growthGapRule,
  budgetDeviationRule,
  coverageDropRule,
  collectionDropRule,
  subsidyShortfallRule,
  institutionPeerRule,
  institutionSpikeRule,
  admissionOutflowRule,
];

export const RULE_CODES = RULES.map((r) => r.code);

export function getRule(code: string): AnyRule {
  const r = RULES.find((x) => x.code === code);
  if (!r) throw new Error(`未知预警规则 "${code}"（unknown rule code）`);
  return r;
}

export function isRuleCode(code: string): boolean {
  return RULES.some((r) => r.code === code);
}

/** A bound as the admin types it: 0.05 (ratio) → 5.0%, 1 (pp) → 100.0个百分点, 24 (months) → 24.0个月. */
const bound = (v: number, unit: ParamSpec['unit']) => formatValue(v, unit, { digits: unit === 'count' ? undefined : 1 }).replace(/^\+/, '');

/** zod schema of a rule's parameters: every parameter present, finite, within its bounds, integers where asked. */
export function paramsSchema(rule: AnyRule) {
  const shape: Record<string, z.ZodType<number>> = {};
  for (const spec of rule.params) {
    let s = z.number({ error: `“${spec.label}”应为数字` }).refine(Number.isFinite, `“${spec.label}”应为有限数字`);
    if (spec.min !== undefined) s = s.refine((v) => v >= spec.min!, `“${spec.label}”不应小于${bound(spec.min, spec.unit)}`);
    if (spec.max !== undefined) s = s.refine((v) => v <= spec.max!, `“${spec.label}”不应大于${bound(spec.max, spec.unit)}`);
    if (spec.integer) s = s.refine(Number.isInteger, `“${spec.label}”应为整数`);
    shape[spec.key] = s;
  }
  return z.object(shape).strict().superRefine((p, ctx) => {
    for (const message of rule.validate(p as RuleParams)) ctx.addIssue({ code: 'custom', message });
  });
}

/** Validates parameters; returns them typed, or the Chinese messages of every problem. */
export function parseParams(rule: AnyRule, raw: unknown): { ok: true; params: RuleParams } | { ok: false; errors: string[] } {
  const r = paramsSchema(rule).safeParse(raw);
  if (r.success) return { ok: true, params: r.data as RuleParams };
  return { ok: false, errors: r.error.issues.map((i) => i.message) };
}

/** Stored parameters merged over the defaults (a rule may gain a parameter after a version was stored). */
export function withDefaults(rule: AnyRule, stored: Record<string, unknown> | null | undefined): RuleParams {
  const out: Record<string, number> = { ...rule.defaults };
  if (stored) for (const spec of rule.params) if (typeof stored[spec.key] === 'number') out[spec.key] = stored[spec.key] as number;
  return out as RuleParams;
}
