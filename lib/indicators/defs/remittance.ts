// 基金统收统支 (市级统筹意见（征求意见稿）三(三): 县级当期基金收入全额及时缴入国库，再划转至市级财政专户; §五(二)).

import { defineIndicator, ratioOf } from '../define';
import { cite } from '../sources';
import type { MaybeNumber } from '../types';

const POLICY = cite('pooling-opinion', '三(三)', '各县（市、区）当期基金收入由征缴部门全额及时缴入国库，再划转至相关市级财政专户');

export const remittanceTimelinessRate = defineIndicator({
  code: 'remittance_timeliness_rate',
  name: '上解及时率',
  area: 'remittance',
  definition: '在规定日期前（含当日）上解至市级财政专户的笔数占应上解笔数的比例。',
  formula: '按时上解笔数 ÷ 应上解笔数',
  numerator: '按时上解笔数',
  denominator: '应上解笔数',
  unit: 'ratio',
  polarity: 'higher_better',
  target: 1,
  sources: ['RemittanceFact.dueDate', 'RemittanceFact.paidDate'],
  policyRef: POLICY,
  compute: ratioOf('onTime', 'total'),
});

export const remittanceCompletionRate = defineIndicator({
  code: 'remittance_completion_rate',
  name: '上解到位率',
  area: 'remittance',
  definition: '已上解至市级财政专户的金额占应上解金额的比例。',
  formula: '已上解金额 ÷ 应上解金额',
  numerator: '已上解金额',
  denominator: '应上解金额',
  unit: 'ratio',
  polarity: 'higher_better',
  target: 1,
  sources: ['RemittanceFact.amount', 'RemittanceFact.paidDate'],
  policyRef: POLICY,
  compute: ratioOf('remittedAmount', 'dueAmount'),
});

export const remittanceAvgDelay = defineIndicator({
  code: 'remittance_avg_delay',
  name: '平均上解延迟天数',
  area: 'remittance',
  definition: '每笔上解实际日期晚于规定日期的天数的平均值（提前或按时记0天；未上解的按统计截止日计算）。',
  formula: '上解延迟天数合计 ÷ 应上解笔数',
  numerator: '上解延迟天数合计',
  denominator: '应上解笔数',
  unit: 'count',
  displayUnit: '天',
  polarity: 'lower_better',
  bands: [
    { max: 1, status: 'good', label: '基本按时' },
    { max: 5, status: 'warn', label: '有延迟' },
    { status: 'bad', label: '延迟较多' },
  ],
  sources: ['RemittanceFact.dueDate', 'RemittanceFact.paidDate'],
  policyRef: POLICY,
  note: '1天/5天分界为平台默认值，可配置。',
  compute: ratioOf('totalDelayDays', 'remittances'),
});

/**
 * 六统一逾期事项数 for one year: a (scheme × item) of the six unifications counts when its deadline fell before
 * the end of the year and it was not completed by that deadline, and it was still outstanding at some day of
 * the year (completed within the year, or not completed at all). An item completed late in 2021 counts in
 * 2021 only, not in later years: the assessment of a year judges that year's work.
 */
export const unificationOverdueItems = defineIndicator({
  code: 'unification_overdue_items',
  name: '六统一逾期事项数',
  area: 'remittance',
  definition:
    '本年度内曾处于逾期未完成状态的“六统一”事项数（按险种×事项计）：规定期限早于年末、未在期限内完成，且在本年度仍未完成或于本年度内才完成。',
  formula: '逾期事项（险种×事项）计数',
  numerator: '逾期事项数',
  unit: 'count',
  displayUnit: '项',
  polarity: 'lower_better',
  target: 0,
  bands: [
    { max: 1, status: 'good', label: '无逾期' },
    { status: 'bad', label: '有逾期' },
  ],
  sources: ['UnificationStatus.deadline', 'UnificationStatus.completedOn'],
  policyRef:
    '《关于实施基本医疗保险和生育保险市级统筹的意见（征求意见稿）》一、三（六）：2020年1月1日起实施“六统一”，居民医保最迟2021年12月31日前；2020年12月31日前构建市级集中的业务信息系统，以满足基金统收统支管理要求',
  compute: (i: { overdueItems: MaybeNumber }) => (typeof i.overdueItems === 'number' && Number.isFinite(i.overdueItems) ? i.overdueItems : null),
});

export const remittanceIndicators = [remittanceTimelinessRate, remittanceCompletionRate, remittanceAvgDelay, unificationOverdueItems] as const;
