// Handling a warning: 新发 → 已核实 → 已处置, or 误报, each step with a note, who and when (市级统筹意见（征求意见稿）
// §四(二): 风险预警机制和处置预案). County users answer their own county's warnings; the city answers all.
import 'server-only';
import { z } from 'zod';
import type { Db } from '../db';
import { bumpDataVersion } from '../cache';
import { boundCity, ScopeError, type Scope } from '../auth/scope';
import { cityOfStoredRegion } from '../queries/pool';
import type { EventAction, HandleAction, WarningStatus } from './types';
import { HANDLE_ACTIONS, STATUS_LABELS } from './types';

export { HANDLE_ACTIONS, HANDLE_ACTION_LABELS, type HandleAction } from './types';

/** The next status, or why the action is not allowed from this status. */
export function transition(status: WarningStatus, action: HandleAction): { ok: true; to: WarningStatus } | { ok: false; error: string } {
  if (action === 'NOTE') return { ok: true, to: status };
  if (action === 'VERIFY') {
    return status === 'NEW' ? { ok: true, to: 'VERIFIED' } : { ok: false, error: `当前状态为“${STATUS_LABELS[status]}”，只有新发预警可以核实` };
  }
  if (action === 'DISPOSE') {
    if (status === 'VERIFIED') return { ok: true, to: 'DISPOSED' };
    if (status === 'NEW') return { ok: false, error: '请先核实预警，再登记处置结果' };
    return { ok: false, error: `当前状态为“${STATUS_LABELS[status]}”，不能再处置` };
  }
  // FALSE_POSITIVE
  return status === 'NEW' || status === 'VERIFIED'
    ? { ok: true, to: 'FALSE_POSITIVE' }
    : { ok: false, error: `当前状态为“${STATUS_LABELS[status]}”，不能标记为误报` };
}

/** Actions offered for a status (the page shows only these). */
export function allowedActions(status: WarningStatus): HandleAction[] {
  return HANDLE_ACTIONS.filter((a) => transition(status, a).ok);
}

/**
 * Who may answer a warning: the city any; a city user bound to a city only that city's (`cityCode`: the city
 * the warning's region belongs to, lib/regions/pools cityOfRegion; unknown = not theirs); a county user only
 * its own county's; the public none.
 */
export function canHandle(scope: Scope, warning: { regionCode: string; cityCode?: string | null }): boolean {
  if (scope.kind === 'city') return !scope.cityCode || warning.cityCode === scope.cityCode;
  if (scope.kind === 'county') return warning.regionCode === scope.regionCode;
  return false;
}

/** The form of a handling step, validated on the server (zod). */
export const handleInputSchema = z.object({
  warningId: z.coerce.number({ error: '预警编号无效' }).int('预警编号无效').positive('预警编号无效'),
  action: z.enum(HANDLE_ACTIONS, { error: '未知的处理操作' }),
  note: z.string({ error: '请填写处理说明' }).trim().min(2, '请填写处理说明（至少2个字）').max(1000, '处理说明不超过1000字'),
});
export type HandleInput = z.infer<typeof handleInputSchema>;

export interface Actor {
  /** shown in the history, e.g. '市医保局' or '桃源县医保局' */
  name: string;
}

export type HandleResult = { ok: true; status: WarningStatus } | { ok: false; error: string };

/**
 * Applies one handling step. The status check and the update are one conditional write, so two people
 * acting at once cannot both move the same warning.
 */
export async function handleWarning(db: Db, scope: Scope, actor: Actor, input: HandleInput, now = new Date()): Promise<HandleResult> {
  if (scope.kind === 'public') throw new ScopeError('公众不能处理预警');
  const w = await db.prisma.riskWarning.findUnique({ where: { id: input.warningId }, select: { id: true, status: true, regionCode: true } });
  if (!w) return { ok: false, error: `预警 ${input.warningId} 不存在` };
  if (!canHandle(scope, { regionCode: w.regionCode, cityCode: boundCity(scope) === null ? null : await cityOfStoredRegion(db, w.regionCode) })) {
    throw new ScopeError(scope.kind === 'city' ? '只能处理本地市的预警' : '只能处理本县（市、区）的预警');
  }
  const from = w.status as WarningStatus;
  const t = transition(from, input.action);
  if (!t.ok) return t;
  const closing = t.to === 'DISPOSED' || t.to === 'FALSE_POSITIVE';
  const done = await db.prisma.$transaction(async (tx) => {
    const r = await tx.riskWarning.updateMany({
      where: { id: w.id, status: from },
      data: input.action === 'NOTE' ? { updatedAt: now } : { status: t.to, updatedAt: now, ...(closing ? { closedAt: now } : {}) },
    });
    if (r.count !== 1) return false;
    await tx.riskWarningEvent.create({
      data: {
        warningId: w.id, action: input.action satisfies EventAction, fromStatus: from, toStatus: t.to, note: input.note,
        actor: actor.name, actorRegion: scope.kind === 'county' ? scope.regionCode : null, at: now,
      },
    });
    return true;
  });
  if (!done) return { ok: false, error: '该预警的状态刚被他人更新，请刷新后重试' };
  await bumpDataVersion(db, 'warning-change');
  return { ok: true, status: t.to };
}
