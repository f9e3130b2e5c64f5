// The audit trail (审计日志): one append-only table, one writer. Every login and failed login, import and
// correction, user change, rule/threshold change and warning status change calls recordAudit. Nothing in
// the application updates or deletes an AuditEvent.
import os from 'node:os';
import type { Db } from '@/lib/db';

export interface AuditActor {
  /** User.id, or null (CLI, system, unknown name at login) */
  id: string | null;
  /** username; 'cli:<os user>' for the command line; 'system' */
  name: string;
  /** admin / city / county / cli / system / anonymous */
  role: string | null;
}

export interface AuditEntry {
  actor: AuditActor;
  /** e.g. LOGIN, LOGIN_FAILED, IMPORT, RULE_CHANGE, WARNING_STATUS, USER_CREATE (see AUDIT_ACTIONS) */
  action: AuditAction;
  /** what it was done to: 'user:zhang', 'batch:12', 'rule:RESERVE_MONTHS', 'warning:34' */
  target?: string | null;
  /** state before/after a change; stored as JSON text */
  before?: unknown;
  after?: unknown;
  detail?: string | null;
  ip?: string | null;
}

/** Action codes and their labels on /admin/audit. */
export const AUDIT_ACTIONS = {
  LOGIN: '登录',
  LOGIN_FAILED: '登录失败',
  LOGIN_LOCKED: '账号锁定',
  LOGOUT: '退出登录',
  PASSWORD_CHANGE: '修改密码',
  USER_CREATE: '新建用户',
  USER_UPDATE: '修改用户',
  USER_PASSWORD_RESET: '重置密码',
  USER_DISABLE: '停用用户',
  USER_ENABLE: '启用用户',
  IMPORT: '导入',
  IMPORT_CORRECTION: '更正导入',
  IMPORT_FAILED: '导入未通过',
  RULE_CHANGE: '预警规则修改',
  RISK_REEVALUATE: '重新评估预警',
  WARNING_STATUS: '预警处理',
} as const;
export type AuditAction = keyof typeof AUDIT_ACTIONS;

/** The command line acts as `cli:<OS user>` (the operator logged on to the server), never a typed-in name. */
export function cliActor(): AuditActor {
  let user = process.env.SUDO_USER || process.env.USER || '';
  try { user ||= os.userInfo().username; } catch { /* no passwd entry */ }
  return { id: null, name: `cli:${user || 'unknown'}`, role: 'cli' };
}

export const SYSTEM_ACTOR: AuditActor = { id: null, name: 'system', role: 'system' };

const json = (v: unknown): string | null => (v === undefined || v === null ? null : typeof v === 'string' ? v : JSON.stringify(v));

/**
 * Appends one event. `db` may be a Db or a Prisma transaction client (so a change and its audit row
 * commit together). Throws what the database throws: an action whose audit cannot be written fails.
 */
export async function recordAudit(db: Db | { auditEvent: Db['prisma']['auditEvent'] }, e: AuditEntry): Promise<void> {
  const client = 'prisma' in db ? db.prisma : db;
  await client.auditEvent.create({
    data: {
      actorId: e.actor.id,
      actorName: e.actor.name.slice(0, 200),
      actorRole: e.actor.role,
      action: e.action,
      target: e.target ?? null,
      before: json(e.before),
      after: json(e.after),
      detail: e.detail?.slice(0, 2000) ?? null,
      ip: e.ip ?? null,
    },
  });
}
