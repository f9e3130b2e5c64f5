import 'server-only';
import { cachedByDataVersion } from '../../cache';
// The handling history across warnings: what people (and the system) did, newest first.
import { getDb, type Db } from '../../db';
import { EVENT_LABELS, STATUS_LABELS, type EventAction, type WarningStatus } from '../../risk/types';
import { allowedRegion, requireCityOrCounty, type Scope } from '../scope';
import { ruleNameOf } from './warningViews';

export interface HandlingEventRow {
  id: number;
  at: string;
  warningId: number;
  rule: string;
  subject: string;
  action: string;
  change: string;
  note: string;
  actor: string;
}

/**
 * `people` = only steps taken by people (核实, 处置, 误报, 说明); otherwise system events too, except the
 * raising itself (every warning starts with it; the list shows when it was raised).
 */
/** `pool`: the selected city's region codes among several cities (that city's warnings only); absent: all. */
export async function loadHandlingHistory(db: Db, scope: Scope, opts: { region?: string | 'ALL'; people?: boolean; limit?: number; skip?: number; pool?: readonly string[] | null } = {}): Promise<HandlingEventRow[]> {
  requireCityOrCounty(scope);
  const region = allowedRegion(scope, opts.region ?? 'ALL');
  const events = await db.prisma.riskWarningEvent.findMany({
    where: {
      action: opts.people ? { in: ['VERIFY', 'DISPOSE', 'FALSE_POSITIVE', 'NOTE'] } : { not: 'RAISED' },
      ...warningRegion(region, opts.pool),
    },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    take: opts.limit ?? 50,
    skip: opts.skip ?? 0,
    include: { warning: { select: { ruleCode: true, subjectLabel: true } } },
  });
  return events.map((e) => ({
    id: e.id,
    at: e.at.toISOString(),
    warningId: e.warningId,
    rule: ruleNameOf(e.warning.ruleCode),
    subject: e.warning.subjectLabel,
    action: EVENT_LABELS[e.action as EventAction] ?? e.action,
    change: e.fromStatus && e.fromStatus !== e.toStatus
      ? `${STATUS_LABELS[e.fromStatus as WarningStatus] ?? e.fromStatus} → ${STATUS_LABELS[e.toStatus as WarningStatus] ?? e.toStatus}`
      : STATUS_LABELS[e.toStatus as WarningStatus] ?? e.toStatus,
    note: e.note,
    actor: e.actor,
  }));
}

const warningRegion = (region: string | 'ALL', pool: readonly string[] | null | undefined) =>
  region !== 'ALL' ? { warning: { regionCode: region } } : pool ? { warning: { regionCode: { in: [...pool] } } } : {};

export interface HandlingHistoryPage {
  rows: HandlingEventRow[];
  total: number;
  page: number;
  pageCount: number;
}

/** One page of the history (newest first), for the page's table: paged here, not in the browser. */
export async function loadHandlingHistoryPage(db: Db, scope: Scope, opts: { region?: string | 'ALL'; page: number; pageSize: number; pool?: readonly string[] | null }): Promise<HandlingHistoryPage> {
  requireCityOrCounty(scope);
  const region = allowedRegion(scope, opts.region ?? 'ALL');
  const total = await db.prisma.riskWarningEvent.count({
    where: { action: { not: 'RAISED' }, ...warningRegion(region, opts.pool) },
  });
  const pageCount = Math.max(1, Math.ceil(total / opts.pageSize));
  const page = Math.min(Math.max(1, opts.page), pageCount);
  const rows = await loadHandlingHistory(db, scope, { region, limit: opts.pageSize, skip: (page - 1) * opts.pageSize, pool: opts.pool });
  return { rows, total, page, pageCount };
}

/** Kept between requests until the data changes (lib/cache). */
export const getHandlingHistoryPage = cachedByDataVersion('risk/getHandlingHistoryPage', (scope: Scope, opts: { region?: string | 'ALL'; page: number; pageSize: number; pool?: readonly string[] | null }) =>
  loadHandlingHistoryPage(getDb(), scope, opts));
