// The kept rendering of app/(site)/counties/[code]/page.tsx (lib/auth/pageCache).
import Page from '@/app/(site)/counties/[code]/page';
import { cachedPage } from '@/app/v/cachedPage';

export { generateMetadata } from '@/app/(site)/counties/[code]/page';
export const dynamic = 'force-static';
// Data changes reach these pages through the data version in the address; the minute bounds how long a
// widget that failed to load (a locked database, say) is kept showing its failure before it is tried again.
export const revalidate = 60;
export const dynamicParams = true;
export async function generateStaticParams() {
  return [];
}
export default cachedPage(Page);
