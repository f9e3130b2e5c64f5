// Fund-level rules (each fund: the city pool, and a county while it still pooled on its own):
// months of reserve, current deficit, expense growth outrunning income growth. 《关于实施基本医疗保险和生育保险市级统筹的意见（征求意见稿）》四（二）:
// 加强基金运行动态监测，建立基金运行风险预警机制.
import { periodYear, previousYearPeriod, trailing12, ytdSum } from '../../indicators/compute';
import { indicators } from '../../indicators/registry';
import { classify, EPISODE_PARAMS, fmt, funds, monthsOf, point, ppSize, type SeverityBand } from './common';
import type { Point, RuleDef, RuleParams, SubjectSeries } from '../types';

// ───────────── 累计结余可支付月数 ─────────────

/** A month missing inside a balance series (after its first month): missing data, not a balance of 0. */
function gap(series: Map<number, number>, period: number): boolean {
  if (series.size === 0 || series.has(period)) return false;
  let first = Infinity;
  for (const p of series.keys()) if (p < first) first = p;
  return period > first;
}

export interface ReserveParams extends RuleParams { severeBelow: number; warnBelow: number; excessAtLeast: number }

export function reserveBands(p: ReserveParams): SeverityBand[] {
  return [
    { max: p.severeBelow, status: 'bad', label: '严重不足', severity: 'SEVERE', threshold: p.severeBelow },
    { max: p.warnBelow, status: 'warn', label: '不足', severity: 'WARNING', threshold: p.warnBelow },
    { min: p.excessAtLeast, status: 'warn', label: '过多', severity: 'NOTICE', threshold: p.excessAtLeast },
    { status: 'good', label: '合理', severity: null, threshold: null },
  ];
}

export const reserveMonthsRule: RuleDef<ReserveParams> = {
  code: 'reserve_months',
  name: '累计结余可支付月数',
  watches: '每个统筹基金（市级统筹基金含各县原统筹地区结余；统筹前的县级基金）的累计结余可支付月数：过低有支付风险，过高偏离“略有结余”。',
  level: 'fund',
  indicators: ['months_of_reserve', 'accumulated_balance'],
  policyRef: indicators.months_of_reserve.policyRef,
  note: '按月评估。居民医保个人缴费集中在一季度，可支付月数一季度季节性回升、年末偏低，故默认连续6个月回到阈值以内才解除，避免同一问题反复开关。',
  autoClose: true,
  params: [
    { key: 'severeBelow', label: '严重不足：低于', unit: 'months', min: 0, max: 24, step: 0.5 },
    { key: 'warnBelow', label: '不足：低于', unit: 'months', min: 0, max: 24, step: 0.5 },
    { key: 'excessAtLeast', label: '过多：不低于', unit: 'months', min: 1, max: 60, step: 0.5 },
    ...EPISODE_PARAMS,
  ],
  defaults: { severeBelow: 3, warnBelow: 6, excessAtLeast: 15, minMonths: 1, clearMonths: 6 },
  validate: (p) => {
    const e: string[] = [];
    if (!(p.severeBelow < p.warnBelow)) e.push('“严重不足”阈值应低于“不足”阈值');
    if (!(p.warnBelow < p.excessAtLeast)) e.push('“不足”阈值应低于“过多”阈值');
    return e;
  },
  bands: (p) => [
    { severity: 'SEVERE', text: `低于${fmt(p.severeBelow, 'months')}（严重不足）` },
    { severity: 'WARNING', text: `低于${fmt(p.warnBelow, 'months')}（不足）` },
    { severity: 'NOTICE', text: `${fmt(p.excessAtLeast, 'months')}及以上（过多）` },
  ],
  lines: (p) => [
    { value: p.severeBelow, severity: 'SEVERE', label: '严重不足' },
    { value: p.warnBelow, severity: 'WARNING', label: '不足' },
    { value: p.excessAtLeast, severity: 'NOTICE', label: '过多' },
  ],
  evaluate(data, p) {
    const bands = reserveBands(p);
    return funds(data).map((f): SubjectSeries => {
      const points: Point[] = [];
      for (const period of monthsOf(f.balance)) {
        const t12 = trailing12(f.expense, period);
        // A missing balance part is missing, not 0 (issue 12 §6): the month is not evaluated (episodes.ts
        // neither extends nor clears a warning on it) instead of reading as 严重不足.
        if (f.cityPool && (gap(f.cityPool, period) || (f.other && gap(f.other, period)))) continue;
        const acc = f.cityPool
          ? indicators.accumulated_balance.compute({ cityPool: f.cityPool.get(period) ?? 0, legacyBalances: f.other?.get(period) ?? 0 })
          : f.balance.get(period)!;
        const v = indicators.months_of_reserve.compute({ accumulatedBalance: acc, trailing12Expense: t12 });
        if (v === null) continue;
        const b = classify(bands, v);
        points.push(point(period, v, b, () => [ `累计结余可支付${fmt(v, 'months')}${b?.severity ? `，${b.label}（阈值${fmt(b.threshold, 'months')}）` : '，在合理区间'}`, [
          ...(f.cityPool
            ? [
                { label: '市级统筹基金结余', value: f.cityPool.get(period) ?? 0, unit: 'yuan' as const },
                { label: '原统筹地区及未统筹县结余', value: f.other?.get(period) ?? 0, unit: 'yuan' as const },
              ]
            : []),
          { label: indicators.accumulated_balance.name, value: acc, unit: 'yuan' },
          { label: '近12个月基金支出', value: t12, unit: 'yuan' },
          { label: indicators.months_of_reserve.name, value: v, unit: 'months' },
        ]]));
      }
      return { key: f.key, regionCode: f.regionCode, schemeCode: f.schemeCode, label: f.label, unit: 'months', points };
    });
  },
};

// ───────────── 当期赤字 ─────────────

export interface DeficitParams extends RuleParams { severeRate: number }

export function deficitBands(p: DeficitParams): SeverityBand[] {
  return [
    { max: -p.severeRate, status: 'bad', label: '赤字较大', severity: 'SEVERE', threshold: -p.severeRate },
    { max: 0, status: 'warn', label: '当期赤字', severity: 'WARNING', threshold: 0 },
    { status: 'good', label: '收支平衡或结余', severity: null, threshold: 0 },
  ];
}

/**
 * 当期赤字, in two windows: the 12 months ending each month (a month's own balance says little: resident
 * premiums are collected in the first quarter and fiscal subsidies arrive quarterly) and year to date.
 */
export const currentDeficitRule: RuleDef<DeficitParams> = {
  code: 'current_deficit',
  name: '当期赤字',
  watches: '每个统筹基金每月的当期收支：按月滚动（截至当月的近12个月）和年初至今两个口径，基金支出超过收入即当期赤字。',
  level: 'fund',
  indicators: ['current_balance', 'current_balance_rate'],
  policyRef: indicators.current_balance_rate.policyRef,
  note: '单月收支受征缴时点影响大（居民医保个人缴费集中在1—3月，财政补助按季拨付），单月赤字不作为预警依据，“月度”口径取截至当月的近12个月。',
  autoClose: true,
  params: [
    { key: 'severeRate', label: '严重：赤字超过收入的', unit: 'ratio', min: 0, max: 1, step: 0.01 },
    ...EPISODE_PARAMS,
  ],
  defaults: { severeRate: 0.05, minMonths: 2, clearMonths: 3 },
  validate: (p) => (p.severeRate > 0 ? [] : ['严重赤字比例应大于0']),
  bands: (p) => [
    { severity: 'SEVERE', text: `当期赤字超过收入的${fmt(p.severeRate, 'ratio')}` },
    { severity: 'WARNING', text: '当期收不抵支（当期结余率低于0）' },
  ],
  lines: (p) => [
    { value: 0, severity: 'WARNING', label: '收支平衡' },
    { value: -p.severeRate, severity: 'SEVERE', label: '严重' },
  ],
  evaluate(data, p) {
    const bands = deficitBands(p);
    const out: SubjectSeries[] = [];
    for (const f of funds(data)) {
      const rolling: Point[] = [];
      const ytd: Point[] = [];
      for (const period of monthsOf(f.balance)) {
        for (const [window, list] of [['t12', rolling], ['ytd', ytd]] as const) {
          const income = window === 't12' ? trailing12(f.income, period) : ytdSum(f.income, period);
          const expense = window === 't12' ? trailing12(f.expense, period) : ytdSum(f.expense, period);
          const rate = indicators.current_balance_rate.compute({ income, expense });
          if (rate === null) continue;
          const balance = indicators.current_balance.compute({ income, expense });
          const b = classify(bands, rate);
          const span = window === 't12' ? '近12个月' : `${periodYear(period)}年1—${period % 100}月`;
          list.push(point(period, rate, b, () => [ `${span}基金收入${fmt(income, 'yuan')}、支出${fmt(expense, 'yuan')}，当期结余${fmt(balance, 'yuan')}（结余率${fmt(rate, 'ratio')}）`, [
            { label: `${span}基金收入`, value: income, unit: 'yuan' },
            { label: `${span}基金支出`, value: expense, unit: 'yuan' },
            { label: indicators.current_balance.name, value: balance, unit: 'yuan' },
            { label: indicators.current_balance_rate.name, value: rate, unit: 'ratio' },
          ]]));
        }
      }
      out.push({ key: `${f.key}|t12`, regionCode: f.regionCode, schemeCode: f.schemeCode, label: `${f.label} · 近12个月`, unit: 'ratio', points: rolling });
      out.push({ key: `${f.key}|ytd`, regionCode: f.regionCode, schemeCode: f.schemeCode, label: `${f.label} · 年初至今`, unit: 'ratio', points: ytd });
    }
    return out;
  },
};

// ───────────── 支出增速快于收入增速 ─────────────

export interface GrowthGapParams extends RuleParams { warnGap: number; severeGap: number }

export function growthGapBands(p: GrowthGapParams): SeverityBand[] {
  return [
    { min: p.severeGap, status: 'bad', label: '支出增长明显快于收入', severity: 'SEVERE', threshold: p.severeGap },
    { min: p.warnGap, status: 'warn', label: '支出增长快于收入', severity: 'WARNING', threshold: p.warnGap },
    { status: 'good', label: '正常', severity: null, threshold: p.warnGap },
  ];
}

export const growthGapRule: RuleDef<GrowthGapParams> = {
  code: 'growth_gap',
  name: '支出增速快于收入增速',
  watches: '每个统筹基金近12个月基金支出增速与收入增速之差（均为滚动12个月同比）；持续为正说明收支缺口在扩大。',
  level: 'fund',
  indicators: ['expense_income_growth_gap', 'expense_growth_rate', 'income_growth_rate'],
  policyRef: indicators.expense_income_growth_gap.policyRef,
  autoClose: true,
  params: [
    { key: 'warnGap', label: '警示：增速差不低于', unit: 'pp', min: 0, max: 1, step: 0.005 },
    { key: 'severeGap', label: '严重：增速差不低于', unit: 'pp', min: 0, max: 1, step: 0.005 },
    ...EPISODE_PARAMS,
  ],
  defaults: { warnGap: 0.02, severeGap: 0.05, minMonths: 1, clearMonths: 3 },
  validate: (p) => (p.warnGap < p.severeGap ? [] : ['“警示”增速差应小于“严重”增速差']),
  bands: (p) => [
    { severity: 'SEVERE', text: `支出增速高出收入增速${ppSize(p.severeGap)}及以上` },
    { severity: 'WARNING', text: `支出增速高出收入增速${ppSize(p.warnGap)}及以上` },
  ],
  lines: (p) => [
    { value: p.warnGap, severity: 'WARNING', label: '警示' },
    { value: p.severeGap, severity: 'SEVERE', label: '严重' },
  ],
  evaluate(data, p) {
    const bands = growthGapBands(p);
    return funds(data).map((f): SubjectSeries => {
      const points: Point[] = [];
      for (const period of monthsOf(f.balance)) {
        const inc = trailing12(f.income, period);
        const incPrev = trailing12(f.income, previousYearPeriod(period));
        const exp = trailing12(f.expense, period);
        const expPrev = trailing12(f.expense, previousYearPeriod(period));
        const incomeGrowth = indicators.income_growth_rate.compute({ trailing12Income: inc, trailing12IncomeLastYear: incPrev });
        const expenseGrowth = indicators.expense_growth_rate.compute({ trailing12Expense: exp, trailing12ExpenseLastYear: expPrev });
        const gap = indicators.expense_income_growth_gap.compute({ expenseGrowth, incomeGrowth });
        if (gap === null) continue;
        const b = classify(bands, gap);
        points.push(point(period, gap, b, () => [ `近12个月支出增长${fmt(expenseGrowth, 'ratio')}，收入增长${fmt(incomeGrowth, 'ratio')}，增速差${fmt(gap, 'pp')}`, [
          { label: '近12个月基金收入', value: inc, unit: 'yuan' },
          { label: '上年同期近12个月基金收入', value: incPrev, unit: 'yuan' },
          { label: '近12个月基金支出', value: exp, unit: 'yuan' },
          { label: '上年同期近12个月基金支出', value: expPrev, unit: 'yuan' },
          { label: indicators.income_growth_rate.name, value: incomeGrowth, unit: 'ratio' },
          { label: indicators.expense_growth_rate.name, value: expenseGrowth, unit: 'ratio' },
          { label: indicators.expense_income_growth_gap.name, value: gap, unit: 'pp' },
        ]]));
      }
      return { key: f.key, regionCode: f.regionCode, schemeCode: f.schemeCode, label: f.label, unit: 'pp', points };
    });
  },
};
