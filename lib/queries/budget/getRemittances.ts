import 'server-only';
import { cachedByDataVersion } from '../../cache';
// 统收统支: each county's remittances of current income to the city fiscal special account (上解) and the
// city's allocations back for its expense (下拨), year to date, with the remittance timeliness; and the
// selected region's monthly flows (市级统筹意见（征求意见稿）三(三)).
import { poolRegionCodes, regionIn } from '../pool';
import type { Db } from '../../db';
import { monthEndIso } from '../../dates';
import { getDb } from '../../db';
import { makePeriod } from '../../indicators/compute';
import { indicators } from '../../indicators/registry';
import { indicatorStatus } from '../../indicators/status';
import type { Status } from '../../indicators/types';
import { allowedRegion, requireCityOrCounty, type Scope } from '../scope';
import { ledgerMonthly, ledgerSum, loadBudgetData, resolveAsOf, type BudgetData } from './data';
import { budgetDataFor, type BudgetRequest } from './request';
import { schemesOf } from '../overview/kpiInputs';

const REMIT = new Set(['REMIT_UP']);
const ALLOCATE = new Set(['ALLOCATE_DOWN']);

export interface RemittanceTiming {
  total: number;
  onTime: number;
  delayDays: number;
}

export interface RemittanceRow {
  code: string;
  remitUp: number;
  allocateDown: number;
  net: number | null;
  remittances: number;
  timeliness: number | null;
  timelinessStatus: Status;
  avgDelay: number | null;
  avgDelayStatus: Status;
}

export interface Remittances {
  asOf: number | null;
  counties: RemittanceRow[];
  monthly: { period: number; remitUp: number; allocateDown: number; net: number | null }[];
}

/** Whole days from due date to paid date (≤ 0 is on time); calendar dates, no time zone. */
export function delayDays(dueDate: string, paidDate: string): number {
  return Math.round((Date.parse(`${paidDate}T00:00:00Z`) - Date.parse(`${dueDate}T00:00:00Z`)) / 86_400_000);
}

/**
 * Timeliness per county for remittances of months January → asOf; an unpaid one counts late to `cutoff`.
 * `codes`: the city's regions (lib/queries/pool), or null for every row.
 */
export async function loadRemittanceTiming(db: Db, schemes: string[], asOf: number, cutoff: string, codes: string[] | null = null): Promise<Map<string, RemittanceTiming>> {
  const rows = await db.prisma.remittanceFact.findMany({
    where: { period: { gte: makePeriod(Math.floor(asOf / 100), 1), lte: asOf }, schemeCode: { in: schemes }, ...regionIn(codes) },
    select: { regionCode: true, dueDate: true, paidDate: true },
  });
  const out = new Map<string, RemittanceTiming>();
  for (const r of rows) {
    // A remittance not yet due and not yet paid says nothing about timeliness.
    if (r.paidDate === null && r.dueDate > cutoff) continue;
    const t = out.get(r.regionCode) ?? { total: 0, onTime: 0, delayDays: 0 };
    const late = Math.max(0, delayDays(r.dueDate, r.paidDate ?? cutoff));
    t.total += 1;
    if (r.paidDate !== null && late === 0) t.onTime += 1;
    t.delayDays += late;
    out.set(r.regionCode, t);
  }
  return out;
}

export function assembleRemittances(scope: Scope, d: BudgetData, req: BudgetRequest, timing: Map<string, RemittanceTiming>): Remittances {
  requireCityOrCounty(scope);
  const I = indicators;
  const region = allowedRegion(scope, req.region);
  const { asOf } = resolveAsOf(d, req.year, req.month);
  if (asOf === null) return { asOf, counties: [], monthly: [] };
  const from = makePeriod(req.year, 1);
  const visible = d.counties.filter((c) => scope.kind === 'city' || (scope.kind === 'county' && c === scope.regionCode));
  const row = (code: string, sel: string | null): RemittanceRow => {
    const remitUp = ledgerSum(d, sel, REMIT, from, asOf);
    const allocateDown = ledgerSum(d, sel, ALLOCATE, from, asOf);
    const t = sel === null
      ? [...timing.entries()].filter(([c]) => c !== d.cityCode).reduce((a, [, v]) => ({ total: a.total + v.total, onTime: a.onTime + v.onTime, delayDays: a.delayDays + v.delayDays }), { total: 0, onTime: 0, delayDays: 0 })
      : timing.get(sel) ?? { total: 0, onTime: 0, delayDays: 0 };
    const timeliness = I.remittance_timeliness_rate.compute({ onTime: t.onTime, total: t.total });
    const avgDelay = I.remittance_avg_delay.compute({ totalDelayDays: t.delayDays, remittances: t.total });
    return {
      code, remitUp, allocateDown, net: I.net_remittance.compute({ remitUp, allocateDown }), remittances: t.total,
      timeliness, timelinessStatus: indicatorStatus(I.remittance_timeliness_rate, timeliness),
      avgDelay, avgDelayStatus: indicatorStatus(I.remittance_avg_delay, avgDelay),
    };
  };
  const sel = region === 'ALL' ? null : region;
  const up = ledgerMonthly(d, sel, REMIT, undefined, asOf);
  const down = ledgerMonthly(d, sel, ALLOCATE, undefined, asOf);
  const monthly = [];
  for (let m = 1; m <= asOf % 100; m++) {
    const p = makePeriod(req.year, m);
    const remitUp = up.get(p) ?? 0;
    const allocateDown = down.get(p) ?? 0;
    if (remitUp === 0 && allocateDown === 0) continue;
    monthly.push({ period: p, remitUp, allocateDown, net: I.net_remittance.compute({ remitUp, allocateDown }) });
  }
  return { asOf, counties: [row(d.cityCode, null), ...visible.map((c) => row(c, c))], monthly };
}

/** Unpaid remittances are counted late up to the last day of the as-of month. */
function cutoffOf(asOf: number): string {
  return monthEndIso(asOf);
}

export async function loadRemittances(db: Db, scope: Scope, cityCode: string, req: BudgetRequest): Promise<Remittances> {
  const d = await loadBudgetData(db, cityCode, req.scheme);
  const { asOf } = resolveAsOf(d, req.year, req.month);
  const timing = asOf === null ? new Map() : await loadRemittanceTiming(db, schemesOf(req.scheme), asOf, cutoffOf(asOf), await poolRegionCodes(db, cityCode));
  return assembleRemittances(scope, d, req, timing);
}

async function getRemittancesUncached(scope: Scope, cityCode: string, req: BudgetRequest): Promise<Remittances> {
  const d = await budgetDataFor(cityCode, req.scheme);
  const { asOf } = resolveAsOf(d, req.year, req.month);
  const timing = asOf === null ? new Map() : await loadRemittanceTiming(getDb(), schemesOf(req.scheme), asOf, cutoffOf(asOf), await poolRegionCodes(getDb(), cityCode));
  return assembleRemittances(scope, d, req, timing);
}

/** Kept between requests until the data changes (lib/cache). */
export const getRemittances = cachedByDataVersion('budget/getRemittances', getRemittancesUncached);
