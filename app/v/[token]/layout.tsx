import type { ReactNode } from 'react';
import AppShell from '@/app/(site)/ui/AppShell';
import { bindCachedViewer, viewerOfPageScope } from '@/lib/auth/pageCache';
import { shellCityName } from '@/app/(site)/ui/SiteShell';
import { roleLabel } from '@/lib/auth/users';
import { getDatasetInfo } from '@/lib/queries/meta/getDatasetInfo';

/**
 * The shell of a kept dashboard rendering (lib/auth/pageCache): the scope's role decides the navigation;
 * the user's name is not in the kept HTML (UserMenu reads it from the display cookie once loaded).
 */
export default async function CachedLayout({ children, params }: { children: ReactNode; params: Promise<{ token: string }> }) {
  const scope = bindCachedViewer((await params).token);
  const info = await getDatasetInfo().catch((err) => {
    console.error('[layout] dataset info', err);
    return null;
  });
  return (
    <AppShell cityName={shellCityName(info, viewerOfPageScope(scope).scope)} isDemo={info?.isDemo ?? false} user={{ name: '', role: scope.role, roleLabel: roleLabel(scope.role, scope.role === 'city' ? scope.regionCode : null, info?.cities ?? []) }}>
      {children}
    </AppShell>
  );
}
