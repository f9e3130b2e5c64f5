import 'server-only';
import { cachedByDataVersion } from '../../cache';
// Budget versions: the approved budget of each year and every approved adjustment (document number, date,
// reason, totals), and what each adjustment changed against the version before it (lib/budget/versions).
import type { Db } from '../../db';
import { diffBudgetVersions, versionTotals, type LineChange, type Change } from '../../budget/versions';
import { indicators } from '../../indicators/registry';
import { allowedRegion, requireCityOrCounty, type Scope } from '../scope';
import { loadBudgetData, resolveAsOf, versionInForce, type BudgetData, type PlanVersion } from './data';
import { budgetDataFor, type BudgetRequest } from './request';

export interface VersionRow extends PlanVersion {
  income: number;
  expense: number;
  /** against the previous version of the same year (null for the approved budget) */
  incomeChange: number | null;
  expenseChange: number | null;
  /** the version in force at the selected as-of month */
  inForce: boolean;
}

export interface AdjustmentDiff {
  version: VersionRow;
  previous: VersionRow;
  byItem: (Change & { item: string })[];
  lines: LineChange[];
}

export interface BudgetVersions {
  versions: VersionRow[];
  /** adjustments of the selected year */
  adjustments: AdjustmentDiff[];
}

export function assembleBudgetVersions(scope: Scope, d: BudgetData, req: BudgetRequest): BudgetVersions {
  requireCityOrCounty(scope);
  const region = allowedRegion(scope, req.region);
  const linesOf = (v: PlanVersion) => (d.lines.get(v.id) ?? []).filter((l) => region === 'ALL' || l.regionCode === region);
  const { asOf } = resolveAsOf(d, req.year, req.month);
  const inForce = versionInForce(d, req.year, asOf);
  const rows: VersionRow[] = [];
  for (const v of d.versions) {
    const t = versionTotals(linesOf(v));
    const prev = [...rows].reverse().find((r) => r.year === v.year && r.seq < v.seq);
    rows.push({
      ...v, income: t.income, expense: t.expense,
      incomeChange: prev ? indicators.budget_adjustment_amount.compute({ adjusted: t.income, previous: prev.income }) : null,
      expenseChange: prev ? indicators.budget_adjustment_amount.compute({ adjusted: t.expense, previous: prev.expense }) : null,
      inForce: inForce?.id === v.id,
    });
  }
  const adjustments: AdjustmentDiff[] = [];
  const ofYear = rows.filter((r) => r.year === req.year).sort((a, b) => a.seq - b.seq);
  for (let i = 1; i < ofYear.length; i++) {
    const diff = diffBudgetVersions(linesOf(ofYear[i - 1]), linesOf(ofYear[i]));
    adjustments.push({ version: ofYear[i], previous: ofYear[i - 1], byItem: diff.byItem, lines: diff.lines });
  }
  return { versions: rows, adjustments };
}

export async function loadBudgetVersions(db: Db, scope: Scope, cityCode: string, req: BudgetRequest): Promise<BudgetVersions> {
  return assembleBudgetVersions(scope, await loadBudgetData(db, cityCode, req.scheme), req);
}

async function getBudgetVersionsUncached(scope: Scope, cityCode: string, req: BudgetRequest): Promise<BudgetVersions> {
  return assembleBudgetVersions(scope, await budgetDataFor(cityCode, req.scheme), req);
}

/** Kept between requests until the data changes (lib/cache). */
export const getBudgetVersions = cachedByDataVersion('budget/getBudgetVersions', getBudgetVersionsUncached);
