// The indicator registry: every indicator of the product, keyed by code. Pages, risk rules and the
// county assessment read definitions and formulas from here and never re-implement them.

import { keyByCode } from './define';
import { annualIndicators } from './defs/annual';
import { budgetIndicators } from './defs/budget';
import { benefitIndicators } from './defs/benefit';
import { collectionIndicators } from './defs/collection';
import { remittanceIndicators } from './defs/remittance';
import { riskIndicators } from './defs/risk';
import { supervisionIndicators } from './defs/supervision';
import { tieredCareIndicators } from './defs/tieredCare';
import type { IndicatorArea, IndicatorDef } from './types';

/** All indicators keyed by code; `indicators.coverage_rate.compute({ enrolled, shouldEnroll })` is type-checked. */
export const indicators = keyByCode([
  ...collectionIndicators,
  ...budgetIndicators,
  ...riskIndicators,
  ...tieredCareIndicators,
  ...benefitIndicators,
  ...supervisionIndicators,
  ...remittanceIndicators,
  ...annualIndicators,
]);

export type Indicators = typeof indicators;
export type IndicatorCode = keyof Indicators;

/** Areas in display order, with their Chinese names (assessment areas of 市级统筹意见（征求意见稿）五(二), plus 风险 and 分级诊疗). */
export const AREA_LABELS: Readonly<Record<IndicatorArea, string>> = {
  collection: '扩面征缴',
  budget: '基金预算管理',
  risk: '基金运行风险',
  tiered_care: '分级诊疗',
  benefit: '待遇支付',
  supervision: '定点管理',
  remittance: '基金统收统支',
};

export const AREAS = Object.keys(AREA_LABELS) as IndicatorArea[];

/** Codes in registry order. */
export const INDICATOR_CODES = Object.keys(indicators) as IndicatorCode[];

export function isIndicatorCode(code: string): code is IndicatorCode {
  return Object.prototype.hasOwnProperty.call(indicators, code);
}

/** The definition for a code; throws for an unknown code. */
export function getIndicator<K extends IndicatorCode>(code: K): Indicators[K];
export function getIndicator(code: string): IndicatorDef;
export function getIndicator(code: string): IndicatorDef {
  if (!isIndicatorCode(code)) {
    throw new Error(`未知指标代码 "${code}"（unknown indicator code）。可用代码见 lib/indicators/registry.ts`);
  }
  return indicators[code];
}

/** All indicators in registry order, or those of one area. */
export function listIndicators(area?: IndicatorArea): IndicatorDef[] {
  const all = Object.values(indicators) as IndicatorDef[];
  return area ? all.filter((d) => d.area === area) : all;
}
