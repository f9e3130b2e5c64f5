// The facts the risk rules read, loaded once per evaluation with grouped queries (never row by row).
// Region-level rules read the ledger, balances, contributions, enrolment and the utilization rollup;
// only the institution rules read UtilizationFact, grouped by institution (this is evaluation, not
// page rendering: pages read stored warnings).
import 'server-only';
import type { Db } from '../db';
import { EXPENSE_ITEM_CODES, INCOME_ITEM_CODES } from '../domain/codes';
import { poolHierarchy, type PoolHierarchy } from '../regions/pools';

export interface RegionInfo { code: string; name: string; shortName: string; kind: string; parentCode: string | null }
export interface InstitutionInfo { code: string; name: string; regionCode: string; level: string; kind: string }
export interface Flows { income: Map<number, number>; expense: Map<number, number> }
export interface BudgetVersionPlan {
  /** the city that approved it; '' or absent: stored before versions named their city */
  cityCode?: string;
  year: number;
  seq: number;
  /** 'YYYY-MM-DD' */
  approvedOn: string;
  docNo: string;
  /** region|scheme → planned income and expense */
  plan: Map<string, { income: number; expense: number }>;
}
export interface AdmissionCounts { all: number; city: number; outOfCity: number }
export interface CostRow { institutionCode: string; schemeCode: string; visitType: string; period: number; visits: number; totalCost: number }

/**
 * One pool's facts (a 设区市 under 市级统筹: the city's own account rows and its county-level units'). Rules
 * evaluate one pool at a time, so a city's funds are summed from its own rows only.
 */
export interface RiskData {
  cityCode: string;
  cityName: string;
  regions: Map<string, RegionInfo>;
  /** county-level units in display order */
  counties: string[];
  /** the latest month with ledger income or expense data in this pool */
  lastPeriod: number | null;
  /** region|scheme → month pooling took effect */
  pooling: Map<string, number>;
  /** region|scheme → POOL-account income and expense by month (the city code holds the city account's own rows) */
  flows: Map<string, Flows>;
  /** region|scheme|kind → POOL balance by month (kind CITY_POOL, LEGACY, COUNTY_POOL) */
  balances: Map<string, Map<number, number>>;
  budgets: BudgetVersionPlan[];
  /** region|scheme → month → enrolment */
  enrollment: Map<string, Map<number, { enrolled: number; shouldEnroll: number }>>;
  /** region|scheme|source → month → contributions */
  contributions: Map<string, Map<number, { due: number; collected: number }>>;
  /** insured region|scheme → month → admissions by where they were treated */
  admissions: Map<string, Map<number, AdmissionCounts>>;
  institutions: Map<string, InstitutionInfo>;
  /** institution × scheme × visit type × month (summed over insured regions) */
  costs: CostRow[];
}

export const key = (...parts: (string | number)[]) => parts.join('|');

function getOrSet<K, V>(m: Map<K, V>, k: K, make: () => V): V {
  let v = m.get(k);
  if (v === undefined) { v = make(); m.set(k, v); }
  return v;
}

/**
 * Reads everything the rules need and splits it by pool: one RiskData per 设区市 the warehouse holds
 * (lib/regions/pools), in the cities' sort order; [] when no city is registered.
 */
export async function loadRiskData(db: Db): Promise<RiskData[]> {
  const p = db.prisma;
  const [regionRows, poolingRows, ledger, balances, versions, enrol, contrib, rollup, institutionRows, costs] = await Promise.all([
    p.region.findMany({ orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }] }),
    p.poolingMilestone.findMany(),
    p.ledgerFact.groupBy({ by: ['regionCode', 'schemeCode', 'period', 'item'], where: { account: 'POOL' }, _sum: { amount: true } }),
    p.balanceFact.groupBy({ by: ['regionCode', 'schemeCode', 'kind', 'period'], where: { account: 'POOL' }, _sum: { balance: true } }),
    p.budgetVersion.findMany({ orderBy: [{ year: 'asc' }, { seq: 'asc' }], include: { lines: true } }),
    p.enrollmentFact.findMany({ select: { regionCode: true, schemeCode: true, period: true, enrolled: true, shouldEnroll: true } }),
    p.contributionFact.findMany({ select: { regionCode: true, schemeCode: true, source: true, period: true, due: true, collected: true } }),
    p.utilizationRollup.groupBy({ by: ['insuredRegionCode', 'schemeCode', 'period', 'level'], where: { visitType: 'INPATIENT' }, _sum: { visits: true } }),
    p.institution.findMany({ select: { code: true, name: true, regionCode: true, level: true, kind: true } }),
    loadCostRows(db),
  ]);

  const regions = new Map(regionRows.map((r) => [r.code, { code: r.code, name: r.name, shortName: r.shortName, kind: r.kind, parentCode: r.parentCode }]));
  const pooling = new Map(poolingRows.map((r) => [key(r.regionCode, r.schemeCode), r.effectivePeriod]));

  const flows = new Map<string, Flows>();
  const income = new Set(INCOME_ITEM_CODES);
  const expense = new Set(EXPENSE_ITEM_CODES);
  for (const r of ledger) {
    const amount = r._sum.amount ?? 0;
    const f = getOrSet(flows, key(r.regionCode, r.schemeCode), () => ({ income: new Map(), expense: new Map() }));
    // REMIT_UP / ALLOCATE_DOWN are transfers inside the pool, neither income nor expense.
    if (income.has(r.item)) f.income.set(r.period, (f.income.get(r.period) ?? 0) + amount);
    else if (expense.has(r.item)) f.expense.set(r.period, (f.expense.get(r.period) ?? 0) + amount);
  }

  const bal = new Map<string, Map<number, number>>();
  for (const r of balances) getOrSet(bal, key(r.regionCode, r.schemeCode, r.kind), () => new Map()).set(r.period, r._sum.balance ?? 0);

  const budgets: BudgetVersionPlan[] = versions.map((v) => {
    const plan = new Map<string, { income: number; expense: number }>();
    for (const l of v.lines) {
      const e = getOrSet(plan, key(l.regionCode, l.schemeCode), () => ({ income: 0, expense: 0 }));
      if (income.has(l.item)) e.income += l.amount;
      else if (expense.has(l.item)) e.expense += l.amount;
    }
    return { cityCode: v.cityCode, year: v.year, seq: v.seq, approvedOn: v.approvedOn, docNo: v.docNo, plan };
  });

  const enrollment = new Map<string, Map<number, { enrolled: number; shouldEnroll: number }>>();
  for (const r of enrol) getOrSet(enrollment, key(r.regionCode, r.schemeCode), () => new Map()).set(r.period, { enrolled: r.enrolled, shouldEnroll: r.shouldEnroll });

  const contributions = new Map<string, Map<number, { due: number; collected: number }>>();
  for (const r of contrib) getOrSet(contributions, key(r.regionCode, r.schemeCode, r.source), () => new Map()).set(r.period, { due: r.due, collected: r.collected });

  const admissions = new Map<string, Map<number, AdmissionCounts>>();
  for (const r of rollup) {
    const m = getOrSet(admissions, key(r.insuredRegionCode, r.schemeCode), () => new Map<number, AdmissionCounts>());
    const a = getOrSet(m, r.period, () => ({ all: 0, city: 0, outOfCity: 0 }));
    const n = r._sum.visits ?? 0;
    a.all += n;
    if (r.level === 'CITY') a.city += n;
    else if (r.level === 'OUT_OF_CITY') a.outOfCity += n;
  }

  const warehouse: Warehouse = {
    regions,
    pooling,
    flows,
    balances: bal,
    budgets,
    enrollment,
    contributions,
    admissions,
    institutions: new Map(institutionRows.map((i) => [i.code, i])),
    costs,
  };
  return splitByPool(warehouse, poolHierarchy(regionRows));
}

const COST_SQL = `SELECT "institutionCode", "schemeCode", "visitType", "period", SUM("visits") AS "visits", SUM("totalCost") AS "totalCost"
  FROM "UtilizationFact" GROUP BY "institutionCode", "schemeCode", "visitType", "period"`;

/**
 * Every institution × scheme × visit type × month of UtilizationFact, summed over insured regions (a province:
 * ~2.7 million rows). On PostgreSQL read through the pool as arrays (SUM of the Int visits cast to float8,
 * exact below 2^53): Prisma's raw query built three objects per row (driver row, result, BigInt), and at
 * province size their garbage collection took more time than the rules. The code strings are shared, one per
 * distinct value.
 */
async function loadCostRows(db: Db): Promise<CostRow[]> {
  const codes = new Map<string, string>();
  const intern = (v: string) => {
    const c = codes.get(v);
    if (c !== undefined) return c;
    codes.set(v, v);
    return v;
  };
  if (db.provider === 'postgres' && db.pgPool) {
    const res = await db.pgPool.query<[string, string, string, number, number | null, number | null]>({
      text: COST_SQL.replace('SUM("visits")', 'SUM("visits")::float8'),
      rowMode: 'array',
    });
    const out: CostRow[] = new Array(res.rows.length);
    for (let i = 0; i < res.rows.length; i++) {
      const r = res.rows[i];
      out[i] = { institutionCode: intern(r[0]), schemeCode: intern(r[1]), visitType: intern(r[2]), period: r[3], visits: r[4] ?? 0, totalCost: r[5] ?? 0 };
    }
    return out;
  }
  // SUM of an Int comes back as a BigInt.
  const rows = await db.prisma.$queryRawUnsafe<{ institutionCode: string; schemeCode: string; visitType: string; period: number | bigint; visits: number | bigint | null; totalCost: number | null }[]>(COST_SQL);
  return rows.map((c) => ({
    institutionCode: intern(c.institutionCode), schemeCode: intern(c.schemeCode), visitType: intern(c.visitType), period: Number(c.period),
    visits: Number(c.visits ?? 0), totalCost: Number(c.totalCost ?? 0),
  }));
}

/** Every pool's facts together, keyed as in RiskData (before `splitByPool`). */
export type Warehouse = Omit<RiskData, 'cityCode' | 'cityName' | 'counties' | 'lastPeriod'>;

/** Keeps the entries of a map keyed 'region|…' whose region is in `codes`. */
function byRegion<V>(m: Map<string, V>, codes: ReadonlySet<string>): Map<string, V> {
  const out = new Map<string, V>();
  for (const [k, v] of m) if (codes.has(k.slice(0, k.indexOf('|')))) out.set(k, v);
  return out;
}

/**
 * One RiskData per pool (设区市), in the hierarchy's city order. A pool holds the rows booked on the city's
 * own code and on its county-level units; institutions located there (and their costs); the budget versions
 * with lines for the pool (or with no lines at all), each cut to the pool's lines. `lastPeriod` is the pool's
 * own latest ledger month, so a city whose data arrives later does not see its funds' data as ended.
 * Rows of a region in no pool are in none. Pure.
 */
export function splitByPool(w: Warehouse, pools: PoolHierarchy): RiskData[] {
  // Each institution's pool, then one pass over the cost rows (not one filter of all rows per city).
  const poolOfRegion = new Map<string, number>();
  pools.cities.forEach((city, i) => { for (const c of [city.code, ...city.counties.map((x) => x.code)]) if (!poolOfRegion.has(c)) poolOfRegion.set(c, i); });
  const poolOfInstitution = new Map<string, number>();
  for (const [code, inst] of w.institutions) {
    const i = poolOfRegion.get(inst.regionCode);
    if (i !== undefined) poolOfInstitution.set(code, i);
  }
  const costsByPool: CostRow[][] = pools.cities.map(() => []);
  for (const c of w.costs) {
    const i = poolOfInstitution.get(c.institutionCode);
    if (i !== undefined) costsByPool[i].push(c);
  }
  return pools.cities.map((city, cityIndex): RiskData => {
    const codes = new Set([city.code, ...city.counties.map((c) => c.code)]);
    const flows = byRegion(w.flows, codes);
    let lastPeriod: number | null = null;
    for (const f of flows.values()) {
      for (const m of [f.income, f.expense]) for (const period of m.keys()) if (lastPeriod === null || period > lastPeriod) lastPeriod = period;
    }
    const institutions = new Map([...w.institutions].filter(([, i]) => codes.has(i.regionCode)));
    const budgets = w.budgets.flatMap((v) => {
      // A version names the city that approved it: another city's is not this pool's plan (one naming no
      // city, stored before versions did, is judged by its lines as before).
      if (v.cityCode && v.cityCode !== city.code) return [];
      const plan = byRegion(v.plan, codes);
      return plan.size > 0 || v.plan.size === 0 ? [{ ...v, plan }] : [];
    });
    return {
      cityCode: city.code,
      cityName: city.name,
      regions: w.regions,
      counties: city.counties.map((c) => c.code),
      lastPeriod,
      pooling: byRegion(w.pooling, codes),
      flows,
      balances: byRegion(w.balances, codes),
      budgets,
      enrollment: byRegion(w.enrollment, codes),
      contributions: byRegion(w.contributions, codes),
      admissions: byRegion(w.admissions, codes),
      institutions,
      costs: costsByPool[cityIndex],
    };
  });
}

/** An empty dataset to build test fixtures on. */
export function emptyRiskData(cityCode = '439900', cityName = '测试市'): RiskData {
  return {
    cityCode, cityName,
    regions: new Map([[cityCode, { code: cityCode, name: cityName, shortName: cityName, kind: 'CITY', parentCode: null }]]),
    counties: [], lastPeriod: null, pooling: new Map(), flows: new Map(), balances: new Map(), budgets: [],
    enrollment: new Map(), contributions: new Map(), admissions: new Map(), institutions: new Map(), costs: [],
  };
}
