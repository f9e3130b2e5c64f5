import type { ReactNode } from 'react';
import { notFound } from 'next/navigation';
import { requireRegionAccess, requireViewer } from '@/lib/auth/viewer';
import { datasetOfCounty } from '@/lib/queries/context';

// Checked here, above the page's loading state, so the answer has its real status before anything
// streams (the page checks again): a well-formed but unknown county code is a 404 (malformed codes are
// refused earlier, in proxy.ts), and a county user may open only its own county (403).
export default async function CountyLayout({ children, params }: { children: ReactNode; params: Promise<{ code: string }> }) {
  const viewer = await requireViewer();
  const code = decodeURIComponent((await params).code);
  const info = (await datasetOfCounty(code))?.info;
  if (info && info.years.length > 0 && !info.counties.some((c) => c.code === code)) notFound();
  await requireRegionAccess(viewer, code);
  return children;
}
