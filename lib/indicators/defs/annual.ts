// Annual fund figures (年度数据): what a statistical bulletin or a final account reports for a whole year —
// 收入, 支出, 年末累计结余 — for a region of any level (the nation, a province, a city). No months exist for
// these facts, so the monthly indicators (近12个月, 序时进度) do not apply: these are their annual twins.

import { growthRate, isNum, monthsOfReserve as reserveMonths, safeDiff } from '../compute';
import { defineIndicator } from '../define';
import type { MaybeNumber } from '../types';
import { cite } from '../sources';
import { monthsOfReserve } from './risk';

const ANNUAL = 'AnnualFundFact';
const value = (x: MaybeNumber) => (isNum(x) ? x : null);

export const annualFundIncome = defineIndicator({
  code: 'annual_fund_income',
  name: '基金收入（年度）',
  area: 'budget',
  definition: '全年基金收入，按统计公报或年度决算的口径，只有全年数、没有月度数。',
  formula: '全年基金收入（年度数据）',
  unit: 'yuan',
  polarity: 'higher_better',
  sources: [`${ANNUAL}.income`],
  compute: (i: { income: MaybeNumber }) => value(i.income),
});

export const annualFundExpense = defineIndicator({
  code: 'annual_fund_expense',
  name: '基金支出（年度）',
  area: 'budget',
  definition: '全年基金支出，按统计公报或年度决算的口径，只有全年数、没有月度数。',
  formula: '全年基金支出（年度数据）',
  unit: 'yuan',
  polarity: 'band',
  sources: [`${ANNUAL}.expense`],
  compute: (i: { expense: MaybeNumber }) => value(i.expense),
});

export const annualCurrentBalance = defineIndicator({
  code: 'annual_current_balance',
  name: '当期结余（年度）',
  area: 'budget',
  definition: '一年内基金收支相抵后的余额；为负即当年收不抵支（当期赤字）。',
  formula: '全年基金收入 − 全年基金支出',
  unit: 'yuan',
  polarity: 'higher_better',
  bands: [
    { max: 0, status: 'bad', label: '当期赤字' },
    { status: 'good', label: '收支平衡或结余' },
  ],
  sources: [`${ANNUAL}.income`, `${ANNUAL}.expense`],
  policyRef: cite('pooling-opinion', '三(三)', '以收定支、收支平衡、略有结余'),
  compute: (i: { income: MaybeNumber; expense: MaybeNumber }) => safeDiff(i.income, i.expense),
});

export const annualIncomeGrowth = defineIndicator({
  code: 'annual_income_growth',
  name: '基金收入增长率（年度）',
  area: 'budget',
  definition: '全年基金收入比上年增长的百分比；上年没有数据时为无数据。',
  formula: '本年基金收入 ÷ 上年基金收入 − 1',
  numerator: '本年基金收入',
  denominator: '上年基金收入',
  unit: 'ratio',
  polarity: 'higher_better',
  sources: [`${ANNUAL}.income（本年、上年）`],
  compute: (i: { income: MaybeNumber; incomeLastYear: MaybeNumber }) => growthRate(i.income, i.incomeLastYear),
});

export const annualExpenseGrowth = defineIndicator({
  code: 'annual_expense_growth',
  name: '基金支出增长率（年度）',
  area: 'budget',
  definition: '全年基金支出比上年增长的百分比；上年没有数据时为无数据。',
  formula: '本年基金支出 ÷ 上年基金支出 − 1',
  numerator: '本年基金支出',
  denominator: '上年基金支出',
  unit: 'ratio',
  polarity: 'lower_better',
  sources: [`${ANNUAL}.expense（本年、上年）`],
  compute: (i: { expense: MaybeNumber; expenseLastYear: MaybeNumber }) => growthRate(i.expense, i.expenseLastYear),
});

export const annualAccumulatedBalance = defineIndicator({
  code: 'annual_accumulated_balance',
  name: '累计结余（年末）',
  area: 'budget',
  definition: '年末基金累计结余（统计公报称“累计结存”）；来源未公布时为无数据，不按0计。',
  formula: '年末累计结余（年度数据）',
  unit: 'yuan',
  polarity: 'higher_better',
  bands: [
    { max: 0, status: 'bad', label: '累计赤字' },
    { status: 'good', label: '有结余' },
  ],
  sources: [`${ANNUAL}.balance`],
  note: '结余是否充足看累计结余可支付月数（年度）。',
  compute: (i: { balance: MaybeNumber }) => value(i.balance),
});

export const annualMonthsOfReserve = defineIndicator({
  code: 'annual_months_of_reserve',
  name: '累计结余可支付月数（年度）',
  area: 'risk',
  definition: '年末累计结余可支付当年月均基金支出的月数。只有年度数据时，以全年支出代替近12个月支出。',
  formula: '年末累计结余 ÷（全年基金支出 ÷ 12）',
  numerator: '年末累计结余',
  denominator: '当年月均基金支出（全年支出 ÷ 12）',
  unit: 'months',
  polarity: 'band',
  // The same bands as the monthly indicator: one judgement of what is reasonable.
  bands: monthsOfReserve.bands,
  sources: [`${ANNUAL}.balance`, `${ANNUAL}.expense`],
  policyRef: monthsOfReserve.policyRef,
  note: '年末的近12个月支出就是全年支出，故与月度口径的12月末数值一致。',
  compute: (i: { balance: MaybeNumber; expense: MaybeNumber }) => reserveMonths(i.balance, i.expense),
});

export const annualIndicators = [
  annualFundIncome, annualFundExpense, annualCurrentBalance, annualIncomeGrowth, annualExpenseGrowth,
  annualAccumulatedBalance, annualMonthsOfReserve,
] as const;
