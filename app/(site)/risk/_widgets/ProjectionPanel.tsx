'use client';
// Loaded in the browser after the page, like the shared charts (app/(site)/ui/charts/TimeSeriesChart); the
// panel (scenarios, what-if and the chart) is ProjectionPanelView.
import dynamic from 'next/dynamic';
import { ChartSkeleton } from '@/app/(site)/ui/Skeleton';
import type { ProjectionPanelProps } from './ProjectionPanelView';

export type { ProjectionPanelProps };

const View = dynamic(() => import('./ProjectionPanelView'), { ssr: false, loading: () => <ChartSkeleton height={360} /> });

export default function ProjectionPanel(props: ProjectionPanelProps) {
  return <View {...props} />;
}
