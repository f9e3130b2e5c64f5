// 待遇支付 (市级统筹意见（征求意见稿）五(二) assessment area).

import { defineIndicator, ratioOf } from '../define';
import { cite } from '../sources';

export const settlementTimelinessRate = defineIndicator({
  code: 'settlement_timeliness_rate',
  name: '结算及时率',
  area: 'benefit',
  definition: '在规定时限内完成结算的待遇支付笔数占已结算笔数的比例。',
  formula: '按时结算笔数 ÷ 已结算笔数',
  numerator: '按时结算笔数',
  denominator: '已结算笔数',
  unit: 'ratio',
  polarity: 'higher_better',
  sources: ['BenefitFact.claimsOnTime', 'BenefitFact.claimsSettled'],
  policyRef: cite('pooling-opinion', '五(二)', '待遇支付落实情况纳入县级政府考核'),
  note: '无政策给定目标值，默认不判定状态，可在考核方案中设定。',
  compute: ratioOf('claimsOnTime', 'claimsSettled'),
});

export const policyReimbursementRatio = defineIndicator({
  code: 'policy_reimbursement_ratio',
  name: '政策范围内住院费用基金支付比例',
  area: 'benefit',
  definition: '政策范围内住院费用中由统筹基金支付的比例，反映待遇保障水平。',
  formula: '政策范围内基金支付金额 ÷ 政策范围内住院费用',
  numerator: '政策范围内基金支付金额',
  denominator: '政策范围内住院费用',
  unit: 'ratio',
  polarity: 'higher_better',
  target: 0.7,
  sources: ['BenefitFact.policyRangeFundPaid', 'BenefitFact.policyRangeCost'],
  policyRef:
    '国家医保局等历年《关于做好城乡居民基本医疗保障工作的通知》: 居民医保政策范围内住院费用基金支付比例稳定在70%左右（职工医保一般更高，按险种配置目标）',
  compute: ratioOf('fundPaidWithinPolicy', 'policyRangeCost'),
});

export const assistancePerCase = defineIndicator({
  code: 'assistance_per_case',
  name: '医疗救助次均金额',
  area: 'benefit',
  definition: '医疗救助支出按救助人次平均的金额，反映对困难群众的救助力度。',
  formula: '医疗救助金额 ÷ 医疗救助人次',
  numerator: '医疗救助金额',
  denominator: '医疗救助人次',
  unit: 'yuan_per_person',
  polarity: 'higher_better',
  displayUnit: '元/人次',
  sources: ['BenefitFact.assistanceAmount', 'BenefitFact.assistanceCases'],
  policyRef: cite('nhsa-2023-73', undefined, '通过医疗救助制度资助困难群众参保'),
  note: '无政策给定目标值，默认不判定状态。',
  compute: ratioOf('assistanceAmount', 'assistanceCases'),
});

export const benefitIndicators = [settlementTimelinessRate, policyReimbursementRatio, assistancePerCase] as const;
