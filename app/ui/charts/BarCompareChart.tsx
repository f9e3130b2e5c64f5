'use client';
// Loaded in the browser after the page, like TimeSeriesChart (see there); the chart is BarCompareChartView.
import dynamic from 'next/dynamic';
import { ChartSkeleton } from '../Skeleton';
import type { BarCompareChartProps } from './BarCompareChartView';

export type { BarCompareChartProps };

const View = dynamic(() => import('./BarCompareChartView'), { ssr: false, loading: () => <ChartSkeleton /> });

export default function BarCompareChart(props: BarCompareChartProps) {
  return <View {...props} />;
}
