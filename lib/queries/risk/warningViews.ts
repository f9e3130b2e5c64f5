// Stored warnings as the page shows them: JSON columns parsed, rule names, threshold lines of the rule
// version that raised them. Shared by the list and the overview widget; no formulas here.
import { getRule, isRuleCode, withDefaults } from '../../risk/rules';
import type { InputFigure, Severity, ThresholdLine, WarningStatus } from '../../risk/types';
import type { HandleAction } from '../../risk/workflow';

export interface TrendPoint { period: number; value: number; severity: Severity | null }

export interface WarningEventView {
  id: number;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  note: string;
  actor: string;
  at: string;
}

export interface WarningView {
  id: number;
  ruleCode: string;
  ruleName: string;
  ruleVersion: number;
  autoClose: boolean;
  subjectLabel: string;
  regionCode: string;
  regionName: string;
  schemeCode: string | null;
  institutionCode: string | null;
  firstPeriod: number;
  lastPeriod: number;
  clearedPeriod: number | null;
  severity: Severity;
  peakSeverity: Severity;
  /** month of value/threshold/inputs */
  valuePeriod: number;
  value: number;
  threshold: number | null;
  unit: string;
  detail: string;
  inputs: InputFigure[];
  trend: TrendPoint[];
  lines: ThresholdLine[];
  currentPeriod: number;
  currentValue: number | null;
  status: WarningStatus;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  events: WarningEventView[];
  /** what the viewer may do with it (empty when it is not theirs to answer) */
  actions: HandleAction[];
}

export function parseJson<T>(raw: string, fallback: T): T {
  try {
    return JSON.parse(raw) as T;
  } catch {
    return fallback;
  }
}

export function ruleNameOf(code: string): string {
  return isRuleCode(code) ? getRule(code).name : code;
}

/** Threshold lines of a rule at a stored version's parameters. */
export function linesOf(code: string, storedParams: string | null): ThresholdLine[] {
  if (!isRuleCode(code)) return [];
  const rule = getRule(code);
  return rule.lines(withDefaults(rule, storedParams ? parseJson<Record<string, unknown> | null>(storedParams, null) : null));
}
