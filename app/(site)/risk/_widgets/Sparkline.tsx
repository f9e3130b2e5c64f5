// The small trend chart of a warning: the measure month by month around the episode, the threshold
// lines of the rule version that raised it, months in breach marked. Server-rendered SVG (a list of
// warnings would otherwise hydrate a chart library per card); the numbers are in the table beside it.
import { formatAxisTick, formatPeriod, formatValue } from '@/lib/format';
import type { IndicatorUnit } from '@/lib/indicators/types';
import type { ThresholdLine } from '@/lib/risk/types';
import type { TrendPoint } from '@/lib/queries/risk/warningViews';
import { fmtMeasure } from './format';

const COLOR = { SEVERE: 'var(--bad)', WARNING: 'var(--warn)', NOTICE: 'var(--primary)' } as const;

export default function Sparkline({ points, lines, unit, width = 260, height = 70 }: {
  points: TrendPoint[]; lines: ThresholdLine[]; unit: string; width?: number; height?: number;
}) {
  if (points.length === 0) return null;
  const pad = { l: 4, r: 34, t: 6, b: 14 };
  const values = points.map((p) => p.value);
  // Show the thresholds that fall near the data (a far-away line would flatten the series).
  const lo0 = Math.min(...values);
  const hi0 = Math.max(...values);
  const span0 = Math.max(hi0 - lo0, Math.abs(hi0) * 0.1, 1e-9);
  const shown = lines.filter((l) => l.value >= lo0 - span0 && l.value <= hi0 + span0);
  const lo = Math.min(lo0, ...shown.map((l) => l.value));
  const hi = Math.max(hi0, ...shown.map((l) => l.value));
  const span = hi - lo || 1;
  const x = (i: number) => pad.l + (points.length === 1 ? 0 : (i / (points.length - 1)) * (width - pad.l - pad.r));
  const y = (v: number) => pad.t + (1 - (v - lo) / span) * (height - pad.t - pad.b);
  const path = points.map((p, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join('');
  const last = points[points.length - 1];
  const label = `${formatPeriod(points[0].period)}至${formatPeriod(last.period)}走势，最新${fmtMeasure(last.value, unit)}`;
  // Short threshold labels, skipping one that would overlap the previous.
  const tick = (v: number) => (unit === 'count' ? formatValue(v, 'count', { digits: 1 }) : formatAxisTick(v, unit as IndicatorUnit));
  const labelled = new Set<ThresholdLine>();
  let lastY = -Infinity;
  for (const l of [...shown].sort((a, b) => y(a.value) - y(b.value))) {
    if (y(l.value) - lastY >= 9) { labelled.add(l); lastY = y(l.value); }
  }
  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} style={{ display: 'block', maxWidth: '100%' }}>
      <title>{label}</title>
      {shown.map((l) => (
        <g key={`${l.severity}-${l.value}`}>
          <line x1={pad.l} x2={width - pad.r} y1={y(l.value)} y2={y(l.value)} stroke={COLOR[l.severity]} strokeDasharray="4 3" strokeWidth={1} opacity={0.8} />
          {labelled.has(l) && <text x={width - pad.r + 3} y={y(l.value) + 3} fontSize={9} fill={COLOR[l.severity]}>{tick(l.value)}</text>}
        </g>
      ))}
      <path d={path} fill="none" stroke="var(--chart-1)" strokeWidth={1.6} />
      {(Object.keys(COLOR) as (keyof typeof COLOR)[]).map((sev) => {
        // The months in breach as dots: one path of zero-length round-capped strokes per severity (one
        // element instead of one per month, the list repeats this for every card).
        const d = points.map((p, i) => (p.severity === sev ? `M${x(i).toFixed(1)},${y(p.value).toFixed(1)}h0` : '')).join('');
        return d ? <path key={sev} d={d} stroke={COLOR[sev]} strokeWidth={3.8} strokeLinecap="round" /> : null;
      })}
      <text x={pad.l} y={height - 2} fontSize={9} fill="var(--chart-axis)">{formatPeriod(points[0].period, 'short')}</text>
      <text x={width - pad.r} y={height - 2} fontSize={9} fill="var(--chart-axis)" textAnchor="end">{formatPeriod(last.period, 'short')}</text>
    </svg>
  );
}
