'use client';
// A client component of the 风险预警 page loaded as a chunk of its own once the page is in the browser:
// parts only some readers use (the what-if projection, an administrator's or analyst's forms) stay out of
// the page's own JavaScript. The server HTML and the first client render show `fallback`.
import { lazy, Suspense, useSyncExternalStore, type ComponentType, type ReactNode } from 'react';

const noSubscribe = () => () => {};

export function clientOnly<P extends object>(load: () => Promise<{ default: ComponentType<P> }>, fallback: ReactNode) {
  const Lazy = lazy(load);
  return function ClientOnly(props: P) {
    const mounted = useSyncExternalStore(noSubscribe, () => true, () => false);
    return mounted ? <Suspense fallback={fallback}><Lazy {...props} /></Suspense> : <>{fallback}</>;
  };
}
