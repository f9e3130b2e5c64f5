'use client';

import { useMemo } from 'react';
import type { IndicatorUnit } from '@/lib/indicators/types';
import { formatValue, unitLabel } from '@/lib/format';
import ChartFrame from './ChartFrame';
import { valueAxis } from './axis';
import { lazyPlot } from './lazyPlot';
import type { ChartRow, ChartSeries } from './types';
import type { DataTableColumn } from '../DataTable';

const BarComparePlot = lazyPlot(() => import('./BarComparePlot'));

export interface BarCompareChartProps {
  data: ChartRow[];
  /** Field holding the category label, e.g. 'regionName'. */
  categoryKey: string;
  /** Table-view header for the category column. */
  categoryLabel?: string;
  series: ChartSeries[];
  unit: IndicatorUnit;
  /**
   * 'horizontal' (default): one horizontal bar per category, names on the left — reads well on phones and
   * with long county names. 'vertical': columns.
   */
  orientation?: 'horizontal' | 'vertical';
  /** A value line across all bars: the city average, a target. */
  referenceLine?: { value: number; label: string };
  /** Category values drawn in the highlight colour (single-series charts), e.g. the county being viewed. */
  highlight?: string[];
  /** Defaults to about 34px per category for horizontal bars, 300 otherwise. */
  height?: number;
  title?: string;
  id?: string;
  exportName?: string;
  stacked?: boolean;
  /** Print each bar's value at its end (default: horizontal, unstacked charts). */
  valueLabels?: boolean;
  emptyReason?: string;
}

/** Category comparison (counties, facility levels) in the same style as TimeSeriesChart. */
export default function BarCompareChart({
  data,
  categoryKey,
  categoryLabel = '地区',
  series,
  unit,
  orientation = 'horizontal',
  referenceLine,
  highlight = [],
  height,
  title,
  id,
  exportName,
  stacked = false,
  valueLabels,
  emptyReason,
}: BarCompareChartProps) {
  const chartId = id ?? `bar-${series.map((s) => s.key).join('-')}`;
  const horizontal = orientation === 'horizontal';
  const showValues = valueLabels ?? (horizontal && !stacked);

  const axis = useMemo(
    () => valueAxis(data, series, unit, { stacked, includeZero: true, extra: [referenceLine?.value] }),
    [data, series, unit, stacked, referenceLine?.value],
  );

  const perCategory = stacked ? 30 : 22 + 12 * series.length;
  const h = height ?? (horizontal ? Math.max(180, data.length * perCategory + 70) : 300);
  const unitName = unitLabel(unit, axis.scale);

  const columns: DataTableColumn[] = [
    { key: categoryKey, header: categoryLabel },
    ...series.map((s) => ({ key: s.key, header: s.label, unit })),
  ];
  const notes = referenceLine ? [`参考线 ${formatValue(referenceLine.value, unit)}：${referenceLine.label}`] : [];

  return (
    <ChartFrame
      id={chartId}
      title={title}
      unitText={unitName ? `单位：${unitName}` : undefined}
      columns={columns}
      rows={data}
      exportName={exportName ?? title ?? chartId}
      notes={notes}
      height={h}
      emptyReason={emptyReason}
      lazyPlot
    >
      <BarComparePlot
        data={data}
        categoryKey={categoryKey}
        series={series}
        unit={unit}
        horizontal={horizontal}
        referenceLine={referenceLine}
        highlight={highlight}
        height={h}
        stacked={stacked}
        showValues={showValues}
        axis={axis}
      />
    </ChartFrame>
  );
}
