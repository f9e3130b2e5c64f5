import type { ReactNode } from 'react';
import CountyLayout from '@/app/(site)/counties/[code]/layout';
import { bindCachedViewer } from '@/lib/auth/pageCache';

// The county layout's checks (unknown code → 404) in the kept rendering; proxy.ts never sends a county
// user here for another county (that request is rendered per request and answers 403).
export default async function CachedCountyLayout({ children, params }: { children: ReactNode; params: Promise<{ token: string; code: string }> }) {
  bindCachedViewer((await params).token);
  return <CountyLayout params={params}>{children}</CountyLayout>;
}
