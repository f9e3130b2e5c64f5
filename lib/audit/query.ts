// Reading the audit trail for /admin/audit and its export (admins only; the callers check).
import { z } from 'zod';
import type { Db } from '@/lib/db';
import { AUDIT_ACTIONS } from './record';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined);

/** URL filters: action code, actor (substring of the name), from/to calendar days (inclusive, UTC+8), page. */
export const AuditFilterSchema = z.object({
  action: z.enum(Object.keys(AUDIT_ACTIONS) as [keyof typeof AUDIT_ACTIONS]).optional().catch(undefined),
  actor: z.string().trim().max(60).optional().catch(undefined).transform((s) => s || undefined),
  from: day,
  to: day,
  page: z.coerce.number().int().min(1).max(100000).catch(1).default(1),
});
export type AuditFilter = z.infer<typeof AuditFilterSchema>;

export function parseAuditFilter(sp: Record<string, string | string[] | undefined>): AuditFilter {
  const one = (k: string) => (typeof sp[k] === 'string' ? (sp[k] as string) : undefined);
  return AuditFilterSchema.parse({ action: one('action') || undefined, actor: one('actor'), from: one('from') || undefined, to: one('to') || undefined, page: one('page') });
}

// Calendar days are Beijing time (UTC+8), the city's business day.
const dayStart = (d: string) => new Date(`${d}T00:00:00+08:00`);

function where(f: AuditFilter) {
  return {
    ...(f.action ? { action: f.action } : {}),
    ...(f.actor ? { actorName: { contains: f.actor } } : {}),
    ...(f.from || f.to ? { at: { ...(f.from ? { gte: dayStart(f.from) } : {}), ...(f.to ? { lt: new Date(dayStart(f.to).getTime() + 86_400_000) } : {}) } } : {}),
  };
}

export interface AuditRow {
  id: number;
  at: Date;
  actorName: string;
  actorRole: string | null;
  action: string;
  actionLabel: string;
  target: string | null;
  before: string | null;
  after: string | null;
  detail: string | null;
  ip: string | null;
}

const label = (a: string) => (AUDIT_ACTIONS as Record<string, string>)[a] ?? a;

/** Newest first; `pageSize` rows of page `f.page`, and the total matching. */
export async function listAudit(db: Db, f: AuditFilter, pageSize = 100): Promise<{ rows: AuditRow[]; total: number }> {
  const w = where(f);
  const [rows, total] = await Promise.all([
    db.prisma.auditEvent.findMany({ where: w, orderBy: [{ at: 'desc' }, { id: 'desc' }], skip: (f.page - 1) * pageSize, take: pageSize }),
    db.prisma.auditEvent.count({ where: w }),
  ]);
  return { rows: rows.map((r) => ({ ...r, actionLabel: label(r.action) })), total };
}

/** Every matching event (newest first, at most `limit`) for the export. */
export async function exportAudit(db: Db, f: AuditFilter, limit = 100_000): Promise<AuditRow[]> {
  const rows = await db.prisma.auditEvent.findMany({ where: where(f), orderBy: [{ at: 'desc' }, { id: 'desc' }], take: limit });
  return rows.map((r) => ({ ...r, actionLabel: label(r.action) }));
}
