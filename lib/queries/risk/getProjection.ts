import 'server-only';
import { cachedByDataVersion } from '../../cache';
// Inputs of the balance projection for one scheme, city-wide: monthly fund income and expense (every
// county plus the city account) and the accumulated balance (every POOL balance). The projection itself
// is the pure lib/risk/projection.ts, run here for the three scenarios and in the browser for the what-if.
import { getDb, type Db } from '../../db';
import { EXPENSE_ITEM_CODES, INCOME_ITEM_CODES, type SchemeCode } from '../../domain/codes';
import { indicators } from '../../indicators/registry';
import { trailing12 } from '../../indicators/compute';
import { projectScenarios, type ProjectionBase } from '../../risk/projection';
import { requireCityOrCounty, type Scope } from '../scope';

export interface ProjectionData {
  scheme: SchemeCode;
  lastPeriod: number;
  /** actual balance and months of reserve over the last 36 months */
  history: { period: number; balance: number; monthsOfReserve: number | null }[];
  base: ProjectionBase;
  /** expense of the 12 months up to lastPeriod (seeds the projected months of reserve) */
  pastExpense: [number, number][];
  growth: {
    income: { low: number; central: number; high: number };
    expense: { low: number; central: number; high: number };
    window: { from: number; to: number };
  };
  exhausted: { low: number | null; central: number | null; high: number | null };
}

/**
 * `asOf` (YYYYMM): project from that month instead of the latest (the monthly report of an earlier month).
 * `regionCodes`: one city's pool only (its code and its counties') in a warehouse of several cities.
 */
export async function loadProjection(db: Db, scheme: SchemeCode, asOf?: number, regionCodes?: readonly string[]): Promise<ProjectionData | null> {
  const where = { account: 'POOL', schemeCode: scheme, ...(regionCodes ? { regionCode: { in: [...regionCodes] } } : {}) };
  const [ledger, balances] = await Promise.all([
    db.prisma.ledgerFact.groupBy({ by: ['period', 'item'], where, _sum: { amount: true } }),
    db.prisma.balanceFact.groupBy({ by: ['period'], where, _sum: { balance: true } }),
  ]);
  const income = new Map<number, number>();
  const expense = new Map<number, number>();
  for (const r of ledger) {
    const a = r._sum.amount ?? 0;
    if (INCOME_ITEM_CODES.includes(r.item)) income.set(r.period, (income.get(r.period) ?? 0) + a);
    else if (EXPENSE_ITEM_CODES.includes(r.item)) expense.set(r.period, (expense.get(r.period) ?? 0) + a);
  }
  const balance = new Map(balances.map((b) => [b.period, b._sum.balance ?? 0]));
  const periods = [...balance.keys()].filter((p) => asOf === undefined || p <= asOf).sort((a, b) => a - b);
  const lastPeriod = periods[periods.length - 1];
  if (lastPeriod === undefined) return null;
  const s = projectScenarios({ income, expense, balance }, lastPeriod);
  if (!s) return null;
  return {
    scheme,
    lastPeriod,
    history: periods.slice(-36).map((p) => ({
      period: p,
      balance: balance.get(p)!,
      monthsOfReserve: indicators.months_of_reserve.compute({ accumulatedBalance: balance.get(p), trailing12Expense: trailing12(expense, p) }),
    })),
    base: s.base,
    pastExpense: periods.slice(-12).map((p) => [p, expense.get(p) ?? 0]),
    growth: {
      income: { low: s.incomeSpread.low, central: s.incomeSpread.central, high: s.incomeSpread.high },
      expense: { low: s.expenseSpread.low, central: s.expenseSpread.central, high: s.expenseSpread.high },
      window: { from: s.expenseSpread.samples[0].period, to: s.expenseSpread.samples[s.expenseSpread.samples.length - 1].period },
    },
    exhausted: { low: s.low.exhaustedAt, central: s.central.exhaustedAt, high: s.high.exhaustedAt },
  };
}

/**
 * City-wide fund figures: counties see the city pool they belong to, as on the 总览 page. `pool`: the selected
 * city's region codes when the warehouse holds several cities (null: every row, the one city's).
 */
async function getProjectionUncached(scope: Scope, scheme: SchemeCode, pool: readonly string[] | null = null): Promise<ProjectionData | null> {
  requireCityOrCounty(scope);
  return loadProjection(getDb(), scheme, undefined, pool ?? undefined);
}

/** Kept between requests until the data changes (lib/cache). */
export const getProjection = cachedByDataVersion('risk/getProjection', getProjectionUncached);
