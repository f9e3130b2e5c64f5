// 分级诊疗 (市级统筹意见（征求意见稿）四(三): 防止因市级统筹冲击分级诊疗制度).
// Targets from 国办发〔2015〕70号 附件《分级诊疗试点工作考核评价标准》(2017年目标) and
// 国医改办发〔2016〕1号 (家庭医生签约), both in the policy-source registry (../sources).

import { growthRate, isNum, safeRatio } from '../compute';
import { defineIndicator, ratioOf } from '../define';
import type { MaybeNumber } from '../types';
import { cite, sourceName } from '../sources';

const PILOT_STANDARD = `${sourceName('gbf-2015-70')}附件《分级诊疗试点工作考核评价标准》（2017年目标）`;

export const primaryVisitShare = defineIndicator({
  code: 'primary_visit_share',
  name: '基层就诊占比',
  area: 'tiered_care',
  definition: '本县（市、区）参保人在基层医疗卫生机构（村卫生室、社区卫生服务站/中心、乡镇卫生院）的就诊人次占其全部就诊人次的比例。',
  formula: '基层医疗卫生机构就诊人次 ÷ 全部就诊人次',
  numerator: '基层医疗卫生机构就诊人次',
  denominator: '全部就诊人次',
  unit: 'ratio',
  polarity: 'higher_better',
  target: 0.65,
  sources: ['UtilizationRollup.visits[level=PRIMARY]', 'UtilizationRollup.visits'],
  policyRef: PILOT_STANDARD + '：基层医疗卫生机构诊疗量占总诊疗量比例≥65%',
  notApplicable: { schemes: ['MATERNITY'], reason: '不适用：生育保险只支付生育医疗费用，不含基层门诊就诊' },
  compute: ratioOf('primaryVisits', 'allVisits'),
});

export const inCountyRate = defineIndicator({
  code: 'in_county_rate',
  name: '县域内就诊率',
  area: 'tiered_care',
  definition: '本县（市、区）参保人在县域内定点机构的住院人次占其全部住院人次的比例，反映“大病不出县”。',
  formula: '县域内住院人次 ÷ 全部住院人次',
  numerator: '县域内住院人次',
  denominator: '全部住院人次',
  unit: 'ratio',
  polarity: 'higher_better',
  target: 0.9,
  sources: ['UtilizationRollup.visits[visitType=INPATIENT,inCounty=true]', 'UtilizationRollup.visits[visitType=INPATIENT]'],
  policyRef: PILOT_STANDARD + '：县域内就诊率提高到90%左右，基本实现大病不出县',
  compute: ratioOf('inCountyAdmissions', 'allAdmissions'),
});

export const cityAdmissionShare = defineIndicator({
  code: 'city_admission_share',
  name: '市级医院住院占比',
  area: 'tiered_care',
  definition: '本县（市、区）参保人在市级医院的住院人次占其全部住院人次的比例；统筹后上升提示向市级医院虹吸。',
  formula: '市级医院住院人次 ÷ 全部住院人次',
  numerator: '市级医院住院人次',
  denominator: '全部住院人次',
  unit: 'ratio',
  polarity: 'lower_better',
  sources: ['UtilizationRollup.visits[visitType=INPATIENT,level=CITY]', 'UtilizationRollup.visits[visitType=INPATIENT]'],
  policyRef: cite('pooling-opinion', '四(三)', '防止因基本医疗保险和生育保险市级统筹冲击分级诊疗制度'),
  note: '看统筹前后变化，默认不判定状态。',
  compute: ratioOf('cityAdmissions', 'allAdmissions'),
});

export const outOfCityShare = defineIndicator({
  code: 'out_of_city_share',
  name: '市外就医占比',
  area: 'tiered_care',
  definition: '参保人在市外（含省外）定点机构的住院人次占其全部住院人次的比例。',
  formula: '市外住院人次 ÷ 全部住院人次',
  numerator: '市外住院人次',
  denominator: '全部住院人次',
  unit: 'ratio',
  polarity: 'lower_better',
  sources: ['UtilizationRollup.visits[visitType=INPATIENT,level=OUT_OF_CITY]', 'UtilizationRollup.visits[visitType=INPATIENT]'],
  policyRef: cite('pooling-opinion', '三(一)', '执行统一的分类转诊办法和转市外就医登记手续'),
  note: '无政策给定阈值，默认不判定状态。',
  compute: ratioOf('outOfCityAdmissions', 'allAdmissions'),
});

export const costPerVisit = defineIndicator({
  code: 'cost_per_visit',
  name: '次均费用',
  area: 'tiered_care',
  definition: '每人次（门诊）或每例（住院）的医疗总费用，按机构级别、就诊类型分别计算；与同级机构比较可发现异常。',
  formula: '医疗总费用 ÷ 就诊人次',
  numerator: '医疗总费用',
  denominator: '就诊人次',
  // A per-visit amount, always in 元 (7,775元 beside 10,432元, never 1.0万元 in the same row).
  unit: 'yuan_per_person',
  polarity: 'lower_better',
  sources: ['UtilizationRollup.totalCost', 'UtilizationRollup.visits'],
  note: '按同级比较使用，默认不判定状态。',
  compute: ratioOf('totalCost', 'visits'),
});

export const fundPaymentRatio = defineIndicator({
  code: 'fund_payment_ratio',
  name: '基金支付比例',
  area: 'tiered_care',
  definition: '统筹基金支付金额占医疗总费用的比例；按机构级别计算时，基层 > 县级 > 市级 说明差异化支付政策得到体现。',
  formula: '基金支付金额 ÷ 医疗总费用',
  numerator: '基金支付金额',
  denominator: '医疗总费用',
  unit: 'ratio',
  polarity: 'higher_better',
  sources: ['UtilizationRollup.fundPaid', 'UtilizationRollup.totalCost'],
  policyRef: cite('pooling-opinion', '四(三)', '合理拉开基层、县级和城市医疗机构间报销水平差距，提高基层医保支付比例'),
  note: '按级别比较使用，默认不判定状态。',
  compute: ratioOf('fundPaid', 'totalCost'),
});

export const referralDownGrowth = defineIndicator({
  code: 'referral_down_growth',
  name: '下转人次增长率',
  area: 'tiered_care',
  definition: '由上级医院向基层医疗卫生机构下转的人次较上年的增长率。',
  formula: '本年下转人次 ÷ 上年下转人次 − 1',
  numerator: '本年下转人次',
  denominator: '上年下转人次',
  unit: 'ratio',
  polarity: 'higher_better',
  target: 0.1,
  sources: ['UtilizationRollup.referralsDown'],
  policyRef: PILOT_STANDARD + '：由二、三级医院向基层医疗卫生机构、慢性病医疗机构转诊的人数年增长率在10%以上',
  compute: (i: { down: MaybeNumber; downLastYear: MaybeNumber }) => growthRate(i.down, i.downLastYear),
});

export const referralDownCagr = defineIndicator({
  code: 'referral_down_cagr',
  name: '下转人次年均增长率',
  area: 'tiered_care',
  definition: '一段时期内下转人次的年均（复合）增长率，平滑单一年份的波动，与“年增长10%以上”的目标比较。',
  formula: '（末年下转人次 ÷ 首年下转人次）^（1 ÷ 间隔年数）− 1',
  numerator: '末年下转人次',
  denominator: '首年下转人次',
  unit: 'ratio',
  polarity: 'higher_better',
  target: 0.1,
  sources: ['UtilizationRollup.referralsDown'],
  policyRef: PILOT_STANDARD + '：由二、三级医院向基层医疗卫生机构、慢性病医疗机构转诊的人数年增长率在10%以上',
  compute: (i: { downLast: MaybeNumber; downFirst: MaybeNumber; years: MaybeNumber }) => {
    // A growth rate needs a positive base and at least one year between the two counts.
    if (!isNum(i.downLast) || !isNum(i.downFirst) || !isNum(i.years) || i.downFirst <= 0 || i.downLast < 0 || i.years <= 0) {
      return null;
    }
    return Math.pow(i.downLast / i.downFirst, 1 / i.years) - 1;
  },
});

export const visitCompositionShare = defineIndicator({
  code: 'visit_composition_share',
  name: '就诊流向构成',
  area: 'tiered_care',
  definition:
    '本县（市、区）参保人在某一类机构（按级别：基层、县级、市级、市外；或按流向：本县基层、本县县级医院、外县、市级医院、市外）的就诊人次占其全部就诊人次的比例。',
  formula: '该类机构就诊人次 ÷ 全部就诊人次',
  numerator: '该类机构就诊人次',
  denominator: '全部就诊人次',
  unit: 'ratio',
  polarity: 'band',
  sources: ['UtilizationRollup.visits[level]', 'UtilizationFlowRollup.visits[institutionRegionCode, level]'],
  policyRef: cite('pooling-opinion', '四(三)', '防止因基本医疗保险和生育保险市级统筹冲击分级诊疗制度'),
  note: '结构性指标，用于看统筹前后流向变化，默认不判定状态。',
  compute: ratioOf('destinationVisits', 'allVisits'),
});

export const familyDoctorSigningRate = defineIndicator({
  code: 'family_doctor_signing_rate',
  name: '家庭医生签约率',
  area: 'tiered_care',
  definition: '签约家庭医生服务的常住居民占常住居民总数的比例。',
  formula: '签约居民数 ÷ 常住居民数',
  numerator: '签约居民数',
  denominator: '常住居民数',
  unit: 'ratio',
  polarity: 'higher_better',
  target: 0.3,
  sources: ['FamilyDoctorFact.signed', 'FamilyDoctorFact.residents'],
  policyRef: `${sourceName('ygb-2016-1')}及${PILOT_STANDARD}：家庭医生签约服务覆盖率达到30%以上`,
  compute: ratioOf('signed', 'residents'),
});

export const keyPopulationSigningRate = defineIndicator({
  code: 'key_population_signing_rate',
  name: '重点人群签约率',
  area: 'tiered_care',
  definition: '老年人、孕产妇、儿童、残疾人、慢性病患者等重点人群中签约家庭医生服务的比例。',
  formula: '重点人群签约人数 ÷ 重点人群人数',
  numerator: '重点人群签约人数',
  denominator: '重点人群人数',
  unit: 'ratio',
  polarity: 'higher_better',
  target: 0.6,
  sources: ['FamilyDoctorFact.keySigned', 'FamilyDoctorFact.keyPopulation'],
  policyRef: cite('ygb-2016-1', undefined, '重点人群签约服务覆盖率达到60%以上'),
  compute: (i: { keySigned: MaybeNumber; keyPopulation: MaybeNumber }) => safeRatio(i.keySigned, i.keyPopulation),
});

export const tieredCareIndicators = [
  primaryVisitShare,
  inCountyRate,
  cityAdmissionShare,
  outOfCityShare,
  costPerVisit,
  fundPaymentRatio,
  referralDownGrowth,
  referralDownCagr,
  visitCompositionShare,
  familyDoctorSigningRate,
  keyPopulationSigningRate,
] as const;
