'use client';

import {
  Area,
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { IndicatorUnit } from '@/lib/indicators/types';
import { formatPeriod, formatTick, formatValue } from '@/lib/format';
import ChartTooltip from './ChartTooltip';
import MarkerLabels from './MarkerLabels';
import { AXIS_TICK, CHART_GRID, CHART_MARKER, CHART_TARGET, seriesColor, seriesOrder } from './palette';
import type { ValueAxis } from './axis';
import type { ChartRow, ChartSeries } from './types';

export interface TimeSeriesPlotProps {
  data: ChartRow[];
  xKey: string;
  series: ChartSeries[];
  unit: IndicatorUnit;
  kind: 'line' | 'bar' | 'area';
  markers: { x: number; label: string }[];
  targetLine?: { y: number; label: string };
  height: number;
  stacked: boolean;
  axis: ValueAxis;
  /** One tick per January for long monthly series (labelled by year). */
  xTicks?: number[];
}

function periodOf(v: unknown): number | null {
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) ? n : null;
}

/** The Recharts drawing of TimeSeriesChart, loaded as its own chunk (lazyPlot). */
export default function TimeSeriesPlot({ data, xKey, series, unit, kind, markers, targetLine, height, stacked, axis, xTicks }: TimeSeriesPlotProps) {
  const order = seriesOrder(series);
  const formatX = (v: unknown) => {
    const p = periodOf(v);
    if (p === null) return String(v ?? '');
    if (xTicks) return `${Math.floor(p / 100)}年`;
    return formatPeriod(p, p < 10000 ? 'long' : 'short');
  };
  const markerRows = markers.length > 1 ? 2 : markers.length;
  return (
    <ComposedChart
      responsive
      style={{ width: '100%', height }}
      data={data}
      margin={{ top: 16 + Math.max(0, markerRows - 1) * 15, right: 16, bottom: 0, left: 4 }}
    >
      <CartesianGrid stroke={CHART_GRID} vertical={false} />
      <XAxis
        dataKey={xKey}
        type="category"
        ticks={xTicks}
        tickFormatter={formatX}
        tick={AXIS_TICK}
        tickLine={false}
        axisLine={{ stroke: CHART_GRID }}
        minTickGap={12}
      />
      <YAxis
        width={56}
        tick={AXIS_TICK}
        tickLine={false}
        axisLine={false}
        ticks={axis.ticks}
        domain={axis.domain}
        interval={0}
        allowDataOverflow
        tickFormatter={(v: number) => formatTick(v, unit, axis)}
      />
      <Tooltip
        itemSorter={order}
        content={(p) => <ChartTooltip {...p} unit={unit} scale={axis.scale} formatLabel={(l) => formatPeriod(periodOf(l))} />}
        cursor={{ stroke: CHART_GRID, fill: 'rgba(15, 90, 166, 0.06)' }}
      />
      <Legend wrapperStyle={{ fontSize: 13, paddingTop: 4 }} itemSorter={order} />
      {series.map((s, i) => {
        const color = seriesColor(i, s.color);
        if (kind === 'bar')
          return (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.label}
              fill={color}
              stackId={stacked ? 'stack' : undefined}
              isAnimationActive={false}
              maxBarSize={36}
            />
          );
        if (kind === 'area')
          return (
            <Area
              key={s.key}
              type="monotone"
              dataKey={s.key}
              name={s.label}
              stroke={color}
              fill={color}
              fillOpacity={0.18}
              strokeWidth={2}
              stackId={stacked ? 'stack' : undefined}
              isAnimationActive={false}
            />
          );
        return (
          <Line
            key={s.key}
            type="monotone"
            dataKey={s.key}
            name={s.label}
            stroke={color}
            strokeWidth={2}
            dot={data.length <= 24 ? { r: 2.5 } : false}
            activeDot={{ r: 4 }}
            connectNulls={false}
            isAnimationActive={false}
          />
        );
      })}
      {markers.map((m) => (
        <ReferenceLine key={`m-${m.x}-${m.label}`} x={m.x} stroke={CHART_MARKER} strokeDasharray="4 3" />
      ))}
      <MarkerLabels markers={markers} color={CHART_MARKER} />
      {targetLine && (
        <ReferenceLine
          y={targetLine.y}
          stroke={CHART_TARGET}
          strokeDasharray="6 4"
          label={{
            value: `${targetLine.label} ${formatValue(targetLine.y, unit, { scale: axis.scale })}`,
            position: 'insideBottomRight',
            fill: CHART_TARGET,
            fontSize: 12,
          }}
        />
      )}
    </ComposedChart>
  );
}
