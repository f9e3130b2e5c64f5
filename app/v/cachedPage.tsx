import type { ComponentType } from 'react';
import { notFound, redirect } from 'next/navigation';
import { askedAddress, bindCachedViewer, decodeQuery, keptVersionVerdict } from '@/lib/auth/pageCache';
import { readDataVersionDirect } from '@/lib/cache';
import { getDb } from '@/lib/db';

type Params = Record<string, string>;
type PageProps<P> = { params: Promise<P>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * A dashboard page of app/(site) as a kept rendering (lib/auth/pageCache): the token's scope is the viewer,
 * the query segment is the page's searchParams, the other route params pass through. Each file that uses
 * it declares `force-static` itself (Next reads route segment options from the file). `path` is the page's
 * own address ('/risk', '/counties/[code]'): where a rendering asked for at a data version that is no longer
 * current sends the reader (the token's version must be the database's: lib/auth/pageCache keptVersionVerdict).
 */
export function cachedPage<P extends Params>(Page: ComponentType<PageProps<P>>, path: string) {
  return async function CachedPage({ params }: { params: Promise<Params> }) {
    const p = await params;
    bindCachedViewer(p.token);
    const verdict = keptVersionVerdict(p.token, await readDataVersionDirect(getDb()));
    if (verdict === 'invalid') notFound();
    if (verdict === 'stale') redirect(askedAddress(path.replace('[code]', p.code ?? ''), p.q));
    return <Page params={Promise.resolve(p as P)} searchParams={Promise.resolve(decodeQuery(p.q))} />;
  };
}
