// 基金预算管理 (市级统筹意见（征求意见稿）三(三): 市级统一编制预算，下达各县年度收支计划；严格按批准的预算执行).

import { executionDeviation, isNum, safeDiff, safeRatio, safeSum, timeProgress as progressOf } from '../compute';
import { defineIndicator } from '../define';
import type { MaybeNumber } from '../types';
import { cite, platformMethod } from '../sources';

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
  definition: '年初至今预算口径基金收入占年度收入预算（最新批准版本，含调整方案）的比例。预算口径：只计收入预算已编列的地区和险种的实际收入（未编入预算的市级财政专户利息等不计入），分子分母同口径。',
  formula: '年初至今预算口径收入 ÷ 年度收入预算',
  numerator: '年初至今预算口径收入（不含未编入预算的收入，如市级专户利息）',
  denominator: '年度收入预算（最新批准版本）',
  unit: 'ratio',
  polarity: 'higher_better',
  sources: ['LedgerFact.amount[收入项目]', PLAN_SOURCE + '[收入项目]'],
  policyRef: cite('pooling-opinion', '三(三)', '严格按照批准的预算和规定的程序执行，不得随意调整'),
  note: '年内执行率须与序时进度比较才有意义，状态见收入执行偏差。分子取预算口径（lib/budget/planBasis），与“基金收入”不同：后者含全部收入。',
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
  policyRef: cite('pooling-opinion', '三(三)', '严格按照批准的预算和规定的程序执行，不得随意调整'),
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
  policyRef: platformMethod('执行偏差 = 执行率 − 序时进度（或历史季节性进度）'),
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
  policyRef: platformMethod('执行偏差 = 执行率 − 序时进度（或历史季节性进度）'),
  note: '+3/+5个百分点分界为平台默认值，可配置；可传入 expectedProgress 以历史季节性进度代替序时进度。',
  compute: deviation,
});

export const fundIncomeYtd = defineIndicator({
  code: 'fund_income_ytd',
  name: '基金收入',
  area: 'budget',
  definition: '统计年度1月至统计月的基金收入（保费、财政补贴、利息及其他收入）；一个地区的合计含其所辖各地区。',
  formula: 'Σ 收入项目实际数（年初至统计月）',
  unit: 'yuan',
  polarity: 'higher_better',
  sources: ['LedgerFact.amount[收入项目]'],
  compute: (i: { income: MaybeNumber }) => (isNum(i.income) ? i.income : null),
});

export const fundIncomePlanBasisYtd = defineIndicator({
  code: 'fund_income_plan_basis_ytd',
  name: '预算口径收入',
  area: 'budget',
  definition: '统计年度1月至统计月、收入预算已编列的地区和险种的基金收入实际数；未编入收入预算的收入（如市级财政专户利息）不计入。收入预算执行率的分子。',
  formula: 'Σ 收入项目实际数（年初至统计月；仅有收入预算行的地区×险种）',
  unit: 'yuan',
  polarity: 'higher_better',
  sources: ['LedgerFact.amount[收入项目]', PLAN_SOURCE + '[收入项目]'],
  policyRef: cite('pooling-opinion', '三(三)', '统一编制基金预、决算，下达各县（市、区）年度收支计划'),
  note: '与“基金收入”之差即未编入预算的收入（市级专户利息等）。',
  compute: (i: { income: MaybeNumber }) => (isNum(i.income) ? i.income : null),
});

export const fundExpenseYtd = defineIndicator({
  code: 'fund_expense_ytd',
  name: '基金支出',
  area: 'budget',
  definition: '统计年度1月至统计月的基金支出（住院、普通门诊、门诊慢特病、生育及其他支出）；一个地区的合计含其所辖各地区。',
  formula: 'Σ 支出项目实际数（年初至统计月）',
  unit: 'yuan',
  polarity: 'band',
  sources: ['LedgerFact.amount[支出项目]'],
  compute: (i: { expense: MaybeNumber }) => (isNum(i.expense) ? i.expense : null),
});

export const currentBalance = defineIndicator({
  code: 'current_balance',
  name: '当期结余',
  area: 'budget',
  definition: '统计期内基金收入（全部收入，含市级财政专户利息）减去基金支出；为负即当期赤字。各页面同一口径：全市数含市本级账户的收支，不是预算口径收入减支出。',
  formula: '基金收入（含利息） − 基金支出',
  unit: 'yuan',
  polarity: 'higher_better',
  bands: [
    { max: 0, status: 'bad', label: '当期赤字' },
    { status: 'good', label: '收支平衡或结余' },
  ],
  sources: ['LedgerFact.amount[收入项目]', 'LedgerFact.amount[支出项目]'],
  policyRef: cite('pooling-opinion', '三(三)', '以收定支、收支平衡、略有结余'),
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
  policyRef: cite('pooling-opinion', '三(三)', '2019年末累计结余可暂存原统筹地区财政专户，由设区市统一管理和调度使用'),
  note: '结余是否充足看累计结余可支付月数。',
  compute: (i: { cityPool: MaybeNumber; legacyBalances: MaybeNumber }) => safeSum(i.cityPool, i.legacyBalances),
});

// ───────── deficit attribution (市级统筹意见（征求意见稿）三（三）) ─────────
// 完成年度收支计划而出现缺口的，由设区市结余基金补足；县级未按规定补助到位或未严格执行缴费政策形成的
// 基金收入缺口，由县级政府补足或追缴到位. The split itself is assembled in lib/budget/deficit.ts.

const ATTRIBUTION_POLICY = cite(
  'pooling-opinion',
  '三(三)',
  '县（市、区）完成年度收支计划的，如当年基金收支相抵出现缺口，由设区市通过结余基金补足；县（市、区）未按规定补助到位或未严格执行缴费政策等情形形成的基金收入缺口，由县（市、区）政府负责补足或追缴到位',
);

/** max(0, x); null stays null. */
const floor0 = (x: number | null) => (x === null ? null : Math.max(0, x));

export const fundGap = defineIndicator({
  code: 'fund_gap',
  name: '基金收支缺口',
  area: 'budget',
  definition: '统计期内基金支出超过基金收入的部分；收支平衡或有结余时为0。',
  formula: 'max(0, 基金支出 − 基金收入)',
  unit: 'yuan',
  polarity: 'lower_better',
  bands: [
    { max: 0.005, status: 'good', label: '无缺口' },
    { status: 'bad', label: '出现缺口' },
  ],
  sources: ['LedgerFact.amount[收入项目]', 'LedgerFact.amount[支出项目]'],
  policyRef: ATTRIBUTION_POLICY,
  compute: (i: { income: MaybeNumber; expense: MaybeNumber }) => floor0(safeDiff(i.expense, i.income)),
});

export const premiumShortfall = defineIndicator({
  code: 'premium_shortfall',
  name: '保费收入短收额',
  area: 'budget',
  definition: '保险费收入实际数低于收入计划（最新批准版本）的差额，视为未严格执行缴费政策形成的收入缺口；超收时为0。',
  formula: 'max(0, 保险费收入计划 − 保险费收入实际)',
  unit: 'yuan',
  polarity: 'lower_better',
  target: 0,
  sources: ['BudgetLine.amount[item=PREMIUM]', 'LedgerFact.amount[item=PREMIUM]'],
  policyRef: ATTRIBUTION_POLICY,
  note: '年度未结束时，计划按该县保费收入的历史季节性进度折算到统计月。',
  compute: (i: { premiumPlan: MaybeNumber; premiumActual: MaybeNumber }) => floor0(safeDiff(i.premiumPlan, i.premiumActual)),
});

export const countyMakeupAmount = defineIndicator({
  code: 'county_makeup_amount',
  name: '县级应补足金额',
  area: 'budget',
  definition: '县级财政补助未到位金额与保费收入短收额之和：由县级政府补足或追缴到位的基金收入缺口，不论当年是否出现收支缺口。',
  formula: 'max(0, 县级财政补助应到位 − 实际到位) + 保费收入短收额',
  numerator: '县级补助未到位 + 保费短收',
  unit: 'yuan',
  polarity: 'lower_better',
  target: 0,
  sources: ['ContributionFact.due/collected[source=SUBSIDY_COUNTY]', 'BudgetLine.amount[item=PREMIUM]', 'LedgerFact.amount[item=PREMIUM]'],
  policyRef: ATTRIBUTION_POLICY,
  compute: (i: { countySubsidyGap: MaybeNumber; premiumShortfall: MaybeNumber }) =>
    safeSum(floor0(isNum(i.countySubsidyGap) ? i.countySubsidyGap : null), floor0(isNum(i.premiumShortfall) ? i.premiumShortfall : null)),
});

export const countyGapShare = defineIndicator({
  code: 'county_gap_share',
  name: '缺口中县级补足部分',
  area: 'budget',
  definition: '基金收支缺口中由县级政府补足的部分：不超过缺口，也不超过县级应补足金额。',
  formula: 'min(基金收支缺口, 县级应补足金额)',
  unit: 'yuan',
  polarity: 'lower_better',
  sources: ['LedgerFact.amount', 'ContributionFact[source=SUBSIDY_COUNTY]', 'BudgetLine.amount[item=PREMIUM]'],
  policyRef: ATTRIBUTION_POLICY,
  compute: (i: { fundGap: MaybeNumber; countyMakeup: MaybeNumber }) =>
    isNum(i.fundGap) && isNum(i.countyMakeup) ? Math.min(Math.max(0, i.fundGap), Math.max(0, i.countyMakeup)) : null,
});

export const cityCoverAmount = defineIndicator({
  code: 'city_cover_amount',
  name: '市级结余弥补金额',
  area: 'budget',
  definition: '县级补足其应补足部分后仍存在的基金收支缺口，由设区市通过累计结余基金补足。',
  formula: 'max(0, 基金收支缺口 − 县级应补足金额)',
  unit: 'yuan',
  polarity: 'lower_better',
  sources: ['LedgerFact.amount', 'ContributionFact[source=SUBSIDY_COUNTY]', 'BudgetLine.amount[item=PREMIUM]'],
  policyRef: ATTRIBUTION_POLICY,
  compute: (i: { fundGap: MaybeNumber; countyMakeup: MaybeNumber }) => floor0(safeDiff(i.fundGap, i.countyMakeup)),
});

export const budgetAdjustmentAmount = defineIndicator({
  code: 'budget_adjustment_amount',
  name: '预算调整额',
  area: 'budget',
  definition: '预算调整方案批准后的预算数与调整前版本预算数之差；为正表示调增，为负表示调减。',
  formula: '调整后预算数 − 调整前预算数',
  unit: 'yuan',
  polarity: 'band',
  sources: ['BudgetLine.amount（相邻两个批准版本）'],
  policyRef: cite('pooling-opinion', '三(三)', '因特殊情况需要增加支出或减少收入，应当编制预算调整方案，按程序经批准后执行'),
  compute: (i: { adjusted: MaybeNumber; previous: MaybeNumber }) => safeDiff(i.adjusted, i.previous),
});

export const netRemittance = defineIndicator({
  code: 'net_remittance',
  name: '净上解额',
  area: 'remittance',
  definition: '县（市、区）上解市级财政专户的基金收入减去市级下拨的支出用款；为负表示该县支出依靠全市统筹调剂。',
  formula: '上解市级财政专户金额 − 市级下拨金额',
  unit: 'yuan',
  polarity: 'band',
  sources: ['LedgerFact.amount[item=REMIT_UP]', 'LedgerFact.amount[item=ALLOCATE_DOWN]'],
  policyRef: cite('pooling-opinion', '三(三)', '基金实行设区市统收统支和市级财政专户管理'),
  compute: (i: { remitUp: MaybeNumber; allocateDown: MaybeNumber }) => safeDiff(i.remitUp, i.allocateDown),
});

export const budgetIndicators = [
  fundIncomeYtd,
  fundIncomePlanBasisYtd,
  fundExpenseYtd,
  incomeExecutionRate,
  expenseExecutionRate,
  timeProgress,
  incomeExecutionDeviation,
  expenseExecutionDeviation,
  currentBalance,
  accumulatedBalance,
  fundGap,
  premiumShortfall,
  countyMakeupAmount,
  countyGapShare,
  cityCoverAmount,
  budgetAdjustmentAmount,
  netRemittance,
] as const;
