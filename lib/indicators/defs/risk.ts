// 基金运行风险预警 (市级统筹意见（征求意见稿）四(二): 建立基金运行风险预警机制).

import { growthRate, isNum, monthsOfReserve as reserveMonths, safeDiff, safeRatio } from '../compute';
import { defineIndicator } from '../define';
import type { MaybeNumber } from '../types';
import { cite, platformMethod } from '../sources';

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
  policyRef: `${cite('mohrss-2009-67', undefined, '累计结余原则上控制在6—9个月平均支付水平')}；各地实践：低于6个月不足，低于3个月严重不足，9—15个月较多，超过15个月过多`,
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
  policyRef: platformMethod('支出增速 − 收入增速（近12个月）'),
  note: '+2/+5个百分点分界为平台默认值（下限含），可配置。',
  compute: (i: { expenseGrowth: MaybeNumber; incomeGrowth: MaybeNumber }) => safeDiff(i.expenseGrowth, i.incomeGrowth),
});

// ───────────── used by the early-warning rules (lib/risk/rules) ─────────────

export const currentBalanceRate = defineIndicator({
  code: 'current_balance_rate',
  name: '当期结余率',
  area: 'risk',
  definition: '统计期内基金当期结余占基金收入的比例；为负即当期收不抵支，其绝对值为赤字占收入的比例。',
  formula: '（基金收入 − 基金支出）÷ 基金收入',
  numerator: '当期结余（基金收入 − 基金支出）',
  denominator: '基金收入',
  unit: 'ratio',
  polarity: 'higher_better',
  bands: [
    { max: -0.05, status: 'bad', label: '赤字超过收入的5%' },
    { max: 0, status: 'warn', label: '当期赤字' },
    { status: 'good', label: '收支平衡或结余' },
  ],
  sources: ['LedgerFact.amount[收入项目]', 'LedgerFact.amount[支出项目]'],
  policyRef: cite('pooling-opinion', '三(三)', '以收定支、收支平衡、略有结余'),
  note: '−5%分界为平台默认值，可在风险预警规则中配置。收入为0或缺失时不计算。',
  compute: (i: { income: MaybeNumber; expense: MaybeNumber }) =>
    isNum(i.income) && i.income > 0 ? safeRatio(safeDiff(i.income, i.expense), i.income) : null,
});

export const collectionRateChange = defineIndicator({
  code: 'collection_rate_change',
  name: '征缴率同比变化',
  area: 'collection',
  definition: '年初至今征缴率减去上年同期（同样月数）征缴率。',
  formula: '年初至今征缴率 − 上年同期征缴率',
  unit: 'pp',
  polarity: 'higher_better',
  bands: [
    { max: -0.01, status: 'warn', label: '下降' },
    { status: 'good', label: '基本稳定或上升' },
  ],
  sources: ['ContributionFact.collected', 'ContributionFact.due'],
  policyRef: cite('pooling-opinion', '四(一)', '基本医疗保险和生育保险费应缴尽缴'),
  note: '降幅超过1个百分点为平台默认分界，可配置。',
  compute: (i: { rate: MaybeNumber; rateLastYear: MaybeNumber }) => safeDiff(i.rate, i.rateLastYear),
});

export const outflowAdmissionShare = defineIndicator({
  code: 'outflow_admission_share',
  name: '市级及市外住院占比',
  area: 'risk',
  definition: '本县（市、区）参保人在市级医院和市外医疗机构的住院人次占其全部住院人次的比例，反映住院向县域外流出的程度。',
  formula: '（市级医院住院人次 + 市外住院人次）÷ 全部住院人次',
  numerator: '市级医院及市外住院人次',
  denominator: '全部住院人次',
  unit: 'ratio',
  polarity: 'lower_better',
  sources: ['UtilizationRollup.visits[visitType=INPATIENT,level=CITY,OUT_OF_CITY]', 'UtilizationRollup.visits[visitType=INPATIENT]'],
  policyRef: cite('pooling-opinion', '四(三)', '防止因基本医疗保险和生育保险市级统筹冲击分级诊疗制度'),
  note: '看统筹前后变化（见统筹后住院外流增幅），默认不判定状态。',
  compute: (i: { cityAdmissions: MaybeNumber; outOfCityAdmissions: MaybeNumber; allAdmissions: MaybeNumber }) =>
    isNum(i.cityAdmissions) && isNum(i.outOfCityAdmissions) ? safeRatio(i.cityAdmissions + i.outOfCityAdmissions, i.allAdmissions) : null,
});

export const outflowShareChange = defineIndicator({
  code: 'outflow_share_change',
  name: '统筹后住院外流增幅',
  area: 'risk',
  definition: '市级统筹后近12个月市级及市外住院占比，减去统筹前12个月的该占比；同为完整12个月，季节因素相互抵消。',
  formula: '统筹后近12个月市级及市外住院占比 − 统筹前12个月市级及市外住院占比',
  unit: 'pp',
  polarity: 'lower_better',
  bands: [
    { min: 0.05, status: 'bad', label: '明显外流' },
    { min: 0.03, status: 'warn', label: '外流增加' },
    { status: 'good', label: '基本稳定' },
  ],
  sources: ['UtilizationRollup.visits[visitType=INPATIENT]', 'PoolingMilestone.effectivePeriod'],
  policyRef: cite('pooling-opinion', '四(三)', '合理拉开基层、县级和城市医疗机构间报销水平差距，防止冲击分级诊疗制度'),
  note: '+3/+5个百分点分界为平台默认值（下限含），可配置。',
  compute: (i: { share: MaybeNumber; baselineShare: MaybeNumber }) => safeDiff(i.share, i.baselineShare),
});

export const costIndex = defineIndicator({
  code: 'cost_index',
  name: '次均费用指数',
  area: 'risk',
  definition:
    '机构实际医疗总费用与按同级同类机构次均费用中位数计算的期望费用之比（间接标化，按险种分别计算期望值，剔除险种构成差异）；1.00表示与同级持平。',
  formula: '实际医疗总费用 ÷ Σ（各险种就诊人次 × 同级同类机构该险种次均费用中位数）',
  numerator: '实际医疗总费用',
  denominator: '按同级中位数计算的期望费用',
  unit: 'multiple',
  polarity: 'lower_better',
  sources: ['UtilizationFact.totalCost', 'UtilizationFact.visits', 'Institution.level', 'Institution.kind'],
  policyRef: cite('nhsa-2023-73', '四', '加强医保基金监管，运用大数据筛查欺诈骗保线索'),
  note: '用于同级比较和自身历史比较，默认不判定状态。',
  compute: (i: { totalCost: MaybeNumber; expectedCost: MaybeNumber }) => safeRatio(i.totalCost, i.expectedCost),
});

export const costRobustZ = defineIndicator({
  code: 'cost_robust_z',
  name: '费用偏离同级稳健Z值',
  area: 'risk',
  definition:
    '机构次均费用指数（取对数）偏离同级同类机构中位数的程度，以中位数绝对偏差（MAD）为尺度，不受少数极端机构影响（Iglewicz–Hoaglin 修正Z值）。',
  formula: '0.6745 ×（ln 费用指数 − 同级 ln 费用指数中位数）÷ MAD',
  unit: 'count',
  displayUnit: '',
  polarity: 'lower_better',
  bands: [
    { min: 5, status: 'bad', label: '严重偏高' },
    { min: 3.5, status: 'warn', label: '偏高' },
    { status: 'good', label: '正常' },
  ],
  sources: ['UtilizationFact.totalCost', 'UtilizationFact.visits', 'Institution.level', 'Institution.kind'],
  policyRef: `${cite('nhsa-2023-73', '四', '数据筛查发现欺诈骗保线索')}；Iglewicz & Hoaglin (1993) 建议修正Z值大于3.5视为异常`,
  note: 'MAD为0（半数以上同级机构取值相同）时不计算。',
  compute: (i: { logIndex: MaybeNumber; peerMedian: MaybeNumber; peerMad: MaybeNumber }) =>
    isNum(i.logIndex) && isNum(i.peerMedian) && isNum(i.peerMad) && i.peerMad > 0 ? (0.6745 * (i.logIndex - i.peerMedian)) / i.peerMad : null,
});

export const costSpike = defineIndicator({
  code: 'cost_spike',
  name: '次均费用突增幅度',
  area: 'risk',
  definition: '机构本月次均费用指数较其前12个月中位数的增幅；剔除同级整体涨价和险种构成变化后，仍大幅上升提示异常。',
  formula: '本月次均费用指数 ÷ 前12个月次均费用指数中位数 − 1',
  numerator: '本月次均费用指数',
  denominator: '前12个月次均费用指数中位数',
  unit: 'ratio',
  polarity: 'lower_better',
  bands: [
    { min: 0.5, status: 'bad', label: '突增50%以上' },
    { min: 0.3, status: 'warn', label: '突增30%以上' },
    { status: 'good', label: '正常' },
  ],
  sources: ['UtilizationFact.totalCost', 'UtilizationFact.visits'],
  policyRef: cite('nhsa-2023-73', '四', '数据筛查发现欺诈骗保线索'),
  note: '+30%/+50%分界为平台默认值（下限含），可配置。',
  compute: (i: { index: MaybeNumber; baselineIndex: MaybeNumber }) => growthRate(i.index, i.baselineIndex),
});

export const riskIndicators = [
  monthsOfReserve, incomeGrowthRate, expenseGrowthRate, expenseIncomeGrowthGap,
  currentBalanceRate, collectionRateChange, outflowAdmissionShare, outflowShareChange,
  costIndex, costRobustZ, costSpike,
] as const;
