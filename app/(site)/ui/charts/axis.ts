import { chooseTicks, chooseYuanScale, type AxisTicks, type FixedYuanScale } from '@/lib/format';
import type { IndicatorUnit } from '@/lib/indicators/types';
import type { ChartRow, ChartSeries } from './types';

export interface ValueAxis extends AxisTicks {
  /** The 元 scale of the whole axis (money only), stated once as 单位. */
  scale?: FixedYuanScale;
}

/**
 * One value axis for a chart: one 元 scale from all plotted values, and ticks (lib/format chooseTicks)
 * covering the data, stacked sums, reference values and any fixed domain bounds — so every gridline has a
 * label equal to its value.
 */
export function valueAxis(
  data: ChartRow[],
  series: ChartSeries[],
  unit: IndicatorUnit,
  opts: { stacked?: boolean; includeZero?: boolean; extra?: (number | null | undefined)[]; domain?: [number | 'auto', number | 'auto'] } = {},
): ValueAxis {
  const values: number[] = [];
  for (const row of data) {
    let pos = 0;
    let neg = 0;
    for (const s of series) {
      const v = row[s.key];
      if (typeof v !== 'number' || !Number.isFinite(v)) continue;
      if (opts.stacked) {
        if (v >= 0) pos += v;
        else neg += v;
      } else values.push(v);
    }
    if (opts.stacked) values.push(pos, neg);
  }
  for (const v of opts.extra ?? []) if (typeof v === 'number' && Number.isFinite(v)) values.push(v);
  for (const v of opts.domain ?? []) if (typeof v === 'number') values.push(v);
  const scale = unit === 'yuan' ? chooseYuanScale(values).scale : undefined;
  const min = values.length ? Math.min(...values) : NaN;
  const max = values.length ? Math.max(...values) : NaN;
  return { ...chooseTicks(min, max, unit, { scale, includeZero: opts.includeZero || opts.stacked }), scale };
}
