import type { ComponentType } from 'react';
import { bindCachedViewer, decodeQuery } from '@/lib/auth/pageCache';

type Params = Record<string, string>;
type PageProps<P> = { params: Promise<P>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * A dashboard page of app/(site) as a kept rendering (lib/auth/pageCache): the token's scope is the viewer,
 * the query segment is the page's searchParams, the other route params pass through. Each file that uses
 * it declares `force-static` itself (Next reads route segment options from the file).
 */
export function cachedPage<P extends Params>(Page: ComponentType<PageProps<P>>) {
  return async function CachedPage({ params }: { params: Promise<Params> }) {
    const p = await params;
    bindCachedViewer(p.token);
    return <Page params={Promise.resolve(p as P)} searchParams={Promise.resolve(decodeQuery(p.q))} />;
  };
}
