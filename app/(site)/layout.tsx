import type { ReactNode } from 'react';
import SiteShell from './ui/SiteShell';

// Every page here reads the warehouse per request (SiteShell's connection()); nothing is prerendered at
// build time (no database then). Not `dynamic = 'force-dynamic'` here: that would also forbid the public
// report pages (/open, `dynamic = 'force-static'`) from being cached per release.
export default function SiteLayout({ children }: { children: ReactNode }) {
  return <SiteShell>{children}</SiteShell>;
}
