// The default assessment scheme seeded for a city that has none: the five areas of 《关于实施基本医疗保险和
// 生育保险市级统筹的意见（征求意见稿）》五（二） plus 分级诊疗 (四（三）: 防止因市级统筹冲击分级诊疗制度), 100 points.
// Cut-offs cite the policy figure where one exists; the others are stated as the platform's defaults.
import type { AssessmentScheme } from './scheme';

const OPINION = '《关于实施基本医疗保险和生育保险市级统筹的意见（征求意见稿）》';

export const DEFAULT_SCHEME: AssessmentScheme = {
  name: '县（市、区）人民政府医疗保障工作责任制考核方案',
  basis: `${OPINION}五（二）：从2020年起，将扩面征缴、待遇支付、定点管理、基金预算管理、基金统收统支等落实情况纳入各县（市、区）人民政府工作责任制考核和年度综合考核范围`,
  grades: [
    { min: 90, label: '优秀' },
    { min: 80, label: '良好' },
    { min: 60, label: '合格' },
    { min: 0, label: '不合格' },
  ],
  areas: [
    {
      code: 'collection',
      name: '扩面征缴',
      indicators: [
        { code: 'coverage_rate', weight: 6, rule: { type: 'linear', floor: 0.9, target: 0.95 }, missing: 'zero', basis: '医保局对居民医保参保率“稳定在95%以上”的要求（益阳市医疗保障局答复，引益医保发〔2020〕6号）；90%及以下不得分' },
        { code: 'coverage_rate_change', weight: 4, rule: { type: 'deduction', min: -0.002, per: 0.01, points: 2 }, missing: 'reweight', basis: `${OPINION}四（一）：法定人员应保尽保；下降0.2个百分点以内视为波动，超出部分每个百分点扣2分` },
        { code: 'poverty_coverage_rate', weight: 4, rule: { type: 'banded', bands: [{ min: 0.99, share: 1, label: '≥99%' }, { min: 0.97, max: 0.99, share: 0.5, label: '97%–99%' }, { max: 0.97, share: 0, label: '<97%' }] }, missing: 'reweight', basis: '医保函〔2023〕73号：农村低收入人口和脱贫人口参保率稳定在99%以上' },
        { code: 'collection_rate', weight: 5, rule: { type: 'linear', floor: 0.95, target: 0.98 }, missing: 'zero', basis: `${OPINION}四（一）：基本医疗保险和生育保险费应缴尽缴；目标98%为平台默认值` },
        { code: 'subsidy_delivery_rate', label: '县级财政补助到位率（居民医保）', weight: 6, rule: { type: 'deduction', min: 1, per: 0.01, points: 0.5 }, missing: 'zero', basis: `${OPINION}三（三）：县（市、区）未按规定补助到位形成的基金收入缺口，由县（市、区）政府负责补足；每低1个百分点扣0.5分` },
      ],
    },
    {
      code: 'benefit',
      name: '待遇支付',
      indicators: [
        { code: 'settlement_timeliness_rate', weight: 8, rule: { type: 'banded', bands: [{ min: 0.98, share: 1, label: '≥98%' }, { min: 0.95, max: 0.98, share: 0.6, label: '95%–98%' }, { min: 0.9, max: 0.95, share: 0.3, label: '90%–95%' }, { max: 0.9, share: 0, label: '<90%' }] }, missing: 'reweight', basis: `${OPINION}三（四）：执行统一的待遇支付经办流程和服务规范；四档分数线为平台默认值` },
        { code: 'policy_reimbursement_ratio', weight: 7, rule: { type: 'linear', floor: 0.65, target: 0.7 }, missing: 'reweight', basis: '国家医保局等《关于做好城乡居民基本医疗保障工作的通知》：政策范围内住院费用基金支付比例稳定在70%左右' },
      ],
    },
    {
      code: 'supervision',
      name: '定点管理',
      indicators: [
        { code: 'inspection_coverage_rate', weight: 10, rule: { type: 'linear', floor: 0.3, target: 1 }, missing: 'zero', basis: `${OPINION}三（五）：定期组织开展协议履行情况监督检查；全年全覆盖满分，30%及以下不得分（平台默认值）` },
        { code: 'recovery_per_10k_expense', weight: 5, rule: { type: 'linear', floor: 0, target: 5 }, missing: 'reweight', basis: `${OPINION}四（二）：及时发现查处存在问题，严厉打击欺诈骗保行为；每万元基金支出拒付追回5元满分（平台默认值）` },
      ],
    },
    {
      code: 'budget',
      name: '基金预算管理',
      indicators: [
        { code: 'income_execution_deviation', weight: 6, rule: { type: 'deduction', min: -0.01, per: 0.01, points: 2 }, missing: 'reweight', basis: `${OPINION}三（三）、四（一）：强化预算执行约束力；收入低于序时进度1个百分点以上，每个百分点扣2分` },
        { code: 'expense_execution_deviation', weight: 6, rule: { type: 'deduction', min: -0.05, max: 0.05, per: 0.01, points: 1 }, missing: 'reweight', basis: `${OPINION}三（三）：严格按照批准的预算执行，不得随意调整；偏离序时进度±5个百分点以外，每个百分点扣1分` },
      ],
    },
    {
      code: 'remittance',
      name: '基金统收统支',
      indicators: [
        { code: 'remittance_timeliness_rate', weight: 3, rule: { type: 'linear', floor: 0, target: 1 }, missing: 'zero', basis: `${OPINION}三（三）：当期基金收入全额及时缴入国库，再划转至市级财政专户` },
        { code: 'remittance_avg_delay', weight: 7, rule: { type: 'deduction', max: 0, per: 1, points: 0.5 }, missing: 'zero', basis: `${OPINION}三（三）：全额及时上解；平均每延迟1天扣0.5分` },
        { code: 'remittance_completion_rate', weight: 3, rule: { type: 'deduction', min: 1, per: 0.01, points: 1 }, missing: 'zero', basis: `${OPINION}三（三）：全额上解；每低1个百分点扣1分` },
        { code: 'unification_overdue_items', weight: 5, rule: { type: 'deduction', max: 0, per: 1, points: 2 }, missing: 'reweight', basis: `${OPINION}一、三（六）：“六统一”按期完成，信息系统2020年12月31日前建成以满足统收统支管理要求；每逾期一项（险种×事项）扣2分` },
      ],
    },
    {
      code: 'tiered_care',
      name: '分级诊疗',
      indicators: [
        { code: 'primary_visit_share', weight: 8, rule: { type: 'linear', floor: 0.45, target: 0.65 }, missing: 'reweight', basis: `${OPINION}四（三）；分级诊疗试点评价标准：基层诊疗量占比≥65%满分，45%及以下不得分` },
        { code: 'in_county_rate', weight: 7, rule: { type: 'linear', floor: 0.6, target: 0.9 }, missing: 'reweight', basis: `${OPINION}四（三）；分级诊疗试点评价标准：县域内就诊率90%左右满分，60%及以下不得分` },
      ],
    },
  ],
};
