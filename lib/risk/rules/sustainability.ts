// 可支付月数不足的概率: the fund-level rule on the stochastic projection (lib/risk/sustainability) instead
// of a point value. 《关于实施基本医疗保险和生育保险市级统筹的意见（征求意见稿）》§四(二): 建立基金运行风险预警机制.
// Each of the last `evalMonths` months of a city-level fund is projected from the data up to that month;
// the warning fires when the probability that 累计结余可支付月数 falls below `belowMonths` within
// `withinMonths` reaches the thresholds.
import { trailing12 } from '../../indicators/compute';
import { indicators } from '../../indicators/registry';
import { probabilityBelow, simulateFund } from '../sustainability';
import { classify, EPISODE_PARAMS, fmt, funds, monthsOf, point, type SeverityBand } from './common';
import type { Point, RuleDef, RuleParams, SubjectSeries } from '../types';

export interface ShortfallParams extends RuleParams {
  severeAt: number;
  warnAt: number;
  belowMonths: number;
  withinMonths: number;
  evalMonths: number;
}

export function shortfallBands(p: ShortfallParams): SeverityBand[] {
  return [
    { min: p.severeAt, status: 'bad', label: '概率高', severity: 'SEVERE', threshold: p.severeAt },
    { min: p.warnAt, status: 'warn', label: '概率较高', severity: 'WARNING', threshold: p.warnAt },
    { status: 'good', label: '概率低', severity: null, threshold: p.warnAt },
  ];
}

/** paths per evaluated month: enough for a probability to ±1.6 points (binomial, p = 0.5) */
const RULE_PATHS = 1000;

export const shortfallProbabilityRule: RuleDef<ShortfallParams> = {
  code: 'reserve_shortfall_probability',
  name: '可支付月数不足的概率',
  watches: '每个市级统筹基金：按随机预测（数千条模拟路径），未来若干个月内累计结余可支付月数低于阈值的概率；概率达到阈值即预警。',
  level: 'fund',
  indicators: ['months_of_reserve', 'accumulated_balance'],
  policyRef: indicators.months_of_reserve.policyRef,
  note: `每月以截至当月的数据重新预测（${RULE_PATHS}条路径，固定随机种子，可复现）；只评估最近若干个月，需连续至少36个月收支数据。`,
  autoClose: true,
  params: [
    { key: 'severeAt', label: '严重：概率不低于', unit: 'ratio', min: 0.01, max: 1, step: 0.05 },
    { key: 'warnAt', label: '警示：概率不低于', unit: 'ratio', min: 0.01, max: 1, step: 0.05 },
    { key: 'belowMonths', label: '可支付月数低于', unit: 'months', min: 0.5, max: 24, step: 0.5 },
    { key: 'withinMonths', label: '预测期（月）', unit: 'count', min: 1, max: 60, step: 1, integer: true },
    { key: 'evalMonths', label: '评估最近几个月', unit: 'count', min: 1, max: 24, step: 1, integer: true },
    ...EPISODE_PARAMS,
  ],
  defaults: { severeAt: 0.5, warnAt: 0.2, belowMonths: 3, withinMonths: 12, evalMonths: 6, minMonths: 1, clearMonths: 2 },
  validate: (p) => (p.warnAt < p.severeAt ? [] : ['“警示”概率阈值应低于“严重”概率阈值']),
  bands: (p) => [
    { severity: 'SEVERE', text: `${p.withinMonths}个月内可支付月数低于${fmt(p.belowMonths, 'months')}的概率不低于${fmt(p.severeAt, 'ratio')}` },
    { severity: 'WARNING', text: `概率不低于${fmt(p.warnAt, 'ratio')}` },
  ],
  lines: (p) => [
    { value: p.severeAt, severity: 'SEVERE', label: '严重' },
    { value: p.warnAt, severity: 'WARNING', label: '警示' },
  ],
  evaluate(data, p) {
    const bands = shortfallBands(p);
    return funds(data).filter((f) => f.cityPool).map((f): SubjectSeries => {
      const points: Point[] = [];
      const acc = new Map<number, number>();
      for (const period of monthsOf(f.balance)) {
        const v = indicators.accumulated_balance.compute({ cityPool: f.cityPool!.get(period) ?? 0, legacyBalances: f.other?.get(period) ?? 0 });
        if (v !== null) acc.set(period, v);
      }
      for (const period of monthsOf(f.balance).slice(-p.evalMonths)) {
        let sim;
        try {
          sim = simulateFund({ income: f.income, expense: f.expense, balance: acc }, period, { paths: RULE_PATHS, horizon: Math.max(12, p.withinMonths) });
        } catch {
          continue; // under 36 months of data: cannot be evaluated this month
        }
        if (!sim) continue;
        const prob = probabilityBelow(sim, p.belowMonths, p.withinMonths);
        const b = classify(bands, prob);
        const now = indicators.months_of_reserve.compute({ accumulatedBalance: acc.get(period), trailing12Expense: trailing12(f.expense, period) });
        points.push(point(period, prob, b, () => [
          `未来${p.withinMonths}个月内可支付月数低于${fmt(p.belowMonths, 'months')}的概率为${fmt(prob, 'ratio')}${b?.severity ? `，${b.label}（阈值${fmt(b.threshold, 'ratio')}）` : ''}`,
          [
            { label: indicators.accumulated_balance.name, value: acc.get(period) ?? null, unit: 'yuan' },
            { label: `当月${indicators.months_of_reserve.name}`, value: now, unit: 'months' },
            { label: '模拟路径数', value: RULE_PATHS, unit: 'count' },
            { label: '概率', value: prob, unit: 'ratio' },
          ],
        ]));
      }
      return { key: f.key, regionCode: f.regionCode, schemeCode: f.schemeCode, label: f.label, unit: 'ratio', points };
    });
  },
};
