// Deficit attribution per county, scheme and year (市级统筹意见（征求意见稿）三(三)). Pure: numbers in, split out.
//
// The rule, in the seed's words:
// - 县（市、区）完成年度收支计划的，如当年基金收支相抵出现缺口，由设区市通过结余基金补足;
// - 县（市、区）未按规定补助到位或未严格执行缴费政策等情形形成的基金收入缺口，由县（市、区）政府负责
//   补足或追缴到位.
// So the county owes its own income gap (unpaid county subsidy + premiums short of plan) whether or not the
// fund ends the year in deficit; whatever deficit remains after that is the city's to cover from surplus.
// Each fund (职工统筹基金, 居民医保, 生育保险) balances on its own, so attribute per scheme and then sum.
// Before a county joined city pooling it balanced its own pool: nothing is attributed to the city.
import { indicators } from '../indicators/registry';

export interface AttributionInput {
  /** fund income (POOL account, income items) for the period attributed */
  income: number;
  /** fund expense (POOL account, expense items) */
  expense: number;
  /** county-level fiscal subsidy due and delivered (resident scheme; 0 and 0 elsewhere) */
  countySubsidyDue: number;
  countySubsidyCollected: number;
  /** premium income in the plan in force, pro-rated to the period when the year is not over; null = no plan line */
  premiumPlan: number | null;
  premiumActual: number;
  /** false while the county still pooled on its own (before its pooling month) */
  pooled: boolean;
}

export type AttributionReasonCode = 'COUNTY_SUBSIDY_UNPAID' | 'PREMIUM_SHORTFALL' | 'CITY_COVERS' | 'NO_GAP' | 'NO_PLAN' | 'COUNTY_POOL';

export interface AttributionReason {
  code: AttributionReasonCode;
  /** amount in 元 the reason stands for (null for explanatory reasons) */
  amount: number | null;
}

export interface Attribution {
  /** 'city': under city pooling (the rule applies); 'county': the county still pooled on its own */
  regime: 'city' | 'county';
  /** 当期结余 = income − expense */
  balance: number;
  /** 基金收支缺口 = max(0, expense − income) */
  gap: number;
  /** 县级财政补助未到位 (≥ 0) */
  countySubsidyUnpaid: number;
  /** 保费收入短收额 against plan (≥ 0); null when there is no plan line */
  premiumShortfall: number | null;
  /** 县级应补足 = unpaid county subsidy + premium shortfall (owed even without a deficit) */
  countyMakeup: number;
  /** part of the gap the county's make-up closes: min(gap, countyMakeup) */
  countyGapShare: number;
  /** 市级结余弥补 = max(0, gap − countyMakeup) */
  cityCovers: number;
  /** 完成年度收支计划: the county caused no income gap of its own */
  metPlan: boolean;
  reasons: AttributionReason[];
}

const n = (x: number | null) => x ?? 0;

export function attributeDeficit(i: AttributionInput): Attribution {
  const I = indicators;
  const balance = n(I.current_balance.compute({ income: i.income, expense: i.expense }));
  const gap = n(I.fund_gap.compute({ income: i.income, expense: i.expense }));
  const subsidyGap = n(I.subsidy_gap.compute({ subsidyDue: i.countySubsidyDue, subsidyCollected: i.countySubsidyCollected }));
  const countySubsidyUnpaid = Math.max(0, subsidyGap);
  const premiumShortfall = i.premiumPlan === null ? null : I.premium_shortfall.compute({ premiumPlan: i.premiumPlan, premiumActual: i.premiumActual });

  if (!i.pooled) {
    // 县级统筹期间自求平衡: the county pool absorbs its own result; the city rule does not apply yet.
    return {
      regime: 'county', balance, gap, countySubsidyUnpaid, premiumShortfall,
      countyMakeup: 0, countyGapShare: 0, cityCovers: 0, metPlan: true,
      reasons: [{ code: 'COUNTY_POOL', amount: null }],
    };
  }

  const countyMakeup = n(I.county_makeup_amount.compute({ countySubsidyGap: countySubsidyUnpaid, premiumShortfall: premiumShortfall ?? 0 }));
  const countyGapShare = n(I.county_gap_share.compute({ fundGap: gap, countyMakeup }));
  const cityCovers = n(I.city_cover_amount.compute({ fundGap: gap, countyMakeup }));

  const reasons: AttributionReason[] = [];
  if (countySubsidyUnpaid > 0) reasons.push({ code: 'COUNTY_SUBSIDY_UNPAID', amount: countySubsidyUnpaid });
  if (premiumShortfall !== null && premiumShortfall > 0) reasons.push({ code: 'PREMIUM_SHORTFALL', amount: premiumShortfall });
  if (premiumShortfall === null) reasons.push({ code: 'NO_PLAN', amount: null });
  if (cityCovers > 0) reasons.push({ code: 'CITY_COVERS', amount: cityCovers });
  if (gap === 0) reasons.push({ code: 'NO_GAP', amount: null });

  return {
    regime: 'city', balance, gap, countySubsidyUnpaid, premiumShortfall,
    countyMakeup, countyGapShare, cityCovers, metPlan: countyMakeup === 0, reasons,
  };
}

/**
 * Sum of attributions of separate funds (schemes) or counties. Gaps are not netted against other funds'
 * surpluses: each fund's gap and each split is added as it was attributed.
 */
export function sumAttributions(parts: Attribution[]): Attribution | null {
  if (parts.length === 0) return null;
  const add = (f: (a: Attribution) => number) => parts.reduce((s, a) => s + f(a), 0);
  // The county's own income gap only counts for funds under city pooling.
  const pooled = parts.filter((a) => a.regime === 'city');
  const shortfalls = pooled.map((a) => a.premiumShortfall).filter((x): x is number => x !== null);
  const countyMakeup = add((a) => a.countyMakeup);
  const countySubsidyUnpaid = pooled.reduce((s, a) => s + a.countySubsidyUnpaid, 0);
  const premiumShortfall = shortfalls.length ? shortfalls.reduce((s, x) => s + x, 0) : null;
  const cityCovers = add((a) => a.cityCovers);
  const gap = add((a) => a.gap);
  const regime = parts.some((a) => a.regime === 'city') ? 'city' : 'county';
  const reasons: AttributionReason[] = [];
  if (regime === 'county') reasons.push({ code: 'COUNTY_POOL', amount: null });
  else {
    if (countySubsidyUnpaid > 0) reasons.push({ code: 'COUNTY_SUBSIDY_UNPAID', amount: countySubsidyUnpaid });
    if (premiumShortfall !== null && premiumShortfall > 0) reasons.push({ code: 'PREMIUM_SHORTFALL', amount: premiumShortfall });
    if (pooled.some((a) => a.premiumShortfall === null)) reasons.push({ code: 'NO_PLAN', amount: null });
    if (cityCovers > 0) reasons.push({ code: 'CITY_COVERS', amount: cityCovers });
    if (gap === 0) reasons.push({ code: 'NO_GAP', amount: null });
    if (parts.some((a) => a.regime === 'county')) reasons.push({ code: 'COUNTY_POOL', amount: null });
  }
  return {
    regime,
    balance: add((a) => a.balance),
    gap,
    countySubsidyUnpaid,
    premiumShortfall,
    countyMakeup,
    countyGapShare: add((a) => a.countyGapShare),
    cityCovers,
    metPlan: countyMakeup === 0,
    reasons,
  };
}

export const REASON_LABELS: Readonly<Record<AttributionReasonCode, string>> = {
  COUNTY_SUBSIDY_UNPAID: '县级财政补助未到位',
  PREMIUM_SHORTFALL: '保费收入低于计划',
  CITY_COVERS: '完成计划部分的缺口由市级结余弥补',
  NO_GAP: '当年收支无缺口',
  NO_PLAN: '无保费收入计划，短收无法认定',
  COUNTY_POOL: '尚未纳入市级统筹（县级自求平衡）',
};
