import type { ReactNode } from 'react';
import { connection } from 'next/server';
import AppShell from './AppShell';
import { getDatasetInfo, type DatasetInfo } from '@/lib/queries/meta/getDatasetInfo';
import { boundCity, type Scope } from '@/lib/queries/scope';
import { getViewer } from '@/lib/auth/viewer';
import { roleLabel, type UserRole } from '@/lib/auth/users';

/**
 * The name in the shell's header: the loaded city's (the province's when it holds several), or for a city
 * user bound to a city, that city's.
 */
export function shellCityName(info: Pick<DatasetInfo, 'cityName' | 'cities'> | null, scope: Scope): string {
  if (!info) return '（未装载数据）';
  const bound = boundCity(scope);
  return (bound !== null ? info.cities.find((c) => c.code === bound)?.name : undefined) ?? info.cityName;
}

/** The shell of a page rendered per request: the loaded city and the session's user (none for the public). */
export default async function SiteShell({ children }: { children: ReactNode }) {
  // Every page reads the warehouse at request time (never at build time).
  await connection();
  const info = await getDatasetInfo().catch((err) => {
    console.error('[layout] dataset info', err);
    return null;
  });
  const viewer = await getViewer();
  const user = viewer.role === 'public' ? null : { name: viewer.name, role: viewer.role, roleLabel: roleLabel(viewer.role as UserRole, boundCity(viewer.scope), info?.cities ?? []) };
  return (
    <AppShell cityName={shellCityName(info, viewer.scope)} isDemo={info?.isDemo ?? false} user={user}>
      {children}
    </AppShell>
  );
}
