// The kept rendering of app/(site)/counties/[code]/page.tsx (lib/auth/pageCache).
import Page from '@/app/(site)/counties/[code]/page';
import { cachedPage } from '@/app/v/cachedPage';

export { generateMetadata } from '@/app/(site)/counties/[code]/page';
export const dynamic = 'force-static';
export const revalidate = false;
export const dynamicParams = true;
export async function generateStaticParams() {
  return [];
}
export default cachedPage(Page);
