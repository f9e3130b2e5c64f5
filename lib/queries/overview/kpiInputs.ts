import 'server-only';
// The facts behind the 总览 KPIs, summed per county for one year up to an as-of month. One call feeds
// both the tiles and the county comparison (React cache dedupes it within a request). Formulas are
// not here: values are computed by the indicator registry from these inputs.
import type { Db } from '../../db';
import { SCHEMES, SCHEME_CODES, type SchemeCode, type SchemeFilter, EXPENSE_ITEM_CODES, INCOME_ITEM_CODES } from '../../domain/codes';
import { addMonths, makePeriod } from '../../indicators/compute';
import { versionsInForceByCity } from '../../budget/versions';
import { storedCityCodes } from '../../regions/cityKeys';
import { lastLedgerPeriod, poolRegionCodes, regionIn } from '../pool';
import { onIncomePlanBasis, plannedIncomeKeys } from '../../budget/planBasis';

/**
 * Sums of the facts behind the tiles. null = no row at all (无数据), never 0: a year or region without
 * balance rows has no 累计结余, not a balance of 0 (which would read as 严重不足).
 */
export interface KpiInputs {
  enrolled: number | null;
  shouldEnroll: number | null;
  due: number | null;
  collected: number | null;
  /** 基金收入: every income row (the city account's interest included) */
  incomeYtd: number | null;
  /** 预算口径收入: income of the (region, scheme) pairs the plan in force has income lines for (lib/budget/planBasis) */
  incomePlanBasisYtd: number | null;
  expenseYtd: number | null;
  incomePlan: number | null;
  expensePlan: number | null;
  /** Balances: both null when the region has no balance row; a kind without rows is 0 when another kind has some. */
  cityPool: number | null;
  legacyBalances: number | null;
  trailing12Expense: number | null;
  primaryVisits: number | null;
  allVisits: number | null;
  inCountyAdmissions: number | null;
  allAdmissions: number | null;
  /**
   * Parts missing from a total (schemes or counties that have expenses but no balance row): the balance
   * and months of reserve are then not shown (null) and this says what is missing (「部分数据」).
   */
  missing: { balance?: string[] };
}

type Sums = Omit<KpiInputs, 'missing'>;
const SUM_KEYS: (keyof Sums)[] = [
  'enrolled', 'shouldEnroll', 'due', 'collected', 'incomeYtd', 'incomePlanBasisYtd', 'expenseYtd', 'incomePlan', 'expensePlan',
  'cityPool', 'legacyBalances', 'trailing12Expense', 'primaryVisits', 'allVisits', 'inCountyAdmissions', 'allAdmissions',
];

export const emptyInputs = (): KpiInputs => ({
  enrolled: null, shouldEnroll: null, due: null, collected: null, incomeYtd: null, incomePlanBasisYtd: null, expenseYtd: null, incomePlan: null, expensePlan: null,
  cityPool: null, legacyBalances: null, trailing12Expense: null, primaryVisits: null, allVisits: null, inCountyAdmissions: null, allAdmissions: null,
  missing: {},
});

/** a + b where a missing part adds nothing and two missing parts stay missing. */
const plus = (a: number | null, b: number | null | undefined): number | null => (b === null || b === undefined ? a : (a ?? 0) + b);

/** Schemes a filter covers. Coverage never adds maternity: its enrollees are a subset of employees. */
export function schemesOf(filter: SchemeFilter, purpose: 'money' | 'coverage' = 'money'): SchemeCode[] {
  if (filter !== 'ALL') return [filter];
  return purpose === 'coverage' ? ['EMPLOYEE', 'RESIDENT'] : SCHEME_CODES;
}

/**
 * The last month of `year` that has ledger data (the year may still be running), among the rows of
 * `codes` (a city's regions, lib/queries/pool) or of the whole warehouse (null).
 */
export async function asOfPeriod(db: Db, year: number, codes: string[] | null = null): Promise<number | null> {
  return lastLedgerPeriod(db, codes, { from: makePeriod(year, 1), to: makePeriod(year, 12) });
}

/**
 * The ids of the budget versions in force at the end of month `asOf` (YYYYMM) of `year`: each city's own
 * (lib/budget/versions versionsInForceByCity: the latest version that city approved by then; an adjustment
 * approved later is not yet in force). [] when the year has no version. 总览 and 县域画像 both read the plan
 * through this, so they show the same plan; a region's lines are only in its own city's versions.
 */
export async function budgetVersionsInForce(db: Db, year: number, asOf: number): Promise<number[]> {
  const [versions, cities] = await Promise.all([
    db.prisma.budgetVersion.findMany({ where: { year }, select: { id: true, cityCode: true, year: true, seq: true, approvedOn: true } }),
    storedCityCodes(db.prisma),
  ]);
  return versionsInForceByCity(versions, cities, year, asOf).map((v) => v.id);
}

/**
 * Inputs per region code for [year-01, asOf]. Key `cityCode` holds the city total: the counties plus
 * the city pool's own rows (its balance, its interest). 基金收入 and 当期结余 count every row; the
 * execution rate's numerator is incomePlanBasisYtd (only what the plan has lines for). In a warehouse of several
 * cities only `cityCode`'s rows are read (lib/queries/pool).
 */
export async function loadKpiInputs(db: Db, cityCode: string, scheme: SchemeFilter, asOf: number): Promise<Map<string, KpiInputs>> {
  const out = await loadRegionInputs(db, await poolRegionCodes(db, cityCode), scheme, asOf);
  out.set(cityCode, sumInputs([...out]));
  return out;
}

/**
 * The sum of several regions' inputs (a city: its counties and its own rows; a province: its cities), for
 * every figure; a part's missing piece is the total's missing piece, named `<code> <piece>`.
 */
export function sumInputs(parts: readonly (readonly [string, KpiInputs])[]): KpiInputs {
  const total = emptyInputs();
  for (const [code, v] of parts) {
    for (const k of SUM_KEYS) total[k] = plus(total[k], v[k]);
    if (v.missing.balance) total.missing.balance = [...(total.missing.balance ?? []), ...v.missing.balance.map((m) => `${code} ${m}`)];
  }
  return total;
}

/**
 * Inputs per region code (no totals) for [year-01, asOf], of the regions `codes` or of every region (null).
 */
export async function loadRegionInputs(db: Db, codes: string[] | null, scheme: SchemeFilter, asOf: number): Promise<Map<string, KpiInputs>> {
  const year = Math.floor(asOf / 100);
  const from = makePeriod(year, 1);
  const money = schemesOf(scheme, 'money');
  const cov = schemesOf(scheme, 'coverage');
  const t12from = addMonths(asOf, -11);
  const p = db.prisma;
  // Each city's own version in force (a region's lines are only in its city's versions, so `codes` narrows
  // the lines below).
  const inForceIds = await budgetVersionsInForce(db, year, asOf);
  const [enrol, contrib, ledgerYtd, ledgerT12, plan, balances, util] = await Promise.all([
    p.enrollmentFact.groupBy({ by: ['regionCode'], where: { period: asOf, schemeCode: { in: cov }, ...regionIn(codes) }, _sum: { enrolled: true, shouldEnroll: true } }),
    p.contributionFact.groupBy({ by: ['regionCode'], where: { period: { gte: from, lte: asOf }, schemeCode: { in: money }, ...regionIn(codes) }, _sum: { due: true, collected: true } }),
    p.ledgerFact.groupBy({ by: ['regionCode', 'schemeCode', 'item'], where: { period: { gte: from, lte: asOf }, account: 'POOL', schemeCode: { in: money }, ...regionIn(codes) }, _sum: { amount: true } }),
    p.ledgerFact.groupBy({ by: ['regionCode', 'schemeCode'], where: { period: { gte: t12from, lte: asOf }, account: 'POOL', schemeCode: { in: money }, item: { in: EXPENSE_ITEM_CODES }, ...regionIn(codes) }, _sum: { amount: true } }),
    inForceIds.length
      ? p.budgetLine.groupBy({ by: ['regionCode', 'schemeCode', 'item'], where: { versionId: { in: inForceIds }, schemeCode: { in: money }, ...regionIn(codes) }, _sum: { amount: true } })
      : Promise.resolve([]),
    p.balanceFact.groupBy({ by: ['regionCode', 'kind', 'schemeCode'], where: { period: asOf, account: 'POOL', schemeCode: { in: money }, ...regionIn(codes) }, _sum: { balance: true } }),
    p.utilizationRollup.groupBy({ by: ['insuredRegionCode', 'level', 'visitType', 'inCounty'], where: { period: { gte: from, lte: asOf }, schemeCode: { in: money }, ...regionIn(codes, 'insuredRegionCode') }, _sum: { visits: true } }),
  ]);

  const out = new Map<string, KpiInputs>();
  const get = (code: string) => {
    let v = out.get(code);
    if (!v) { v = emptyInputs(); out.set(code, v); }
    return v;
  };
  for (const r of enrol) { const v = get(r.regionCode); v.enrolled = plus(v.enrolled, r._sum.enrolled); v.shouldEnroll = plus(v.shouldEnroll, r._sum.shouldEnroll); }
  for (const r of contrib) { const v = get(r.regionCode); v.due = plus(v.due, r._sum.due); v.collected = plus(v.collected, r._sum.collected); }
  // Rows booked on the city's own code (市本级: city-account income and expense) count in the city total
  // like every county's, never dropped (issue 12 §7).
  const planned = plannedIncomeKeys(plan);
  for (const r of ledgerYtd) {
    const v = get(r.regionCode);
    if (INCOME_ITEM_CODES.includes(r.item)) {
      v.incomeYtd = plus(v.incomeYtd, r._sum.amount);
      // With no plan in force there is no basis: the rate is missing anyway (no denominator).
      if (onIncomePlanBasis(planned, r.regionCode, r.schemeCode)) v.incomePlanBasisYtd = plus(v.incomePlanBasisYtd, r._sum.amount);
    }
    else if (EXPENSE_ITEM_CODES.includes(r.item)) v.expenseYtd = plus(v.expenseYtd, r._sum.amount);
  }
  const expenseSchemes = new Map<string, Set<string>>();
  for (const r of ledgerT12) {
    get(r.regionCode).trailing12Expense = plus(get(r.regionCode).trailing12Expense, r._sum.amount);
    if ((r._sum.amount ?? 0) > 0) (expenseSchemes.get(r.regionCode) ?? expenseSchemes.set(r.regionCode, new Set()).get(r.regionCode)!).add(r.schemeCode);
  }
  for (const r of plan) {
    const v = get(r.regionCode);
    if (INCOME_ITEM_CODES.includes(r.item)) v.incomePlan = plus(v.incomePlan, r._sum.amount);
    else if (EXPENSE_ITEM_CODES.includes(r.item)) v.expensePlan = plus(v.expensePlan, r._sum.amount);
  }
  const balanceSchemes = new Map<string, Set<string>>();
  for (const r of balances) {
    const v = get(r.regionCode);
    v.cityPool ??= 0;
    v.legacyBalances ??= 0;
    if (r.kind === 'CITY_POOL') v.cityPool += r._sum.balance ?? 0;
    else v.legacyBalances += r._sum.balance ?? 0; // LEGACY, or COUNTY_POOL before the county pooled
    (balanceSchemes.get(r.regionCode) ?? balanceSchemes.set(r.regionCode, new Set()).get(r.regionCode)!).add(r.schemeCode);
  }
  for (const r of util) {
    const v = get(r.insuredRegionCode);
    const n = r._sum.visits ?? 0;
    v.allVisits = plus(v.allVisits, n);
    if (r.level === 'PRIMARY') v.primaryVisits = plus(v.primaryVisits, n);
    else v.primaryVisits = plus(v.primaryVisits, 0);
    if (r.visitType === 'INPATIENT') {
      v.allAdmissions = plus(v.allAdmissions, n);
      v.inCountyAdmissions = plus(v.inCountyAdmissions, r.inCounty ? n : 0);
    }
  }
  // A balance that lacks a scheme whose expense is counted would divide part of the balance by all of the
  // expense: not shown, with the missing part named.
  const schemeName = (c: string) => SCHEMES.find((x) => x.code === c)?.short ?? c;
  for (const [code, v] of out) {
    const has = balanceSchemes.get(code);
    const lacking = [...(expenseSchemes.get(code) ?? [])].filter((s) => !has?.has(s) && has !== undefined);
    if (lacking.length) v.missing.balance = lacking.map((s) => `${schemeName(s)}结余`);
  }
  return out;
}
