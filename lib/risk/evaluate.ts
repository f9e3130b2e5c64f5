// Evaluation: every rule over every region × scheme (or institution) × month, then the episodes found are
// reconciled with the stored warnings in one transaction. Runs after every import (the import pipeline
// calls `evaluateWarnings`), on demand from the 风险预警 page, after a threshold change, and from
// `npm run risk:evaluate`.
//
// Every pool (设区市) the warehouse holds is evaluated in the same run, each from its own rows
// (lib/risk/data splitByPool): a city's fund warnings sit on the city's code, county warnings on the county's,
// institution warnings on the institution's. Subject keys carry those codes, so they are distinct across cities.
//
// Every month is always re-evaluated: rolling windows (12 and 24 months, the seasonal profile, the
// institution's own baseline) make later months depend on earlier ones, and a full run over the demo
// city takes about two seconds.
import 'server-only';
import type { Db } from '../db';
import { bumpDataVersion } from '../cache';
import { addMonths } from '../indicators/compute';
import { ensureRuleConfigs } from './config';
import { loadRiskData, type RiskData } from './data';
import { findEpisodes } from './episodes';
import { planReconcile, type Change, type RuleOutcome, type StoredWarning } from './reconcile';
import { RULES } from './rules';
import { forgetCostCells } from './rules/institution';
import type { Severity, WarningStatus } from './types';

/** New warnings are raised for episodes lasting into the last 36 months of data (older history is not raised). */
export const DEFAULT_WINDOW_MONTHS = 36;

export type EvaluationTrigger = 'IMPORT' | 'MANUAL' | 'RULE_CHANGE' | 'SCRIPT';

export interface EvaluateOptions {
  trigger?: EvaluationTrigger;
  /** who asked (an importer, a page user, '系统') */
  actor?: string;
  /** months an import touched (recorded on the evaluation; every month is evaluated regardless) */
  periods?: number[];
  windowMonths?: number;
  now?: Date;
  /**
   * One city's pool only (its code), in a warehouse of several cities: its rules run and only its warnings
   * (its own code's and its counties') are reconciled; the other cities' stay as they are. The monitoring
   * window still ends with the warehouse's latest month, as in a full run, so both give the same warnings.
   */
  city?: string;
  /** The pools already read (loadRiskData), when one caller evaluates several cities in turn. */
  pools?: RiskData[];
}

export interface EvaluationReport {
  evaluationId: number;
  ms: number;
  dataThrough: number | null;
  windowFrom: number | null;
  raised: number;
  updated: number;
  closed: number;
  /** open warnings after the run, by rule and severity */
  open: { total: number; byRule: Record<string, number>; bySeverity: Record<Severity, number> };
}

/**
 * Runs every enabled rule over every pool and finds its episodes (pure given the data). A pool's episodes end
 * with its own data (`RiskData.lastPeriod`). Throws when two series of one rule share a subject key (two pools
 * claiming one subject would overwrite each other's warning).
 *
 * Pool by pool, every rule in turn (a rule's series stay in pool order), and the pool's memoised cost indices
 * are dropped once its rules have run. `onlyWithEpisodes`: keep only the series that have an episode, the only
 * ones reconciliation reads — at province size the others are ~1.5 million points kept alive for nothing.
 */
export function evaluateRules(
  data: RiskData | readonly RiskData[],
  configs: Map<string, { version: number; enabled: boolean; params: Record<string, number> }>,
  opts: { onlyWithEpisodes?: boolean } = {},
): RuleOutcome[] {
  const pools: readonly RiskData[] = Array.isArray(data) ? data : [data as RiskData];
  const outcomes = RULES.map((rule): RuleOutcome => {
    const cfg = configs.get(rule.code)!;
    return { code: rule.code, autoClose: rule.autoClose, enabled: cfg.enabled, version: cfg.version, params: cfg.params as typeof rule.defaults, series: [], episodes: new Map() };
  });
  const seen = RULES.map(() => new Set<string>());
  for (const pool of pools) {
    RULES.forEach((rule, r) => {
      const o = outcomes[r];
      if (!o.enabled) return;
      for (const s of rule.evaluate(pool, o.params)) {
        if (seen[r].has(s.key)) throw new Error(`预警规则 ${rule.code} 的评估对象重复：${s.key}（duplicate subject key across pools）`);
        seen[r].add(s.key);
        const e = findEpisodes(s, o.params, pool.lastPeriod);
        if (e.length > 0) o.episodes.set(s.key, e);
        if (e.length > 0 || !opts.onlyWithEpisodes) o.series.push(s);
      }
    });
    forgetCostCells(pool);
  }
  return outcomes;
}

/** The latest month with ledger data in any pool (null: none). */
export function dataThrough(pools: readonly RiskData[]): number | null {
  let last: number | null = null;
  for (const p of pools) if (p.lastPeriod !== null && (last === null || p.lastPeriod > last)) last = p.lastPeriod;
  return last;
}

const WARNING_SELECT = {
  id: true, status: true, ruleCode: true, ruleVersion: true, subjectKey: true, subjectLabel: true, regionCode: true, schemeCode: true,
  institutionCode: true, firstPeriod: true, lastPeriod: true, clearedPeriod: true, severity: true, peakSeverity: true, valuePeriod: true, value: true,
  threshold: true, unit: true, detail: true, inputs: true, trend: true, currentPeriod: true, currentValue: true,
} as const;

export async function evaluateWarnings(db: Db, opts: EvaluateOptions = {}): Promise<EvaluationReport> {
  const t0 = Date.now();
  const now = opts.now ?? new Date();
  const trigger = opts.trigger ?? 'MANUAL';
  const actor = opts.actor ?? '系统';
  const configs = await ensureRuleConfigs(db);
  const pools = opts.pools ?? (await loadRiskData(db));
  const through = dataThrough(pools);
  const windowFrom = through === null ? null : addMonths(through, -((opts.windowMonths ?? DEFAULT_WINDOW_MONTHS) - 1));
  const only = opts.city === undefined ? null : pools.find((p) => p.cityCode === opts.city);
  if (opts.city !== undefined && !only) throw new Error(`未知的地市：${opts.city}`);
  const evaluated = only ? [only] : pools;
  const mine = only ? new Set([only.cityCode, ...only.counties]) : null;
  const outcomes = through === null ? [] : evaluateRules(evaluated.filter((p) => p.lastPeriod !== null), configs, { onlyWithEpisodes: true });
  const note = [
    opts.periods && opts.periods.length > 0 ? `导入涉及 ${Math.min(...opts.periods)}—${Math.max(...opts.periods)}` : null,
    only ? `仅评估${only.cityName}（${only.cityCode}）` : null,
  ].filter(Boolean).join('；') || null;

  const counts = await db.prisma.$transaction(async (tx) => {
    // Two evaluations at once (two imports) would each create the same new warnings: serialise them.
    if (db.provider === 'postgres') await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock(5505001)');
    const existing = (await tx.riskWarning.findMany({ select: WARNING_SELECT, where: mine ? { regionCode: { in: [...mine] } } : {} })) as unknown as StoredWarning[];
    const plan: Change[] = planReconcile({ rules: outcomes, existing, windowFrom });
    const evaluation = await tx.riskEvaluation.create({
      data: { trigger, triggeredBy: actor, startedAt: now, dataThrough: through, windowFrom, note, cityCode: only?.cityCode ?? null },
    });
    let raised = 0, updated = 0, closed = 0;
    for (const c of plan) {
      const events = c.events.map((e) => ({ ...e, actor: '系统', evaluationId: evaluation.id, at: now }));
      if (c.kind === 'create') {
        raised++;
        if (c.status === 'CLOSED') closed++;
        await tx.riskWarning.create({
          data: {
            ...c.fields, status: c.status, createdAt: now, updatedAt: now, closedAt: c.status === 'CLOSED' ? now : null,
            events: { create: events },
          },
        });
      } else {
        updated++;
        const statusData = c.status === undefined ? {} : { status: c.status, closedAt: c.status === 'CLOSED' ? now : null };
        if (c.status === 'CLOSED') closed++;
        await tx.riskWarning.update({ where: { id: c.id }, data: { ...c.fields, ...statusData, updatedAt: now } });
        if (events.length > 0) await tx.riskWarningEvent.createMany({ data: events.map((e) => ({ ...e, warningId: c.id })) });
      }
    }
    const open = await tx.riskWarning.groupBy({ by: ['ruleCode', 'severity'], where: { status: { in: ['NEW', 'VERIFIED'] satisfies WarningStatus[] } }, _count: { _all: true } });
    const total = open.reduce((a, r) => a + r._count._all, 0);
    await tx.riskEvaluation.update({ where: { id: evaluation.id }, data: { raised, updated, closed, openAfter: total, ms: Date.now() - t0 } });
    return { evaluationId: evaluation.id, raised, updated, closed, open };
  }, { timeout: 120_000, maxWait: 30_000 });

  const byRule: Record<string, number> = {};
  const bySeverity: Record<Severity, number> = { SEVERE: 0, WARNING: 0, NOTICE: 0 };
  let total = 0;
  for (const r of counts.open) {
    byRule[r.ruleCode] = (byRule[r.ruleCode] ?? 0) + r._count._all;
    bySeverity[r.severity as Severity] = (bySeverity[r.severity as Severity] ?? 0) + r._count._all;
    total += r._count._all;
  }
  const ms = Date.now() - t0;
  await bumpDataVersion(db, 'risk-evaluation');
  return {
    evaluationId: counts.evaluationId, ms, dataThrough: through, windowFrom,
    raised: counts.raised, updated: counts.updated, closed: counts.closed, open: { total, byRule, bySeverity },
  };
}

export interface AfterImportScope {
  /** the template kind imported (lib/ingest/templates) */
  kind: string;
  /** regions whose facts changed (insured regions for settlement records; empty: not by region) */
  regionCodes: string[];
  /** months (YYYYMM) whose facts changed */
  periods: number[];
}

/**
 * The cities whose pools an import changed, or null when every pool must be evaluated: a one-city warehouse,
 * an import not by region (institutions) or with a region outside every city (national or provincial annual
 * figures). Settlement records also change the costs of the institutions where the insured were treated,
 * which may lie in another city (out-of-city care): those institutions' cities are added.
 */
export async function citiesChangedByImport(db: Db, pools: readonly RiskData[], scope: AfterImportScope): Promise<string[] | null> {
  if (pools.length <= 1 || scope.regionCodes.length === 0) return null;
  const cityOf = new Map<string, string>();
  for (const p of pools) {
    cityOf.set(p.cityCode, p.cityCode);
    for (const c of p.counties) cityOf.set(c, p.cityCode);
  }
  const cities = new Set<string>();
  for (const r of scope.regionCodes) {
    const c = cityOf.get(r);
    if (c === undefined) return null;
    cities.add(c);
  }
  if (scope.kind === 'SETTLEMENT' && scope.periods.length > 0) {
    const rc = scope.regionCodes, ps = scope.periods;
    // Placeholders $1… on PostgreSQL, ? on SQLite; the facts are filtered by their region (distribution) column.
    const mark = (i: number) => (db.provider === 'postgres' ? `$${i + 1}` : '?');
    const rows = await db.prisma.$queryRawUnsafe<{ regionCode: string }[]>(
      `SELECT DISTINCT i."regionCode" AS "regionCode" FROM "UtilizationFact" f JOIN "Institution" i ON i."code" = f."institutionCode"
        WHERE f."insuredRegionCode" IN (${rc.map((_, i) => mark(i)).join(',')}) AND f."period" IN (${ps.map((_, i) => mark(rc.length + i)).join(',')})`,
      ...rc, ...ps,
    );
    // An institution outside every city (out-of-province care) is in no pool's cost rules: nothing to add.
    for (const r of rows) {
      const c = cityOf.get(r.regionCode);
      if (c !== undefined) cities.add(c);
    }
  }
  return [...cities].sort();
}

/**
 * The post-import evaluation: in a warehouse of several cities only the pools the import changed are
 * evaluated (one evaluation per city, each recorded with its city, from one read of the warehouse); otherwise
 * every pool, as evaluateWarnings does. Returns the evaluations run.
 */
export async function evaluateAfterImport(db: Db, scope: AfterImportScope, opts: Omit<EvaluateOptions, 'city' | 'pools'> = {}): Promise<EvaluationReport[]> {
  const pools = await loadRiskData(db);
  const cities = await citiesChangedByImport(db, pools, scope);
  if (cities === null) return [await evaluateWarnings(db, { ...opts, periods: scope.periods, pools })];
  const out: EvaluationReport[] = [];
  for (const city of cities) out.push(await evaluateWarnings(db, { ...opts, periods: scope.periods, pools, city }));
  return out;
}

