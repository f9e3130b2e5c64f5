import 'server-only';
import { cachedByDataVersion } from '../../cache';
// Deficit attribution per county and year (市级统筹意见（征求意见稿）三(三), lib/budget/deficit): each fund (scheme) is
// attributed on its own — its gap, the county's make-up (unpaid county subsidy + premiums short of plan)
// and what the city covers from surplus — and the funds are then summed.
import type { Db } from '../../db';
import { attributeDeficit, sumAttributions, type Attribution } from '../../budget/deficit';
import { expectedProgressAt } from '../../budget/pacing';
import { makePeriod } from '../../indicators/compute';
import { allowedRegion, requireCityOrCounty, type Scope } from '../scope';
import {
  countySubsidySum, dataYears, EXPENSE, hasPlan, INCOME, ledgerMonthly, ledgerSum, loadBudgetData, planLines, planSum,
  resolveAsOf, versionInForce, type BudgetData,
} from './data';
import { budgetDataFor, type BudgetRequest } from './request';

const PREMIUM = new Set(['PREMIUM']);

export interface AttributionRow extends Attribution {
  code: string;
  year: number;
  asOf: number;
  /** the county's pooling month for the resident scheme, when it joined during or after this year */
  lateResidentPooling: number | null;
}

export interface DeficitAttribution {
  asOf: number | null;
  /** selected year: the city total first, then each visible county */
  counties: AttributionRow[];
  /** the selected region (or the city) for every year with data, each at its last month */
  years: AttributionRow[];
}

/** Attribution of one county (all its funds) for January → asOf. */
export function attributeCounty(d: BudgetData, county: string, asOf: number): Attribution | null {
  const year = Math.floor(asOf / 100);
  const from = makePeriod(year, 1);
  const lines = planLines(d, versionInForce(d, year, asOf));
  const parts: Attribution[] = [];
  for (const scheme of d.schemes) {
    const income = ledgerSum(d, county, INCOME, from, asOf, scheme);
    const expense = ledgerSum(d, county, EXPENSE, from, asOf, scheme);
    if (income === 0 && expense === 0) continue;
    const subsidy = countySubsidySum(d, county, from, asOf, scheme);
    let premiumPlan: number | null = null;
    if (hasPlan(lines, county, PREMIUM, scheme)) {
      // Mid-year, compare premiums with the part of the annual plan the county's own seasonal pattern
      // (resident premiums arrive in January–March) says should be in by now; at year end: the whole plan.
      const history = ledgerMonthly(d, county, PREMIUM, scheme, makePeriod(year - 1, 12));
      const share = (asOf % 100) === 12 ? 1 : expectedProgressAt(history, asOf).value ?? 1;
      premiumPlan = planSum(lines, county, PREMIUM, scheme) * share;
    }
    const pooling = d.pooling.get(`${county}|${scheme}`);
    parts.push(attributeDeficit({
      income, expense,
      countySubsidyDue: subsidy.due, countySubsidyCollected: subsidy.collected,
      premiumPlan, premiumActual: ledgerSum(d, county, PREMIUM, from, asOf, scheme),
      pooled: pooling !== undefined && pooling <= asOf,
    }));
  }
  return sumAttributions(parts);
}

function rowsFor(d: BudgetData, codes: string[], asOf: number): AttributionRow[] {
  const year = Math.floor(asOf / 100);
  const out: AttributionRow[] = [];
  const parts: Attribution[] = [];
  for (const c of codes) {
    const a = attributeCounty(d, c, asOf);
    if (!a) continue;
    parts.push(a);
    const rp = d.pooling.get(`${c}|RESIDENT`);
    out.push({ ...a, code: c, year, asOf, lateResidentPooling: rp !== undefined && rp > makePeriod(year, 1) && Math.floor(rp / 100) >= year ? rp : null });
  }
  const total = sumAttributions(parts);
  return total ? [{ ...total, code: d.cityCode, year, asOf, lateResidentPooling: null }, ...out] : out;
}

export function assembleDeficitAttribution(scope: Scope, d: BudgetData, req: BudgetRequest): DeficitAttribution {
  requireCityOrCounty(scope);
  const region = allowedRegion(scope, req.region);
  const { asOf } = resolveAsOf(d, req.year, req.month);
  const visible = d.counties.filter((c) => scope.kind === 'city' || (scope.kind === 'county' && c === scope.regionCode));
  const counties = asOf === null ? [] : rowsFor(d, visible, asOf);
  const years: AttributionRow[] = [];
  for (const y of dataYears(d)) {
    const at = y === req.year && asOf !== null ? asOf : resolveAsOf(d, y).asOf;
    if (at === null) continue;
    const rows = region === 'ALL' ? rowsFor(d, d.counties, at).slice(0, 1) : rowsFor(d, [region], at).slice(-1);
    years.push(...rows);
  }
  return { asOf, counties, years };
}

export async function loadDeficitAttribution(db: Db, scope: Scope, cityCode: string, req: BudgetRequest): Promise<DeficitAttribution> {
  return assembleDeficitAttribution(scope, await loadBudgetData(db, cityCode, req.scheme), req);
}

async function getDeficitAttributionUncached(scope: Scope, cityCode: string, req: BudgetRequest): Promise<DeficitAttribution> {
  return assembleDeficitAttribution(scope, await budgetDataFor(cityCode, req.scheme), req);
}

/** Kept between requests until the data changes (lib/cache). */
export const getDeficitAttribution = cachedByDataVersion('budget/getDeficitAttribution', getDeficitAttributionUncached);
