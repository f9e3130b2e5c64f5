/**
 * The one chart palette. Colours are CSS variables defined in app/globals.css (--chart-1 … --chart-8), so
 * a theme change happens in one place; SVG attributes accept var() in all current browsers.
 */
export const CHART_COLORS = [
  'var(--chart-1)',
  'var(--chart-2)',
  'var(--chart-3)',
  'var(--chart-4)',
  'var(--chart-5)',
  'var(--chart-6)',
  'var(--chart-7)',
  'var(--chart-8)',
] as const;

export const CHART_GRID = 'var(--chart-grid)';
export const CHART_AXIS = 'var(--chart-axis)';
export const CHART_MARKER = 'var(--chart-marker)';
export const CHART_TARGET = 'var(--chart-target)';
/** Bars of the highlighted category (e.g. the county being viewed) in BarCompareChart. */
export const CHART_HIGHLIGHT = 'var(--chart-2)';

export function seriesColor(index: number, explicit?: string): string {
  return explicit ?? CHART_COLORS[index % CHART_COLORS.length];
}

export const AXIS_TICK = { fill: CHART_AXIS, fontSize: 12 } as const;

/** Legend and tooltip list series in the order given (Recharts sorts alphabetically by default). */
export function seriesOrder(series: readonly { key: string }[]) {
  return (item: { dataKey?: unknown }): number => series.findIndex((s) => s.key === item.dataKey);
}
