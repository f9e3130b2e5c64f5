// User administration on top of better-auth's internal adapter (its password hashing, its tables):
// create, reset password, disable/enable, change role/region, change own password. Every change writes
// an audit event. Used by /admin/users, `npm run user:create` and the demo accounts.
// The region a user is bound to: a county user's county (required); a city user's city (设区市), optional —
// in a warehouse of several cities (a province) a city user with a city sees only that city, one without
// (or with the province's code, stored as none) is a province-level analyst who sees every city.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '@/lib/db';
import { recordAudit, type AuditActor } from '@/lib/audit/record';
import { getAuth, MIN_PASSWORD_LENGTH } from './auth';
import { isAboveCity } from '@/lib/domain/regionLevels';
import { forgetSessions } from './sessionMemo';

export const USER_ROLES = ['admin', 'city', 'county'] as const;
export type UserRole = (typeof USER_ROLES)[number];
export const ROLE_LABELS: Record<UserRole, string> = { admin: '管理员', city: '市医保局（全市）', county: '县（市、区）' };

/**
 * The role as the header and the user list name it: ROLE_LABELS, except a city-role user in a warehouse of
 * several cities (a province) — unbound (`cityCode` null) they see every city: '医保局（全省）'; bound to a
 * city: '<city>医保局（全市）'. `cities`: the warehouse's cities (code, name); one or none: ROLE_LABELS as is.
 */
export function roleLabel(role: UserRole, cityCode: string | null, cities: readonly { code: string; name: string }[]): string {
  if (role !== 'city' || cities.length <= 1) return ROLE_LABELS[role];
  if (cityCode === null) return '医保局（全省）';
  const name = cities.find((c) => c.code === cityCode)?.name;
  return name ? `${name}医保局（全市）` : ROLE_LABELS.city;
}

export interface UserRow {
  id: string;
  username: string;
  name: string;
  role: UserRole;
  regionCode: string | null;
  disabled: boolean;
  isDemo: boolean;
  lockedUntil: Date | null;
  createdAt: Date;
}

export const NewUserSchema = z
  .object({
    username: z.string().trim().toLowerCase().regex(/^[a-z0-9_.-]{2,40}$/, '用户名为2-40位小写字母、数字、下划线、点或连字符'),
    name: z.string().trim().min(1, '请填写姓名或单位').max(60),
    role: z.enum(USER_ROLES, { message: '角色应为 admin、city 或 county' }),
    regionCode: z.string().trim().max(12).optional().nullable(),
    password: z.string().min(MIN_PASSWORD_LENGTH, `密码至少${MIN_PASSWORD_LENGTH}位`).max(128),
    isDemo: z.boolean().optional(),
  })
  .refine((u) => u.role !== 'county' || !!u.regionCode, { message: '县级用户必须指定所属地区', path: ['regionCode'] })
  // Admins see everything: a region would mean nothing. Checked against the Region table by boundRegion.
  .transform((u) => ({ ...u, regionCode: u.role === 'admin' ? null : u.regionCode || null }));
export type NewUser = z.input<typeof NewUserSchema>;

export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

/** A random password a person can type: 16 characters from an unambiguous alphabet (~90 bits). */
export function generatePassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  const bytes = randomBytes(16);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

const toRow = (u: { id: string; username: string | null; name: string; role: string; regionCode: string | null; disabled: boolean; isDemo: boolean; lockedUntil: Date | null; createdAt: Date }): UserRow => ({
  id: u.id, username: u.username ?? '', name: u.name, role: u.role as UserRole, regionCode: u.regionCode, disabled: u.disabled, isDemo: u.isDemo, lockedUntil: u.lockedUntil, createdAt: u.createdAt,
});

/**
 * The region stored for a user of `role` asking for `code`: a county user's county-level unit or zone; a
 * city user's city (a region of kind CITY), or null for none or the province's code (every city); an
 * admin's null. Throws UserError for a code that is not of that kind.
 */
export async function boundRegion(db: Db, role: UserRole, code: string | null): Promise<string | null> {
  if (role === 'admin') return null;
  if (role === 'county' && !code) throw new UserError('县级用户必须指定所属地区');
  if (!code) return null;
  const r = await db.prisma.region.findUnique({ where: { code } });
  if (role === 'city') {
    if (r?.kind === 'CITY') return code;
    if (r?.kind === 'PROVINCE') return null;
    throw new UserError(`市级用户只能指定设区市（或不指定，即全省）：${code} 不是设区市的区划代码`);
  }
  // A county user belongs to a county-level unit or zone; a city may now have a parent (its province) too.
  if (!r || r.parentCode === null || r.kind === 'CITY' || isAboveCity(r.kind)) throw new UserError(`没有这个县级地区代码：${code}`);
  return code;
}

/**
 * Creates a user with a password (hashed by better-auth, scrypt). Throws UserError (Chinese message) for
 * invalid input, an unknown region or a taken username.
 */
export async function createUser(db: Db, actor: AuditActor, input: NewUser): Promise<UserRow> {
  const parsed = NewUserSchema.safeParse(input);
  if (!parsed.success) throw new UserError(parsed.error.issues[0].message);
  const u = { ...parsed.data, regionCode: await boundRegion(db, parsed.data.role, parsed.data.regionCode) };
  if (await db.prisma.user.findUnique({ where: { username: u.username } })) throw new UserError(`用户名已存在：${u.username}`);
  const ctx = await getAuth(db).$context;
  const hash = await ctx.password.hash(u.password);
  const created = await ctx.internalAdapter.createUser({
    email: `${u.username}@users.invalid`, name: u.name, emailVerified: true, username: u.username, displayUsername: u.username,
    role: u.role, regionCode: u.regionCode, disabled: false, isDemo: u.isDemo ?? false,
  }, { method: 'admin' });
  await ctx.internalAdapter.linkAccount({ userId: created.id, providerId: 'credential', accountId: created.id, password: hash });
  const row = toRow((await db.prisma.user.findUniqueOrThrow({ where: { id: created.id } })));
  await recordAudit(db, { actor, action: 'USER_CREATE', target: `user:${row.username}`, after: { username: row.username, name: row.name, role: row.role, regionCode: row.regionCode } });
  return row;
}

export async function listUsers(db: Db): Promise<UserRow[]> {
  const users = await db.prisma.user.findMany({ orderBy: [{ role: 'asc' }, { username: 'asc' }] });
  return users.map(toRow);
}

async function findUser(db: Db, userId: string) {
  const u = await db.prisma.user.findUnique({ where: { id: userId } });
  if (!u) throw new UserError('没有这个用户');
  return u;
}

/** Sets a new password (by an admin) and revokes the user's sessions. */
export async function resetPassword(db: Db, actor: AuditActor, userId: string, password: string): Promise<void> {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > 128) throw new UserError(`密码至少${MIN_PASSWORD_LENGTH}位`);
  const u = await findUser(db, userId);
  const ctx = await getAuth(db).$context;
  await ctx.internalAdapter.updatePassword(userId, await ctx.password.hash(password));
  await db.prisma.user.update({ where: { id: userId }, data: { failedLogins: 0, lockedUntil: null } });
  await db.prisma.session.deleteMany({ where: { userId } });
  forgetSessions();
  await recordAudit(db, { actor, action: 'USER_PASSWORD_RESET', target: `user:${u.username}`, detail: '密码已重置，该用户的登录会话已全部注销' });
}

/** Disables (sessions revoked at once) or re-enables an account. An admin cannot disable themself. */
export async function setDisabled(db: Db, actor: AuditActor, userId: string, disabled: boolean): Promise<void> {
  const u = await findUser(db, userId);
  if (disabled && actor.id === userId) throw new UserError('不能停用自己的账号');
  if (u.disabled === disabled) return;
  await db.prisma.user.update({ where: { id: userId }, data: { disabled, ...(disabled ? {} : { failedLogins: 0, lockedUntil: null }) } });
  if (disabled) await db.prisma.session.deleteMany({ where: { userId } });
  forgetSessions();
  await recordAudit(db, { actor, action: disabled ? 'USER_DISABLE' : 'USER_ENABLE', target: `user:${u.username}`, before: { disabled: u.disabled }, after: { disabled } });
}

/** Changes role/region (sessions revoked so the new scope applies at once). */
export async function updateRole(db: Db, actor: AuditActor, userId: string, role: UserRole, regionCode: string | null): Promise<void> {
  const u = await findUser(db, userId);
  if (!USER_ROLES.includes(role)) throw new UserError('未知角色');
  const region = await boundRegion(db, role, regionCode);
  if (actor.id === userId && role !== 'admin') throw new UserError('不能取消自己的管理员角色');
  if (u.role === role && u.regionCode === region) return;
  await db.prisma.user.update({ where: { id: userId }, data: { role, regionCode: region } });
  await db.prisma.session.deleteMany({ where: { userId } });
  forgetSessions();
  await recordAudit(db, { actor, action: 'USER_UPDATE', target: `user:${u.username}`, before: { role: u.role, regionCode: u.regionCode }, after: { role, regionCode: region } });
}

/** A signed-in user's own password change: checks the current one; other sessions are revoked. */
export async function changeOwnPassword(db: Db, actor: AuditActor & { id: string }, current: string, next: string, keepSessionToken?: string): Promise<void> {
  if (next.length < MIN_PASSWORD_LENGTH || next.length > 128) throw new UserError(`新密码至少${MIN_PASSWORD_LENGTH}位`);
  const ctx = await getAuth(db).$context;
  const account = await ctx.internalAdapter.findCredentialAccount?.(actor.id) ?? (await db.prisma.account.findFirst({ where: { userId: actor.id, providerId: 'credential' } }));
  if (!account?.password || !(await ctx.password.verify({ hash: account.password, password: current }))) throw new UserError('当前密码不正确');
  await ctx.internalAdapter.updatePassword(actor.id, await ctx.password.hash(next));
  await db.prisma.session.deleteMany({ where: { userId: actor.id, ...(keepSessionToken ? { NOT: { token: keepSessionToken } } : {}) } });
  forgetSessions();
  await recordAudit(db, { actor, action: 'PASSWORD_CHANGE', target: `user:${actor.name}` });
}
