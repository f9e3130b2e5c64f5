'use client';

import type { TooltipContentProps } from 'recharts';
import type { IndicatorUnit } from '@/lib/indicators/types';
import { formatValue, type FixedYuanScale } from '@/lib/format';

type Props = Partial<TooltipContentProps> & {
  unit: IndicatorUnit;
  /** The axis' 元 scale, so every value in one tooltip is in one unit. */
  scale?: FixedYuanScale;
  formatLabel: (label: string | number | undefined) => string;
};

/** Tooltip body shared by every chart: the category/period as title, then each series formatted. */
export default function ChartTooltip({ active, payload, label, unit, scale, formatLabel }: Props) {
  if (!active || !payload || payload.length === 0) return null;
  return (
    <div className="chart-tooltip">
      <div className="chart-tooltip-title">{formatLabel(label)}</div>
      <ul>
        {payload.map((p) => (
          <li key={String(p.dataKey)}>
            <span className="swatch" style={{ background: p.color ?? p.fill ?? p.stroke }} />
            <span>{p.name}</span>
            <span className="val">{formatValue(typeof p.value === 'number' ? p.value : null, unit, { scale })}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
