'use client';
// The fan chart of 基金可持续性 (Recharts): its own chunk, loaded by SustainabilityPanel as a lazy plot.
import { Area, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { AXIS_TICK, CHART_GRID, CHART_MARKER } from '@/app/(site)/ui/charts/palette';
import { formatAxisTick, formatPeriod, formatValue, type YuanScale } from '@/lib/format';

export interface SustainabilityFanProps {
  /** months: actual balance for the past, then the bands ([low, high] pairs) and the median, 元 */
  data: { period: number; actual: number | null; outer: number[] | null; inner: number[] | null; p50: number | null }[];
  /** the Januaries, labelled by year */
  ticks: number[];
  scale: Exclude<YuanScale, 'auto'>;
  /** the median depletion month when it falls inside the chart, else null */
  depletion: number | null;
}

export default function SustainabilityFan({ data, ticks, scale, depletion }: SustainabilityFanProps) {
  return (
    <ComposedChart responsive style={{ width: '100%', height: 320 }} data={data} margin={{ top: 16, right: 16, bottom: 0, left: 4 }}>
      <CartesianGrid stroke={CHART_GRID} vertical={false} />
      <XAxis dataKey="period" type="category" ticks={ticks} tickFormatter={(x: number) => `${Math.floor(x / 100)}年`} tick={AXIS_TICK} tickLine={false} axisLine={{ stroke: CHART_GRID }} minTickGap={12} />
      <YAxis width={56} tick={AXIS_TICK} tickLine={false} axisLine={false} tickFormatter={(v: number) => formatAxisTick(v, 'yuan', scale)} />
      <Tooltip formatter={(v) => (Array.isArray(v) ? `${formatValue(v[0] as number, 'yuan')}—${formatValue(v[1] as number, 'yuan')}` : formatValue(v as number, 'yuan'))} labelFormatter={(l) => formatPeriod(Number(l))} />
      <Legend wrapperStyle={{ fontSize: 13, paddingTop: 4 }} />
      <Area dataKey="outer" name="95%区间" stroke="none" fill="var(--chart-1)" fillOpacity={0.12} isAnimationActive={false} />
      <Area dataKey="inner" name="80%区间" stroke="none" fill="var(--chart-1)" fillOpacity={0.25} isAnimationActive={false} />
      <Line dataKey="actual" name="实际累计结余" stroke="var(--chart-8)" strokeWidth={2} dot={false} isAnimationActive={false} connectNulls={false} />
      <Line dataKey="p50" name="中位数" stroke="var(--chart-1)" strokeWidth={2} dot={false} isAnimationActive={false} connectNulls={false} />
      <ReferenceLine y={0} stroke={CHART_MARKER} strokeWidth={1} />
      {depletion !== null && (
        <ReferenceLine x={depletion} stroke={CHART_MARKER} strokeDasharray="4 3" label={{ value: `中位耗尽 ${formatPeriod(depletion, 'short')}`, position: 'insideTopRight', fontSize: 11, fill: CHART_MARKER }} />
      )}
    </ComposedChart>
  );
}
