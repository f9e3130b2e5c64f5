import 'server-only';
import { cachedByDataVersion } from '../../cache';
// Monthly curves of the year-to-date execution rate against 序时进度 and against the region's seasonal
// profile from past years (lib/budget/pacing), for income and expense.
import type { Db } from '../../db';
import { pacingCurve, type PacingPoint } from '../../budget/pacing';
import { allowedRegion, requireCityOrCounty, type Scope } from '../scope';
import { EXPENSE, hasPlan, INCOME, ledgerMonthly, loadBudgetData, planLines, planSum, resolveAsOf, versionInForce, type BudgetData } from './data';
import { budgetDataFor, type BudgetRequest } from './request';

export interface BudgetPacing {
  asOf: number | null;
  income: PacingPoint[];
  expense: PacingPoint[];
}

export function assembleBudgetPacing(scope: Scope, d: BudgetData, req: BudgetRequest): BudgetPacing {
  requireCityOrCounty(scope);
  const region = allowedRegion(scope, req.region);
  const sel = region === 'ALL' ? null : region;
  const { asOf } = resolveAsOf(d, req.year, req.month);
  if (asOf === null) return { asOf, income: [], expense: [] };
  const lines = planLines(d, versionInForce(d, req.year, asOf));
  const curve = (kind: 'income' | 'expense') => {
    const items = kind === 'income' ? INCOME : EXPENSE;
    return pacingCurve({
      kind, year: req.year, asOf,
      plan: hasPlan(lines, sel, items) ? planSum(lines, sel, items) : null,
      monthly: ledgerMonthly(d, sel, items, undefined, asOf),
    });
  };
  return { asOf, income: curve('income'), expense: curve('expense') };
}

export async function loadBudgetPacing(db: Db, scope: Scope, cityCode: string, req: BudgetRequest): Promise<BudgetPacing> {
  return assembleBudgetPacing(scope, await loadBudgetData(db, cityCode, req.scheme), req);
}

async function getBudgetPacingUncached(scope: Scope, cityCode: string, req: BudgetRequest): Promise<BudgetPacing> {
  return assembleBudgetPacing(scope, await budgetDataFor(cityCode, req.scheme), req);
}

/** Kept between requests until the data changes (lib/cache). */
export const getBudgetPacing = cachedByDataVersion('budget/getBudgetPacing', getBudgetPacingUncached);
