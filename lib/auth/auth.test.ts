// Accounts on the real databases (SQLite and PostgreSQL): demo accounts with generated passwords,
// better-auth sign-in, lockout after repeated failures, disable/reset revoking sessions, and the audit
// trail of each step.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, testDbKinds } from '../testing/databases';
import type { Db } from '../db';
import { cliActor } from '../audit/record';
import { ensureDemoAccounts, readDemoAccounts, type DemoCredential } from './demo';
import { attemptLogin, LOCK_AFTER_FAILURES, rateLimitFail, rateLimitWait, IP_MAX_ATTEMPTS } from './login';
import { createUser, resetPassword, setDisabled, updateRole, UserError } from './users';
import { getAuth } from './auth';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yibao-auth-'));
let ipN = 0;
const login = (db: Db, username: string, password: string) => attemptLogin(db, { username, password, ip: `10.0.0.${++ipN % 250}`, secure: false, headers: new Headers() });

describe.each(testDbKinds())('accounts on %s', (kind) => {
  let fresh: Awaited<ReturnType<typeof freshDatabase>>;
  let db: Db;
  let creds: DemoCredential[];
  const cred = (role: string) => creds.find((c) => c.role === role)!;

  beforeAll(async () => {
    fresh = await freshDatabase(kind, 'demo');
    db = fresh.db;
    process.env.DEMO_ACCOUNTS_FILE = path.join(dir, `${kind}-demo-accounts.txt`);
    const r = await ensureDemoAccounts(db);
    expect(r).not.toBeNull();
    creds = readDemoAccounts(r!.file);
  });
  afterAll(async () => { await fresh.drop(); delete process.env.DEMO_ACCOUNTS_FILE; });

  it('creates three labelled demo accounts once, with different generated passwords, hashed in the database', async () => {
    expect(creds.map((c) => c.role).sort()).toEqual(['admin', 'city', 'county']);
    expect(new Set(creds.map((c) => c.password)).size).toBe(3);
    expect(creds.every((c) => c.password.length >= 16)).toBe(true);
    expect(await ensureDemoAccounts(db)).toBeNull();
    const county = await db.prisma.user.findUnique({ where: { username: cred('county').username } });
    expect(county).toMatchObject({ role: 'county', regionCode: '439922', isDemo: true });
    const acct = await db.prisma.account.findFirst({ where: { userId: county!.id, providerId: 'credential' } });
    expect(acct?.password).toBeTruthy();
    expect(acct!.password).not.toContain(cred('county').password);
  });

  it('signs in with the right password (session stored, audited) and refuses a wrong one in Chinese', async () => {
    const c = cred('city');
    const before = await db.prisma.session.count();
    expect(await login(db, c.username, c.password)).toMatchObject({ ok: true, role: 'city' });
    expect(await db.prisma.session.count()).toBe(before + 1);
    const s = await db.prisma.session.findFirst({ orderBy: { createdAt: 'desc' } });
    expect(s!.expiresAt.getTime() - Date.now()).toBeGreaterThan(11 * 3600_000);
    expect(s!.expiresAt.getTime() - Date.now()).toBeLessThan(13 * 3600_000);
    expect(await login(db, c.username, 'wrong-password')).toEqual({ ok: false, error: '用户名或密码不正确' });
    expect(await login(db, 'nobody', 'wrong-password')).toEqual({ ok: false, error: '用户名或密码不正确' });
    const audit = await db.prisma.auditEvent.findMany({ where: { action: { in: ['LOGIN', 'LOGIN_FAILED'] } }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => [a.action, a.actorName])).toEqual([['LOGIN', c.username], ['LOGIN_FAILED', c.username], ['LOGIN_FAILED', 'nobody']]);
  });

  it(`locks an account after ${LOCK_AFTER_FAILURES} wrong passwords and says so, even for the right password`, async () => {
    const c = cred('county');
    for (let i = 1; i < LOCK_AFTER_FAILURES; i++) expect((await login(db, c.username, 'bad-' + i)).ok).toBe(false);
    const last = await login(db, c.username, 'bad-last');
    expect(last).toMatchObject({ ok: false, locked: true });
    expect((last as { error: string }).error).toMatch(/已锁定/);
    const again = await login(db, c.username, c.password);
    expect(again).toMatchObject({ ok: false, locked: true });
    expect(await db.prisma.auditEvent.count({ where: { action: 'LOGIN_LOCKED', actorName: c.username } })).toBe(1);
    // an admin's reset unlocks
    const admin = await db.prisma.user.findUnique({ where: { username: cred('admin').username } });
    const u = await db.prisma.user.findUnique({ where: { username: c.username } });
    await resetPassword(db, { id: admin!.id, name: admin!.username!, role: 'admin' }, u!.id, 'a-new-password-123');
    expect((await login(db, c.username, c.password)).ok).toBe(false);
    expect((await login(db, c.username, 'a-new-password-123')).ok).toBe(true);
  });

  it('disabling revokes sessions and refuses sign-in; role changes revoke sessions; all audited with before/after', async () => {
    const c = cred('city');
    expect((await login(db, c.username, c.password)).ok).toBe(true);
    const u = (await db.prisma.user.findUnique({ where: { username: c.username } }))!;
    expect(await db.prisma.session.count({ where: { userId: u.id } })).toBeGreaterThan(0);
    await setDisabled(db, cliActor(), u.id, true);
    expect(await db.prisma.session.count({ where: { userId: u.id } })).toBe(0);
    expect(await login(db, c.username, c.password)).toEqual({ ok: false, error: '该账号已停用，请联系管理员' });
    await setDisabled(db, cliActor(), u.id, false);
    expect((await login(db, c.username, c.password)).ok).toBe(true);
    await updateRole(db, cliActor(), u.id, 'county', '439921');
    expect(await db.prisma.session.count({ where: { userId: u.id } })).toBe(0);
    const ev = await db.prisma.auditEvent.findFirst({ where: { action: 'USER_UPDATE' }, orderBy: { id: 'desc' } });
    expect(JSON.parse(ev!.before!)).toEqual({ role: 'city', regionCode: null });
    expect(JSON.parse(ev!.after!)).toEqual({ role: 'county', regionCode: '439921' });
    expect(ev!.actorName).toMatch(/^cli:/);
  });

  it('refuses bad users with Chinese reasons', async () => {
    const a = cliActor();
    await expect(createUser(db, a, { username: cred('admin').username, name: 'x', role: 'city', password: 'long-enough-pw' })).rejects.toThrow('用户名已存在');
    await expect(createUser(db, a, { username: 'county-x', name: 'x', role: 'county', password: 'long-enough-pw' })).rejects.toThrow('县级用户必须指定所属地区');
    await expect(createUser(db, a, { username: 'county-y', name: 'x', role: 'county', regionCode: '999999', password: 'long-enough-pw' })).rejects.toThrow('没有这个县级地区代码');
    await expect(createUser(db, a, { username: 'short', name: 'x', role: 'city', password: 'short' })).rejects.toBeInstanceOf(UserError);
  });

  it('a city user may be bound to a city (a region of kind CITY); none or the province means every city; audited', async () => {
    const a = cliActor();
    const bound = await createUser(db, a, { username: 'city-bound', name: '市医保局（本市）', role: 'city', regionCode: '439900', password: 'long-enough-pw' });
    expect(bound.regionCode).toBe('439900');
    expect((await db.prisma.user.findUnique({ where: { username: 'city-bound' } }))?.regionCode).toBe('439900');
    const created = await db.prisma.auditEvent.findFirst({ where: { action: 'USER_CREATE', target: 'user:city-bound' } });
    expect(JSON.parse(created!.after!)).toMatchObject({ role: 'city', regionCode: '439900' });
    expect((await createUser(db, a, { username: 'city-all', name: '省医保局', role: 'city', regionCode: null, password: 'long-enough-pw' })).regionCode).toBeNull();
    // a county, or a code no region has, is not a city
    await expect(createUser(db, a, { username: 'city-county', name: 'x', role: 'city', regionCode: '439922', password: 'long-enough-pw' })).rejects.toThrow('市级用户只能指定设区市');
    await expect(createUser(db, a, { username: 'city-none', name: 'x', role: 'city', regionCode: '999999', password: 'long-enough-pw' })).rejects.toThrow('市级用户只能指定设区市');
    // a county user is still a county's; an admin carries no region
    await expect(createUser(db, a, { username: 'county-city', name: 'x', role: 'county', regionCode: '439900', password: 'long-enough-pw' })).rejects.toThrow('没有这个县级地区代码');
    expect((await createUser(db, a, { username: 'admin-x', name: 'x', role: 'admin', regionCode: '439900', password: 'long-enough-pw' })).regionCode).toBeNull();
    // the province's code means every city: stored as none
    await db.prisma.region.create({ data: { code: '439000', name: '测试省', shortName: '测试', kind: 'PROVINCE', parentCode: null, isLocalCode: true } });
    const all = (await db.prisma.user.findUnique({ where: { username: 'city-all' } }))!;
    await updateRole(db, a, all.id, 'city', '439000');
    expect((await db.prisma.user.findUnique({ where: { id: all.id } }))?.regionCode).toBeNull();
    // binding an unbound city user to a city (and back) is a role change: sessions end, audited before/after
    await updateRole(db, a, all.id, 'city', '439900');
    const ev = await db.prisma.auditEvent.findFirst({ where: { action: 'USER_UPDATE', target: 'user:city-all' }, orderBy: { id: 'desc' } });
    expect(JSON.parse(ev!.before!)).toEqual({ role: 'city', regionCode: null });
    expect(JSON.parse(ev!.after!)).toEqual({ role: 'city', regionCode: '439900' });
    await expect(updateRole(db, a, all.id, 'city', '439921')).rejects.toThrow('市级用户只能指定设区市');
    await updateRole(db, a, bound.id, 'county', '439921');
    expect((await db.prisma.user.findUnique({ where: { id: bound.id } }))?.regionCode).toBe('439921');
  });

  it('a session token from better-auth resolves to the user; after revocation it does not', async () => {
    const c = cred('admin');
    const auth = getAuth(db, false);
    const res = await auth.api.signInUsername({ body: { username: c.username, password: c.password }, asResponse: true });
    const cookie = res.headers.get('set-cookie')!.split(';')[0];
    expect(cookie).toMatch(/^yibao\.session_token=/);
    expect(res.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    expect(res.headers.get('set-cookie')).toMatch(/SameSite=Lax/i);
    const s = await auth.api.getSession({ headers: new Headers({ cookie }) });
    expect((s!.user as { role?: string }).role).toBe('admin');
    await db.prisma.session.deleteMany({ where: { userId: s!.user.id } });
    expect(await auth.api.getSession({ headers: new Headers({ cookie }) })).toBeNull();
    // over HTTPS the cookie is Secure (and __Secure- prefixed)
    const sres = await getAuth(db, true).api.signInUsername({ body: { username: c.username, password: c.password }, asResponse: true });
    expect(sres.headers.get('set-cookie')).toMatch(/^__Secure-yibao\.session_token=.*Secure/i);
  });
});

describe('rate limit per client address', () => {
  it(`allows ${IP_MAX_ATTEMPTS} failed attempts in the window, then says how long to wait`, () => {
    const t = 1_000_000;
    for (let i = 0; i < IP_MAX_ATTEMPTS; i++) {
      expect(rateLimitWait('192.0.2.7', t + i)).toBe(0);
      rateLimitFail('192.0.2.7', t + i);
    }
    expect(rateLimitWait('192.0.2.7', t + 100)).toBe(10 * 60_000 - 100);
    expect(rateLimitWait('192.0.2.8', t + 100)).toBe(0);
    expect(rateLimitWait('192.0.2.7', t + 10 * 60_000 + 50)).toBe(0);
  });
});
