// 扩面征缴 (市级统筹意见（征求意见稿）四(一), 五(二)); reference figures from 医保函〔2023〕73号 and the 益阳市医疗保障局 reply.

import { growthRate, safeDiff, safeRatio } from '../compute';
import { defineIndicator, ratioOf } from '../define';
import type { MaybeNumber } from '../types';
import { cite, sourceName, sourceShortName } from '../sources';

/** Fiscal subsidies exist only in the resident scheme (医保函〔2023〕73号): under 职工医保 or 生育保险 these do not apply. */
const RESIDENT_ONLY_SUBSIDY = { schemes: ['EMPLOYEE', 'MATERNITY'], reason: '不适用：财政补助只用于城乡居民医保，职工医保和生育保险无财政补助' } as const;

export const coverageRate = defineIndicator({
  code: 'coverage_rate',
  name: '参保率',
  area: 'collection',
  definition: '已参保人数占全民参保登记库应参保人数的比例，反映法定人员应保尽保程度。',
  formula: '参保人数 ÷ 应参保人数',
  numerator: '参保人数',
  denominator: '应参保人数（全民参保登记库）',
  unit: 'ratio',
  polarity: 'higher_better',
  target: 0.95,
  sources: ['EnrollmentFact.enrolled', 'EnrollmentFact.shouldEnroll'],
  policyRef: cite('yiyang-reply', undefined, '居民医保参保率稳定在95%以上'),
  compute: ratioOf('enrolled', 'shouldEnroll'),
});

export const povertyCoverageRate = defineIndicator({
  code: 'poverty_coverage_rate',
  name: '困难群众参保率',
  area: 'collection',
  definition: '特困人员、低保对象、返贫致贫人口及纳入监测人口等困难群众中已参保（含资助参保）人数所占比例。',
  formula: '困难群众参保人数 ÷ 困难群众应参保人数',
  numerator: '困难群众参保人数（各类资助参保人数之和）',
  denominator: '困难群众应参保人数',
  unit: 'ratio',
  polarity: 'higher_better',
  target: 0.99,
  sources: [
    'EnrollmentFact.subsidisedExtreme',
    'EnrollmentFact.subsidisedMinLiving',
    'EnrollmentFact.subsidisedMonitored',
    'EnrollmentFact.subsidisedOther',
    'EnrollmentFact.povertyShouldEnroll',
  ],
  policyRef: cite('nhsa-2023-73', undefined, '纳入监测的农村低收入人口和脱贫人口参保率持续稳定在99%以上'),
  compute: ratioOf('povertyEnrolled', 'povertyShouldEnroll'),
});

export const duplicateEnrollmentRate = defineIndicator({
  code: 'duplicate_enrollment_rate',
  name: '重复参保率',
  area: 'collection',
  definition: '比对发现的重复参保人数占参保人数的比例，反映参保数据质量，越低越好。',
  formula: '重复参保人数 ÷ 参保人数',
  numerator: '重复参保人数',
  denominator: '参保人数',
  unit: 'ratio',
  polarity: 'lower_better',
  sources: ['EnrollmentFact.duplicates', 'EnrollmentFact.enrolled'],
  policyRef: cite('nhsa-2023-73', '二', '依托全国统一的医保信息平台开展重复参保治理'),
  note: '无政策给定阈值，默认不判定状态，可在配置中设定。',
  compute: ratioOf('duplicates', 'enrolled'),
});

export const collectionRate = defineIndicator({
  code: 'collection_rate',
  name: '征缴率',
  area: 'collection',
  definition: '实际征收的医保费占应征收额的比例，可按个人缴费、单位缴费、财政补助等来源分别计算。',
  formula: '实征金额 ÷ 应征金额',
  numerator: '实征金额',
  denominator: '应征金额',
  unit: 'ratio',
  polarity: 'higher_better',
  target: 0.98,
  sources: ['ContributionFact.collected', 'ContributionFact.due'],
  policyRef: cite('pooling-opinion', '四(一)', '基本医疗保险和生育保险费应缴尽缴'),
  note: '目标值98%为平台默认值，非政策文件数字，可配置。',
  compute: ratioOf('collected', 'due'),
});

export const subsidyDeliveryRate = defineIndicator({
  code: 'subsidy_delivery_rate',
  name: '财政补助到位率',
  area: 'collection',
  definition:
    '居民医保财政补助实际到位金额占应到位金额的比例，按中央、省、市、县各级分别计算；县级补助未到位形成的缺口由县级政府补足。',
  formula: '财政补助实际到位金额 ÷ 财政补助应到位金额',
  numerator: '财政补助实际到位金额',
  denominator: '财政补助应到位金额',
  unit: 'ratio',
  polarity: 'higher_better',
  target: 1,
  sources: ['ContributionFact.collected[source=SUBSIDY_*]', 'ContributionFact.due[source=SUBSIDY_*]'],
  policyRef: cite('pooling-opinion', '三(三)', '县（市、区）未按规定补助到位形成的基金收入缺口，由县（市、区）政府负责补足'),
  notApplicable: RESIDENT_ONLY_SUBSIDY,
  compute: ratioOf('subsidyCollected', 'subsidyDue'),
});

export const collectionGap = defineIndicator({
  code: 'collection_gap',
  name: '征缴缺口',
  area: 'collection',
  definition: '应征收而未征收到位的金额，是县级补足责任认定（赤字归因）的依据之一。',
  formula: '应征金额 − 实征金额',
  unit: 'yuan',
  polarity: 'lower_better',
  sources: ['ContributionFact.due', 'ContributionFact.collected'],
  policyRef: cite('pooling-opinion', '三(三)', '未严格执行缴费政策等情形形成的基金收入缺口，由县（市、区）政府负责补足或追缴到位'),
  compute: (i: { due: MaybeNumber; collected: MaybeNumber }) => safeDiff(i.due, i.collected),
});

export const subsidyGap = defineIndicator({
  code: 'subsidy_gap',
  name: '财政补助缺口',
  area: 'collection',
  definition: '财政补助应到位而未到位的金额，按补助层级计算；县级部分由县级政府补足。',
  formula: '财政补助应到位金额 − 财政补助实际到位金额',
  unit: 'yuan',
  polarity: 'lower_better',
  sources: ['ContributionFact.due[source=SUBSIDY_*]', 'ContributionFact.collected[source=SUBSIDY_*]'],
  policyRef: cite('pooling-opinion', '三(三)', '县（市、区）未按规定补助到位形成的基金收入缺口，由县（市、区）政府负责补足'),
  compute: (i: { subsidyDue: MaybeNumber; subsidyCollected: MaybeNumber }) => safeDiff(i.subsidyDue, i.subsidyCollected),
});

export const residentContributionGap = defineIndicator({
  code: 'resident_contribution_gap',
  name: '个人缴费标准与国家最低标准差额',
  area: 'collection',
  definition: '本地居民医保个人缴费标准减去当年国家最低个人缴费标准；为负表示低于国家最低标准。',
  formula: '本地个人缴费标准 − 国家最低个人缴费标准',
  unit: 'yuan_per_person',
  polarity: 'higher_better',
  target: 0,
  sources: ['PolicyStandard.amount[item=INDIVIDUAL_STANDARD]', 'PolicyStandard.amount[item=NATIONAL_MIN_INDIVIDUAL]'],
  policyRef:
    [cite('yiyang-reply', undefined, '国家最低标准2020/2021/2022年为280/320/350元，湖南实际执行250/280/320元'), cite('pooling-opinion', '三(三)', '居民医保筹资标准不低于国家和省规定的最低标准')].join('；'),
  compute: (i: { standard: MaybeNumber; nationalMinimum: MaybeNumber }) => safeDiff(i.standard, i.nationalMinimum),
});

export const subsidyPerCapita = defineIndicator({
  code: 'subsidy_per_capita',
  name: '人均财政补助',
  area: 'collection',
  definition: '居民医保各级财政补助实际到位金额按参保人数平均。',
  formula: '财政补助实际到位金额 ÷ 参保人数',
  numerator: '财政补助实际到位金额',
  denominator: '参保人数',
  unit: 'yuan_per_person',
  polarity: 'higher_better',
  sources: ['ContributionFact.collected[source=SUBSIDY_*]', 'EnrollmentFact.enrolled'],
  policyRef: cite('nhsa-2023-73', undefined, '2018—2022年居民医保人均财政补助标准从490元提高到610元'),
  note: '可与当年国家人均财政补助标准（PolicyStandard NATIONAL_SUBSIDY）比较；默认不判定状态。',
  notApplicable: RESIDENT_ONLY_SUBSIDY,
  compute: ratioOf('subsidyCollected', 'enrolled'),
});

export const subsidyIndividualRatio = defineIndicator({
  code: 'subsidy_individual_ratio',
  name: '财政补助与个人缴费之比',
  area: 'collection',
  definition: '居民医保筹资中财政补助与个人缴费的比例（x:1），反映筹资责任结构。',
  formula: '人均财政补助标准 ÷ 个人缴费标准',
  numerator: '人均财政补助标准',
  denominator: '个人缴费标准',
  unit: 'multiple',
  polarity: 'band',
  sources: ['PolicyStandard.amount[item=SUBSIDY_STANDARD]', 'PolicyStandard.amount[item=INDIVIDUAL_STANDARD]'],
  policyRef: cite('yiyang-reply', undefined, '2021年湖南居民医保筹资中财政补助与个人缴费的比例为1.91:1，后续要降低该比例'),
  note: '结构性指标，无单一优劣方向，默认不判定状态。',
  compute: ratioOf('subsidyStandard', 'individualStandard'),
});

export const contributionIncomeShare = defineIndicator({
  code: 'contribution_income_share',
  name: '个人缴费占人均可支配收入比重',
  area: 'collection',
  definition: '居民医保个人缴费标准占当年城乡居民人均可支配收入的比例，反映个人缴费负担。',
  formula: '个人缴费标准 ÷ 城乡居民人均可支配收入',
  numerator: '个人缴费标准',
  denominator: '城乡居民人均可支配收入',
  unit: 'ratio',
  polarity: 'lower_better',
  sources: ['PolicyStandard.amount[item=INDIVIDUAL_STANDARD]', 'PolicyStandard.amount[item=DISPOSABLE_INCOME]'],
  policyRef: cite('nhsa-2023-73', undefined, '2022年个人缴费标准为当年城乡居民人均可支配收入的0.95%，整体处于可负担水平'),
  note: '0.95%为全国参考值而非考核目标，默认不判定状态。',
  compute: ratioOf('individualStandard', 'disposableIncome'),
});

export const enrollmentYoy = defineIndicator({
  code: 'enrollment_yoy',
  name: '参保人数同比变化',
  area: 'collection',
  definition: '参保人数较上年同期的变化率；缴费标准上涨时可能出现选择性参保，下降需关注。',
  formula: '本期参保人数 ÷ 上年同期参保人数 − 1',
  numerator: '本期参保人数',
  denominator: '上年同期参保人数',
  unit: 'ratio',
  polarity: 'higher_better',
  bands: [
    { max: -0.02, status: 'bad', label: '明显下降' },
    { max: 0, status: 'warn', label: '下降' },
    { status: 'good', label: '稳定或增长' },
  ],
  sources: ['EnrollmentFact.enrolled'],
  policyRef: `${sourceShortName('nhsa-2023-73')}、${sourceName('yiyang-reply')}：个人缴费增长导致部分群众选择性参保`,
  note: '−2%分界为平台默认值，可配置。',
  compute: (i: { enrolled: MaybeNumber; enrolledLastYear: MaybeNumber }) => growthRate(i.enrolled, i.enrolledLastYear),
});

export const contributionStandardGrowth = defineIndicator({
  code: 'contribution_standard_growth',
  name: '个人缴费标准涨幅',
  area: 'collection',
  definition: '居民医保个人缴费标准较上年的增长率；与参保人数同比变化对照，识别缴费上涨导致的选择性参保。',
  formula: '本年个人缴费标准 ÷ 上年个人缴费标准 − 1',
  numerator: '本年个人缴费标准',
  denominator: '上年个人缴费标准',
  unit: 'ratio',
  polarity: 'band',
  sources: ['PolicyStandard.amount[item=INDIVIDUAL_STANDARD]'],
  policyRef: `${sourceShortName('nhsa-2023-73')}、${sourceName('yiyang-reply')}：居民医保个人缴费增长，部分群众选择性参保`,
  note: '结构性指标，默认不判定状态。',
  compute: (i: { standard: MaybeNumber; standardLastYear: MaybeNumber }) => growthRate(i.standard, i.standardLastYear),
});

export const coverageRateChange = defineIndicator({
  code: 'coverage_rate_change',
  name: '参保率同比变化',
  area: 'collection',
  definition: '参保率较上年同期的变化（个百分点）；剔除人口增减的影响，下降说明应保未保增加。',
  formula: '本期参保率 − 上年同期参保率',
  unit: 'pp',
  polarity: 'higher_better',
  bands: [
    { max: -0.01, status: 'bad', label: '明显下降' },
    { max: -0.002, status: 'warn', label: '下降' },
    { status: 'good', label: '基本稳定或上升' },
  ],
  sources: ['EnrollmentFact.enrolled', 'EnrollmentFact.shouldEnroll'],
  policyRef: [`${sourceShortName('nhsa-2023-73')}、${sourceName('yiyang-reply')}：个人缴费增长导致部分群众选择性参保`, cite('pooling-opinion', '四(一)', '法定人员应保尽保')].join('；'),
  note: '−1/−0.2个百分点分界为平台默认值，可配置；±0.2个百分点以内视为月度波动。',
  compute: (i: { coverage: MaybeNumber; coverageLastYear: MaybeNumber }) => safeDiff(i.coverage, i.coverageLastYear),
});

export const collectionSourceShare = defineIndicator({
  code: 'collection_source_share',
  name: '征缴来源占比',
  area: 'collection',
  definition: '某一来源（个人缴费、单位缴费或某级财政补助）实征金额占全部实征金额的比例，反映筹资结构。',
  formula: '该来源实征金额 ÷ 实征金额合计',
  numerator: '该来源实征金额',
  denominator: '实征金额合计',
  unit: 'ratio',
  polarity: 'band',
  sources: ['ContributionFact.collected'],
  policyRef: cite('yiyang-reply', undefined, '财政补助是居民医保基金最主要的来源，后续要降低财政补助和个人缴费的比例'),
  note: '结构性指标，默认不判定状态。',
  compute: ratioOf('sourceCollected', 'totalCollected'),
});

export const duplicatesPer10k = defineIndicator({
  code: 'duplicates_per_10k',
  name: '每万参保人重复参保人数',
  area: 'collection',
  definition: '每一万名参保人中比对发现的重复参保人数；与重复参保率同源，重复参保已很少时更易读。',
  formula: '重复参保人数 ÷ 参保人数 × 10 000',
  numerator: '重复参保人数',
  denominator: '参保人数（万人）',
  unit: 'count',
  displayUnit: '人/万人',
  polarity: 'lower_better',
  sources: ['EnrollmentFact.duplicates', 'EnrollmentFact.enrolled'],
  policyRef: cite('nhsa-2023-73', '二', '依托全国统一的医保信息平台开展重复参保治理'),
  note: '无政策给定阈值，默认不判定状态。',
  compute: (i: { duplicates: MaybeNumber; enrolled: MaybeNumber }) => {
    const r = safeRatio(i.duplicates, i.enrolled);
    return r === null ? null : r * 10_000;
  },
});

export const collectionIndicators = [
  coverageRate,
  povertyCoverageRate,
  duplicateEnrollmentRate,
  collectionRate,
  subsidyDeliveryRate,
  collectionGap,
  subsidyGap,
  residentContributionGap,
  subsidyPerCapita,
  subsidyIndividualRatio,
  contributionIncomeShare,
  enrollmentYoy,
  contributionStandardGrowth,
  coverageRateChange,
  collectionSourceShare,
  duplicatesPer10k,
] as const;
