import 'server-only';
// The facts behind the 县域画像: for one year (January up to the last month with ledger data) and one scheme
// filter, the sums every registry indicator of the profile needs, per county and for the city (the sum of
// the counties). Reads rolled-up or small fact tables only (UtilizationRollup, never UtilizationFact).
// No formulas here: lib/queries/counties/profile.ts hands these to the indicator registry.
import type { Db } from '../../db';
import { monthEndIso } from '../../dates';
import { EXPENSE_ITEM_CODES, INCOME_ITEM_CODES, SUBSIDY_SOURCES, type SchemeFilter } from '../../domain/codes';
import { addMonths, makePeriod } from '../../indicators/compute';
import { asOfPeriod, budgetVersionsInForce, schemesOf } from '../overview/kpiInputs';
import { onIncomePlanBasis, plannedIncomeKeys } from '../../budget/planBasis';
import { poolRegionCodes, regionIn } from '../pool';

export interface ProfileInputs {
  // 参保 (at the as-of month; coverage schemes)
  enrolled: number;
  shouldEnroll: number;
  enrolledLastYear: number;
  povertyEnrolled: number;
  povertyShouldEnroll: number;
  duplicates: number;
  residentEnrolled: number;
  // 征缴 (year to date)
  due: number;
  collected: number;
  subsidyDue: number;
  subsidyCollected: number;
  // 预算 (year to date vs the version in force at the as-of month, as on 总览; no plan: 0, read as missing by the indicators)
  /** 基金收入: every income row (the city total includes the city account's interest) */
  incomeYtd: number;
  /** 预算口径收入: income of the (region, scheme) pairs the plan in force has income lines for (lib/budget/planBasis) */
  incomePlanBasisYtd: number;
  expenseYtd: number;
  incomePlan: number;
  expensePlan: number;
  // 结余 (month-end of the as-of month)
  cityPool: number;
  legacyBalances: number;
  // 增速 (trailing 12 months, and the 12 months before)
  trailing12Income: number;
  trailing12IncomeLastYear: number;
  trailing12Expense: number;
  trailing12ExpenseLastYear: number;
  // 分级诊疗 (year to date, UtilizationRollup)
  allVisits: number;
  primaryVisits: number;
  allAdmissions: number;
  inCountyAdmissions: number;
  cityAdmissions: number;
  outOfCityAdmissions: number;
  inpatientCost: number;
  totalCost: number;
  fundPaid: number;
  referralsDown: number;
  referralsDownLastYear: number;
  // 家庭医生 (annual)
  residents: number;
  signed: number;
  keyPopulation: number;
  keySigned: number;
  // 待遇支付 (year to date)
  claimsSettled: number;
  claimsOnTime: number;
  policyRangeCost: number;
  policyRangeFundPaid: number;
  assistanceCases: number;
  assistanceAmount: number;
  // 定点管理 (year to date; institutions standing in the region)
  institutionsActive: number;
  institutionsInspected: number;
  institutionsWithViolations: number;
  amountRefused: number;
  amountRecovered: number;
  // 统收统支 (remittances due in the year up to the as-of month)
  remittances: number;
  remittancesOnTime: number;
  remittanceDueAmount: number;
  remittedAmount: number;
  totalDelayDays: number;
  // 每县不同的标准
  disposableIncome: number | null;
}

export interface CityStandards {
  individualStandard: number | null;
  nationalMinIndividual: number | null;
  subsidyStandard: number | null;
}

export interface ProfileYear {
  year: number;
  asOf: number | null;
  /** per county code, plus the city code = sum of the counties */
  inputs: Map<string, ProfileInputs>;
  standards: CityStandards;
}

export const emptyProfileInputs = (): ProfileInputs => ({
  enrolled: 0, shouldEnroll: 0, enrolledLastYear: 0, povertyEnrolled: 0, povertyShouldEnroll: 0, duplicates: 0, residentEnrolled: 0,
  due: 0, collected: 0, subsidyDue: 0, subsidyCollected: 0,
  incomeYtd: 0, incomePlanBasisYtd: 0, expenseYtd: 0, incomePlan: 0, expensePlan: 0, cityPool: 0, legacyBalances: 0,
  trailing12Income: 0, trailing12IncomeLastYear: 0, trailing12Expense: 0, trailing12ExpenseLastYear: 0,
  allVisits: 0, primaryVisits: 0, allAdmissions: 0, inCountyAdmissions: 0, cityAdmissions: 0, outOfCityAdmissions: 0,
  inpatientCost: 0, totalCost: 0, fundPaid: 0, referralsDown: 0, referralsDownLastYear: 0,
  residents: 0, signed: 0, keyPopulation: 0, keySigned: 0,
  claimsSettled: 0, claimsOnTime: 0, policyRangeCost: 0, policyRangeFundPaid: 0, assistanceCases: 0, assistanceAmount: 0,
  institutionsActive: 0, institutionsInspected: 0, institutionsWithViolations: 0, amountRefused: 0, amountRecovered: 0,
  remittances: 0, remittancesOnTime: 0, remittanceDueAmount: 0, remittedAmount: 0, totalDelayDays: 0,
  disposableIncome: null,
});

const DAY = 86_400_000;
const dateOf = (s: string) => Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)));
/** Last calendar day of a YYYYMM month, as a UTC timestamp (the 统计截止日 for unpaid remittances). */
const monthEnd = (period: number) => Date.UTC(Math.floor(period / 100), period % 100, 0);

/** Whole days a remittance was late (0 when on time or early); unpaid ones count until `cutoff`. */
export function delayDays(dueDate: string, paidDate: string | null, cutoff: number): number {
  const due = dateOf(dueDate);
  const paid = paidDate ? dateOf(paidDate) : cutoff;
  return Math.max(0, Math.round((paid - due) / DAY));
}

export async function loadProfileYear(db: Db, cityCode: string, scheme: SchemeFilter, year: number, counties: string[]): Promise<ProfileYear> {
  // The city's last month (in a warehouse of several cities, another city's later month is not this one's);
  // every total below sums only `counties` and the city's own rows.
  // In a warehouse of several cities, every read below is narrowed to this city's regions in SQL (another
  // city's rows would only be dropped afterwards: 15 times the rows read at province scale).
  const pool = await poolRegionCodes(db, cityCode);
  const asOf = await asOfPeriod(db, year, pool);
  const empty: ProfileYear = { year, asOf, inputs: new Map(), standards: { individualStandard: null, nationalMinIndividual: null, subsidyStandard: null } };
  if (asOf === null) return empty;
  const from = makePeriod(year, 1);
  const money = schemesOf(scheme, 'money');
  const cov = schemesOf(scheme, 'coverage');
  const lastYear = asOf - 100;
  const t12 = addMonths(asOf, -11);
  const t12Prev = addMonths(asOf, -23);
  const p = db.prisma;
  // The plan in force at the as-of month, as on 总览 (an adjustment approved after asOf is not yet in force):
  // each city's own version, its lines narrowed to this city's regions below.
  const planIds = await budgetVersionsInForce(db, year, asOf);
  const institutions = await p.institution.findMany({ where: { level: { not: 'OUT_OF_CITY' }, ...regionIn(pool) }, select: { code: true, regionCode: true, agreementStart: true, agreementEnd: true } });
  // SupervisionFact is keyed by institution only: this city's institutions name its rows.
  const supervisedIn = pool ? { institutionCode: { in: institutions.map((i) => i.code) } } : {};
  const [
    enrolNow, enrolPrev, residentNow, contrib, subsidy, ledgerYtd, ledger24, plan, balances, util, utilPrev, family, benefit,
    supervision, remit, standards,
  ] = await Promise.all([
    p.enrollmentFact.groupBy({
      by: ['regionCode'],
      where: { period: asOf, schemeCode: { in: cov }, ...regionIn(pool) },
      _sum: { enrolled: true, shouldEnroll: true, povertyShouldEnroll: true, subsidisedExtreme: true, subsidisedMinLiving: true, subsidisedMonitored: true, subsidisedOther: true, duplicates: true },
    }),
    p.enrollmentFact.groupBy({ by: ['regionCode'], where: { period: lastYear, schemeCode: { in: cov }, ...regionIn(pool) }, _sum: { enrolled: true } }),
    p.enrollmentFact.groupBy({ by: ['regionCode'], where: { period: asOf, schemeCode: 'RESIDENT', ...regionIn(pool) }, _sum: { enrolled: true } }),
    p.contributionFact.groupBy({ by: ['regionCode'], where: { period: { gte: from, lte: asOf }, schemeCode: { in: money }, ...regionIn(pool) }, _sum: { due: true, collected: true } }),
    // Fiscal subsidies exist only in the resident scheme (医保函〔2023〕73号): 到位率 and 人均 use resident figures.
    p.contributionFact.groupBy({
      by: ['regionCode'],
      where: { period: { gte: from, lte: asOf }, schemeCode: 'RESIDENT', source: { in: SUBSIDY_SOURCES }, ...regionIn(pool) },
      _sum: { due: true, collected: true },
    }),
    p.ledgerFact.groupBy({ by: ['regionCode', 'schemeCode', 'item'], where: { period: { gte: from, lte: asOf }, account: 'POOL', schemeCode: { in: money }, ...regionIn(pool) }, _sum: { amount: true } }),
    p.ledgerFact.groupBy({
      by: ['regionCode', 'item', 'period'],
      where: { period: { gte: t12Prev, lte: asOf }, account: 'POOL', schemeCode: { in: money }, item: { in: [...INCOME_ITEM_CODES, ...EXPENSE_ITEM_CODES] }, ...regionIn(pool) },
      _sum: { amount: true },
    }),
    planIds.length
      ? p.budgetLine.groupBy({ by: ['regionCode', 'schemeCode', 'item'], where: { versionId: { in: planIds }, schemeCode: { in: money }, ...regionIn(pool) }, _sum: { amount: true } })
      : Promise.resolve([]),
    p.balanceFact.groupBy({ by: ['regionCode', 'kind'], where: { period: asOf, account: 'POOL', schemeCode: { in: money }, ...regionIn(pool) }, _sum: { balance: true } }),
    p.utilizationRollup.groupBy({
      by: ['insuredRegionCode', 'level', 'visitType', 'inCounty'],
      where: { period: { gte: from, lte: asOf }, schemeCode: { in: money }, ...regionIn(pool, 'insuredRegionCode') },
      _sum: { visits: true, totalCost: true, fundPaid: true, referralsDown: true },
    }),
    p.utilizationRollup.groupBy({
      by: ['insuredRegionCode'],
      where: { period: { gte: from - 100, lte: lastYear }, schemeCode: { in: money }, ...regionIn(pool, 'insuredRegionCode') },
      _sum: { referralsDown: true },
    }),
    p.familyDoctorFact.findMany({ where: { year, ...regionIn(pool) } }),
    p.benefitFact.groupBy({
      by: ['regionCode'],
      where: { period: { gte: from, lte: asOf }, schemeCode: { in: money }, ...regionIn(pool) },
      _sum: { claimsSettled: true, claimsOnTime: true, policyRangeCost: true, policyRangeFundPaid: true, assistanceCases: true, assistanceAmount: true },
    }),
    p.supervisionFact.groupBy({
      by: ['institutionCode'],
      where: { period: { gte: from, lte: asOf }, ...supervisedIn },
      _sum: { inspections: true, violations: true, amountRefused: true, amountRecovered: true },
    }),
    p.remittanceFact.findMany({ where: { period: { gte: from, lte: asOf }, schemeCode: { in: money }, ...regionIn(pool) }, select: { regionCode: true, amount: true, dueDate: true, paidDate: true } }),
    // Standards too: the 人均可支配收入 loop below keys every row it reads, so another city's counties'
    // rows would appear as regions of this city's profile.
    p.policyStandard.findMany({ where: { year, ...regionIn(pool) } }),
  ]);

  const out = new Map<string, ProfileInputs>();
  const countySet = new Set(counties);
  const get = (code: string) => {
    let v = out.get(code);
    if (!v) out.set(code, (v = emptyProfileInputs()));
    return v;
  };
  for (const c of counties) get(c);
  const s = (x: number | null | undefined) => x ?? 0;

  for (const r of enrolNow) {
    const v = get(r.regionCode);
    v.enrolled += s(r._sum.enrolled);
    v.shouldEnroll += s(r._sum.shouldEnroll);
    v.povertyShouldEnroll += s(r._sum.povertyShouldEnroll);
    v.povertyEnrolled += s(r._sum.subsidisedExtreme) + s(r._sum.subsidisedMinLiving) + s(r._sum.subsidisedMonitored) + s(r._sum.subsidisedOther);
    v.duplicates += s(r._sum.duplicates);
  }
  for (const r of enrolPrev) get(r.regionCode).enrolledLastYear += s(r._sum.enrolled);
  for (const r of residentNow) get(r.regionCode).residentEnrolled += s(r._sum.enrolled);
  for (const r of contrib) { const v = get(r.regionCode); v.due += s(r._sum.due); v.collected += s(r._sum.collected); }
  for (const r of subsidy) { const v = get(r.regionCode); v.subsidyDue += s(r._sum.due); v.subsidyCollected += s(r._sum.collected); }
  // The city's own rows (市级专户利息) are kept on the city code and added to the city total below: they are
  // 基金收入 and count in 当期结余, but off the budget's basis unless the plan has lines for them.
  const planned = plannedIncomeKeys(plan);
  for (const r of ledgerYtd) {
    const v = get(r.regionCode);
    if (INCOME_ITEM_CODES.includes(r.item)) {
      v.incomeYtd += s(r._sum.amount);
      if (onIncomePlanBasis(planned, r.regionCode, r.schemeCode)) v.incomePlanBasisYtd += s(r._sum.amount);
    } else if (EXPENSE_ITEM_CODES.includes(r.item)) v.expenseYtd += s(r._sum.amount);
  }
  for (const r of ledger24) {
    if (r.regionCode === cityCode) continue;
    const v = get(r.regionCode);
    const recent = r.period >= t12;
    const a = s(r._sum.amount);
    if (INCOME_ITEM_CODES.includes(r.item)) {
      if (recent) v.trailing12Income += a;
      else v.trailing12IncomeLastYear += a;
    } else if (recent) v.trailing12Expense += a;
    else v.trailing12ExpenseLastYear += a;
  }
  for (const r of plan) {
    const v = get(r.regionCode);
    if (INCOME_ITEM_CODES.includes(r.item)) v.incomePlan += s(r._sum.amount);
    else if (EXPENSE_ITEM_CODES.includes(r.item)) v.expensePlan += s(r._sum.amount);
  }
  for (const r of balances) {
    const v = get(r.regionCode);
    if (r.kind === 'CITY_POOL') v.cityPool += s(r._sum.balance);
    else v.legacyBalances += s(r._sum.balance);
  }
  for (const r of util) {
    const v = get(r.insuredRegionCode);
    const n = s(r._sum.visits);
    v.allVisits += n;
    v.totalCost += s(r._sum.totalCost);
    v.fundPaid += s(r._sum.fundPaid);
    v.referralsDown += s(r._sum.referralsDown);
    if (r.level === 'PRIMARY') v.primaryVisits += n;
    if (r.visitType === 'INPATIENT') {
      v.allAdmissions += n;
      v.inpatientCost += s(r._sum.totalCost);
      if (r.inCounty) v.inCountyAdmissions += n;
      if (r.level === 'CITY') v.cityAdmissions += n;
      if (r.level === 'OUT_OF_CITY') v.outOfCityAdmissions += n;
    }
  }
  for (const r of utilPrev) get(r.insuredRegionCode).referralsDownLastYear += s(r._sum.referralsDown);
  for (const f of family) {
    const v = get(f.regionCode);
    v.residents += f.residents; v.signed += f.signed; v.keyPopulation += f.keyPopulation; v.keySigned += f.keySigned;
  }
  for (const r of benefit) {
    const v = get(r.regionCode);
    v.claimsSettled += s(r._sum.claimsSettled);
    v.claimsOnTime += s(r._sum.claimsOnTime);
    v.policyRangeCost += s(r._sum.policyRangeCost);
    v.policyRangeFundPaid += s(r._sum.policyRangeFundPaid);
    v.assistanceCases += s(r._sum.assistanceCases);
    v.assistanceAmount += s(r._sum.assistanceAmount);
  }
  // Supervision belongs to the region an institution stands in; an agreement counts when it was in force
  // at some point of the year up to the as-of month.
  const yearStart = `${year}-01-01`;
  const cutoffIso = monthEndIso(asOf);
  const regionOf = new Map<string, string>();
  for (const i of institutions) {
    regionOf.set(i.code, i.regionCode);
    if (i.agreementStart <= cutoffIso && (i.agreementEnd === null || i.agreementEnd >= yearStart)) get(i.regionCode).institutionsActive += 1;
  }
  for (const r of supervision) {
    const region = regionOf.get(r.institutionCode);
    if (!region) continue;
    const v = get(region);
    if (s(r._sum.inspections) > 0) v.institutionsInspected += 1;
    if (s(r._sum.violations) > 0) v.institutionsWithViolations += 1;
    v.amountRefused += s(r._sum.amountRefused);
    v.amountRecovered += s(r._sum.amountRecovered);
  }
  const cutoff = monthEnd(asOf);
  for (const r of remit) {
    const v = get(r.regionCode);
    v.remittances += 1;
    v.remittanceDueAmount += r.amount;
    if (r.paidDate !== null) {
      v.remittedAmount += r.amount;
      if (r.paidDate <= r.dueDate) v.remittancesOnTime += 1;
    }
    v.totalDelayDays += delayDays(r.dueDate, r.paidDate, cutoff);
  }
  const std: CityStandards = { individualStandard: null, nationalMinIndividual: null, subsidyStandard: null };
  let incomeSum = 0;
  let incomeN = 0;
  for (const st of standards) {
    if (st.schemeCode !== 'RESIDENT') continue;
    if (st.item === 'DISPOSABLE_INCOME') {
      if (st.regionCode === cityCode) continue;
      const v = get(st.regionCode);
      v.disposableIncome = st.amount;
      if (countySet.has(st.regionCode) && v.residentEnrolled > 0) { incomeSum += st.amount * v.residentEnrolled; incomeN += v.residentEnrolled; }
    } else if (st.regionCode === cityCode) {
      if (st.item === 'INDIVIDUAL_STANDARD') std.individualStandard = st.amount;
      if (st.item === 'NATIONAL_MIN_INDIVIDUAL') std.nationalMinIndividual = st.amount;
      if (st.item === 'SUBSIDY_STANDARD') std.subsidyStandard = st.amount;
    }
  }

  // The city = every county + the city's own rows (its pool balance); only counties' utilization etc.
  const total = emptyProfileInputs();
  for (const [code, v] of out) {
    if (code === cityCode || !countySet.has(code)) continue;
    for (const k of Object.keys(total) as (keyof ProfileInputs)[]) {
      if (k === 'disposableIncome') continue;
      (total[k] as number) += v[k] as number;
    }
  }
  const own = out.get(cityCode);
  if (own) {
    total.cityPool += own.cityPool;
    total.legacyBalances += own.legacyBalances;
    total.incomeYtd += own.incomeYtd;
    total.incomePlanBasisYtd += own.incomePlanBasisYtd;
    total.expenseYtd += own.expenseYtd;
    total.incomePlan += own.incomePlan;
    total.expensePlan += own.expensePlan;
  }
  // The city's disposable income: its own figure if given, else its counties' weighted by resident enrolees.
  total.disposableIncome = own?.disposableIncome ?? (incomeN > 0 ? incomeSum / incomeN : null);
  out.set(cityCode, total);
  return { year, asOf, inputs: out, standards: std };
}
