'use client';
// Loaded in the browser after the page, like the shared charts (app/(site)/ui/charts/TimeSeriesChart); the
// diagram is FlowSankeyView.
import dynamic from 'next/dynamic';
import { ChartSkeleton } from '@/app/(site)/ui/Skeleton';
import type { FlowSankeyProps } from './FlowSankeyView';

export type { FlowSankeyNode, FlowSankeyProps } from './FlowSankeyView';

const View = dynamic(() => import('./FlowSankeyView'), { ssr: false, loading: () => <ChartSkeleton height={320} /> });

export default function FlowSankey(props: FlowSankeyProps) {
  return <View {...props} />;
}
