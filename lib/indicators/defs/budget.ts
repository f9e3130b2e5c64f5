// 基金预算管理 (seed 001 §三(三): 市级统一编制预算，下达各县年度收支计划；严格按批准的预算执行).

import { executionDeviation, isNum, safeDiff, safeRatio, safeSum, timeProgress as progressOf } from '../compute';
import { defineIndicator } from '../define';
import type { MaybeNumber } from '../types';

type ExecutionInputs = { ytdActual: MaybeNumber; annualPlan: MaybeNumber };
type DeviationInputs = ExecutionInputs & {
  /** as-of period YYYYMM (or a bare month 1..12) */
  asOfMonth: MaybeNumber;
  /** optional seasonal expected progress (compute.seasonalProgress); replaces 序时进度 when given */
  expectedProgress?: MaybeNumber;
};

function deviation(i: DeviationInputs): number | null {
  if (isNum(i.expectedProgress)) return safeDiff(safeRatio(i.ytdActual, i.annualPlan), i.expectedProgress);
  return executionDeviation(i.ytdActual, i.annualPlan, i.asOfMonth);
}

const PLAN_SOURCE = 'BudgetLine.amount（当年最新批准版本）';

export const incomeExecutionRate = defineIndicator({
  code: 'income_execution_rate',
  name: '收入预算执行率',
  area: 'budget',
  definition: '年初至今基金收入实际数占年度收入预算（最新批准版本，含调整方案）的比例。',
  formula: '年初至今实际收入 ÷ 年度收入预算',
  numerator: '年初至今实际收入',
  denominator: '年度收入预算（最新批准版本）',
  unit: 'ratio',
  polarity: 'higher_better',
  sources: ['LedgerFact.amount[收入项目]', PLAN_SOURCE + '[收入项目]'],
  policyRef: 'seed 001 §三(三): 严格按照批准的预算和规定的程序执行，不得随意调整',
  note: '年内执行率须与序时进度比较才有意义，状态见收入执行偏差。',
  compute: (i: ExecutionInputs) => safeRatio(i.ytdActual, i.annualPlan),
});

export const expenseExecutionRate = defineIndicator({
  code: 'expense_execution_rate',
  name: '支出预算执行率',
  area: 'budget',
  definition: '年初至今基金支出实际数占年度支出预算（最新批准版本，含调整方案）的比例。',
  formula: '年初至今实际支出 ÷ 年度支出预算',
  numerator: '年初至今实际支出',
  denominator: '年度支出预算（最新批准版本）',
  unit: 'ratio',
  polarity: 'band',
  sources: ['LedgerFact.amount[支出项目]', PLAN_SOURCE + '[支出项目]'],
  policyRef: 'seed 001 §三(三): 严格按照批准的预算和规定的程序执行，不得随意调整',
  note: '年内执行率须与序时进度比较才有意义，状态见支出执行偏差。',
  compute: (i: ExecutionInputs) => safeRatio(i.ytdActual, i.annualPlan),
});

export const timeProgress = defineIndicator({
  code: 'time_progress',
  name: '序时进度',
  area: 'budget',
  definition: '预算年度内已过月数占全年12个月的比例，用作预算执行的参照。',
  formula: '已过月数 ÷ 12',
  numerator: '已过月数（截至统计月）',
  denominator: '12',
  unit: 'ratio',
  polarity: 'band',
  sources: ['LedgerFact.period（统计月）'],
  compute: (i: { asOfMonth: MaybeNumber }) => progressOf(i.asOfMonth),
});

export const incomeExecutionDeviation = defineIndicator({
  code: 'income_execution_deviation',
  name: '收入预算执行偏差',
  area: 'budget',
  definition: '收入预算执行率与序时进度之差；为负表示收入进度滞后，滞后过多预示收入缺口。',
  formula: '收入预算执行率 − 序时进度',
  unit: 'pp',
  polarity: 'band',
  bands: [
    { max: -0.05, status: 'bad', label: '严重滞后' },
    { max: -0.03, status: 'warn', label: '滞后' },
    { status: 'good', label: '正常' },
  ],
  sources: ['LedgerFact.amount[收入项目]', PLAN_SOURCE + '[收入项目]', 'LedgerFact.period（统计月）'],
  policyRef: 'DESIGN §4: 执行偏差 = 执行率 − 序时进度（或历史季节性进度）',
  note: '−3/−5个百分点分界为平台默认值，可配置；可传入 expectedProgress 以历史季节性进度代替序时进度。',
  compute: deviation,
});

export const expenseExecutionDeviation = defineIndicator({
  code: 'expense_execution_deviation',
  name: '支出预算执行偏差',
  area: 'budget',
  definition: '支出预算执行率与序时进度之差；为正表示支出快于序时进度，超支过多预示基金缺口。',
  formula: '支出预算执行率 − 序时进度',
  unit: 'pp',
  polarity: 'band',
  bands: [
    { min: 0.05, status: 'bad', label: '严重超序时' },
    { min: 0.03, status: 'warn', label: '超序时' },
    { status: 'good', label: '正常' },
  ],
  sources: ['LedgerFact.amount[支出项目]', PLAN_SOURCE + '[支出项目]', 'LedgerFact.period（统计月）'],
  policyRef: 'DESIGN §4: 执行偏差 = 执行率 − 序时进度（或历史季节性进度）',
  note: '+3/+5个百分点分界为平台默认值，可配置；可传入 expectedProgress 以历史季节性进度代替序时进度。',
  compute: deviation,
});

export const currentBalance = defineIndicator({
  code: 'current_balance',
  name: '当期结余',
  area: 'budget',
  definition: '统计期内基金收入减去基金支出；为负即当期赤字。',
  formula: '基金收入 − 基金支出',
  unit: 'yuan',
  polarity: 'higher_better',
  bands: [
    { max: 0, status: 'bad', label: '当期赤字' },
    { status: 'good', label: '收支平衡或结余' },
  ],
  sources: ['LedgerFact.amount[收入项目]', 'LedgerFact.amount[支出项目]'],
  policyRef: 'seed 001 §三(三): 以收定支、收支平衡、略有结余',
  compute: (i: { income: MaybeNumber; expense: MaybeNumber }) => safeDiff(i.income, i.expense),
});

export const accumulatedBalance = defineIndicator({
  code: 'accumulated_balance',
  name: '累计结余',
  area: 'budget',
  definition: '市级统筹基金财政专户结余与各县（市、区）原统筹地区（2019年末）暂存结余之和。',
  formula: '市级统筹基金结余 + 各县原统筹地区结余',
  unit: 'yuan',
  polarity: 'higher_better',
  bands: [
    { max: 0, status: 'bad', label: '累计赤字' },
    { status: 'good', label: '有结余' },
  ],
  sources: ['BalanceFact.balance[kind=CITY_POOL]', 'BalanceFact.balance[kind=LEGACY]'],
  policyRef: 'seed 001 §三(三): 2019年末累计结余可暂存原统筹地区财政专户，由设区市统一管理和调度使用',
  note: '结余是否充足看累计结余可支付月数。',
  compute: (i: { cityPool: MaybeNumber; legacyBalances: MaybeNumber }) => safeSum(i.cityPool, i.legacyBalances),
});

export const budgetIndicators = [
  incomeExecutionRate,
  expenseExecutionRate,
  timeProgress,
  incomeExecutionDeviation,
  expenseExecutionDeviation,
  currentBalance,
  accumulatedBalance,
] as const;
