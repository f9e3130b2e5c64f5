import 'server-only';
// Open warnings counted by severity, region and rule (the summary tables of the 风险预警 page and the
// 总览 widget), plus the latest evaluation. Reads stored warnings only.
import { cache } from 'react';
import { cachedByDataVersion } from '../../cache';
import { getDb, type Db } from '../../db';
import { RULES } from '../../risk/rules';
import { OPEN_STATUSES, SEVERITY_CODES, type Severity } from '../../risk/types';
import { allowedRegion, requireCityOrCounty, type Scope } from '../scope';

export type SeverityCounts = Record<Severity, number> & { total: number };

export interface LatestEvaluation {
  id: number;
  trigger: string;
  triggeredBy: string;
  startedAt: string;
  ms: number;
  dataThrough: number | null;
  windowFrom: number | null;
  raised: number;
  updated: number;
  closed: number;
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

export async function loadWarningSummary(db: Db, scope: Scope, filter: { region: string | 'ALL'; rule: string | 'ALL' } = { region: 'ALL', rule: 'ALL' }): Promise<WarningSummary> {
  requireCityOrCounty(scope);
  const region = allowedRegion(scope, filter.region);
  const where = {
    status: { in: OPEN_STATUSES },
    ...(region === 'ALL' ? {} : { regionCode: region }),
    ...(filter.rule === 'ALL' ? {} : { ruleCode: filter.rule }),
  };
  const [groups, regions, everRaised, latest] = await Promise.all([
    db.prisma.riskWarning.groupBy({ by: ['regionCode', 'ruleCode', 'severity'], where, _count: { _all: true } }),
    db.prisma.region.findMany({ orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }], select: { code: true, name: true, kind: true } }),
    db.prisma.riskWarning.count({ where: region === 'ALL' ? {} : { regionCode: region } }),
    db.prisma.riskEvaluation.findFirst({ orderBy: { id: 'desc' } }),
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
      dataThrough: latest.dataThrough, windowFrom: latest.windowFrom, raised: latest.raised, updated: latest.updated, closed: latest.closed,
    },
  };
}

function getOr(m: Map<string, SeverityCounts>, k: string): SeverityCounts {
  let v = m.get(k);
  if (!v) { v = zero(); m.set(k, v); }
  return v;
}

/** Per request (React cache): the page header, the summary and the overview widget share one read. */
export const getWarningSummary = cache(cachedByDataVersion('risk/getWarningSummary', async (scope: Scope, region: string | 'ALL' = 'ALL', rule: string | 'ALL' = 'ALL') =>
  loadWarningSummary(getDb(), scope, { region, rule })));
