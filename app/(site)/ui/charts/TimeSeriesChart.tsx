'use client';

import { useMemo } from 'react';
import type { IndicatorUnit } from '@/lib/indicators/types';
import { formatPeriod, formatValue, unitLabel } from '@/lib/format';
import ChartFrame from './ChartFrame';
import { valueAxis } from './axis';
import { lazyPlot } from './lazyPlot';
import type { ChartRow, ChartSeries } from './types';
import type { DataTableColumn } from '../DataTable';

const TimeSeriesPlot = lazyPlot(() => import('./TimeSeriesPlot'));

export interface TimeSeriesChartProps {
  data: ChartRow[];
  /** Field holding the period: YYYYMM (202401) for months or YYYY for years. */
  xKey: string;
  series: ChartSeries[];
  unit: IndicatorUnit;
  kind?: 'line' | 'bar' | 'area';
  /**
   * Vertical reference lines, e.g. the pooling month. `x` must be a period present in data. Labels are laid
   * out together so close markers never overprint each other (`position` is accepted and no longer needed).
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

  const axis = useMemo(
    () =>
      valueAxis(data, series, unit, {
        stacked,
        includeZero: kind === 'bar' || (yDomain ? yDomain[0] === 0 : false),
        extra: [targetLine?.y],
        domain: yDomain,
      }),
    [data, series, unit, stacked, kind, targetLine?.y, yDomain],
  );
  const ticks = useMemo(() => yearTicks(data, xKey), [data, xKey]);

  const columns: DataTableColumn[] = [
    { key: xKey, header: '期间', unit: 'period' },
    ...series.map((s) => ({ key: s.key, header: s.label, unit })),
  ];
  const notes = [
    ...markers.map((m) => `竖线 ${formatPeriod(m.x)}：${m.label}`),
    ...(targetLine ? [`横线 ${formatValue(targetLine.y, unit)}：${targetLine.label}`] : []),
  ];
  const unitName = unitLabel(unit, axis.scale);

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
      emptyReason={emptyReason}
      lazyPlot
    >
      <TimeSeriesPlot
        data={data}
        xKey={xKey}
        series={series}
        unit={unit}
        kind={kind}
        markers={markers}
        targetLine={targetLine}
        height={height}
        stacked={stacked}
        axis={axis}
        xTicks={ticks}
      />
    </ChartFrame>
  );
}
