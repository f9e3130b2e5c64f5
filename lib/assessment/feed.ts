// The assessment's feed: from one county's yearly sums (lib/queries/counties/profileInputs plus the county
// subsidy share and the six unifications) to each assessable indicator's value — always computed by the
// indicator registry — and the figures behind it (the evidence sheet). No formula lives here.
import { indicators } from '../indicators/registry';
import type { IndicatorUnit } from '../indicators/types';
import type { CountyFeed, EvidenceItem, FeedValue } from './results';

/**
 * Yearly sums for one county (January to the as-of month of the year). Counts in 人/笔/家/项, money in 元.
 * Structurally a subset of lib/queries/counties/profileInputs' ProfileInputs plus three assessment fields.
 */
export interface AssessmentInputs {
  enrolled: number;
  shouldEnroll: number;
  /** the same month a year earlier (null = no enrolment rows for that month) */
  enrolledLastYear: number | null;
  shouldEnrollLastYear: number | null;
  povertyEnrolled: number;
  povertyShouldEnroll: number;
  due: number;
  collected: number;
  subsidyDue: number;
  subsidyCollected: number;
  /** 居民医保 county-level subsidy share (SUBSIDY_COUNTY) due and delivered, 元 (null = no such rows in the year) */
  countySubsidyDue: number | null;
  countySubsidyCollected: number | null;
  incomeYtd: number;
  expenseYtd: number;
  incomePlan: number;
  expensePlan: number;
  allVisits: number;
  primaryVisits: number;
  allAdmissions: number;
  inCountyAdmissions: number;
  residents: number;
  signed: number;
  claimsSettled: number;
  claimsOnTime: number;
  policyRangeCost: number;
  policyRangeFundPaid: number;
  institutionsActive: number;
  institutionsInspected: number;
  institutionsWithViolations: number;
  amountRefused: number;
  amountRecovered: number;
  remittances: number;
  remittancesOnTime: number;
  remittanceDueAmount: number;
  remittedAmount: number;
  totalDelayDays: number;
  /** 六统一 items overdue during the year; null when the county has no 六统一 records */
  unificationOverdue: number | null;
}

export interface FeedContext {
  /** last month with data in the year (YYYYMM) */
  asOf: number;
}

const ev = (label: string, value: number | null, unit: IndicatorUnit, displayUnit?: string): EvidenceItem => ({ label, value, unit, displayUnit });
/** A zero count where there should be activity is missing data (nothing reported), not a zero. */
const nz = (x: number | null) => (x === 0 ? null : x);

type Feeder = (i: AssessmentInputs, c: FeedContext) => FeedValue;

/** Every indicator the assessment can score, keyed by registry code. */
export const FEEDERS: Record<string, Feeder> = {
  coverage_rate: (i) => ({
    value: indicators.coverage_rate.compute({ enrolled: nz(i.enrolled), shouldEnroll: i.shouldEnroll }),
    evidence: [ev('参保人数（年末，职工+居民）', nz(i.enrolled), 'count', '人'), ev('应参保人数（全民参保登记库）', nz(i.shouldEnroll), 'count', '人')],
  }),
  coverage_rate_change: (i) => {
    const now = indicators.coverage_rate.compute({ enrolled: nz(i.enrolled), shouldEnroll: i.shouldEnroll });
    const before = indicators.coverage_rate.compute({ enrolled: nz(i.enrolledLastYear), shouldEnroll: i.shouldEnrollLastYear });
    return {
      value: indicators.coverage_rate_change.compute({ coverage: now, coverageLastYear: before }),
      evidence: [
        ev('本年参保率', now, 'ratio'),
        ev('上年同期参保率', before, 'ratio'),
        ev('上年同期参保人数', nz(i.enrolledLastYear), 'count', '人'),
        ev('上年同期应参保人数', nz(i.shouldEnrollLastYear), 'count', '人'),
      ],
    };
  },
  poverty_coverage_rate: (i) => ({
    value: indicators.poverty_coverage_rate.compute({ povertyEnrolled: i.povertyEnrolled, povertyShouldEnroll: i.povertyShouldEnroll }),
    evidence: [ev('困难群众参保人数', i.povertyEnrolled, 'count', '人'), ev('困难群众应参保人数', nz(i.povertyShouldEnroll), 'count', '人')],
  }),
  collection_rate: (i) => ({
    value: indicators.collection_rate.compute({ collected: i.collected, due: i.due }),
    evidence: [ev('实征金额', i.collected, 'yuan'), ev('应征金额', nz(i.due), 'yuan')],
  }),
  // The county government answers for its own share of the resident subsidy (意见 三（三）: 县（市、区）未按规定
  // 补助到位形成的基金收入缺口，由县（市、区）政府负责补足), so the assessment scores the county level only.
  subsidy_delivery_rate: (i) => ({
    value: indicators.subsidy_delivery_rate.compute({ subsidyCollected: i.countySubsidyCollected, subsidyDue: i.countySubsidyDue }),
    evidence: [
      ev('县级财政补助实际到位金额（居民医保）', i.countySubsidyCollected, 'yuan'),
      ev('县级财政补助应到位金额（居民医保）', nz(i.countySubsidyDue), 'yuan'),
      ev('各级财政补助到位率（参考）', indicators.subsidy_delivery_rate.compute({ subsidyCollected: i.subsidyCollected, subsidyDue: i.subsidyDue }), 'ratio'),
    ],
  }),
  settlement_timeliness_rate: (i) => ({
    value: indicators.settlement_timeliness_rate.compute({ claimsOnTime: i.claimsOnTime, claimsSettled: i.claimsSettled }),
    evidence: [ev('按时结算笔数', i.claimsOnTime, 'count', '笔'), ev('已结算笔数', nz(i.claimsSettled), 'count', '笔')],
  }),
  policy_reimbursement_ratio: (i) => ({
    value: indicators.policy_reimbursement_ratio.compute({ fundPaidWithinPolicy: i.policyRangeFundPaid, policyRangeCost: i.policyRangeCost }),
    evidence: [ev('政策范围内基金支付金额', i.policyRangeFundPaid, 'yuan'), ev('政策范围内住院费用', nz(i.policyRangeCost), 'yuan')],
  }),
  inspection_coverage_rate: (i) => ({
    value: indicators.inspection_coverage_rate.compute({ institutionsInspected: i.institutionsInspected, institutionsActive: i.institutionsActive }),
    evidence: [ev('已检查定点机构数', i.institutionsInspected, 'count', '家'), ev('协议有效定点机构数', nz(i.institutionsActive), 'count', '家')],
  }),
  violation_rate: (i) => ({
    value: indicators.violation_rate.compute({ institutionsWithViolations: i.institutionsWithViolations, institutionsInspected: i.institutionsInspected }),
    evidence: [ev('存在违规的定点机构数', i.institutionsWithViolations, 'count', '家'), ev('受检定点机构数', nz(i.institutionsInspected), 'count', '家')],
  }),
  recovery_per_10k_expense: (i) => ({
    value: indicators.recovery_per_10k_expense.compute({ amountRefused: i.amountRefused, amountRecovered: i.amountRecovered, fundExpense: nz(i.expenseYtd) }),
    evidence: [ev('拒付金额', i.amountRefused, 'yuan'), ev('追回金额', i.amountRecovered, 'yuan'), ev('统筹基金支出', nz(i.expenseYtd), 'yuan')],
  }),
  income_execution_deviation: (i, c) => ({
    value: indicators.income_execution_deviation.compute({ ytdActual: i.incomeYtd, annualPlan: nz(i.incomePlan), asOfMonth: c.asOf }),
    evidence: [ev('收入实际（年初至统计月）', nz(i.incomeYtd), 'yuan'), ev('年度收入预算（最新批准版本）', nz(i.incomePlan), 'yuan'), ev('统计截至月份', c.asOf % 100, 'count', '月')],
  }),
  expense_execution_deviation: (i, c) => ({
    value: indicators.expense_execution_deviation.compute({ ytdActual: i.expenseYtd, annualPlan: nz(i.expensePlan), asOfMonth: c.asOf }),
    evidence: [ev('支出实际（年初至统计月）', nz(i.expenseYtd), 'yuan'), ev('年度支出预算（最新批准版本）', nz(i.expensePlan), 'yuan'), ev('统计截至月份', c.asOf % 100, 'count', '月')],
  }),
  remittance_timeliness_rate: (i) => ({
    value: indicators.remittance_timeliness_rate.compute({ onTime: i.remittancesOnTime, total: nz(i.remittances) }),
    evidence: [ev('按时上解笔数', i.remittancesOnTime, 'count', '笔'), ev('应上解笔数', nz(i.remittances), 'count', '笔'), ev('上解延迟天数合计', i.totalDelayDays, 'count', '天')],
  }),
  remittance_completion_rate: (i) => ({
    value: indicators.remittance_completion_rate.compute({ remittedAmount: i.remittedAmount, dueAmount: nz(i.remittanceDueAmount) }),
    evidence: [ev('已上解金额', i.remittedAmount, 'yuan'), ev('应上解金额', nz(i.remittanceDueAmount), 'yuan')],
  }),
  remittance_avg_delay: (i) => ({
    value: indicators.remittance_avg_delay.compute({ totalDelayDays: i.totalDelayDays, remittances: nz(i.remittances) }),
    evidence: [ev('上解延迟天数合计', i.totalDelayDays, 'count', '天'), ev('应上解笔数', nz(i.remittances), 'count', '笔')],
  }),
  unification_overdue_items: (i) => ({
    value: indicators.unification_overdue_items.compute({ overdueItems: i.unificationOverdue }),
    evidence: [ev('本年度逾期的六统一事项（险种×事项）', i.unificationOverdue, 'count', '项')],
  }),
  primary_visit_share: (i) => ({
    value: indicators.primary_visit_share.compute({ primaryVisits: i.primaryVisits, allVisits: nz(i.allVisits) }),
    evidence: [ev('基层医疗机构就诊人次', i.primaryVisits, 'count', '人次'), ev('全部就诊人次', nz(i.allVisits), 'count', '人次')],
  }),
  in_county_rate: (i) => ({
    value: indicators.in_county_rate.compute({ inCountyAdmissions: i.inCountyAdmissions, allAdmissions: nz(i.allAdmissions) }),
    evidence: [ev('县域内住院人次', i.inCountyAdmissions, 'count', '人次'), ev('全部住院人次', nz(i.allAdmissions), 'count', '人次')],
  }),
  family_doctor_signing_rate: (i) => ({
    value: indicators.family_doctor_signing_rate.compute({ signed: i.signed, residents: nz(i.residents) }),
    evidence: [ev('家庭医生签约人数', i.signed, 'count', '人'), ev('常住人口', nz(i.residents), 'count', '人')],
  }),
};

export const FEEDABLE_CODES = Object.keys(FEEDERS);

/** The feed of one county for the given indicator codes; a code without a feeder is missing data. */
export function countyFeed(codes: string[], inputs: AssessmentInputs | undefined, ctx: FeedContext | null): CountyFeed {
  const out: CountyFeed = {};
  for (const code of codes) {
    const f = FEEDERS[code] as Feeder | undefined;
    out[code] = f && inputs && ctx ? f(inputs, ctx) : { value: null, evidence: [] };
  }
  return out;
}
