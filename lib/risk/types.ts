// Types of the fund-risk early-warning mechanism (市级统筹意见（征求意见稿）四(二): 建立基金运行风险预警机制).
// A rule turns warehouse facts into a monthly series per subject (a fund, a county, an institution);
// runs of months where the condition holds become warnings (lib/risk/episodes.ts), which people then
// handle: 新发 → 已核实 → 已处置, or 误报 (lib/risk/workflow.ts).
import type { IndicatorCode } from '../indicators/registry';
import type { IndicatorUnit } from '../indicators/types';

/** 严重 > 警示 > 提示. */
export type Severity = 'SEVERE' | 'WARNING' | 'NOTICE';

export const SEVERITIES: readonly { code: Severity; name: string; rank: number }[] = [
  { code: 'SEVERE', name: '严重', rank: 3 },
  { code: 'WARNING', name: '警示', rank: 2 },
  { code: 'NOTICE', name: '提示', rank: 1 },
];
export const SEVERITY_CODES: Severity[] = SEVERITIES.map((s) => s.code);
export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = { SEVERE: '严重', WARNING: '警示', NOTICE: '提示' };

export function severityRank(s: Severity | null | undefined): number {
  return s ? (SEVERITIES.find((x) => x.code === s)?.rank ?? 0) : 0;
}
export function maxSeverity(a: Severity | null, b: Severity | null): Severity | null {
  return severityRank(a) >= severityRank(b) ? a : b;
}
export function isSeverity(s: unknown): s is Severity {
  return typeof s === 'string' && (SEVERITY_CODES as string[]).includes(s);
}

/**
 * NEW 新发 → VERIFIED 已核实 → DISPOSED 已处置, or FALSE_POSITIVE 误报. CLOSED 已解除: closed by the
 * system because the condition cleared (or no longer holds under the rule's current thresholds).
 */
export type WarningStatus = 'NEW' | 'VERIFIED' | 'DISPOSED' | 'FALSE_POSITIVE' | 'CLOSED';
export const WARNING_STATUSES: readonly { code: WarningStatus; name: string; open: boolean }[] = [
  { code: 'NEW', name: '新发', open: true },
  { code: 'VERIFIED', name: '已核实', open: true },
  { code: 'DISPOSED', name: '已处置', open: false },
  { code: 'FALSE_POSITIVE', name: '误报', open: false },
  { code: 'CLOSED', name: '已解除', open: false },
];
export const STATUS_LABELS: Readonly<Record<WarningStatus, string>> = {
  NEW: '新发', VERIFIED: '已核实', DISPOSED: '已处置', FALSE_POSITIVE: '误报', CLOSED: '已解除',
};
export const OPEN_STATUSES: WarningStatus[] = ['NEW', 'VERIFIED'];
export function isOpenStatus(s: string): boolean {
  return s === 'NEW' || s === 'VERIFIED';
}

/** What a handling-history entry records. */
export type EventAction =
  | 'RAISED' // the system raised the warning
  | 'ESCALATED' // severity rose
  | 'CLEARED' // the condition cleared (rules whose warnings stay open until a person handles them)
  | 'AUTO_CLOSE' // the system closed it: the condition cleared, or no longer holds
  | 'REOPEN' // the condition came back within the same episode
  | 'VERIFY' | 'DISPOSE' | 'FALSE_POSITIVE' | 'NOTE'; // people
export const EVENT_LABELS: Readonly<Record<EventAction, string>> = {
  RAISED: '系统发出预警', ESCALATED: '严重程度上升', CLEARED: '指标恢复正常', AUTO_CLOSE: '系统自动解除', REOPEN: '重新打开',
  VERIFY: '核实', DISPOSE: '处置', FALSE_POSITIVE: '标记误报', NOTE: '补充说明',
};

/** A figure a warning was computed from, labelled for the page ("the numbers behind it"). */
export interface InputFigure {
  label: string;
  value: number | string | null;
  /** how to show a number; 'period' = YYYYMM, 'text' = as is */
  unit?: IndicatorUnit | 'period' | 'text';
  /** decimals when the unit's default does not fit (a z-score, an index) */
  digits?: number;
}

/** One evaluated month of one subject. */
export interface Point {
  period: number;
  /** the measure the rule watches (in `SubjectSeries.unit`) */
  value: number;
  /** null when the condition does not hold this month */
  severity: Severity | null;
  /** the threshold crossed (or, when clear, the nearest one), in the subject's unit */
  threshold: number | null;
  /** one Chinese sentence: what was found */
  detail: string;
  inputs: InputFigure[];
}

/** Who/what a series is about. Months a rule cannot evaluate (missing data) are simply absent. */
export interface SubjectSeries {
  /** stable identity within the rule, e.g. '439900|RESIDENT' or an institution code */
  key: string;
  /** the region that answers the warning: a county, or the city for city-level funds */
  regionCode: string;
  /** null when the subject is not one scheme (an institution) */
  schemeCode: string | null;
  institutionCode?: string | null;
  /** e.g. '江临市 · 城乡居民医保' */
  label: string;
  unit: IndicatorUnit;
  points: Point[];
}

/** A configurable number of a rule (a threshold, a window). */
export interface ParamSpec {
  key: string;
  label: string;
  unit: IndicatorUnit;
  min?: number;
  max?: number;
  /** step for the admin form, in stored units */
  step?: number;
  integer?: boolean;
  help?: string;
}

/** Parameters every rule has: how many months raise a warning and how many clear it. */
export interface EpisodeParams {
  /** consecutive months the condition must hold before a warning is raised */
  minMonths: number;
  /** consecutive months the condition must be absent before the warning counts as cleared */
  clearMonths: number;
}

export type RuleParams = EpisodeParams & Record<string, number>;

/** A threshold line on a rule's small trend chart. */
export interface ThresholdLine {
  value: number;
  severity: Severity;
  label: string;
}

export interface RuleDef<P extends RuleParams = RuleParams> {
  /** snake_case, stored on each warning */
  code: string;
  /** 中文名 */
  name: string;
  /** what it watches, one or two Chinese sentences */
  watches: string;
  /** fund: each fund (the city pool, a county still pooling on its own); county; institution */
  level: 'fund' | 'county' | 'institution';
  /** the registry indicators the rule reads (never its own formula) */
  indicators: IndicatorCode[];
  policyRef?: string;
  note?: string;
  /**
   * Whether a warning closes itself when the condition clears. Fraud clues (institution rules) do not:
   * costs falling back does not mean what happened was looked into (医保函〔2023〕73号 四: 数据筛查发现线索).
   */
  autoClose: boolean;
  params: ParamSpec[];
  defaults: P;
  /** cross-field checks (e.g. the severe threshold below the warning threshold); Chinese messages */
  validate(p: P): string[];
  /** one line per severity band for the rule table, e.g. {SEVERE, '低于3个月'} */
  bands(p: P): { severity: Severity; text: string }[];
  /** threshold lines for the trend chart */
  lines(p: P): ThresholdLine[];
  evaluate(data: import('./data').RiskData, p: P): SubjectSeries[];
}

/** The handling steps a user can take on a warning (lib/risk/workflow applies them). */
export const HANDLE_ACTIONS = ['VERIFY', 'DISPOSE', 'FALSE_POSITIVE', 'NOTE'] as const;
export type HandleAction = (typeof HANDLE_ACTIONS)[number];
export const HANDLE_ACTION_LABELS: Readonly<Record<HandleAction, string>> = {
  VERIFY: '核实', DISPOSE: '处置', FALSE_POSITIVE: '标记误报', NOTE: '补充说明',
};
