import type { ReactNode } from 'react';
import { requireRegionAccess, requireViewer } from '@/lib/auth/viewer';

// A county user may open only its own county: checked here, above the page's loading state, so another
// county's profile answers a real 403 before anything streams (the page checks again).
export default async function CountyLayout({ children, params }: { children: ReactNode; params: Promise<{ code: string }> }) {
  const viewer = await requireViewer();
  const { code } = await params;
  await requireRegionAccess(viewer, decodeURIComponent(code));
  return children;
}
