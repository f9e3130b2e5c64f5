import type { ReactNode } from 'react';
import { connection } from 'next/server';
import AppShell from './AppShell';
import { getDatasetInfo } from '@/lib/queries/meta/getDatasetInfo';
import { getViewer } from '@/lib/auth/viewer';
import { ROLE_LABELS, type UserRole } from '@/lib/auth/users';

/** The shell of a page rendered per request: the loaded city and the session's user (none for the public). */
export default async function SiteShell({ children }: { children: ReactNode }) {
  // Every page reads the warehouse at request time (never at build time).
  await connection();
  const info = await getDatasetInfo().catch((err) => {
    console.error('[layout] dataset info', err);
    return null;
  });
  const viewer = await getViewer();
  const user = viewer.role === 'public' ? null : { name: viewer.name, role: viewer.role, roleLabel: ROLE_LABELS[viewer.role as UserRole] ?? viewer.role };
  return (
    <AppShell cityName={info?.cityName ?? '（未装载数据）'} isDemo={info?.isDemo ?? false} user={user}>
      {children}
    </AppShell>
  );
}
