// The kept rendering of app/(site)/(overview)/page.tsx (lib/auth/pageCache).
import Page from '@/app/(site)/(overview)/page';
import { cachedPage } from '@/app/v/cachedPage';

export { metadata } from '@/app/(site)/(overview)/page';
export const dynamic = 'force-static';
export const revalidate = false;
export const dynamicParams = true;
export async function generateStaticParams() {
  return [];
}
export default cachedPage(Page);
