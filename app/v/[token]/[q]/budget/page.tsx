// The kept rendering of app/(site)/budget/page.tsx (lib/auth/pageCache).
import Page from '@/app/(site)/budget/page';
import { cachedPage } from '@/app/v/cachedPage';

export { metadata } from '@/app/(site)/budget/page';
export const dynamic = 'force-static';
export const revalidate = false;
export const dynamicParams = true;
export async function generateStaticParams() {
  return [];
}
export default cachedPage(Page);
