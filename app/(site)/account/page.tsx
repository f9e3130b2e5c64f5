import type { Metadata } from 'next';
import { requireViewer } from '@/lib/auth/viewer';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/auth';
import { roleLabel } from '@/lib/auth/users';
import { getDatasetInfo } from '@/lib/queries/meta/getDatasetInfo';
import PasswordForm from './PasswordForm';

export const metadata: Metadata = { title: '我的账号' };

/** Any signed-in user: who they are signed in as, and 修改密码. */
export default async function AccountPage() {
  const viewer = await requireViewer();
  const info = await getDatasetInfo().catch(() => null);
  const region = viewer.scope.kind === 'county' ? viewer.scope.regionCode : viewer.scope.kind === 'city' ? viewer.scope.cityCode ?? null : null;
  // A county user's county, or a city user's bound city.
  const regionName = region ? info?.cities.flatMap((c) => [c, ...c.counties]).find((c) => c.code === region)?.name ?? region : null;
  return (
    <>
      <header className="page-header">
        <h1>我的账号</h1>
        <p className="page-lead">
          {viewer.name}（用户名 {viewer.username}）· {viewer.role === 'public' ? viewer.role : roleLabel(viewer.role, viewer.scope.kind === 'city' ? viewer.scope.cityCode ?? null : null, info?.cities ?? [])}
          {regionName ? ` · ${regionName}` : ''}
        </p>
      </header>
      <section className="section card" aria-labelledby="pw-h">
        <h2 id="pw-h">修改密码</h2>
        <PasswordForm minLength={MIN_PASSWORD_LENGTH} />
      </section>
    </>
  );
}
