'use client';
// Loaded in the browser after the page, like the shared charts (app/(site)/ui/charts/TimeSeriesChart); the
// panel (scenarios, what-if and the chart) is ProjectionPanelView. React.lazy rather than next/dynamic: the
// page then carries no loader runtime of its own (JavaScript budget of the page).
import { lazy, Suspense, useSyncExternalStore } from 'react';
import { ChartSkeleton } from '@/app/(site)/ui/Skeleton';
import type { ProjectionPanelProps } from './ProjectionPanelView';

export type { ProjectionPanelProps };

const View = lazy(() => import('./ProjectionPanelView'));
const noSubscribe = () => () => {};

export default function ProjectionPanel(props: ProjectionPanelProps) {
  // Browser only (the view computes the scenarios and draws with Recharts): the skeleton in the server HTML.
  const mounted = useSyncExternalStore(noSubscribe, () => true, () => false);
  const skeleton = <ChartSkeleton height={360} />;
  return mounted ? <Suspense fallback={skeleton}><View {...props} /></Suspense> : skeleton;
}
