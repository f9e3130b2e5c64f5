'use client';
// Loaded in the browser after the page, like the shared charts (app/(site)/ui/charts/TimeSeriesChart); the
// panel (scenarios, what-if and the chart) is ProjectionPanelView. React.lazy (clientOnly) rather than
// next/dynamic: the page then carries no loader runtime of its own (JavaScript budget of the page).
import { ChartSkeleton } from '@/app/(site)/ui/Skeleton';
import { clientOnly } from './clientOnly';
import type { ProjectionPanelProps } from './ProjectionPanelView';

export type { ProjectionPanelProps };

export default clientOnly<ProjectionPanelProps>(() => import('./ProjectionPanelView'), <ChartSkeleton height={360} />);
