import 'server-only';
// The facts behind the 总览 KPIs, summed per county for one year up to an as-of month. One call feeds
// both the tiles and the county comparison (React cache dedupes it within a request). Formulas are
// not here: values are computed by the indicator registry from these inputs.
import type { Db } from '../../db';
import { SCHEME_CODES, type SchemeCode, type SchemeFilter, EXPENSE_ITEM_CODES, INCOME_ITEM_CODES } from '../../domain/codes';
import { addMonths, makePeriod } from '../../indicators/compute';
import { versionInForce } from '../../budget/versions';

export interface KpiInputs {
  enrolled: number;
  shouldEnroll: number;
  due: number;
  collected: number;
  incomeYtd: number;
  expenseYtd: number;
  incomePlan: number;
  expensePlan: number;
  cityPool: number;
  legacyBalances: number;
  trailing12Expense: number;
  primaryVisits: number;
  allVisits: number;
  inCountyAdmissions: number;
  allAdmissions: number;
}

export const emptyInputs = (): KpiInputs => ({
  enrolled: 0, shouldEnroll: 0, due: 0, collected: 0, incomeYtd: 0, expenseYtd: 0, incomePlan: 0, expensePlan: 0,
  cityPool: 0, legacyBalances: 0, trailing12Expense: 0, primaryVisits: 0, allVisits: 0, inCountyAdmissions: 0, allAdmissions: 0,
});

/** Schemes a filter covers. Coverage never adds maternity: its enrollees are a subset of employees. */
export function schemesOf(filter: SchemeFilter, purpose: 'money' | 'coverage' = 'money'): SchemeCode[] {
  if (filter !== 'ALL') return [filter];
  return purpose === 'coverage' ? ['EMPLOYEE', 'RESIDENT'] : SCHEME_CODES;
}

/** The last month of `year` that has ledger data (the year may still be running). */
export async function asOfPeriod(db: Db, year: number): Promise<number | null> {
  const r = await db.prisma.ledgerFact.aggregate({ _max: { period: true }, where: { period: { gte: makePeriod(year, 1), lte: makePeriod(year, 12) } } });
  return r._max.period ?? null;
}

/**
 * Inputs per region code for [year-01, asOf]. Key `cityCode` holds the city total: the counties plus
 * the city pool's own rows (its balance). Execution rates compare county actuals with county plans,
 * so city-account interest (not planned per county) stays out of income YTD.
 */
export async function loadKpiInputs(db: Db, cityCode: string, scheme: SchemeFilter, asOf: number): Promise<Map<string, KpiInputs>> {
  const year = Math.floor(asOf / 100);
  const from = makePeriod(year, 1);
  const money = schemesOf(scheme, 'money');
  const cov = schemesOf(scheme, 'coverage');
  const t12from = addMonths(asOf, -11);
  const p = db.prisma;
  // The plan in force at the as-of month: the budget page's rule (lib/budget/versions).
  const latestVersion = versionInForce(await p.budgetVersion.findMany({ where: { year }, select: { id: true, year: true, seq: true, approvedOn: true } }), year, asOf);
  const [enrol, contrib, ledgerYtd, ledgerT12, plan, balances, util] = await Promise.all([
    p.enrollmentFact.groupBy({ by: ['regionCode'], where: { period: asOf, schemeCode: { in: cov } }, _sum: { enrolled: true, shouldEnroll: true } }),
    p.contributionFact.groupBy({ by: ['regionCode'], where: { period: { gte: from, lte: asOf }, schemeCode: { in: money } }, _sum: { due: true, collected: true } }),
    p.ledgerFact.groupBy({ by: ['regionCode', 'item'], where: { period: { gte: from, lte: asOf }, account: 'POOL', schemeCode: { in: money } }, _sum: { amount: true } }),
    p.ledgerFact.groupBy({ by: ['regionCode'], where: { period: { gte: t12from, lte: asOf }, account: 'POOL', schemeCode: { in: money }, item: { in: EXPENSE_ITEM_CODES } }, _sum: { amount: true } }),
    latestVersion
      ? p.budgetLine.groupBy({ by: ['regionCode', 'item'], where: { versionId: latestVersion.id, schemeCode: { in: money } }, _sum: { amount: true } })
      : Promise.resolve([]),
    p.balanceFact.groupBy({ by: ['regionCode', 'kind'], where: { period: asOf, account: 'POOL', schemeCode: { in: money } }, _sum: { balance: true } }),
    p.utilizationRollup.groupBy({ by: ['insuredRegionCode', 'level', 'visitType', 'inCounty'], where: { period: { gte: from, lte: asOf }, schemeCode: { in: money } }, _sum: { visits: true } }),
  ]);

  const out = new Map<string, KpiInputs>();
  const get = (code: string) => {
    let v = out.get(code);
    if (!v) { v = emptyInputs(); out.set(code, v); }
    return v;
  };
  for (const r of enrol) { const v = get(r.regionCode); v.enrolled += r._sum.enrolled ?? 0; v.shouldEnroll += r._sum.shouldEnroll ?? 0; }
  for (const r of contrib) { const v = get(r.regionCode); v.due += r._sum.due ?? 0; v.collected += r._sum.collected ?? 0; }
  for (const r of ledgerYtd) {
    if (r.regionCode === cityCode) continue;
    const v = get(r.regionCode);
    if (INCOME_ITEM_CODES.includes(r.item)) v.incomeYtd += r._sum.amount ?? 0;
    else if (EXPENSE_ITEM_CODES.includes(r.item)) v.expenseYtd += r._sum.amount ?? 0;
  }
  for (const r of ledgerT12) get(r.regionCode).trailing12Expense += r._sum.amount ?? 0;
  for (const r of plan) {
    const v = get(r.regionCode);
    if (INCOME_ITEM_CODES.includes(r.item)) v.incomePlan += r._sum.amount ?? 0;
    else if (EXPENSE_ITEM_CODES.includes(r.item)) v.expensePlan += r._sum.amount ?? 0;
  }
  for (const r of balances) {
    const v = get(r.regionCode);
    if (r.kind === 'CITY_POOL') v.cityPool += r._sum.balance ?? 0;
    else v.legacyBalances += r._sum.balance ?? 0; // LEGACY, or COUNTY_POOL before the county pooled
  }
  for (const r of util) {
    const v = get(r.insuredRegionCode);
    const n = r._sum.visits ?? 0;
    v.allVisits += n;
    if (r.level === 'PRIMARY') v.primaryVisits += n;
    if (r.visitType === 'INPATIENT') {
      v.allAdmissions += n;
      if (r.inCounty) v.inCountyAdmissions += n;
    }
  }
  // City total = every county + the city's own rows.
  const total = emptyInputs();
  for (const [code, v] of out) {
    if (code === cityCode) continue;
    for (const k of Object.keys(total) as (keyof KpiInputs)[]) total[k] += v[k];
  }
  const cityOwn = out.get(cityCode) ?? emptyInputs();
  total.cityPool += cityOwn.cityPool;
  total.legacyBalances += cityOwn.legacyBalances;
  out.set(cityCode, total);
  return out;
}
