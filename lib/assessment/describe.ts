// Scoring rules, requirements and missing-data rules in words, for the evidence sheet, the export and the
// admin page. Values are formatted with the one number formatter in the indicator's unit.
import { formatValue } from '../format';
import type { IndicatorUnit } from '../indicators/types';
import type { Requirement } from './rules';
import type { MissingRule, ScoringRule } from './scheme';

const fmt = (v: number, unit: IndicatorUnit, displayUnit?: string) => formatValue(v, unit, { displayUnit, digits: unit === 'count' && !Number.isInteger(v) ? 1 : undefined });

/** A step of the value in words: 0.01 of a ratio is '1个百分点'; 1 day is '1天'. */
function stepText(per: number, unit: IndicatorUnit, displayUnit?: string): string {
  if (unit === 'ratio' || unit === 'pp') return `${formatValue(per * 100, 'count', { digits: per * 100 < 1 ? 1 : 0 })}个百分点`;
  return fmt(per, unit, displayUnit);
}

const pts = (x: number) => `${formatValue(x, 'count', { digits: Number.isInteger(x) ? 0 : 1 })}分`;

/** e.g. '≤90.0%得0分，≥95.0%得满分，之间线性计分'. */
export function describeRule(rule: ScoringRule, unit: IndicatorUnit, displayUnit?: string): string {
  switch (rule.type) {
    case 'linear': {
      const up = rule.target > rule.floor;
      return `${up ? '≤' : '≥'}${fmt(rule.floor, unit, displayUnit)}得0分，${up ? '≥' : '≤'}${fmt(rule.target, unit, displayUnit)}得满分，之间线性计分`;
    }
    case 'banded':
      return rule.bands
        .map((b) => {
          const range = b.min !== undefined && b.max !== undefined ? `${fmt(b.min, unit, displayUnit)}—${fmt(b.max, unit, displayUnit)}` : b.min !== undefined ? `≥${fmt(b.min, unit, displayUnit)}` : `<${fmt(b.max!, unit, displayUnit)}`;
          return `${range}得${formatValue(b.share, 'ratio', { digits: 0 })}`;
        })
        .join('；');
    case 'deduction': {
      const range = rule.min !== undefined && rule.max !== undefined
        ? `${fmt(rule.min, unit, displayUnit)}至${fmt(rule.max, unit, displayUnit)}之间`
        : rule.min !== undefined ? `≥${fmt(rule.min, unit, displayUnit)}` : `≤${fmt(rule.max!, unit, displayUnit)}`;
      return `${range}得满分，超出部分每${stepText(rule.per, unit, displayUnit)}扣${pts(rule.points)}，扣完为止`;
    }
  }
}

export const MISSING_RULE_TEXT: Record<MissingRule, string> = {
  reweight: '无数据时不计分，权重按比例分配给本领域其他指标',
  zero: '无数据时按未完成处理，得0分',
};

/** e.g. '≥95.0%'. */
export function describeRequirement(r: Requirement, unit: IndicatorUnit, displayUnit?: string): string {
  const op = r.op === 'gte' ? '≥' : r.op === 'lte' ? '≤' : '<';
  const digits = unit === 'ratio' ? 2 : unit === 'count' ? 1 : undefined;
  return `${op}${formatValue(r.value, unit, { displayUnit, digits })}`;
}
