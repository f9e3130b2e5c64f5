// The frozen payload of a public annual report release (lib/release kind OPEN_REPORT). Aggregates per
// county-level unit and scheme only: nothing per institution or person is ever stored here.
import type { SchemeFilter } from '../domain/codes';
import type { SuppressionRule } from './suppress';

/** Schemes of the report, in display order. ALL = 职工医保 + 居民医保 + 生育保险 (coverage: 职工 + 居民). */
export const OPEN_SCHEMES: readonly SchemeFilter[] = ['ALL', 'EMPLOYEE', 'RESIDENT', 'MATERNITY'];

/** Facts behind the figures of one region × scheme × year; null = no data (never read as 0). Money in 元, counts in 人/人次/笔. */
export interface FundInputs {
  /** 基金收入 (统筹基金, all income items), 元 */
  income: number | null;
  /** 基金支出 (统筹基金, all expense items), 元 */
  expense: number | null;
  /** year-end 累计结余, 元: the city (市级统筹基金 + 原统筹地区结余); a county only while it pooled on its own */
  accumulatedBalance: number | null;
  /** year-end 应参保人数 / 参保人数, 人 */
  shouldEnroll: number | null;
  enrolled: number | null;
  /** 应征 / 实征, 元 */
  due: number | null;
  collected: number | null;
  /** 已结算笔数 / 按时结算笔数 */
  claimsSettled: number | null;
  claimsOnTime: number | null;
  /** 政策范围内住院费用 / 其中基金支付, 元 */
  policyRangeCost: number | null;
  policyRangeFundPaid: number | null;
  /** 就诊人次 (all visits of the region's insured) / 其中基层; 住院人次 / 其中县域内 */
  allVisits: number | null;
  primaryVisits: number | null;
  allAdmissions: number | null;
  inCountyAdmissions: number | null;
}

/** The indicator values of one region × scheme × year, computed by the registry at publication. */
export interface FundFigures {
  income: number | null;
  expense: number | null;
  current_balance: number | null;
  accumulated_balance: number | null;
  months_of_reserve: number | null;
  enrolled: number | null;
  coverage_rate: number | null;
  collected: number | null;
  collection_rate: number | null;
  settlement_timeliness_rate: number | null;
  policy_reimbursement_ratio: number | null;
  primary_visit_share: number | null;
  in_county_rate: number | null;
}

/** 定点医药机构监督检查 of one region × year (institutions located in the region; 市外机构 excluded). */
export interface SupervisionInputs {
  /** institutions whose agreement was in force during the year */
  institutionsActive: number;
  institutionsInspected: number;
  institutionsWithViolations: number;
  /** institutions with any amount refused or recovered (contributors of the amount) */
  institutionsWithRecovery: number;
  inspections: number;
  violations: number;
  interviews: number;
  suspensions: number;
  terminations: number;
  /** 拒付 + 追回, 元 */
  amountRefused: number;
  amountRecovered: number;
}

export interface SupervisionFigures {
  inspection_coverage_rate: number | null;
  violation_rate: number | null;
  recovery_amount: number | null;
}

export interface OpenRegion {
  code: string;
  name: string;
  shortName: string;
  kind: string;
}

export interface OpenReportPayload {
  /** payload shape version */
  format: 1;
  year: number;
  cityCode: string;
  cityName: string;
  isDemo: boolean;
  /** latest month of data in the year (YYYYMM); a report is published for complete years only */
  dataThrough: number;
  /** the city first, then its county-level units in their official order */
  regions: OpenRegion[];
  /** the suppression rule applied to this release (frozen with it) */
  suppression: SuppressionRule;
  /** regionCode → scheme → inputs / figures */
  inputs: Record<string, Record<SchemeFilter, FundInputs>>;
  figures: Record<string, Record<SchemeFilter, FundFigures>>;
  /** regionCode → supervision of the region's designated institutions (the city = Σ counties) */
  supervision: Record<string, SupervisionInputs>;
  supervisionFigures: Record<string, SupervisionFigures>;
  /** per county and scheme, the month city pooling took effect (YYYYMM), for the explanations */
  pooling: Record<string, Partial<Record<SchemeFilter, number>>>;
}
