'use client';

import { usePlotArea, useXAxisScale } from 'recharts';
import { labelWidth, layoutMarkerLabels } from '@/lib/charts/markerLayout';

const FONT = 12;
const ROW = 15;

/**
 * Labels of vertical reference lines, drawn as one layer inside the chart so they can be laid out
 * together (lib/charts/markerLayout): close lines at phone width get their labels on separate rows.
 */
export default function MarkerLabels({ markers, color }: { markers: { x: number | string; label: string }[]; color: string }) {
  const area = usePlotArea();
  const scale = useXAxisScale();
  if (!area || !scale || markers.length === 0) return null;
  const xs = markers.map((m) => scale(m.x, { position: 'middle' }));
  const boxes = markers.map((m, i) => ({ x: xs[i] ?? NaN, width: labelWidth(m.label, FONT) }));
  const placed = layoutMarkerLabels(boxes, area.x, area.x + area.width);
  return (
    <g className="marker-labels" aria-hidden="true">
      {markers.map((m, i) => {
        const x = xs[i];
        if (x === undefined || !Number.isFinite(x)) return null;
        const p = placed[i];
        return (
          <text
            key={`${m.x}-${m.label}`}
            x={p.anchor === 'start' ? x + 4 : x - 4}
            y={area.y + FONT + p.row * ROW}
            textAnchor={p.anchor}
            fontSize={FONT}
            fill={color}
            stroke="var(--surface)"
            strokeWidth={3}
            paintOrder="stroke"
          >
            {m.label}
          </text>
        );
      })}
    </g>
  );
}
