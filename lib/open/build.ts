// Builds the public annual report of a year from the warehouse: aggregates per county-level unit and
// scheme, indicator values from the registry. Publishing freezes it as a release (lib/release OPEN_REPORT);
// the public pages read only releases, never these live figures.
import type { Db } from '../db';
import { EXPENSE_ITEM_CODES, INCOME_ITEM_CODES, SCHEME_CODES, type SchemeCode, type SchemeFilter } from '../domain/codes';
import { makePeriod } from '../indicators/compute';
import { indicators } from '../indicators/registry';
import { poolHierarchy } from '../regions/pools';
import { DEFAULT_SUPPRESSION, checkRule, type SuppressionRule } from './suppress';
import { OPEN_SCHEMES, type FundFigures, type FundInputs, type OpenReportPayload, type SupervisionFigures, type SupervisionInputs } from './types';

export class OpenReportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OpenReportError';
  }
}

type Key = `${string}|${SchemeCode}`;
const k = (region: string, scheme: string) => `${region}|${scheme}` as Key;

/** Adds v into map[key], keeping "no row" (absent) apart from 0. */
function add(map: Map<string, number>, key: string, v: number | null | undefined) {
  map.set(key, (map.get(key) ?? 0) + (v ?? 0));
}

/** Σ of map over the schemes; null when none of them has a row. */
function sumOf(map: Map<string, number>, region: string, schemes: readonly SchemeCode[]): number | null {
  let any = false;
  let s = 0;
  for (const sc of schemes) {
    const v = map.get(k(region, sc));
    if (v !== undefined) { any = true; s += v; }
  }
  return any ? s : null;
}

/** The registry's values for one region × scheme. */
export function computeFigures(i: FundInputs): FundFigures {
  return {
    income: i.income,
    expense: i.expense,
    current_balance: indicators.current_balance.compute({ income: i.income, expense: i.expense }),
    accumulated_balance: i.accumulatedBalance,
    // The year is complete (December), so the trailing 12 months are the year's expense.
    months_of_reserve: indicators.months_of_reserve.compute({ accumulatedBalance: i.accumulatedBalance, trailing12Expense: i.expense }),
    enrolled: i.enrolled,
    coverage_rate: indicators.coverage_rate.compute({ enrolled: i.enrolled, shouldEnroll: i.shouldEnroll }),
    collected: i.collected,
    collection_rate: indicators.collection_rate.compute({ collected: i.collected, due: i.due }),
    settlement_timeliness_rate: indicators.settlement_timeliness_rate.compute({ claimsOnTime: i.claimsOnTime, claimsSettled: i.claimsSettled }),
    policy_reimbursement_ratio: indicators.policy_reimbursement_ratio.compute({ fundPaidWithinPolicy: i.policyRangeFundPaid, policyRangeCost: i.policyRangeCost }),
    primary_visit_share: indicators.primary_visit_share.compute({ primaryVisits: i.primaryVisits, allVisits: i.allVisits }),
    in_county_rate: indicators.in_county_rate.compute({ inCountyAdmissions: i.inCountyAdmissions, allAdmissions: i.allAdmissions }),
  };
}

export function computeSupervisionFigures(s: SupervisionInputs): SupervisionFigures {
  return {
    inspection_coverage_rate: indicators.inspection_coverage_rate.compute({ institutionsInspected: s.institutionsInspected, institutionsActive: s.institutionsActive }),
    violation_rate: indicators.violation_rate.compute({ institutionsWithViolations: s.institutionsWithViolations, institutionsInspected: s.institutionsInspected }),
    recovery_amount: indicators.recovery_amount.compute({ amountRefused: s.amountRefused, amountRecovered: s.amountRecovered }),
  };
}

/**
 * Years that can be published: complete years (December has ledger data), oldest first; of one city (its own
 * and its counties' rows) when `cityCode` is given.
 */
export async function publishableYears(db: Db, cityCode?: string): Promise<number[]> {
  const codes = cityCode === undefined ? undefined : await cityCodesOf(db, cityCode);
  const rows = await db.prisma.ledgerFact.groupBy({ by: ['period'], where: { account: 'POOL', ...(codes ? { regionCode: { in: codes } } : {}) } });
  return [...new Set(rows.filter((r) => r.period % 100 === 12).map((r) => Math.floor(r.period / 100)))].sort((a, b) => a - b);
}

/** The city's code and its county-level units' ([] when `cityCode` is not a city). */
async function cityCodesOf(db: Db, cityCode: string): Promise<string[]> {
  const city = poolHierarchy(await db.prisma.region.findMany()).cities.find((c) => c.code === cityCode);
  return city ? [city.code, ...city.counties.map((c) => c.code)] : [];
}

/**
 * The report of `year` (a complete calendar year) for one city (设区市: `opts.cityCode`, default the first city
 * in sort order) and each of its county-level units, per scheme: the city's figures sum its own rows only
 * (its counties' and its city account's), never another city's. Returns OpenReportPayload (money in 元, counts
 * in 人/人次/笔, rates as fractions). Throws OpenReportError when no city is loaded, `opts.cityCode` is not a
 * city, or the city has no December data that year (an incomplete year is never published).
 * Sources: LedgerFact (统筹基金 POOL account), BalanceFact, EnrollmentFact (December), ContributionFact,
 * BenefitFact, UtilizationRollup, SupervisionFact × Institution; formulas from lib/indicators.
 */
export async function buildOpenReport(db: Db, year: number, rule: SuppressionRule = DEFAULT_SUPPRESSION, opts: { cityCode?: string } = {}): Promise<OpenReportPayload> {
  checkRule(rule);
  const p = db.prisma;
  const from = makePeriod(year, 1);
  const to = makePeriod(year, 12);
  const [regions, meta] = await Promise.all([
    p.region.findMany({ orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }] }),
    p.datasetMeta.findMany(),
  ]);
  const pools = poolHierarchy(regions).cities;
  if (!pools.length) throw new OpenReportError('尚未装载地区数据，无法生成公开报告');
  const city = opts.cityCode === undefined ? pools[0] : pools.find((c) => c.code === opts.cityCode);
  if (!city) throw new OpenReportError(`未知的设区市：${opts.cityCode}`);
  const counties = city.counties;
  const codes = [city.code, ...counties.map((c) => c.code)];
  const inCity = { in: codes };
  const dec = await p.ledgerFact.count({ where: { period: to, account: 'POOL', regionCode: inCity } });
  if (dec === 0) throw new OpenReportError(`${year}年数据不完整（缺12月基金收支），不能发布年度公开报告`);
  const m = Object.fromEntries(meta.map((x) => [x.key, x.value]));

  const [ledger, balances, enrol, contrib, benefit, util, pooling, institutions, supervision] = await Promise.all([
    p.ledgerFact.groupBy({ by: ['regionCode', 'schemeCode', 'item'], where: { account: 'POOL', period: { gte: from, lte: to }, regionCode: inCity }, _sum: { amount: true } }),
    p.balanceFact.groupBy({ by: ['regionCode', 'schemeCode', 'kind'], where: { account: 'POOL', period: to, regionCode: inCity }, _sum: { balance: true } }),
    p.enrollmentFact.groupBy({ by: ['regionCode', 'schemeCode'], where: { period: to, regionCode: inCity }, _sum: { enrolled: true, shouldEnroll: true } }),
    p.contributionFact.groupBy({ by: ['regionCode', 'schemeCode'], where: { period: { gte: from, lte: to }, regionCode: inCity }, _sum: { due: true, collected: true } }),
    p.benefitFact.groupBy({
      by: ['regionCode', 'schemeCode'], where: { period: { gte: from, lte: to }, regionCode: inCity },
      _sum: { claimsSettled: true, claimsOnTime: true, policyRangeCost: true, policyRangeFundPaid: true },
    }),
    p.utilizationRollup.groupBy({ by: ['insuredRegionCode', 'schemeCode', 'level', 'visitType', 'inCounty'], where: { period: { gte: from, lte: to }, insuredRegionCode: inCity }, _sum: { visits: true } }),
    p.poolingMilestone.findMany({ where: { regionCode: inCity } }),
    p.institution.findMany({ where: { level: { not: 'OUT_OF_CITY' }, regionCode: inCity }, select: { code: true, regionCode: true, agreementStart: true, agreementEnd: true } }),
    p.supervisionFact.groupBy({
      by: ['institutionCode'], where: { period: { gte: from, lte: to } },
      _sum: { inspections: true, violations: true, amountRefused: true, amountRecovered: true, interviews: true, suspensions: true, terminations: true },
    }),
  ]);

  const income = new Map<string, number>();
  const expense = new Map<string, number>();
  for (const r of ledger) {
    if (INCOME_ITEM_CODES.includes(r.item)) add(income, k(r.regionCode, r.schemeCode), r._sum.amount);
    else if (EXPENSE_ITEM_CODES.includes(r.item)) add(expense, k(r.regionCode, r.schemeCode), r._sum.amount);
  }
  const balAll = new Map<string, number>();
  const balCountyPool = new Map<string, number>();
  for (const r of balances) {
    add(balAll, k(r.regionCode, r.schemeCode), r._sum.balance);
    if (r.kind === 'COUNTY_POOL') add(balCountyPool, k(r.regionCode, r.schemeCode), r._sum.balance);
  }
  const enrolled = new Map<string, number>();
  const shouldEnroll = new Map<string, number>();
  for (const r of enrol) { add(enrolled, k(r.regionCode, r.schemeCode), r._sum.enrolled); add(shouldEnroll, k(r.regionCode, r.schemeCode), r._sum.shouldEnroll); }
  const due = new Map<string, number>();
  const collected = new Map<string, number>();
  for (const r of contrib) { add(due, k(r.regionCode, r.schemeCode), r._sum.due); add(collected, k(r.regionCode, r.schemeCode), r._sum.collected); }
  const settled = new Map<string, number>();
  const onTime = new Map<string, number>();
  const prCost = new Map<string, number>();
  const prPaid = new Map<string, number>();
  for (const r of benefit) {
    const key = k(r.regionCode, r.schemeCode);
    add(settled, key, r._sum.claimsSettled); add(onTime, key, r._sum.claimsOnTime);
    add(prCost, key, r._sum.policyRangeCost); add(prPaid, key, r._sum.policyRangeFundPaid);
  }
  const visits = new Map<string, number>();
  const primary = new Map<string, number>();
  const admissions = new Map<string, number>();
  const inCounty = new Map<string, number>();
  for (const r of util) {
    const key = k(r.insuredRegionCode, r.schemeCode);
    const n = r._sum.visits ?? 0;
    add(visits, key, n);
    add(primary, key, r.level === 'PRIMARY' ? n : 0);
    if (r.visitType === 'INPATIENT') { add(admissions, key, n); add(inCounty, key, r.inCounty ? n : 0); }
  }

  // The city's figures sum every row of the city (its counties' and the city's own account rows, e.g. interest).
  const cityMaps = [income, expense, balAll, enrolled, shouldEnroll, due, collected, settled, onTime, prCost, prPaid, visits, primary, admissions, inCounty];
  for (const map of cityMaps) {
    for (const [key, v] of [...map]) {
      const [region, scheme] = key.split('|');
      if (region !== city.code) add(map, k(city.code, scheme), v);
    }
  }

  const inputsOf = (region: string, scheme: SchemeFilter): FundInputs => {
    const money: readonly SchemeCode[] = scheme === 'ALL' ? SCHEME_CODES : [scheme];
    // Maternity enrollees are employees: coverage of all schemes counts 职工 + 居民 only.
    const cov: readonly SchemeCode[] = scheme === 'ALL' ? ['EMPLOYEE', 'RESIDENT'] : [scheme];
    let accumulated: number | null;
    if (region === city.code) accumulated = sumOf(balAll, region, money);
    else {
      // After pooling the balance is the city's, not split by county; before it a county had its own pool.
      const own = money.map((s) => balCountyPool.get(k(region, s)));
      accumulated = own.every((v) => v !== undefined) ? own.reduce((a, b) => a! + b!, 0)! : null;
    }
    return {
      income: sumOf(income, region, money), expense: sumOf(expense, region, money), accumulatedBalance: accumulated,
      shouldEnroll: sumOf(shouldEnroll, region, cov), enrolled: sumOf(enrolled, region, cov),
      due: sumOf(due, region, money), collected: sumOf(collected, region, money),
      claimsSettled: sumOf(settled, region, money), claimsOnTime: sumOf(onTime, region, money),
      policyRangeCost: sumOf(prCost, region, money), policyRangeFundPaid: sumOf(prPaid, region, money),
      allVisits: sumOf(visits, region, money), primaryVisits: sumOf(primary, region, money),
      allAdmissions: sumOf(admissions, region, money), inCountyAdmissions: sumOf(inCounty, region, money),
    };
  };

  const inputs: OpenReportPayload['inputs'] = {};
  const figures: OpenReportPayload['figures'] = {};
  for (const code of codes) {
    inputs[code] = {} as Record<SchemeFilter, FundInputs>;
    figures[code] = {} as Record<SchemeFilter, FundFigures>;
    for (const s of OPEN_SCHEMES) {
      inputs[code][s] = inputsOf(code, s);
      figures[code][s] = computeFigures(inputs[code][s]);
    }
  }

  // Supervision: institutions located in each county (市外机构 are not the city's to inspect).
  const yearStart = `${year}-01-01`;
  const yearEnd = `${year}-12-31`;
  const empty = (): SupervisionInputs => ({
    institutionsActive: 0, institutionsInspected: 0, institutionsWithViolations: 0, institutionsWithRecovery: 0,
    inspections: 0, violations: 0, interviews: 0, suspensions: 0, terminations: 0, amountRefused: 0, amountRecovered: 0,
  });
  const sup: Record<string, SupervisionInputs> = Object.fromEntries(codes.map((c) => [c, empty()]));
  const byInstitution = new Map(supervision.map((s) => [s.institutionCode, s._sum]));
  for (const inst of institutions) {
    const target = sup[inst.regionCode];
    if (!target) continue;
    const inForce = inst.agreementStart <= yearEnd && (inst.agreementEnd === null || inst.agreementEnd >= yearStart);
    const s = byInstitution.get(inst.code);
    for (const t of [target, sup[city.code]]) {
      if (inForce) t.institutionsActive += 1;
      if (!s) continue;
      const refused = s.amountRefused ?? 0;
      const recovered = s.amountRecovered ?? 0;
      if ((s.inspections ?? 0) > 0) t.institutionsInspected += 1;
      if ((s.violations ?? 0) > 0) t.institutionsWithViolations += 1;
      if (refused + recovered > 0) t.institutionsWithRecovery += 1;
      t.inspections += s.inspections ?? 0;
      t.violations += s.violations ?? 0;
      t.interviews += s.interviews ?? 0;
      t.suspensions += s.suspensions ?? 0;
      t.terminations += s.terminations ?? 0;
      t.amountRefused += refused;
      t.amountRecovered += recovered;
    }
  }
  const supervisionFigures = Object.fromEntries(codes.map((c) => [c, computeSupervisionFigures(sup[c])]));

  const poolingOut: OpenReportPayload['pooling'] = {};
  for (const pm of pooling) {
    if (!codes.includes(pm.regionCode)) continue;
    (poolingOut[pm.regionCode] ??= {})[pm.schemeCode as SchemeCode] = pm.effectivePeriod;
  }

  return {
    format: 1,
    year,
    cityCode: city.code,
    // The dataset's own name for its city (DatasetMeta) when it holds one city, else the region's name.
    cityName: pools.length === 1 ? m.cityName ?? city.name : city.name,
    isDemo: m.isDemo === 'true',
    dataThrough: to,
    regions: [city, ...counties].map((r) => ({ code: r.code, name: r.name, shortName: r.shortName, kind: r.kind })),
    suppression: { ...rule },
    inputs,
    figures,
    supervision: sup,
    supervisionFigures,
    pooling: poolingOut,
  };
}
