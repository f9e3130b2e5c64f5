// Indicator registry types. One registry feeds every page, the risk rules and the county assessment
//: pages never re-implement a formula, they look the indicator up here.

/**
 * How a value is stored and shown.
 * - 'ratio'    a fraction 0..1, shown as % with one decimal (0.953 → 95.3%)
 * - 'pp'       a difference of two ratios, shown as percentage points (0.025 → +2.5个百分点)
 * - 'yuan'     an amount in 元 (shown as 元/万元/亿元)
 * - 'yuan_per_person' 元 per insured person or per case
 * - 'months'   months of reserve
 * - 'count'    a count or an average count (e.g. days of delay; see `displayUnit`)
 * - 'multiple' an x : 1 ratio like 1.91
 */
export type IndicatorUnit = 'ratio' | 'yuan' | 'yuan_per_person' | 'months' | 'count' | 'pp' | 'multiple';

/** 'band' = a reasonable range is best (status comes from `bands`); without bands it has no default status. */
export type Polarity = 'higher_better' | 'lower_better' | 'band';

/**
 * collection 扩面征缴, budget 基金预算管理, risk 基金运行风险, tiered_care 分级诊疗,
 * benefit 待遇支付, supervision 定点管理, remittance 基金统收统支 (assessment areas of 市级统筹意见（征求意见稿）五(二)).
 */
export type IndicatorArea = 'collection' | 'budget' | 'risk' | 'tiered_care' | 'benefit' | 'supervision' | 'remittance';

export type Status = 'good' | 'warn' | 'bad' | 'none';

/**
 * A status band. Bounds are half-open: `min <= value < max` (a missing bound is unbounded).
 * Bands are checked in order and the first match wins, e.g. {min:6,max:9,status:'good',label:'合理'}.
 */
export interface Band {
  min?: number;
  max?: number;
  status: Status;
  label: string;
}

/** Values an indicator reads. null/undefined = missing, which makes the indicator null. */
export type MaybeNumber = number | null | undefined;
export type IndicatorInputs = Record<string, MaybeNumber>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface IndicatorDef<I extends Record<string, number | null | undefined> = any> {
  /** snake_case, e.g. 'coverage_rate' */
  code: string;
  /** 中文名, e.g. '参保率' */
  name: string;
  area: IndicatorArea;
  /** one or two Chinese sentences */
  definition: string;
  /** human-readable, e.g. '参保人数 ÷ 应参保人数' */
  formula: string;
  /** Chinese label of the numerator */
  numerator?: string;
  denominator?: string;
  unit: IndicatorUnit;
  polarity: Polarity;
  /** default target (e.g. 0.95); configurable later, so only defaults here */
  target?: number;
  /** default status bands, checked in order; first match wins (see Band for bound semantics) */
  bands?: Band[];
  /** warehouse fact fields it reads, e.g. ['EnrollmentFact.enrolled','EnrollmentFact.shouldEnroll'] */
  sources: string[];
  /** e.g. '益阳市医疗保障局答复: 居民医保参保率稳定在95%以上' */
  policyRef?: string;
  /** where a default threshold comes from when it is not a policy figure (platform default, local practice) */
  note?: string;
  /**
   * Schemes (SchemeCode) the indicator does not apply to, with the reason shown instead of a value: e.g.
   * 基层就诊占比 under 生育保险, which pays no primary-care visits. A page shows such a value as missing
   * with the reason (lib/indicators/status notApplicableReason), never 0 and never a warning.
   */
  notApplicable?: { schemes: readonly string[]; reason: string };
  /** suffix for display when the unit alone does not say it, e.g. '天' for an average delay */
  displayUnit?: string;
  /** null when an input is missing or a denominator is 0 */
  compute: (inputs: I) => number | null;
}

/** The input type of an indicator definition. */
export type InputsOf<D> = D extends IndicatorDef<infer I> ? I : never;
