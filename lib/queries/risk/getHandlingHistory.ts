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
export async function loadHandlingHistory(db: Db, scope: Scope, opts: { region?: string | 'ALL'; people?: boolean; limit?: number } = {}): Promise<HandlingEventRow[]> {
  requireCityOrCounty(scope);
  const region = allowedRegion(scope, opts.region ?? 'ALL');
  const events = await db.prisma.riskWarningEvent.findMany({
    where: {
      action: opts.people ? { in: ['VERIFY', 'DISPOSE', 'FALSE_POSITIVE', 'NOTE'] } : { not: 'RAISED' },
      ...(region === 'ALL' ? {} : { warning: { regionCode: region } }),
    },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    take: opts.limit ?? 50,
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

async function getHandlingHistoryUncached(scope: Scope, opts: { region?: string | 'ALL'; people?: boolean; limit?: number } = {}) {
  return loadHandlingHistory(getDb(), scope, opts);
}

/** Kept between requests until the data changes (lib/cache). */
export const getHandlingHistory = cachedByDataVersion('risk/getHandlingHistory', getHandlingHistoryUncached);
