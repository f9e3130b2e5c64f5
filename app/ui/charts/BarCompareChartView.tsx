'use client';

import { useMemo } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  Legend,
  Rectangle,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
  type BarShapeProps,
} from 'recharts';
import type { IndicatorUnit } from '@/lib/indicators/types';
import { formatAxisTick, formatValue, pickYuanScale, unitLabel } from '@/lib/format';
import ChartFrame from './ChartFrame';
import ChartTooltip from './ChartTooltip';
import { AXIS_TICK, CHART_GRID, CHART_HIGHLIGHT, CHART_TARGET, seriesColor, seriesOrder } from './palette';
import type { ChartRow, ChartSeries } from './types';
import type { DataTableColumn } from '../DataTable';

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

  const longestName = useMemo(
    () => data.reduce((m, d) => Math.max(m, String(d[categoryKey] ?? '').length), 0),
    [data, categoryKey],
  );

  const empty =
    data.length === 0 || !data.some((row) => series.some((s) => typeof row[s.key] === 'number'));
  const perCategory = stacked ? 30 : 22 + 12 * series.length;
  const h = height ?? (horizontal ? Math.max(180, data.length * perCategory + 70) : 300);
  const unitName = unitLabel(unit, scale);
  const order = useMemo(() => seriesOrder(series), [series]);
  const highlighted = new Set(highlight);

  const columns: DataTableColumn[] = [
    { key: categoryKey, header: categoryLabel },
    ...series.map((s) => ({ key: s.key, header: s.label, unit })),
  ];
  const notes = referenceLine ? [`参考线 ${formatValue(referenceLine.value, unit)}：${referenceLine.label}`] : [];

  const valueAxisProps = {
    type: 'number' as const,
    tick: AXIS_TICK,
    tickLine: false,
    axisLine: false,
    tickFormatter: (v: number) => formatAxisTick(v, unit, scale),
  };
  const categoryAxisProps = {
    type: 'category' as const,
    dataKey: categoryKey,
    tick: AXIS_TICK,
    tickLine: false,
    axisLine: { stroke: CHART_GRID },
    interval: 0 as const,
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
      height={h}
      empty={empty}
      emptyReason={emptyReason}
    >
      <BarChart
        responsive
        style={{ width: '100%', height: h }}
        data={data}
        layout={horizontal ? 'vertical' : 'horizontal'}
        margin={{ top: referenceLine ? 22 : 12, right: showValues && horizontal ? 72 : 20, bottom: 0, left: 4 }}
        barCategoryGap="22%"
      >
        <CartesianGrid stroke={CHART_GRID} horizontal={!horizontal} vertical={horizontal} />
        {horizontal ? (
          <>
            <XAxis {...valueAxisProps} />
            <YAxis {...categoryAxisProps} width={Math.min(120, Math.max(48, longestName * 13 + 8))} />
          </>
        ) : (
          <>
            <XAxis {...categoryAxisProps} />
            <YAxis {...valueAxisProps} width={56} />
          </>
        )}
        <Tooltip
          itemSorter={order}
          content={(p) => <ChartTooltip {...p} unit={unit} formatLabel={(l) => String(l ?? '')} />}
          cursor={{ fill: 'rgba(15, 90, 166, 0.06)' }}
        />
        {series.length > 1 && <Legend wrapperStyle={{ fontSize: 13, paddingTop: 4 }} itemSorter={order} />}
        {series.map((s, i) => {
          const color = seriesColor(i, s.color);
          const useHighlight = highlighted.size > 0 && series.length === 1;
          return (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.label}
              fill={color}
              stackId={stacked ? 'stack' : undefined}
              isAnimationActive={false}
              maxBarSize={28}
              shape={
                useHighlight
                  ? (props: BarShapeProps) => {
                      const cat = String((props.payload as ChartRow | undefined)?.[categoryKey] ?? '');
                      return <Rectangle {...props} fill={highlighted.has(cat) ? CHART_HIGHLIGHT : color} />;
                    }
                  : undefined
              }
            >
              {showValues && (
                <LabelList
                  dataKey={s.key}
                  position={horizontal ? 'right' : 'top'}
                  fill="var(--text)"
                  fontSize={12}
                  formatter={(v) => formatValue(typeof v === 'number' ? v : null, unit)}
                />
              )}
            </Bar>
          );
        })}
        {referenceLine && (
          <ReferenceLine
            {...(horizontal ? { x: referenceLine.value } : { y: referenceLine.value })}
            stroke={CHART_TARGET}
            strokeDasharray="6 4"
            ifOverflow="extendDomain"
            label={{
              value: `${referenceLine.label} ${formatValue(referenceLine.value, unit)}`,
              position: horizontal ? 'top' : 'insideTopRight',
              fill: CHART_TARGET,
              fontSize: 12,
            }}
          />
        )}
      </BarChart>
    </ChartFrame>
  );
}
