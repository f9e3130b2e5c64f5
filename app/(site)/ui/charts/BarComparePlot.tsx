'use client';

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
import { formatTick, formatValue } from '@/lib/format';
import ChartTooltip from './ChartTooltip';
import { AXIS_TICK, CHART_GRID, CHART_HIGHLIGHT, CHART_TARGET, seriesColor, seriesOrder } from './palette';
import type { ValueAxis } from './axis';
import type { ChartRow, ChartSeries } from './types';

export interface BarComparePlotProps {
  data: ChartRow[];
  categoryKey: string;
  series: ChartSeries[];
  unit: IndicatorUnit;
  horizontal: boolean;
  referenceLine?: { value: number; label: string };
  highlight: string[];
  height: number;
  stacked: boolean;
  showValues: boolean;
  axis: ValueAxis;
}

/** The Recharts drawing of BarCompareChart, loaded as its own chunk (lazyPlot). */
export default function BarComparePlot({
  data,
  categoryKey,
  series,
  unit,
  horizontal,
  referenceLine,
  highlight,
  height,
  stacked,
  showValues,
  axis,
}: BarComparePlotProps) {
  const order = seriesOrder(series);
  const highlighted = new Set(highlight);
  const longestName = data.reduce((m, d) => Math.max(m, String(d[categoryKey] ?? '').length), 0);

  const valueAxisProps = {
    type: 'number' as const,
    tick: AXIS_TICK,
    tickLine: false,
    axisLine: false,
    ticks: axis.ticks,
    domain: axis.domain,
    interval: 0 as const,
    allowDataOverflow: true,
    tickFormatter: (v: number) => formatTick(v, unit, axis),
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
    <BarChart
      responsive
      style={{ width: '100%', height }}
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
        content={(p) => <ChartTooltip {...p} unit={unit} scale={axis.scale} formatLabel={(l) => String(l ?? '')} />}
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
                formatter={(v) => formatValue(typeof v === 'number' ? v : null, unit, { scale: axis.scale })}
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
          label={{
            value: `${referenceLine.label} ${formatValue(referenceLine.value, unit, { scale: axis.scale })}`,
            position: horizontal ? 'top' : 'insideTopRight',
            fill: CHART_TARGET,
            fontSize: 12,
          }}
        />
      )}
    </BarChart>
  );
}
