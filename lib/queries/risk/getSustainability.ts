import 'server-only';
// 基金可持续性 for one scheme, city-wide (the city pool plus every legacy county balance, as the balance
// projection): inputs of the stochastic projection, its summary, the lever context (contribution and
// subsidy standards, enrolment elasticity estimated from EnrollmentFact × PolicyStandard, fund payments by
// facility level) and why the projection moved since last month. The simulation is the pure
// lib/risk/sustainability; the page runs it again in the browser for the levers (same seed, same figures).
// Results change only when the data change: cached by data version (lib/cache).
import { getDb, type Db } from '../../db';
import { cachedByDataVersionOn } from '../../cache';
import { EXPENSE_ITEM_CODES, INCOME_ITEM_CODES, type SchemeCode } from '../../domain/codes';
import {
  attributeChange, DEFAULT_SIMULATION, estimateEnrolmentElasticity, LEVER_SPECS, NO_LEVERS, simulateFund, smallestPassing, summarize,
  type Attribution, type ElasticityEstimate, type LeverContext, type LevelFigures, type SustainabilitySummary,
} from '../../risk/sustainability';
import { addMonths } from '../../indicators/compute';
import { requireCityOrCounty, type Scope } from '../scope';

export interface FundHistory {
  income: [number, number][];
  expense: [number, number][];
  balance: [number, number][];
}

export interface SustainabilityData {
  scheme: SchemeCode;
  lastPeriod: number;
  /** the series the simulation is run on (all months up to lastPeriod), 元 */
  history: FundHistory;
  summary: SustainabilitySummary;
  /** null for schemes without a resident contribution (levers on contribution/subsidy unavailable) */
  elasticity: ElasticityEstimate | null;
  elasticityError: string | null;
  context: LeverContext;
  /** smallest single-lever change passing the adequacy test, by lever; contribution also without enrolment response */
  smallest: { key: string; name: string; unit: string; value: number | null }[];
  smallestContributionNoResponse: number | null;
  attribution: Attribution | null;
  /** wall time of the server computation (simulation + summary + levers + attribution), ms */
  computeMs: number;
  /** simulation settings */
  paths: number;
  horizon: number;
  seed: number;
}

const LEAVER_COST_RATIO = 0.5;
const PRIMARY_SHIFT = 0.2;

/** `regionCodes`: one city's pool only (its code and its counties') in a warehouse of several cities. */
async function loadHistory(db: Db, scheme: SchemeCode, asOf?: number, regionCodes?: readonly string[]) {
  const where = { account: 'POOL', schemeCode: scheme, ...(asOf ? { period: { lte: asOf } } : {}), ...(regionCodes ? { regionCode: { in: [...regionCodes] } } : {}) };
  const [ledger, balances] = await Promise.all([
    db.prisma.ledgerFact.groupBy({ by: ['period', 'item'], where, _sum: { amount: true } }),
    db.prisma.balanceFact.groupBy({ by: ['period'], where, _sum: { balance: true } }),
  ]);
  const income = new Map<number, number>();
  const expense = new Map<number, number>();
  const items = new Map<string, number>(); // item → amount over the last 12 months (filled below)
  for (const r of ledger) {
    const a = r._sum.amount ?? 0;
    if (INCOME_ITEM_CODES.includes(r.item)) income.set(r.period, (income.get(r.period) ?? 0) + a);
    else if (EXPENSE_ITEM_CODES.includes(r.item)) expense.set(r.period, (expense.get(r.period) ?? 0) + a);
  }
  const balance = new Map(balances.map((b) => [b.period, b._sum.balance ?? 0]));
  const lastPeriod = Math.max(...balance.keys());
  if (!Number.isFinite(lastPeriod)) return null;
  const from = addMonths(lastPeriod, -11);
  for (const r of ledger) if (r.period >= from && r.period <= lastPeriod) items.set(r.item, (items.get(r.item) ?? 0) + (r._sum.amount ?? 0));
  return { income, expense, balance, lastPeriod, items };
}

/** `regionCodes`: one city's own code first, then its counties' (that city's standards, enrolment and visits only). */
async function leverInputs(db: Db, scheme: SchemeCode, lastPeriod: number, items: Map<string, number>, regionCodes?: readonly string[]) {
  const year = Math.floor(lastPeriod / 100);
  const inPool = regionCodes ? { regionCode: { in: [...regionCodes] } } : {};
  const incomeTotal = INCOME_ITEM_CODES.reduce((a, c) => a + (items.get(c) ?? 0), 0);
  const premiumShare = incomeTotal > 0 ? (items.get('PREMIUM') ?? 0) / incomeTotal : 0;
  const subsidyShare = incomeTotal > 0 ? (items.get('SUBSIDY') ?? 0) / incomeTotal : 0;
  const [standards, enrol, util] = await Promise.all([
    db.prisma.policyStandard.findMany({ where: { schemeCode: scheme, item: { in: ['INDIVIDUAL_STANDARD', 'SUBSIDY_STANDARD'] }, ...inPool } }),
    db.prisma.enrollmentFact.findMany({ where: { schemeCode: scheme, period: { lte: lastPeriod }, ...inPool }, select: { regionCode: true, period: true, enrolled: true, shouldEnroll: true } }),
    db.prisma.utilizationRollup.groupBy({
      by: ['level'], where: { schemeCode: scheme, period: { gte: addMonths(lastPeriod, -11), lte: lastPeriod }, ...(regionCodes ? { insuredRegionCode: { in: [...regionCodes] } } : {}) },
      _sum: { fundPaid: true, policyCost: true, visits: true },
    }),
  ]);
  // standards: a county's own, else the city-wide one
  const std = (item: string, region: string | null, y: number) =>
    standards.find((s) => s.item === item && s.year === y && s.regionCode === region)?.amount ??
    standards.find((s) => s.item === item && s.year === y)?.amount ?? null;
  // One city among several: its own city-wide standard first (regionCodes[0] is the city's code).
  const contribution = std('INDIVIDUAL_STANDARD', regionCodes?.[0] ?? null, year);
  const subsidyStandard = std('SUBSIDY_STANDARD', regionCodes?.[0] ?? null, year);
  // elasticity: each county's December (or latest month of the year) coverage against that year's standard
  const yearEnd = new Map<string, { period: number; enrolled: number; shouldEnroll: number }>();
  for (const e of enrol) {
    const k = `${e.regionCode}|${Math.floor(e.period / 100)}`;
    const cur = yearEnd.get(k);
    if (!cur || e.period > cur.period) yearEnd.set(k, e);
  }
  let elasticity: ElasticityEstimate | null = null;
  let elasticityError: string | null = null;
  if (contribution !== null) {
    const obs = [...yearEnd.entries()].map(([k, e]) => {
      const [regionCode, y] = k.split('|');
      return { regionCode, year: Number(y), enrolled: e.enrolled, shouldEnroll: e.shouldEnroll, contribution: std('INDIVIDUAL_STANDARD', regionCode, Number(y)) ?? NaN };
    }).filter((o) => Number.isFinite(o.contribution));
    try {
      elasticity = estimateEnrolmentElasticity(obs);
    } catch (err) {
      elasticityError = (err as Error).message;
    }
  }
  const enrolled = [...yearEnd.entries()].filter(([k]) => k.endsWith(`|${year}`)).reduce((a, [, e]) => a + e.enrolled, 0);
  const levels: LevelFigures[] = util
    .filter((u) => u.level === 'PRIMARY' || u.level === 'COUNTY' || u.level === 'CITY')
    .map((u) => ({ level: u.level as LevelFigures['level'], fundPaid: u._sum.fundPaid ?? 0, policyCost: u._sum.policyCost ?? 0, visits: u._sum.visits ?? 0 }));
  const context: LeverContext = {
    premiumShare, subsidyShare, contribution, subsidyStandard,
    // a positive estimate (enrolment rising with the contribution) is not a mechanism: use 0
    elasticity: elasticity ? Math.min(0, elasticity.estimate) : 0,
    leaverCostRatio: LEAVER_COST_RATIO, primaryShift: PRIMARY_SHIFT, levels,
  };
  return { context, elasticity, elasticityError, enrolled };
}

/**
 * Computes (uncached) the sustainability figures of one scheme as of a month (default: the latest).
 * `regionCodes`: one city's pool only (its code first, then its counties') in a warehouse of several cities.
 */
export async function computeSustainability(db: Db, scheme: SchemeCode, asOf?: number, regionCodes?: readonly string[]): Promise<SustainabilityData | null> {
  const h = await loadHistory(db, scheme, asOf, regionCodes);
  if (!h) return null;
  const lever = await leverInputs(db, scheme, h.lastPeriod, h.items, regionCodes);
  const t0 = performance.now();
  let sim;
  try {
    sim = simulateFund(h, h.lastPeriod);
  } catch {
    return null; // fewer than 36 months: the page says so
  }
  if (!sim) return null;
  const summary = summarize(sim);
  const ctx = lever.context;
  const smallest = LEVER_SPECS
    .filter((s) => (s.key === 'contributionRise' ? ctx.contribution !== null : s.key === 'subsidyRise' ? ctx.subsidyStandard !== null : s.key === 'reimbursementAll' ? ctx.levels.length > 0 : true))
    .map((s) => ({ key: s.key, name: s.name, unit: s.unit, value: smallestPassing(sim, ctx, s, NO_LEVERS) }));
  const contribSpec = LEVER_SPECS.find((s) => s.key === 'contributionRise')!;
  const smallestContributionNoResponse = ctx.contribution !== null ? smallestPassing(sim, { ...ctx, elasticity: 0 }, contribSpec) : null;
  const attribution = attributeChange(h, h.lastPeriod);
  const computeMs = performance.now() - t0;
  const pairs = (m: Map<number, number>) => [...m].filter(([p]) => p <= h.lastPeriod).sort((a, b) => a[0] - b[0]);
  return {
    scheme, lastPeriod: h.lastPeriod,
    history: { income: pairs(h.income), expense: pairs(h.expense), balance: pairs(h.balance) },
    summary, elasticity: lever.elasticity, elasticityError: lever.elasticityError, context: ctx,
    smallest, smallestContributionNoResponse, attribution, computeMs,
    paths: DEFAULT_SIMULATION.paths, horizon: DEFAULT_SIMULATION.horizon, seed: DEFAULT_SIMULATION.seed,
  };
}

// Kept by data version (lib/cache), like every other page figure, on whichever database is read (the
// server's, or the report generator's own), so a correction or rule change recomputes them and the
// monthly report's editions share one computation.
const cachedSustainability = cachedByDataVersionOn('risk/sustainability', (db: Db, scheme: SchemeCode, asOf: number | null, regionCodes: readonly string[] | null = null) =>
  computeSustainability(db, scheme, asOf ?? undefined, regionCodes ?? undefined));

/** computeSustainability, cached by data version; `regionCodes` as there (null/absent: every row). */
export async function loadSustainability(db: Db, scheme: SchemeCode, asOf?: number, regionCodes?: readonly string[] | null): Promise<SustainabilityData | null> {
  return regionCodes ? cachedSustainability(db, scheme, asOf ?? null, regionCodes) : cachedSustainability(db, scheme, asOf ?? null);
}

/** What the monthly report states: the simulation's summary, without the levers and the attribution. */
export interface SustainabilityOutlook {
  scheme: SchemeCode;
  lastPeriod: number;
  summary: Pick<SustainabilitySummary, 'probBelow' | 'depletion'>;
  paths: number;
  horizon: number;
  seed: number;
}

/**
 * The stochastic projection of one scheme as of a month (default: the latest), summary only: the same
 * history, simulation and seed as computeSustainability (so the same figures), without the lever inputs.
 * null when the scheme has under 36 months of history. `regionCodes`: one city's pool only (its code and its
 * counties') in a warehouse of several cities. Cached by data version.
 */
export const loadSustainabilityOutlook = cachedByDataVersionOn('risk/sustainability-outlook', async (db: Db, scheme: SchemeCode, asOf: number | null, regionCodes: readonly string[] | null = null): Promise<SustainabilityOutlook | null> => {
  const h = await loadHistory(db, scheme, asOf ?? undefined, regionCodes ?? undefined);
  if (!h) return null;
  let sim;
  try {
    sim = simulateFund(h, h.lastPeriod);
  } catch {
    return null;
  }
  if (!sim) return null;
  const summary = summarize(sim);
  return {
    scheme, lastPeriod: h.lastPeriod, summary: { probBelow: summary.probBelow, depletion: summary.depletion },
    paths: DEFAULT_SIMULATION.paths, horizon: DEFAULT_SIMULATION.horizon, seed: DEFAULT_SIMULATION.seed,
  };
});

/**
 * For the 风险预警 page: city-wide fund figures (counties see the city pool they belong to). `pool`: the
 * selected city's region codes when the warehouse holds several cities; null: every row (the one city's).
 */
export async function getSustainability(scope: Scope, scheme: SchemeCode, pool: readonly string[] | null = null): Promise<SustainabilityData | null> {
  requireCityOrCounty(scope);
  return loadSustainability(getDb(), scheme, undefined, pool);
}

export interface SustainabilityHeadline {
  scheme: SchemeCode;
  lastPeriod: number;
  /** P(可支付月数 < 3 / < 6) within 12 and 24 months, 0..1 */
  probBelow: SustainabilitySummary['probBelow'];
  depletion: SustainabilitySummary['depletion'];
  adequacy: SustainabilitySummary['adequacy'];
  attribution: Attribution | null;
  elasticity: { estimate: number; ciLow: number; ciHigh: number } | null;
  smallest: SustainabilityData['smallest'];
  smallestContributionNoResponse: number | null;
  paths: number;
  seed: number;
}

/**
 * The figures for the monthly report (and 总览): one scheme's sustainability as of a month.
 * Shape: SustainabilityHeadline (probabilities 0..1, periods YYYYMM, lever values in 元/人·年 or
 * percentage points). Who may call: city and county users (the city pool); throws ScopeError for the
 * public scope. null when the scheme has under 36 months of income and expense up to asOf. `regionCodes`: one
 * city's pool only (its code first, then its counties') in a warehouse of several cities.
 */
export async function getSustainabilitySummary(db: Db, scope: Scope, opts: { scheme: SchemeCode; asOf?: number; regionCodes?: readonly string[] }): Promise<SustainabilityHeadline | null> {
  requireCityOrCounty(scope);
  const d = await loadSustainability(db, opts.scheme, opts.asOf, opts.regionCodes);
  if (!d) return null;
  return {
    scheme: d.scheme, lastPeriod: d.lastPeriod, probBelow: d.summary.probBelow, depletion: d.summary.depletion, adequacy: d.summary.adequacy,
    attribution: d.attribution, elasticity: d.elasticity ? { estimate: d.elasticity.estimate, ciLow: d.elasticity.ciLow, ciHigh: d.elasticity.ciHigh } : null,
    smallest: d.smallest, smallestContributionNoResponse: d.smallestContributionNoResponse, paths: d.paths, seed: d.seed,
  };
}
