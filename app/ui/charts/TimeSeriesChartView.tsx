'use client';

import { useMemo } from 'react';
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
import { formatAxisTick, formatPeriod, formatValue, pickYuanScale, unitLabel } from '@/lib/format';
import ChartFrame from './ChartFrame';
import ChartTooltip from './ChartTooltip';
import { AXIS_TICK, CHART_GRID, CHART_MARKER, CHART_TARGET, seriesColor, seriesOrder } from './palette';
import type { ChartRow, ChartSeries } from './types';
import type { DataTableColumn } from '../DataTable';

export interface TimeSeriesChartProps {
  data: ChartRow[];
  /** Field holding the period: YYYYMM (202401) for months or YYYY for years. */
  xKey: string;
  series: ChartSeries[];
  unit: IndicatorUnit;
  kind?: 'line' | 'bar' | 'area';
  /**
   * Vertical reference lines, e.g. the pooling month. `x` must be a period present in data. `position` moves
   * the label (default right of the line, at the top) so close markers do not overprint each other.
   */
  markers?: { x: number; label: string; position?: 'insideTopLeft' | 'insideTopRight' | 'insideBottomLeft' | 'insideBottomRight' }[];
  targetLine?: { y: number; label: string };
  height?: number;
  title?: string;
  /** Unique on the page (table-view sort goes into the URL under it). Defaults to the series keys. */
  id?: string;
  /** File name for the table view's export; defaults to title. */
  exportName?: string;
  /** Stack bars/areas (e.g. visits by facility level). */
  stacked?: boolean;
  emptyReason?: string;
  /** Value-axis domain when the default (0 or auto → auto) misleads, e.g. [0, 1] for shares that add up to 100%. */
  yDomain?: [number | 'auto', number | 'auto'];
}

function periodOf(v: unknown): number | null {
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) ? n : null;
}

/** Monthly series longer than two years get one tick per January, labelled by year. */
function yearTicks(data: ChartRow[], xKey: string): number[] | undefined {
  if (data.length <= 24) return undefined;
  const ps = data.map((d) => periodOf(d[xKey])).filter((p): p is number => p !== null && p > 9999);
  if (ps.length !== data.length) return undefined;
  const jan = ps.filter((p) => p % 100 === 1);
  return jan.length >= 2 ? jan : undefined;
}

export default function TimeSeriesChart({
  data,
  xKey,
  series,
  unit,
  kind = 'line',
  markers = [],
  targetLine,
  height = 300,
  title,
  id,
  exportName,
  stacked = false,
  emptyReason,
  yDomain,
}: TimeSeriesChartProps) {
  const chartId = id ?? `ts-${series.map((s) => s.key).join('-')}`;

  const scale = useMemo(() => {
    if (unit !== 'yuan') return undefined;
    let max = 0;
    for (const row of data)
      for (const s of series) {
        const v = row[s.key];
        if (typeof v === 'number' && Number.isFinite(v)) max = Math.max(max, Math.abs(v));
      }
    return pickYuanScale(max);
  }, [data, series, unit]);

  const ticks = useMemo(() => yearTicks(data, xKey), [data, xKey]);
  const empty =
    data.length === 0 || !data.some((row) => series.some((s) => typeof row[s.key] === 'number'));

  const columns: DataTableColumn[] = [
    { key: xKey, header: '期间', unit: 'period' },
    ...series.map((s) => ({ key: s.key, header: s.label, unit })),
  ];
  const notes = [
    ...markers.map((m) => `竖线 ${formatPeriod(m.x)}：${m.label}`),
    ...(targetLine ? [`横线 ${formatValue(targetLine.y, unit)}：${targetLine.label}`] : []),
  ];
  const unitName = unitLabel(unit, scale);
  const order = useMemo(() => seriesOrder(series), [series]);

  const formatX = (v: unknown) => {
    const p = periodOf(v);
    if (p === null) return String(v ?? '');
    if (ticks) return `${Math.floor(p / 100)}年`;
    return formatPeriod(p, p < 10000 ? 'long' : 'short');
  };

  return (
    <ChartFrame
      id={chartId}
      title={title}
      unitText={unitName ? `单位：${unitName}` : undefined}
      columns={columns}
      rows={data}
      exportName={exportName ?? title ?? chartId}
      notes={notes}
      height={height}
      empty={empty}
      emptyReason={emptyReason}
    >
      <ComposedChart responsive style={{ width: '100%', height }} data={data} margin={{ top: 16, right: 16, bottom: 0, left: 4 }}>
        <CartesianGrid stroke={CHART_GRID} vertical={false} />
        <XAxis
          dataKey={xKey}
          type="category"
          ticks={ticks}
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
          tickFormatter={(v: number) => formatAxisTick(v, unit, scale)}
          domain={yDomain ?? (kind === 'bar' || stacked ? [0, 'auto'] : ['auto', 'auto'])}
        />
        <Tooltip
          itemSorter={order}
          content={(p) => <ChartTooltip {...p} unit={unit} formatLabel={(l) => formatPeriod(periodOf(l))} />}
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
          <ReferenceLine
            key={`m-${m.x}-${m.label}`}
            x={m.x}
            stroke={CHART_MARKER}
            strokeDasharray="4 3"
            label={{ value: m.label, position: m.position ?? 'insideTopLeft', fill: CHART_MARKER, fontSize: 12 }}
          />
        ))}
        {targetLine && (
          <ReferenceLine
            y={targetLine.y}
            stroke={CHART_TARGET}
            strokeDasharray="6 4"
            ifOverflow="extendDomain"
            label={{
              value: `${targetLine.label} ${formatValue(targetLine.y, unit)}`,
              position: 'insideBottomRight',
              fill: CHART_TARGET,
              fontSize: 12,
            }}
          />
        )}
      </ComposedChart>
    </ChartFrame>
  );
}
