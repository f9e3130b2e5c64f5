'use client';
// Charts draw in the browser only, their code fetched after the page (recharts is the largest part of a
// page's JavaScript, and drawing SVG on the server costs every request): the server sends a placeholder
// of the chart's height. The chart itself is TimeSeriesChartView.
import dynamic from 'next/dynamic';
import { ChartSkeleton } from '../Skeleton';
import type { TimeSeriesChartProps } from './TimeSeriesChartView';

export type { TimeSeriesChartProps };

const View = dynamic(() => import('./TimeSeriesChartView'), { ssr: false, loading: () => <ChartSkeleton /> });

export default function TimeSeriesChart(props: TimeSeriesChartProps) {
  return <View {...props} />;
}
