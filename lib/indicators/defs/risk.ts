// 基金运行风险预警 (seed 001 §四(二): 建立基金运行风险预警机制).

import { growthRate, monthsOfReserve as reserveMonths, safeDiff } from '../compute';
import { defineIndicator } from '../define';
import type { MaybeNumber } from '../types';

export const monthsOfReserve = defineIndicator({
  code: 'months_of_reserve',
  name: '累计结余可支付月数',
  area: 'risk',
  definition: '累计结余可支付基金支出的月数，按近12个月月均支出计算，是判断结余是否合理的核心指标。',
  formula: '累计结余 ÷（近12个月基金支出 ÷ 12）',
  numerator: '累计结余',
  denominator: '近12个月月均基金支出',
  unit: 'months',
  polarity: 'band',
  bands: [
    { max: 3, status: 'bad', label: '严重不足' },
    { min: 3, max: 6, status: 'warn', label: '不足' },
    { min: 6, max: 9, status: 'good', label: '合理' },
    { min: 9, max: 15, status: 'good', label: '较多' },
    { min: 15, status: 'warn', label: '过多' },
  ],
  sources: ['BalanceFact.balance[kind=CITY_POOL,LEGACY]', 'LedgerFact.amount[支出项目，近12个月]'],
  policyRef: '人社部发〔2009〕67号及地方实践（DESIGN §4）: 6—9个月为合理，低于6个月不足，低于3个月严重不足，超过15个月过多',
  note:
    '区间下限含、上限不含（6.0个月为合理，15.0个月为过多）。9—15个月（较多）判为 good：不构成支付风险，但偏离“略有结余”，仅标注“较多”；15个月以上判为 warn。阈值可配置。',
  compute: (i: { accumulatedBalance: MaybeNumber; trailing12Expense: MaybeNumber }) =>
    reserveMonths(i.accumulatedBalance, i.trailing12Expense),
});

export const incomeGrowthRate = defineIndicator({
  code: 'income_growth_rate',
  name: '基金收入增速',
  area: 'risk',
  definition: '近12个月基金收入较上一个12个月的增长率（滚动同比）。',
  formula: '近12个月收入 ÷ 上年同期近12个月收入 − 1',
  numerator: '近12个月基金收入',
  denominator: '上年同期近12个月基金收入',
  unit: 'ratio',
  polarity: 'higher_better',
  sources: ['LedgerFact.amount[收入项目，近24个月]'],
  compute: (i: { trailing12Income: MaybeNumber; trailing12IncomeLastYear: MaybeNumber }) =>
    growthRate(i.trailing12Income, i.trailing12IncomeLastYear),
});

export const expenseGrowthRate = defineIndicator({
  code: 'expense_growth_rate',
  name: '基金支出增速',
  area: 'risk',
  definition: '近12个月基金支出较上一个12个月的增长率（滚动同比）。',
  formula: '近12个月支出 ÷ 上年同期近12个月支出 − 1',
  numerator: '近12个月基金支出',
  denominator: '上年同期近12个月基金支出',
  unit: 'ratio',
  polarity: 'lower_better',
  sources: ['LedgerFact.amount[支出项目，近24个月]'],
  compute: (i: { trailing12Expense: MaybeNumber; trailing12ExpenseLastYear: MaybeNumber }) =>
    growthRate(i.trailing12Expense, i.trailing12ExpenseLastYear),
});

export const expenseIncomeGrowthGap = defineIndicator({
  code: 'expense_income_growth_gap',
  name: '支出增速与收入增速之差',
  area: 'risk',
  definition: '基金支出增速减去收入增速（均按近12个月滚动同比）；持续为正说明收支缺口在扩大。',
  formula: '基金支出增速 − 基金收入增速',
  unit: 'pp',
  polarity: 'lower_better',
  bands: [
    { min: 0.05, status: 'bad', label: '支出增长明显快于收入' },
    { min: 0.02, status: 'warn', label: '支出增长快于收入' },
    { status: 'good', label: '正常' },
  ],
  sources: ['LedgerFact.amount[收入项目，近24个月]', 'LedgerFact.amount[支出项目，近24个月]'],
  policyRef: 'DESIGN §4 风险预警: 支出增速 − 收入增速（近12个月）',
  note: '+2/+5个百分点分界为平台默认值（下限含），可配置。',
  compute: (i: { expenseGrowth: MaybeNumber; incomeGrowth: MaybeNumber }) => safeDiff(i.expenseGrowth, i.incomeGrowth),
});

export const riskIndicators = [monthsOfReserve, incomeGrowthRate, expenseGrowthRate, expenseIncomeGrowthGap] as const;
