// One cell of the public report's tables and its on-screen text. Kept apart from view.ts (which needs the
// indicator registry) so the page's client-rendered figures can use it without shipping the registry.
import { formatValue, type YuanScale } from '../format';
import type { IndicatorUnit } from '../indicators/types';
import { hiddenText, type CellState, type SuppressionRule } from './suppress';

/** One numeric cell: value (null = missing), its suppression state, and whether a rate is unstable. */
export interface OpenCell {
  v: number | null;
  s: CellState;
  u?: boolean;
}

/** On-screen text of a cell (hidden and missing cells read as 「<10」「隐去」「无数据」). */
export function cellText(c: OpenCell | undefined, unit: IndicatorUnit, rule: SuppressionRule, scale?: Exclude<YuanScale, 'auto'>): string {
  if (!c) return '无数据';
  const hidden = hiddenText(c.s, rule);
  if (hidden !== null) return hidden;
  const text = formatValue(c.v, unit, unit === 'yuan' && scale ? { scale } : {});
  return c.u ? `${text}（不稳定）` : text;
}
