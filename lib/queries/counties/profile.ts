// 县域画像: every registry indicator the warehouse can feed, per county and for the city, and one county's
// comparison with the city and its peers (rank, range, quartiles) — Fingertips-style spine charts.
// Pure: inputs come from profileInputs.ts; every formula is the indicator registry's.
import { indicators, type IndicatorCode } from '../../indicators/registry';
import { indicatorStatus } from '../../indicators/status';
import type { IndicatorArea, IndicatorDef, IndicatorUnit, Polarity, Status } from '../../indicators/types';
import type { RegionKind } from '../../domain/codes';
import type { CityStandards, ProfileInputs, ProfileYear } from './profileInputs';

interface Ctx {
  asOf: number;
  standards: CityStandards;
}

export interface ProfileIndicator {
  code: IndicatorCode;
  /** label when the registry name needs a qualifier (e.g. 次均费用 → 住院次均费用) */
  label?: string;
  value: (i: ProfileInputs, ctx: Ctx) => number | null;
  /** same standard for every county (city-wide policy): shown, never ranked */
  cityWide?: boolean;
  /** why the indicator is not ranked (size-dependent amounts) */
  noRank?: string;
}

const SIZE = '金额受县域规模影响，不排名';

/** The profile's indicators in display order (registry areas). */
export const PROFILE_INDICATORS: ProfileIndicator[] = [
  // 扩面征缴
  { code: 'coverage_rate', value: (i) => indicators.coverage_rate.compute({ enrolled: i.enrolled, shouldEnroll: i.shouldEnroll }) },
  { code: 'poverty_coverage_rate', value: (i) => indicators.poverty_coverage_rate.compute({ povertyEnrolled: i.povertyEnrolled, povertyShouldEnroll: i.povertyShouldEnroll }) },
  { code: 'duplicate_enrollment_rate', value: (i) => indicators.duplicate_enrollment_rate.compute({ duplicates: i.duplicates, enrolled: i.enrolled }) },
  { code: 'enrollment_yoy', value: (i) => indicators.enrollment_yoy.compute({ enrolled: i.enrolled, enrolledLastYear: i.enrolledLastYear }) },
  { code: 'collection_rate', value: (i) => indicators.collection_rate.compute({ collected: i.collected, due: i.due }) },
  { code: 'subsidy_delivery_rate', label: '财政补助到位率（居民医保）', value: (i) => indicators.subsidy_delivery_rate.compute({ subsidyCollected: i.subsidyCollected, subsidyDue: i.subsidyDue }) },
  { code: 'subsidy_per_capita', label: '人均财政补助（居民医保）', value: (i) => indicators.subsidy_per_capita.compute({ subsidyCollected: i.subsidyCollected, enrolled: i.residentEnrolled }) },
  { code: 'collection_gap', noRank: SIZE, value: (i) => indicators.collection_gap.compute({ due: i.due, collected: i.collected }) },
  { code: 'subsidy_gap', noRank: SIZE, value: (i) => indicators.subsidy_gap.compute({ subsidyDue: i.subsidyDue, subsidyCollected: i.subsidyCollected }) },
  {
    code: 'contribution_income_share',
    value: (i, c) => indicators.contribution_income_share.compute({ individualStandard: c.standards.individualStandard, disposableIncome: i.disposableIncome }),
  },
  {
    code: 'resident_contribution_gap',
    cityWide: true,
    value: (_i, c) => indicators.resident_contribution_gap.compute({ standard: c.standards.individualStandard, nationalMinimum: c.standards.nationalMinIndividual }),
  },
  {
    code: 'subsidy_individual_ratio',
    cityWide: true,
    value: (_i, c) => indicators.subsidy_individual_ratio.compute({ subsidyStandard: c.standards.subsidyStandard, individualStandard: c.standards.individualStandard }),
  },
  // 基金预算管理
  { code: 'income_execution_rate', value: (i) => indicators.income_execution_rate.compute({ ytdActual: i.incomePlanBasisYtd, annualPlan: i.incomePlan }) },
  { code: 'expense_execution_rate', value: (i) => indicators.expense_execution_rate.compute({ ytdActual: i.expenseYtd, annualPlan: i.expensePlan }) },
  { code: 'income_execution_deviation', value: (i, c) => indicators.income_execution_deviation.compute({ ytdActual: i.incomePlanBasisYtd, annualPlan: i.incomePlan, asOfMonth: c.asOf }) },
  { code: 'expense_execution_deviation', value: (i, c) => indicators.expense_execution_deviation.compute({ ytdActual: i.expenseYtd, annualPlan: i.expensePlan, asOfMonth: c.asOf }) },
  { code: 'current_balance', noRank: SIZE, value: (i) => indicators.current_balance.compute({ income: i.incomeYtd, expense: i.expenseYtd }) },
  { code: 'accumulated_balance', noRank: SIZE, value: (i) => indicators.accumulated_balance.compute({ cityPool: i.cityPool, legacyBalances: i.legacyBalances }) },
  // 基金运行风险
  {
    code: 'months_of_reserve',
    value: (i) =>
      indicators.months_of_reserve.compute({
        accumulatedBalance: indicators.accumulated_balance.compute({ cityPool: i.cityPool, legacyBalances: i.legacyBalances }),
        trailing12Expense: i.trailing12Expense,
      }),
  },
  { code: 'income_growth_rate', value: (i) => indicators.income_growth_rate.compute({ trailing12Income: i.trailing12Income, trailing12IncomeLastYear: i.trailing12IncomeLastYear }) },
  { code: 'expense_growth_rate', value: (i) => indicators.expense_growth_rate.compute({ trailing12Expense: i.trailing12Expense, trailing12ExpenseLastYear: i.trailing12ExpenseLastYear }) },
  {
    code: 'expense_income_growth_gap',
    value: (i) =>
      indicators.expense_income_growth_gap.compute({
        expenseGrowth: indicators.expense_growth_rate.compute({ trailing12Expense: i.trailing12Expense, trailing12ExpenseLastYear: i.trailing12ExpenseLastYear }),
        incomeGrowth: indicators.income_growth_rate.compute({ trailing12Income: i.trailing12Income, trailing12IncomeLastYear: i.trailing12IncomeLastYear }),
      }),
  },
  // 分级诊疗
  { code: 'primary_visit_share', value: (i) => indicators.primary_visit_share.compute({ primaryVisits: i.primaryVisits, allVisits: i.allVisits }) },
  { code: 'in_county_rate', value: (i) => indicators.in_county_rate.compute({ inCountyAdmissions: i.inCountyAdmissions, allAdmissions: i.allAdmissions }) },
  { code: 'city_admission_share', value: (i) => indicators.city_admission_share.compute({ cityAdmissions: i.cityAdmissions, allAdmissions: i.allAdmissions }) },
  { code: 'out_of_city_share', value: (i) => indicators.out_of_city_share.compute({ outOfCityAdmissions: i.outOfCityAdmissions, allAdmissions: i.allAdmissions }) },
  { code: 'cost_per_visit', label: '住院次均费用', value: (i) => indicators.cost_per_visit.compute({ totalCost: i.inpatientCost, visits: i.allAdmissions }) },
  { code: 'fund_payment_ratio', label: '基金支付比例（全部就诊）', value: (i) => indicators.fund_payment_ratio.compute({ fundPaid: i.fundPaid, totalCost: i.totalCost }) },
  { code: 'referral_down_growth', value: (i) => indicators.referral_down_growth.compute({ down: i.referralsDown, downLastYear: i.referralsDownLastYear }) },
  { code: 'family_doctor_signing_rate', value: (i) => indicators.family_doctor_signing_rate.compute({ signed: i.signed, residents: i.residents }) },
  { code: 'key_population_signing_rate', value: (i) => indicators.key_population_signing_rate.compute({ keySigned: i.keySigned, keyPopulation: i.keyPopulation }) },
  // 待遇支付
  { code: 'settlement_timeliness_rate', value: (i) => indicators.settlement_timeliness_rate.compute({ claimsOnTime: i.claimsOnTime, claimsSettled: i.claimsSettled }) },
  { code: 'policy_reimbursement_ratio', value: (i) => indicators.policy_reimbursement_ratio.compute({ fundPaidWithinPolicy: i.policyRangeFundPaid, policyRangeCost: i.policyRangeCost }) },
  { code: 'assistance_per_case', value: (i) => indicators.assistance_per_case.compute({ assistanceAmount: i.assistanceAmount, assistanceCases: i.assistanceCases }) },
  // 定点管理
  { code: 'inspection_coverage_rate', value: (i) => indicators.inspection_coverage_rate.compute({ institutionsInspected: i.institutionsInspected, institutionsActive: i.institutionsActive }) },
  { code: 'violation_rate', value: (i) => indicators.violation_rate.compute({ institutionsWithViolations: i.institutionsWithViolations, institutionsInspected: i.institutionsInspected }) },
  { code: 'recovery_amount', noRank: SIZE, value: (i) => indicators.recovery_amount.compute({ amountRefused: i.amountRefused, amountRecovered: i.amountRecovered }) },
  // 基金统收统支
  { code: 'remittance_timeliness_rate', value: (i) => (i.remittances === 0 ? null : indicators.remittance_timeliness_rate.compute({ onTime: i.remittancesOnTime, total: i.remittances })) },
  { code: 'remittance_completion_rate', value: (i) => (i.remittances === 0 ? null : indicators.remittance_completion_rate.compute({ remittedAmount: i.remittedAmount, dueAmount: i.remittanceDueAmount })) },
  { code: 'remittance_avg_delay', value: (i) => (i.remittances === 0 ? null : indicators.remittance_avg_delay.compute({ totalDelayDays: i.totalDelayDays, remittances: i.remittances })) },
];

export type ProfileValues = Map<string, Map<IndicatorCode, number | null>>;

/** Every profile indicator for every region of the year (counties and the city). */
export function profileValues(py: ProfileYear): ProfileValues {
  const out: ProfileValues = new Map();
  if (py.asOf === null) return out;
  const ctx = { asOf: py.asOf, standards: py.standards };
  for (const [region, inputs] of py.inputs) {
    out.set(region, new Map(PROFILE_INDICATORS.map((d) => [d.code, d.value(inputs, ctx)])));
  }
  return out;
}

// ───────────────────────────── peers and comparison ─────────────────────────────

export type PeerGroup = 'URBAN' | 'RURAL' | 'ZONE';
/**
 * Peers are units of the same kind. 县 and 县级市 are one group: the same administrative tier and the same
 * rural service structure (township health centres, county hospitals); 市辖区 and 功能区 differ from them
 * (city hospitals next door, few village clinics).
 */
export const PEER_GROUP_LABELS: Record<PeerGroup, string> = { URBAN: '市辖区', RURAL: '县和县级市', ZONE: '功能区' };

export function peerGroupOf(kind: RegionKind | string): PeerGroup {
  if (kind === 'DISTRICT') return 'URBAN';
  if (kind === 'ZONE') return 'ZONE';
  return 'RURAL';
}

export type VsCity = 'better' | 'worse' | 'similar' | 'none';

export interface IndicatorComparison {
  code: IndicatorCode;
  name: string;
  area: IndicatorArea;
  unit: IndicatorUnit;
  polarity: Polarity;
  displayUnit?: string;
  value: number | null;
  city: number | null;
  status: Status;
  /** peers' values (same group, the county itself included) */
  peers: { code: string; value: number | null }[];
  peerMedian: number | null;
  /** over all counties with a value */
  min: number | null;
  max: number | null;
  q1: number | null;
  q3: number | null;
  /** 1 = best among all counties; null when not ranked */
  rank: number | null;
  rankOf: number;
  peerRank: number | null;
  peerRankOf: number;
  /** why there is no rank */
  noRank: string | null;
  vsCity: VsCity;
  cityWide: boolean;
  /** an amount that grows with the county's size: no rank, no spine against the city total */
  sizeDependent: boolean;
}

/** Linear-interpolation quantile (type 7, as R's default) of sorted values. */
export function quantile(sorted: number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Competition rank ("1224"): ties share the best rank. */
export function rankOf(value: number, others: number[], polarity: Polarity): number | null {
  if (polarity === 'band') return null;
  const better = others.filter((v) => (polarity === 'higher_better' ? v > value + 1e-12 : v < value - 1e-12)).length;
  return better + 1;
}

export function vsCityOf(value: number | null, city: number | null, def: Pick<IndicatorDef, 'polarity'>): VsCity {
  if (value === null || city === null || def.polarity === 'band') return 'none';
  const tol = Math.max(1e-9, Math.abs(city) * 0.005);
  if (Math.abs(value - city) <= tol) return 'similar';
  const higher = value > city;
  return (def.polarity === 'higher_better') === higher ? 'better' : 'worse';
}

export interface CountyRef {
  code: string;
  kind: string;
}

export function compareCounty(countyCode: string, values: ProfileValues, counties: CountyRef[], cityCode: string): IndicatorComparison[] {
  const me = counties.find((c) => c.code === countyCode);
  if (!me) throw new Error(`未知的县（市、区）代码 ${countyCode}`);
  const group = peerGroupOf(me.kind);
  const peerCodes = counties.filter((c) => peerGroupOf(c.kind) === group).map((c) => c.code);
  return PROFILE_INDICATORS.map((d) => {
    const def = indicators[d.code] as IndicatorDef;
    const v = values.get(countyCode)?.get(d.code) ?? null;
    const all = counties.map((c) => values.get(c.code)?.get(d.code) ?? null).filter((x): x is number => x !== null);
    const sorted = [...all].sort((a, b) => a - b);
    const peers = peerCodes.map((code) => ({ code, value: values.get(code)?.get(d.code) ?? null }));
    const peerVals = peers.map((p) => p.value).filter((x): x is number => x !== null).sort((a, b) => a - b);
    const ranked = !d.cityWide && !d.noRank && def.polarity !== 'band';
    const others = all.filter((_, i) => i !== all.indexOf(v as number));
    return {
      code: d.code,
      name: d.label ?? def.name,
      area: def.area,
      unit: def.unit,
      polarity: def.polarity,
      displayUnit: def.displayUnit,
      value: v,
      city: values.get(cityCode)?.get(d.code) ?? null,
      status: indicatorStatus(def, v),
      peers,
      peerMedian: quantile(peerVals, 0.5),
      min: sorted[0] ?? null,
      max: sorted[sorted.length - 1] ?? null,
      q1: quantile(sorted, 0.25),
      q3: quantile(sorted, 0.75),
      rank: ranked && v !== null ? rankOf(v, others, def.polarity) : null,
      rankOf: all.length,
      peerRank: ranked && v !== null ? rankOf(v, peerVals.filter((x, i) => i !== peerVals.indexOf(v)), def.polarity) : null,
      peerRankOf: peerVals.length,
      noRank: d.cityWide ? '全市统一标准' : d.noRank ?? (def.polarity === 'band' ? '按合理区间判断，无单一优劣方向，不排名' : null),
      // A county's amount against the city's total says nothing: size-dependent amounts are not compared.
      vsCity: d.cityWide || d.noRank ? 'none' : vsCityOf(v, values.get(cityCode)?.get(d.code) ?? null, def),
      sizeDependent: Boolean(d.noRank),
      cityWide: Boolean(d.cityWide),
    };
  });
}

export interface SpineGeometry {
  /** positions 0..1 across the row; the city sits at 0.5 */
  county: number | null;
  min: number | null;
  max: number | null;
  q1: number | null;
  q3: number | null;
  peers: number[];
  /** better values to the right (higher_better) or flipped (lower_better); band: higher to the right */
  betterRight: boolean;
}

/**
 * Fingertips spine chart geometry: the city value in the middle, the widest distance of any county from
 * the city reaching the edge, better to the right (values of lower-is-better indicators are mirrored).
 */
export function spineGeometry(c: IndicatorComparison): SpineGeometry | null {
  if (c.city === null || c.min === null || c.max === null || c.sizeDependent || c.cityWide) return null;
  const flip = c.polarity === 'lower_better';
  const reach = Math.max(Math.abs(c.max - c.city), Math.abs(c.min - c.city));
  const pos = (x: number | null) => {
    if (x === null) return null;
    if (reach === 0) return 0.5;
    const d = ((x - c.city!) / reach) * 0.46; // keep 4% margin at the edges for the marker
    return 0.5 + (flip ? -d : d);
  };
  const ends = [pos(c.min)!, pos(c.max)!].sort((a, b) => a - b);
  const qs = [pos(c.q1), pos(c.q3)].filter((x): x is number => x !== null).sort((a, b) => a - b);
  return {
    county: pos(c.value),
    min: ends[0],
    max: ends[1],
    q1: qs[0] ?? null,
    q3: qs[1] ?? null,
    peers: c.peers.map((p) => pos(p.value)).filter((x): x is number => x !== null),
    betterRight: c.polarity !== 'band',
  };
}
