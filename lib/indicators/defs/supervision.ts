// 定点管理 (市级统筹意见（征求意见稿）三(五), 四(二), 五(二)).

import { safeRatio, safeSum } from '../compute';
import { defineIndicator, ratioOf } from '../define';
import type { MaybeNumber } from '../types';
import { cite } from '../sources';

export const inspectionCoverageRate = defineIndicator({
  code: 'inspection_coverage_rate',
  name: '定点机构检查覆盖率',
  area: 'supervision',
  definition: '统计期内接受过监督检查的定点医药机构占协议有效定点医药机构总数的比例。',
  formula: '已检查定点机构数 ÷ 协议有效定点机构数',
  numerator: '已检查定点机构数',
  denominator: '协议有效定点机构数',
  unit: 'ratio',
  polarity: 'higher_better',
  target: 1,
  sources: ['SupervisionFact.inspections', 'Institution.agreementStatus'],
  policyRef: cite('pooling-opinion', '三(五)', '定期组织开展协议履行情况监督检查'),
  note: '全年检查全覆盖（100%）为平台默认目标，可配置；按月统计时不宜套用。',
  compute: ratioOf('institutionsInspected', 'institutionsActive'),
});

export const violationRate = defineIndicator({
  code: 'violation_rate',
  name: '违规定点机构占比',
  area: 'supervision',
  definition: '监督检查中发现存在违规问题的定点医药机构占受检定点机构的比例。',
  formula: '存在违规的定点机构数 ÷ 受检定点机构数',
  numerator: '存在违规的定点机构数',
  denominator: '受检定点机构数',
  unit: 'ratio',
  polarity: 'lower_better',
  sources: ['SupervisionFact.violations', 'SupervisionFact.inspections'],
  policyRef: cite('pooling-opinion', '四(二)', '定期开展监督检查，及时发现查处存在问题，严厉打击欺诈骗保行为'),
  note: '无政策给定阈值，默认不判定状态。',
  compute: ratioOf('institutionsWithViolations', 'institutionsInspected'),
});

export const recoveryAmount = defineIndicator({
  code: 'recovery_amount',
  name: '拒付追回金额',
  area: 'supervision',
  definition: '对定点医药机构违规费用拒付和追回的金额合计，反映基金监管力度。',
  formula: '拒付金额 + 追回金额',
  unit: 'yuan',
  polarity: 'higher_better',
  sources: ['SupervisionFact.amountRefused', 'SupervisionFact.amountRecovered'],
  policyRef: cite('pooling-opinion', '四(二)', '确保基金安全完整'),
  note: '金额高低同时受违规程度和查处力度影响，默认不判定状态。',
  compute: (i: { amountRefused: MaybeNumber; amountRecovered: MaybeNumber }) => safeSum(i.amountRefused, i.amountRecovered),
});

export const recoveryPer10kExpense = defineIndicator({
  code: 'recovery_per_10k_expense',
  name: '每万元基金支出拒付追回金额',
  area: 'supervision',
  definition: '对定点医药机构违规费用拒付和追回的金额合计，按统筹基金支出每万元计算；剔除县域规模后比较各县（市、区）的监管查处力度。',
  formula: '（拒付金额 + 追回金额）÷ 统筹基金支出 × 10 000',
  numerator: '拒付金额 + 追回金额（元）',
  denominator: '统筹基金支出（万元）',
  unit: 'count',
  displayUnit: '元/万元',
  polarity: 'higher_better',
  sources: ['SupervisionFact.amountRefused', 'SupervisionFact.amountRecovered', 'LedgerFact.amount[account=POOL, 支出项目]'],
  policyRef:
    '《关于实施基本医疗保险和生育保险市级统筹的意见（征求意见稿）》四（二）：定期对基金征缴、支付及管理等环节开展监督检查，及时发现查处存在问题，严厉打击欺诈骗保行为',
  note: '查处力度指标：金额高低同时受违规程度和查处力度影响，默认不判定状态；用于考核时宜设低权重。',
  compute: (i: { amountRefused: MaybeNumber; amountRecovered: MaybeNumber; fundExpense: MaybeNumber }) => {
    const r = safeRatio(safeSum(i.amountRefused, i.amountRecovered), i.fundExpense);
    return r === null ? null : r * 10_000;
  },
});

export const supervisionIndicators = [inspectionCoverageRate, violationRate, recoveryAmount, recoveryPer10kExpense] as const;
