import 'server-only';
// Open warnings counted by severity, region and rule (the summary tables of the 风险预警 page and the
// 总览 widget), plus the latest evaluation. Reads stored warnings only.
import { cache } from 'react';
import { cachedByDataVersion } from '../../cache';
import { getDb, type Db } from '../../db';
import { RULES } from '../../risk/rules';
import { OPEN_STATUSES, SEVERITY_CODES, type Severity } from '../../risk/types';
import { allowedRegion, requireCityOrCounty, ScopeError, type Scope } from '../scope';
import type { Pool } from '../../regions/pools';
import { lastLedgerPeriod } from '../pool';

export type SeverityCounts = Record<Severity, number> & { total: number };

export interface LatestEvaluation {
  id: number;
  trigger: string;
  triggeredBy: string;
  startedAt: string;
  ms: number;
  /**
   * 数据截至 (YYYYMM): the run's latest month with data; with a city selected among several, that city's own
   * latest month up to the run's (a run of every city ends with the latest city's month, not this one's).
   * null: the run found no data.
   */
  dataThrough: number | null;
  windowFrom: number | null;
  /** the city the run evaluated alone; null: every city of the warehouse */
  cityCode: string | null;
  /** warnings raised and closed by the run: the selected city's when one is selected, else the run's */
  raised: number;
  closed: number;
  /** warnings the run updated; null for a selected city in a run of every city (not recorded per city) */
  updated: number | null;
}

export interface WarningSummary {
  bySeverity: SeverityCounts;
  byRegion: { code: string; name: string; counts: SeverityCounts }[];
  byRule: { code: string; name: string; counts: SeverityCounts }[];
  /** all warnings ever raised (any status), for the empty state */
  everRaised: number;
  latest: LatestEvaluation | null;
}

const zero = (): SeverityCounts => ({ SEVERE: 0, WARNING: 0, NOTICE: 0, total: 0 });

/**
 * `pool`: the selected city's region codes (the city's own code first, then its counties') when the warehouse
 * holds several cities; null: every warning. The latest evaluation is then the latest run that evaluated that
 * city — one of every city, or of that city alone (lib/risk/evaluate `city`) — never another city's own run,
 * with its raised and closed counts taken from the run's events on that city's warnings, and its 数据截至 the
 * city's own latest month (lib/queries/pool lastLedgerPeriod).
 */
export async function loadWarningSummary(db: Db, scope: Scope, filter: { region: string | 'ALL'; rule: string | 'ALL' } = { region: 'ALL', rule: 'ALL' }, pool: readonly string[] | null = null): Promise<WarningSummary> {
  requireCityOrCounty(scope);
  const region = allowedRegion(scope, filter.region);
  const regionWhere = region === 'ALL' ? (pool ? { regionCode: { in: [...pool] } } : {}) : { regionCode: region };
  const where = {
    status: { in: OPEN_STATUSES },
    ...regionWhere,
    ...(filter.rule === 'ALL' ? {} : { ruleCode: filter.rule }),
  };
  const [groups, regions, everRaised, latest] = await Promise.all([
    db.prisma.riskWarning.groupBy({ by: ['regionCode', 'ruleCode', 'severity'], where, _count: { _all: true } }),
    db.prisma.region.findMany({ orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }], select: { code: true, name: true, kind: true } }),
    db.prisma.riskWarning.count({ where: regionWhere }),
    db.prisma.riskEvaluation.findFirst({ where: pool ? { OR: [{ cityCode: null }, { cityCode: pool[0] }] } : {}, orderBy: { id: 'desc' } }),
  ]);
  const bySeverity = zero();
  const byRegion = new Map<string, SeverityCounts>();
  const byRule = new Map<string, SeverityCounts>();
  for (const g of groups) {
    const s = g.severity as Severity;
    if (!SEVERITY_CODES.includes(s)) continue;
    const n = g._count._all;
    for (const c of [bySeverity, getOr(byRegion, g.regionCode), getOr(byRule, g.ruleCode)]) { c[s] += n; c.total += n; }
  }
  return {
    bySeverity,
    byRegion: regions.filter((r) => byRegion.has(r.code)).map((r) => ({ code: r.code, name: r.kind === 'CITY' ? `${r.name}（全市）` : r.name, counts: byRegion.get(r.code)! })),
    byRule: RULES.filter((r) => byRule.has(r.code)).map((r) => ({ code: r.code, name: r.name, counts: byRule.get(r.code)! })),
    everRaised,
    latest: latest && {
      id: latest.id, trigger: latest.trigger, triggeredBy: latest.triggeredBy, startedAt: latest.startedAt.toISOString(), ms: latest.ms,
      dataThrough: pool && latest.dataThrough !== null ? await lastLedgerPeriod(db, pool, { to: latest.dataThrough }) : latest.dataThrough,
      windowFrom: latest.windowFrom, cityCode: latest.cityCode,
      ...(pool && latest.cityCode === null ? await cityCounts(db, latest.id, pool) : { raised: latest.raised, closed: latest.closed, updated: latest.updated }),
    },
  };
}

/**
 * One city's share of a run of every city: warnings raised (a RAISED event each) and closed (an AUTO_CLOSE
 * event each: the only way a run closes a warning, lib/risk/reconcile) on the city's regions. Updates without
 * an event are not recorded per city: updated is null.
 */
async function cityCounts(db: Db, evaluationId: number, pool: readonly string[]): Promise<{ raised: number; closed: number; updated: null }> {
  const rows = await db.prisma.riskWarningEvent.groupBy({
    by: ['action'],
    where: { evaluationId, action: { in: ['RAISED', 'AUTO_CLOSE'] }, warning: { regionCode: { in: [...pool] } } },
    _count: { _all: true },
  });
  const n = (action: string) => rows.find((r) => r.action === action)?._count._all ?? 0;
  return { raised: n('RAISED'), closed: n('AUTO_CLOSE'), updated: null };
}

function getOr(m: Map<string, SeverityCounts>, k: string): SeverityCounts {
  let v = m.get(k);
  if (!v) { v = zero(); m.set(k, v); }
  return v;
}

/** Per request (React cache): the page header, the summary and the overview widget share one read. */
export const getWarningSummary = cache(cachedByDataVersion('risk/getWarningSummary', async (scope: Scope, region: string | 'ALL' = 'ALL', rule: string | 'ALL' = 'ALL', pool: readonly string[] | null = null) =>
  loadWarningSummary(getDb(), scope, { region, rule }, pool)));

/** One city's row of the province comparison on 风险预警: its open warnings by severity (its own and its counties'). */
export interface CityWarningCounts { code: string; counts: SeverityCounts }

/**
 * Open warnings of every city (设区市) in a warehouse of several, each counting the warnings of its own code and
 * its counties' (lib/regions/pools). Shape: one row per city in the cities' order, counts of warnings (0 is a
 * real zero: warnings are stored, none open). City scope only (a county user is bound to its own city).
 * @throws ScopeError for county and public scopes
 */
export async function loadWarningsByCity(db: Db, scope: Scope, cities: readonly Pick<Pool, 'code' | 'counties'>[]): Promise<CityWarningCounts[]> {
  if (scope.kind !== 'city') throw new ScopeError('全省各地市对比仅对市级及以上用户开放');
  const groups = await db.prisma.riskWarning.groupBy({ by: ['regionCode', 'severity'], where: { status: { in: OPEN_STATUSES } }, _count: { _all: true } });
  const cityOf = new Map<string, string>();
  for (const c of cities) for (const code of [c.code, ...c.counties.map((k) => k.code)]) cityOf.set(code, c.code);
  const byCity = new Map<string, SeverityCounts>();
  for (const g of groups) {
    const city = cityOf.get(g.regionCode);
    const s = g.severity as Severity;
    if (!city || !SEVERITY_CODES.includes(s)) continue;
    const c = getOr(byCity, city);
    c[s] += g._count._all;
    c.total += g._count._all;
  }
  return cities.map((c) => ({ code: c.code, counts: byCity.get(c.code) ?? zero() }));
}

/** Kept between requests until the data changes; the cities (with their counties) are part of the key. */
export const getWarningsByCity = cachedByDataVersion('risk/getWarningsByCity', (scope: Scope, cities: Pick<Pool, 'code' | 'counties'>[]) =>
  loadWarningsByCity(getDb(), scope, cities));
