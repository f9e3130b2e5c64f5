// Policy levers for the what-if (基金可持续性). 《关于实施基本医疗保险和生育保险市级统筹的意见（征求意见稿）》
// §三(三): when the accumulated balance is insufficient the city adjusts policy under 以收定支、收支平衡.
// Each lever turns into monthly multipliers of the central income and expense from its effective month
// (the first January after the last month with data: contribution and benefit standards change by
// contribution year). Mechanisms:
//
// - 个人缴费标准 +Δc 元/人·年 (on top of the trend): enrolment × ((c+Δc)/c)^ε (ε = enrolment elasticity,
//   estimated by elasticity.ts, analyst may override; 医保函〔2023〕73号 选择性参保). Premium income ×
//   (c+Δc)/c × enrolment ratio; subsidy income × enrolment ratio (subsidies are per enrolled person);
//   expense × (1 − (1 − enrolment ratio) × leaver cost ratio): those who leave are assumed to cost less
//   than the average enrollee (default half — an assumption, stated on the page).
// - 财政补助标准 +Δs 元/人·年: subsidy income × (s+Δs)/s × enrolment ratio.
// - 报销比例 by facility level (Δ percentage points): fund paid at a level = ratio × policy-covered cost
//   (政策范围内费用), so the direct effect is (r+Δ)/r on that level's fund payments; and, through
//   differentiated payment (差别化支付), the primary share of visits moves by `primaryShift` points per
//   point of change in the primary-minus-hospital ratio gap, shifting visits (at their per-visit fund cost)
//   between hospitals and primary care.
// - 支出增长控制 −δ: the annual expense growth g becomes g − δ, compounding per year from the effective month.
import { addMonths, periodMonth } from '../../indicators/compute';
import { adequacyTest, centralPath, type Adjustment } from './summarize';
import type { Simulation } from './simulate';

export type LevelCode = 'PRIMARY' | 'COUNTY' | 'CITY';

export interface LevelFigures {
  level: LevelCode;
  /** fund paid over the last 12 months, 元 */
  fundPaid: number;
  /** policy-covered cost (政策范围内费用) over the last 12 months, 元 */
  policyCost: number;
  /** visits over the last 12 months, 人次 */
  visits: number;
}

export interface LeverContext {
  /** share of fund income from individual premiums (保险费收入) and from fiscal subsidies, last 12 months, 0..1 */
  premiumShare: number;
  subsidyShare: number;
  /** current individual contribution standard, 元/人·年; null when unknown (lever unavailable) */
  contribution: number | null;
  /** current fiscal subsidy standard, 元/人·年; null when unknown */
  subsidyStandard: number | null;
  /** enrolment elasticity used by default (estimate), ≤ 0 */
  elasticity: number;
  /** relative expense of an enrollee who leaves, vs the average (default 0.5, assumption) */
  leaverCostRatio: number;
  /** primary-share response: points of primary share per point of primary-minus-hospital ratio gap (assumption) */
  primaryShift: number;
  /** within-city facility levels (empty: reimbursement lever unavailable) */
  levels: LevelFigures[];
}

export interface Levers {
  /** 个人缴费标准提高, 元/人·年 (on top of the trend) */
  contributionRise: number;
  /** 财政补助标准提高, 元/人·年 */
  subsidyRise: number;
  /** 报销比例变化 by level, percentage points (e.g. −2 = two points lower) */
  reimbursement: Partial<Record<LevelCode, number>>;
  /** 支出年增长率降低, as a fraction (0.01 = one point) */
  growthCut: number;
  /** elasticity override; undefined = the context's estimate */
  elasticity?: number;
}

export { NO_LEVERS } from './noLevers';
import { NO_LEVERS } from './noLevers';

export interface LeverEffect {
  adjustment: Adjustment;
  /** enrolment after ÷ before (1 = unchanged) */
  enrolmentRatio: number;
  /** income and expense multipliers in the first effective year (before growth control) */
  incomeFactor: number;
  expenseFactor: number;
  /** primary share of within-city visits before and after, 0..1; null without level figures */
  primaryShare: { before: number; after: number } | null;
  effectiveFrom: number;
}

/** First January after lastPeriod. */
export function effectiveFrom(lastPeriod: number): number {
  return addMonths(lastPeriod, 13 - periodMonth(lastPeriod));
}

/** Turns lever settings into monthly multipliers of the central projection. Pure. */
export function applyLevers(sim: Simulation, ctx: LeverContext, levers: Levers): LeverEffect {
  const eps = levers.elasticity ?? ctx.elasticity;
  const c = ctx.contribution;
  const s = ctx.subsidyStandard;
  const priceRatio = c && c > 0 ? (c + levers.contributionRise) / c : 1;
  const enrolmentRatio = priceRatio > 0 ? Math.pow(priceRatio, eps) : 1;
  const subsidyRatio = s && s > 0 ? (s + levers.subsidyRise) / s : 1;
  const otherShare = Math.max(0, 1 - ctx.premiumShare - ctx.subsidyShare);
  const incomeFactor = ctx.premiumShare * priceRatio * enrolmentRatio + ctx.subsidyShare * subsidyRatio * enrolmentRatio + otherShare;
  let expenseFactor = 1 - (1 - enrolmentRatio) * ctx.leaverCostRatio;

  let primaryShare: LeverEffect['primaryShare'] = null;
  const lv = ctx.levels.filter((l) => l.policyCost > 0 && l.visits > 0);
  if (lv.length > 0) {
    const total = lv.reduce((a, l) => a + l.fundPaid, 0);
    const visits = lv.reduce((a, l) => a + l.visits, 0);
    const after = lv.map((l) => {
      const r = l.fundPaid / l.policyCost;
      const d = (levers.reimbursement[l.level] ?? 0) / 100;
      const r2 = Math.max(0, Math.min(1, r + d));
      return { ...l, r, r2, perVisit: (r2 * l.policyCost) / l.visits };
    });
    const prim = after.find((l) => l.level === 'PRIMARY');
    const hosp = after.filter((l) => l.level !== 'PRIMARY');
    const hospVisits = hosp.reduce((a, l) => a + l.visits, 0);
    let paid = after.reduce((a, l) => a + l.r2 * l.policyCost, 0);
    const before = prim ? prim.visits / visits : 0;
    let shareAfter = before;
    if (prim && hospVisits > 0) {
      const dPrim = prim.r2 - prim.r;
      const dHosp = hosp.reduce((a, l) => a + (l.r2 - l.r) * l.visits, 0) / hospVisits;
      const moved = Math.max(-prim.visits, Math.min(hospVisits, ctx.primaryShift * (dPrim - dHosp) * visits));
      const hospPerVisit = hosp.reduce((a, l) => a + l.perVisit * l.visits, 0) / hospVisits;
      paid += moved * (prim.perVisit - hospPerVisit);
      shareAfter = (prim.visits + moved) / visits;
    }
    // utilisation fund payments are the fund's medical expense: scale expense by the change
    if (total > 0) expenseFactor *= paid / total;
    primaryShare = prim ? { before, after: shareAfter } : null;
  }

  const from = effectiveFrom(sim.lastPeriod);
  const k0 = sim.periods.indexOf(from);
  const g = sim.growth.expense;
  const H = sim.horizon;
  const inc = new Float64Array(H).fill(1);
  const exp = new Float64Array(H).fill(1);
  for (let k = Math.max(0, k0); k < H; k++) {
    const yearIndex = Math.ceil((k - k0 + 1) / 12);
    const control = 1 + g > 0 ? Math.pow((1 + g - levers.growthCut) / (1 + g), yearIndex) : 1;
    inc[k] = incomeFactor;
    exp[k] = expenseFactor * control;
  }
  return { adjustment: { income: inc, expense: exp }, enrolmentRatio, incomeFactor, expenseFactor, primaryShare, effectiveFrom: from };
}

export type LeverKey = 'contributionRise' | 'subsidyRise' | 'reimbursementAll' | 'growthCut';

export interface LeverSpec {
  key: LeverKey;
  name: string;
  unit: string;
  /** search range and step; the smallest passing value is the first step at or past the boundary */
  max: number;
  step: number;
  /** lever settings for a value of this lever alone */
  set(v: number, base: Levers): Levers;
}

export const LEVER_SPECS: LeverSpec[] = [
  { key: 'contributionRise', name: '个人缴费标准提高', unit: '元/人·年', max: 600, step: 1, set: (v, b) => ({ ...b, contributionRise: v }) },
  { key: 'subsidyRise', name: '财政补助标准提高', unit: '元/人·年', max: 800, step: 1, set: (v, b) => ({ ...b, subsidyRise: v }) },
  {
    key: 'reimbursementAll', name: '各级报销比例同时降低', unit: '个百分点', max: 30, step: 0.1,
    set: (v, b) => ({ ...b, reimbursement: { PRIMARY: -v, COUNTY: -v, CITY: -v } }),
  },
  { key: 'growthCut', name: '支出年增长率降低', unit: '个百分点', max: 20, step: 0.1, set: (v, b) => ({ ...b, growthCut: v / 100 }) },
];

/**
 * The smallest value of one lever (the others as in `base`) that passes the adequacy test on the central
 * path; null when even the range's maximum fails, 0 when it already passes. Bisection (the test is
 * monotone in every lever), rounded up to the lever's step.
 */
export function smallestPassing(sim: Simulation, ctx: LeverContext, spec: LeverSpec, base: Levers = NO_LEVERS, test: { horizon?: number; threshold?: number } = {}): number | null {
  const passes = (v: number) => adequacyTest(centralPath(sim, applyLevers(sim, ctx, spec.set(v, base)).adjustment), test.horizon, test.threshold).pass;
  if (passes(0)) return 0;
  if (!passes(spec.max)) return null;
  let lo = 0, hi = spec.max;
  while (hi - lo > spec.step / 2) {
    const mid = (lo + hi) / 2;
    if (passes(mid)) hi = mid;
    else lo = mid;
  }
  let v = Math.ceil(hi / spec.step - 1e-9) * spec.step;
  while (v - spec.step > 0 && passes(v - spec.step)) v -= spec.step;
  return Math.round(v * 1000) / 1000;
}
