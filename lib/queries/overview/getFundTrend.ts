import 'server-only';
import { cachedByDataVersion } from '../../cache';
// Monthly fund income, expense, 当期结余, 累计结余 and 可支付月数 over every month with data, for the
// selected scheme and region (the city: all counties and the city pool).
import { getDb, type Db } from '../../db';
import type { SchemeFilter } from '../../domain/codes';
import { EXPENSE_ITEM_CODES, INCOME_ITEM_CODES } from '../../domain/codes';
import { trailing12 } from '../../indicators/compute';
import { indicators } from '../../indicators/registry';
import { allowedRegion, requireCityOrCounty, type Scope } from '../scope';
import { schemesOf } from './kpiInputs';
import { poolRegionCodes, regionIn } from '../pool';

export interface FundTrendPoint {
  period: number;
  income: number;
  expense: number;
  currentBalance: number | null;
  accumulatedBalance: number | null;
  monthsOfReserve: number | null;
}

export async function loadFundTrend(db: Db, cityCode: string, scheme: SchemeFilter, region: string | 'ALL'): Promise<FundTrendPoint[]> {
  const money = schemesOf(scheme);
  // The city: its own rows and its counties' (only those when the warehouse holds several cities).
  const regionWhere = region === 'ALL' ? regionIn(await poolRegionCodes(db, cityCode)) : { regionCode: region };
  const [ledger, balances] = await Promise.all([
    db.prisma.ledgerFact.groupBy({ by: ['period', 'item'], where: { account: 'POOL', schemeCode: { in: money }, ...regionWhere }, _sum: { amount: true } }),
    db.prisma.balanceFact.groupBy({ by: ['period'], where: { account: 'POOL', schemeCode: { in: money }, ...regionWhere }, _sum: { balance: true } }),
  ]);
  const income = new Map<number, number>();
  const expense = new Map<number, number>();
  for (const r of ledger) {
    const a = r._sum.amount ?? 0;
    if (INCOME_ITEM_CODES.includes(r.item)) income.set(r.period, (income.get(r.period) ?? 0) + a);
    else if (EXPENSE_ITEM_CODES.includes(r.item)) expense.set(r.period, (expense.get(r.period) ?? 0) + a);
  }
  const balance = new Map(balances.map((b) => [b.period, b._sum.balance ?? 0]));
  const periods = [...new Set([...income.keys(), ...expense.keys()])].sort((a, b) => a - b);
  return periods.map((period) => {
    const inc = income.get(period) ?? 0;
    const exp = expense.get(period) ?? 0;
    const acc = balance.has(period) ? balance.get(period)! : null;
    return {
      period, income: inc, expense: exp,
      currentBalance: indicators.current_balance.compute({ income: inc, expense: exp }),
      accumulatedBalance: acc,
      monthsOfReserve: indicators.months_of_reserve.compute({ accumulatedBalance: acc, trailing12Expense: trailing12(expense, period) }),
    };
  });
}

async function getFundTrendUncached(scope: Scope, cityCode: string, scheme: SchemeFilter, region: string | 'ALL'): Promise<FundTrendPoint[]> {
  requireCityOrCounty(scope);
  return loadFundTrend(getDb(), cityCode, scheme, allowedRegion(scope, region));
}

/** Kept between requests until the data changes (lib/cache). */
export const getFundTrend = cachedByDataVersion('overview/getFundTrend', getFundTrendUncached);
