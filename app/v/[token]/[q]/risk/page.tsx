// The kept rendering of app/(site)/risk/page.tsx (lib/auth/pageCache).
import Page from '@/app/(site)/risk/page';
import { cachedPage } from '@/app/v/cachedPage';

export { metadata } from '@/app/(site)/risk/page';
export const dynamic = 'force-static';
export const revalidate = false;
export const dynamicParams = true;
export async function generateStaticParams() {
  return [];
}
export default cachedPage(Page);
