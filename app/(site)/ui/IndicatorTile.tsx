import KpiTile from './KpiTile';
import { indicators, type IndicatorCode } from '@/lib/indicators/registry';
import type { Status } from '@/lib/indicators/types';

export interface IndicatorTileProps {
  code: IndicatorCode;
  value: number | null;
  previous?: number | null;
  status: Status;
  /** Defaults to the registry's target. */
  target?: number | null;
  periodLabel?: string;
  href?: string;
}

/** A KPI tile for a registry indicator: name, unit and 口径 all come from the registry, never the page. */
export default function IndicatorTile({ code, value, previous, status, target, periodLabel, href }: IndicatorTileProps) {
  const def = indicators[code];
  return (
    <KpiTile
      code={code}
      name={def.name}
      value={value}
      previous={previous}
      unit={def.unit}
      status={status}
      target={target === undefined ? (def.target ?? null) : target}
      definition={def.definition}
      formula={def.formula}
      sources={def.sources}
      policyRef={def.policyRef}
      displayUnit={def.displayUnit}
      periodLabel={periodLabel}
      href={href}
    />
  );
}
