import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/lib/db';
import { requireViewer } from '@/lib/auth/viewer';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/auth';
import { listUsers, roleLabel } from '@/lib/auth/users';
import { getDatasetInfo } from '@/lib/queries/meta/getDatasetInfo';
import { CreateUserForm, DisableForm, ResetPasswordForm, RoleForm } from './UserForms';
import { formatDateTimeZh } from '@/lib/dates';

export const metadata: Metadata = { title: '用户管理' };

const fmt = formatDateTimeZh; // Beijing time, as every page shows instants

/** Admins only: the accounts, with role, region and state; create, reset password, change role, disable. */
export default async function UsersPage() {
  const viewer = await requireViewer({ roles: ['admin'] });
  const [users, info] = await Promise.all([listUsers(getDb()), getDatasetInfo().catch(() => null)]);
  // Every county of every city (a province's warehouse holds several); the city's name prefixes each then.
  const regions = (info?.cities ?? []).flatMap((city) => city.counties.map((c) => ({ code: c.code, name: info!.cities.length > 1 ? `${city.name}${c.name}` : c.name })));
  // A city user may be bound to one city when the warehouse holds several (unbound: every city, the province level).
  const cities = (info?.cities.length ?? 0) > 1 ? info!.cities.map((c) => ({ code: c.code, name: c.name })) : [];
  const regionName = (code: string | null) => (code ? [...cities, ...regions].find((r) => r.code === code)?.name ?? code : '—');
  const now = new Date();
  return (
    <>
      <header className="page-header">
        <h1>管理 · 用户</h1>
        <p className="page-lead">
          管理员：数据导入、用户、预警规则与考核方案；市医保局：全市全部分析页面{cities.length > 0 ? '（本库含多个地市：指定地市的市级用户只能查看该地市，不指定的为全省分析用户，可查看全省和各地市）' : ''}；县（市、区）：本县明细、全市汇总和其他县已公布的得分。
          停用账号、重置密码或修改角色后，该用户已有的登录立即失效。全部修改记入<Link href="/admin/audit">审计日志</Link>。
        </p>
      </header>

      <section className="section card" aria-labelledby="new-h">
        <h2 id="new-h">新建用户</h2>
        <CreateUserForm regions={regions} cities={cities} minLength={MIN_PASSWORD_LENGTH} />
      </section>

      <section className="section" aria-labelledby="list-h">
        <h2 id="list-h">全部用户（{users.length}）</h2>
        <div style={{ display: 'grid', gap: 12 }}>
          {users.map((u) => (
            <article key={u.id} className="card" aria-label={`用户 ${u.username}`}>
              <h3 style={{ margin: '0 0 6px' }}>
                {u.name} <span style={{ fontWeight: 400, color: 'var(--muted)' }}>（{u.username}）</span>{' '}
                <span className="badge">{roleLabel(u.role, u.regionCode, cities)}</span>{' '}
                {u.role === 'county' && <span className="badge">{regionName(u.regionCode)}</span>}{' '}
                {u.role === 'city' && (u.regionCode || cities.length > 0) && <span className="badge">{u.regionCode ? regionName(u.regionCode) : '全省各地市'}</span>}{' '}
                {u.isDemo && <span className="badge badge-building">演示账号</span>}{' '}
                {u.disabled && <span className="badge" style={{ color: 'var(--bad)' }}>已停用</span>}{' '}
                {u.lockedUntil && u.lockedUntil > now && <span className="badge" style={{ color: 'var(--bad)' }}>锁定至 {fmt(u.lockedUntil)}</span>}
              </h3>
              <p style={{ margin: '0 0 8px', fontSize: '0.82rem', color: 'var(--muted)' }}>创建于 {fmt(u.createdAt)}{u.id === viewer.userId ? ' · 当前登录账号' : ''}</p>
              <div style={{ display: 'grid', gap: 8 }}>
                <RoleForm userId={u.id} username={u.username} role={u.role} regionCode={u.regionCode} regions={regions} cities={cities} />
                <ResetPasswordForm userId={u.id} username={u.username} minLength={MIN_PASSWORD_LENGTH} />
                {u.id !== viewer.userId && <DisableForm userId={u.id} username={u.username} disabled={u.disabled} />}
              </div>
            </article>
          ))}
        </div>
      </section>
    </>
  );
}
