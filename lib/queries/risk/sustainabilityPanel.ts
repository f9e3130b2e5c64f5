// What the 基金可持续性 panel receives of the server's computation (app/(site)/api/risk/sustainability):
// everything it shows or simulates on, and of the server's own summary only the months the panel shows,
// rounded past what it displays (亿元/万元, one decimal of a month), not five years of 17-digit percentiles.
import type { SustainabilitySummary } from '../../risk/sustainability';
import type { SustainabilityData } from './getSustainability';

/** Months of the forecast the panel's chart and table show. */
export const SHOWN_MONTHS = 36;

/** What the panel shows of a summary (no central path, the months shown). */
export type ShownSummary = Pick<SustainabilitySummary, 'balance' | 'monthsOfReserve' | 'probBelow' | 'depletion' | 'adequacy'>;

export interface SustainabilityPanelData {
  history: SustainabilityData['history'];
  lastPeriod: number;
  context: SustainabilityData['context'];
  elasticity: SustainabilityData['elasticity'];
  elasticityError: string | null;
  smallest: SustainabilityData['smallest'];
  smallestContributionNoResponse: number | null;
  attribution: SustainabilityData['attribution'];
  serverMs: number;
  paths: number;
  seed: number;
  /** the server's summary (same data, same seed): shown until the browser's own simulation is ready */
  initial: ShownSummary;
  months: number;
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

export function shownSummary(s: SustainabilitySummary): ShownSummary {
  const band = (b: SustainabilitySummary['balance'][number], digits: number) => ({
    period: b.period, p025: round(b.p025, digits), p10: round(b.p10, digits), p50: round(b.p50, digits), p90: round(b.p90, digits), p975: round(b.p975, digits),
  });
  return {
    balance: s.balance.slice(0, SHOWN_MONTHS).map((b) => band(b, 0)),
    monthsOfReserve: s.monthsOfReserve.slice(0, SHOWN_MONTHS).map((b) => band(b, 3)),
    probBelow: s.probBelow, depletion: s.depletion, adequacy: s.adequacy,
  };
}

export function sustainabilityPanelData(d: SustainabilityData): SustainabilityPanelData {
  return {
    history: d.history, lastPeriod: d.lastPeriod, context: d.context, elasticity: d.elasticity, elasticityError: d.elasticityError,
    smallest: d.smallest, smallestContributionNoResponse: d.smallestContributionNoResponse, attribution: d.attribution,
    serverMs: d.computeMs, paths: d.paths, seed: d.seed, initial: shownSummary(d.summary), months: SHOWN_MONTHS,
  };
}
