'use client';
// 基金可持续性's panel (levers, figures, fan chart, simulation) as its own chunk, loaded in the browser after
// the page: the page's own JavaScript stays within its budget, and the panel's work (a second of simulation)
// starts only once the page is usable. Until then a skeleton of the panel's size.
import { lazy, Suspense, useSyncExternalStore } from 'react';
import { ChartSkeleton } from '@/app/(site)/ui/Skeleton';
import type { SustainabilityPanelProps } from './SustainabilityPanel';

const Panel = lazy(() => import('./SustainabilityPanel'));
const noSubscribe = () => () => {};

export default function SustainabilityLazy(props: SustainabilityPanelProps) {
  const mounted = useSyncExternalStore(noSubscribe, () => true, () => false);
  const skeleton = <ChartSkeleton height={320} />;
  return mounted ? <Suspense fallback={skeleton}><Panel {...props} /></Suspense> : skeleton;
}
