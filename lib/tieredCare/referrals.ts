/**
 * Referrals (上转/下转) per region and year, with the registry's growth indicators: year-on-year
 * `referral_down_growth` and the average annual `referral_down_cagr` (target ≥10%/year, 国办发〔2015〕70号).
 * Only complete years enter the average, so a running year does not read as a fall.
 */
import { indicators } from '../indicators/registry';
import type { UtilizationTotals } from './series';

export interface ReferralYear {
  year: number;
  up: number;
  down: number;
  /** registry referral_down_growth on the previous year; null for the first year */
  downGrowth: number | null;
  /** months of data in the year (12 = complete) */
  months: number;
}

export interface ReferralSummary {
  region: string;
  years: ReferralYear[];
  /** registry referral_down_cagr between the first and the last complete year */
  downCagr: number | null;
  cagrFrom: number | null;
  cagrTo: number | null;
}

export function referralSummary(region: string, monthly: Map<number, UtilizationTotals> | undefined): ReferralSummary {
  const byYear = new Map<number, { up: number; down: number; months: number }>();
  for (const [p, t] of monthly ?? []) {
    const y = Math.floor(p / 100);
    const e = byYear.get(y) ?? { up: 0, down: 0, months: 0 };
    e.up += t.referralsUp;
    e.down += t.referralsDown;
    e.months += 1;
    byYear.set(y, e);
  }
  const years = [...byYear.keys()].sort((a, b) => a - b);
  const rows: ReferralYear[] = years.map((y, i) => {
    const e = byYear.get(y)!;
    const prev = i > 0 && years[i - 1] === y - 1 ? byYear.get(y - 1)! : null;
    // Year-on-year growth only between two complete years (a partial year would read as a fall).
    const comparable = prev !== null && prev.months === 12 && e.months === 12;
    return {
      year: y,
      up: e.up,
      down: e.down,
      months: e.months,
      downGrowth: comparable ? indicators.referral_down_growth.compute({ down: e.down, downLastYear: prev!.down }) : null,
    };
  });
  const complete = rows.filter((r) => r.months === 12);
  const first = complete[0];
  const last = complete[complete.length - 1];
  const downCagr =
    first && last && last.year > first.year
      ? indicators.referral_down_cagr.compute({ downFirst: first.down, downLast: last.down, years: last.year - first.year })
      : null;
  return { region, years: rows, downCagr, cagrFrom: downCagr === null ? null : first.year, cagrTo: downCagr === null ? null : last.year };
}
