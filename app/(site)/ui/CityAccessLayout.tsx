import type { ReactNode } from 'react';
import { requireCityAccess } from '@/lib/queries/context';

/**
 * The layout of a page that takes `city=`, `region=` or `county=` (lib/regions/selectCity): a county user or
 * a bound city user naming another city or a region not theirs gets the 403 page with its status before the
 * page's loading state streams. Re-exported by each such layout.
 */
export default async function CityAccessLayout({ children }: { children: ReactNode }) {
  await requireCityAccess();
  return children;
}
