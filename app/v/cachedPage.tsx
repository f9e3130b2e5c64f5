import type { ComponentType } from 'react';
import { notFound } from 'next/navigation';
import { bindCachedViewer, decodeQuery, keptVersionVerdict } from '@/lib/auth/pageCache';
import { readDataVersionDirect } from '@/lib/cache';
import { getDb } from '@/lib/db';

type Params = Record<string, string>;
type PageProps<P> = { params: Promise<P>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * A dashboard page of app/(site) as a kept rendering (lib/auth/pageCache): the token's scope is the viewer,
 * the query segment is the page's searchParams, the other route params pass through. Each file that uses
 * it declares `force-static` itself (Next reads route segment options from the file). A token naming a data
 * version the database has not reached is a 404 (lib/auth/pageCache keptVersionVerdict).
 */
export function cachedPage<P extends Params>(Page: ComponentType<PageProps<P>>) {
  return async function CachedPage({ params }: { params: Promise<Params> }) {
    const p = await params;
    bindCachedViewer(p.token);
    const verdict = keptVersionVerdict(p.token, await readDataVersionDirect(getDb()));
    if (verdict === 'invalid' || verdict === 'ahead') notFound();
    return <Page params={Promise.resolve(p as P)} searchParams={Promise.resolve(decodeQuery(p.q))} />;
  };
}
