import 'server-only';
import { cachedByDataVersion } from '../../cache';
// The warning list of the 风险预警 page: stored warnings (never recomputed here), filtered, ordered by
// severity then recency, one page at a time, each with its handling history.
import { getDb, type Db } from '../../db';
import { getRule, isRuleCode } from '../../risk/rules';
import { OPEN_STATUSES, severityRank, type Severity, type WarningStatus } from '../../risk/types';
import { allowedActions, canHandle } from '../../risk/workflow';
import { allowedRegion, requireCityOrCounty, type Scope } from '../scope';
import type { RiskFilters } from './filters';
import { linesOf, parseJson, ruleNameOf, type TrendPoint, type WarningView } from './warningViews';
import type { InputFigure } from '../../risk/types';
import { cityOfRegion } from '../../regions/pools';

export const PAGE_SIZE = 8;

export interface WarningPage {
  total: number;
  page: number;
  pageCount: number;
  items: WarningView[];
}

/**
 * Prisma `where` for the filters within the viewer's scope. `pool`: the selected city's region codes (its own
 * and its counties') when the warehouse holds several cities, so 全部地区 means that city's; null: every row.
 */
export function warningWhere(scope: Scope, f: Pick<RiskFilters, 'status' | 'severity' | 'region' | 'rule'>, pool: readonly string[] | null = null) {
  requireCityOrCounty(scope);
  const region = allowedRegion(scope, f.region);
  return {
    ...(f.status === 'open' ? { status: { in: OPEN_STATUSES } } : f.status === 'all' ? {} : { status: f.status }),
    ...(f.severity === 'ALL' ? {} : { severity: f.severity }),
    ...(region === 'ALL' ? (pool ? { regionCode: { in: [...pool] } } : {}) : { regionCode: region }),
    ...(f.rule === 'ALL' ? {} : { ruleCode: f.rule }),
  };
}

const STATUS_ORDER: Record<string, number> = { NEW: 0, VERIFIED: 1, DISPOSED: 2, FALSE_POSITIVE: 3, CLOSED: 4 };

/** `pool`: as warningWhere (one city's region codes among several; null: the whole warehouse). */
export async function loadWarnings(db: Db, scope: Scope, f: RiskFilters, pageSize = PAGE_SIZE, pool: readonly string[] | null = null): Promise<WarningPage> {
  const rows = await db.prisma.riskWarning.findMany({ where: warningWhere(scope, f, pool) });
  rows.sort((a, b) =>
    (STATUS_ORDER[a.status] ?? 9) - (STATUS_ORDER[b.status] ?? 9)
    || severityRank(b.severity as Severity) - severityRank(a.severity as Severity)
    || b.lastPeriod - a.lastPeriod
    || a.id - b.id);
  const pageCount = Math.max(1, Math.ceil(rows.length / pageSize));
  const page = Math.min(f.page, pageCount);
  const slice = rows.slice((page - 1) * pageSize, page * pageSize);
  const ids = slice.map((w) => w.id);
  const [events, versions, regions] = await Promise.all([
    ids.length ? db.prisma.riskWarningEvent.findMany({ where: { warningId: { in: ids } }, orderBy: [{ at: 'asc' }, { id: 'asc' }] }) : Promise.resolve([]),
    db.prisma.riskRuleVersion.findMany({ select: { ruleCode: true, version: true, params: true } }),
    db.prisma.region.findMany({ select: { code: true, name: true, kind: true, parentCode: true } }),
  ]);
  const regionName = new Map(regions.map((r) => [r.code, r.kind === 'CITY' ? `${r.name}（全市）` : r.name]));
  const regionRow = new Map(regions.map((r) => [r.code, r]));
  const paramsOf = new Map(versions.map((v) => [`${v.ruleCode}|${v.version}`, v.params]));
  const items: WarningView[] = slice.map((w) => ({
    id: w.id,
    ruleCode: w.ruleCode,
    ruleName: ruleNameOf(w.ruleCode),
    ruleVersion: w.ruleVersion,
    autoClose: isRuleCode(w.ruleCode) ? getRule(w.ruleCode).autoClose : true,
    subjectLabel: w.subjectLabel,
    regionCode: w.regionCode,
    regionName: regionName.get(w.regionCode) ?? w.regionCode,
    schemeCode: w.schemeCode,
    institutionCode: w.institutionCode,
    firstPeriod: w.firstPeriod,
    lastPeriod: w.lastPeriod,
    clearedPeriod: w.clearedPeriod,
    severity: w.severity as Severity,
    peakSeverity: w.peakSeverity as Severity,
    valuePeriod: w.valuePeriod ?? w.lastPeriod,
    value: w.value,
    threshold: w.threshold,
    unit: w.unit,
    detail: w.detail,
    inputs: parseJson<InputFigure[]>(w.inputs, []),
    trend: parseJson<TrendPoint[]>(w.trend, []),
    lines: linesOf(w.ruleCode, paramsOf.get(`${w.ruleCode}|${w.ruleVersion}`) ?? null),
    currentPeriod: w.currentPeriod,
    currentValue: w.currentValue,
    status: w.status as WarningStatus,
    createdAt: w.createdAt.toISOString(),
    updatedAt: w.updatedAt.toISOString(),
    closedAt: w.closedAt?.toISOString() ?? null,
    events: events.filter((e) => e.warningId === w.id).map((e) => ({
      id: e.id, action: e.action, fromStatus: e.fromStatus, toStatus: e.toStatus, note: e.note, actor: e.actor, at: e.at.toISOString(),
    })),
    actions: canHandle(scope, { regionCode: w.regionCode, cityCode: cityOfRegion(w.regionCode, (c) => regionRow.get(c)) }) ? allowedActions(w.status as WarningStatus) : [],
  }));
  return { total: rows.length, page, pageCount, items };
}

async function getWarningsUncached(scope: Scope, f: RiskFilters, pool: readonly string[] | null = null): Promise<WarningPage> {
  return loadWarnings(getDb(), scope, f, PAGE_SIZE, pool);
}

/** Kept between requests until the data changes (lib/cache). */
export const getWarnings = cachedByDataVersion('risk/getWarnings', getWarningsUncached);
