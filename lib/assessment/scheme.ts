// The county assessment scheme (县级政府医保工作考核方案) as data: areas, registry indicators, weights, a
// scoring rule per indicator, a stated rule for missing data, and grade cut-offs. Stored as versioned JSON
// (AssessmentSchemeVersion) and validated here with zod before it is used or saved.
// Source: 《关于实施基本医疗保险和生育保险市级统筹的意见（征求意见稿）》五（二）: from 2020 扩面征缴, 待遇支付,
// 定点管理, 基金预算管理 and 基金统收统支 enter each county government's annual assessment.
import { z } from 'zod';
import { isIndicatorCode } from '../indicators/registry';

/**
 * Linear: 0 points at `floor`, full points at `target`, straight line between (clamped). target > floor means
 * higher is better, target < floor lower is better. Values in the indicator's stored unit (ratio 0..1).
 */
const linearRule = z.object({ type: z.literal('linear'), floor: z.number(), target: z.number() }).refine((r) => r.floor !== r.target, {
  message: '线性计分的起点与目标值不能相同',
});

/**
 * Banded: published cut-offs; a value earns `share` (0..1) of the weight of the first band it falls in.
 * Bounds are half-open like the registry's bands: min <= value < max.
 */
const bandedRule = z.object({
  type: z.literal('banded'),
  bands: z
    .array(z.object({ min: z.number().optional(), max: z.number().optional(), share: z.number().min(0).max(1), label: z.string().min(1) }))
    .min(2, '分档计分至少需要两档'),
});

/**
 * Deduction: full points inside the acceptable range [min, max] (either may be open); outside it, `points`
 * are deducted per `per` of distance (proportionally), never below 0. E.g. 财政补助到位率 min 1, per 0.01,
 * points 1: each percentage point short costs 1 point.
 */
const deductionRule = z
  .object({ type: z.literal('deduction'), min: z.number().optional(), max: z.number().optional(), per: z.number().positive(), points: z.number().positive() })
  .refine((r) => r.min !== undefined || r.max !== undefined, { message: '扣分规则至少需要下限或上限' })
  .refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, { message: '扣分规则的下限不能大于上限' });

export const scoringRuleSchema = z.union([linearRule, bandedRule, deductionRule]);

/**
 * Missing data (no silent zero): 'reweight' = the indicator is not scored and its weight is shared out over
 * the area's other indicators in proportion to their weights (over the other areas when a whole area is
 * missing), so the total stays out of the same maximum; 'zero' = 0 points, shown as 无数据·不得分 (for
 * figures a county is obliged to report).
 */
export const missingRuleSchema = z.enum(['reweight', 'zero']);

export const schemeIndicatorSchema = z.object({
  code: z.string().refine(isIndicatorCode, { message: '不是指标库中的指标代码' }),
  /** label when the registry name needs a qualifier, e.g. 县级财政补助到位率（居民医保） */
  label: z.string().optional(),
  weight: z.number().positive('权重须为正数'),
  rule: scoringRuleSchema,
  missing: missingRuleSchema,
  /** why this rule and these cut-offs (policy clause or local practice) */
  basis: z.string().optional(),
});

export const schemeAreaSchema = z.object({
  code: z.string().min(1),
  name: z.string().min(1),
  indicators: z.array(schemeIndicatorSchema).min(1, '每个考核领域至少一个指标'),
});

/** Grades of the total (and, as a share of its maximum, of each area): first with total >= min wins. */
export const gradeSchema = z.object({ min: z.number(), label: z.string().min(1) });

export const schemeSchema = z
  .object({
    name: z.string().min(1),
    /** the policy basis, cited by its real name */
    basis: z.string().min(1),
    areas: z.array(schemeAreaSchema).min(1),
    grades: z.array(gradeSchema).min(2),
  })
  .superRefine((s, ctx) => {
    const seen = new Set<string>();
    s.areas.forEach((a, ai) =>
      a.indicators.forEach((ind, ii) => {
        const key = ind.code;
        if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['areas', ai, 'indicators', ii, 'code'], message: `指标重复：${ind.code}` });
        seen.add(key);
      }),
    );
    const mins = s.grades.map((g) => g.min);
    if (mins.some((m, i) => i > 0 && m >= mins[i - 1])) ctx.addIssue({ code: 'custom', path: ['grades'], message: '等级须按分数线从高到低排列' });
    if (mins[mins.length - 1] > 0) ctx.addIssue({ code: 'custom', path: ['grades'], message: '最低一档的分数线须为0（每个分数都有等级）' });
  });

export type ScoringRule = z.infer<typeof scoringRuleSchema>;
export type MissingRule = z.infer<typeof missingRuleSchema>;
export type SchemeIndicator = z.infer<typeof schemeIndicatorSchema>;
export type SchemeArea = z.infer<typeof schemeAreaSchema>;
export type Grade = z.infer<typeof gradeSchema>;
export type AssessmentScheme = z.infer<typeof schemeSchema>;

export class SchemeError extends Error {
  constructor(
    message: string,
    readonly issues: { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'SchemeError';
  }
}

/** Parses and validates a scheme (object or JSON text). Throws SchemeError listing every problem with its path. */
export function parseScheme(input: unknown): AssessmentScheme {
  let raw = input;
  if (typeof input === 'string') {
    try {
      raw = JSON.parse(input);
    } catch (e) {
      throw new SchemeError(`考核方案不是有效的 JSON：${(e as Error).message}`);
    }
  }
  const r = schemeSchema.safeParse(raw);
  if (!r.success) {
    const issues = r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new SchemeError(`考核方案有 ${issues.length} 处错误：${issues.map((i) => `${i.path || '（根）'}：${i.message}`).join('；')}`, issues);
  }
  return r.data;
}

/** Sum of all indicator weights (the maximum total score). */
export function maxTotal(s: AssessmentScheme): number {
  return s.areas.reduce((a, area) => a + areaMax(area), 0);
}

export function areaMax(area: SchemeArea): number {
  return area.indicators.reduce((a, i) => a + i.weight, 0);
}

/** Key of an indicator within a scheme: its registry code (each appears once). */
export function indicatorKey(ind: Pick<SchemeIndicator, 'code'>): string {
  return ind.code;
}

/** The grade of a score out of `max` (the scheme's grades are on the 0..maxTotal scale, so rescale). */
export function gradeOf(s: AssessmentScheme, score: number, max = maxTotal(s)): Grade {
  const scaled = max > 0 ? (score / max) * maxTotal(s) : 0;
  return s.grades.find((g) => scaled >= g.min - 1e-9) ?? s.grades[s.grades.length - 1];
}
