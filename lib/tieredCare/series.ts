/**
 * Monthly and annual 分级诊疗 figures from UtilizationRollup cells (insured region × month × visit type ×
 * facility level × inside/outside the county). Pure: the query layer loads the cells, the indicator
 * registry supplies every formula, this module only sums and groups.
 */
import { indicators } from '../indicators/registry';
import type { Level, VisitType } from '../domain/codes';

export const LEVEL_CODES: readonly Level[] = ['PRIMARY', 'COUNTY', 'CITY', 'OUT_OF_CITY'];
export const VISIT_TYPE_CODES: readonly VisitType[] = ['OUTPATIENT', 'CHRONIC', 'INPATIENT'];

/** One UtilizationRollup cell, already summed over the schemes of the filter. */
export interface UtilizationCell {
  /** insured person's region */
  region: string;
  period: number;
  visitType: VisitType;
  level: Level;
  inCounty: boolean;
  visits: number;
  totalCost: number;
  fundPaid: number;
  referralsUp: number;
  referralsDown: number;
}

/** Sums behind the tiered-care indicators for one region and one span of months. */
export interface UtilizationTotals {
  visitsByLevel: Record<Level, number>;
  admissionsByLevel: Record<Level, number>;
  allVisits: number;
  allAdmissions: number;
  inCountyAdmissions: number;
  referralsUp: number;
  referralsDown: number;
}

export const emptyTotals = (): UtilizationTotals => ({
  visitsByLevel: { PRIMARY: 0, COUNTY: 0, CITY: 0, OUT_OF_CITY: 0 },
  admissionsByLevel: { PRIMARY: 0, COUNTY: 0, CITY: 0, OUT_OF_CITY: 0 },
  allVisits: 0,
  allAdmissions: 0,
  inCountyAdmissions: 0,
  referralsUp: 0,
  referralsDown: 0,
});

export function addCell(t: UtilizationTotals, c: UtilizationCell): void {
  t.visitsByLevel[c.level] += c.visits;
  t.allVisits += c.visits;
  t.referralsUp += c.referralsUp;
  t.referralsDown += c.referralsDown;
  if (c.visitType === 'INPATIENT') {
    t.admissionsByLevel[c.level] += c.visits;
    t.allAdmissions += c.visits;
    if (c.inCounty) t.inCountyAdmissions += c.visits;
  }
}

export function addTotals(into: UtilizationTotals, t: UtilizationTotals): void {
  for (const l of LEVEL_CODES) {
    into.visitsByLevel[l] += t.visitsByLevel[l];
    into.admissionsByLevel[l] += t.admissionsByLevel[l];
  }
  into.allVisits += t.allVisits;
  into.allAdmissions += t.allAdmissions;
  into.inCountyAdmissions += t.inCountyAdmissions;
  into.referralsUp += t.referralsUp;
  into.referralsDown += t.referralsDown;
}

/** The 分级诊疗 share indicators, computed by the registry. */
export interface ShareIndicators {
  primary_visit_share: number | null;
  in_county_rate: number | null;
  out_of_city_share: number | null;
  city_admission_share: number | null;
}

export function shareIndicators(t: UtilizationTotals): ShareIndicators {
  return {
    primary_visit_share: indicators.primary_visit_share.compute({ primaryVisits: t.visitsByLevel.PRIMARY, allVisits: t.allVisits }),
    in_county_rate: indicators.in_county_rate.compute({ inCountyAdmissions: t.inCountyAdmissions, allAdmissions: t.allAdmissions }),
    out_of_city_share: indicators.out_of_city_share.compute({
      outOfCityAdmissions: t.admissionsByLevel.OUT_OF_CITY,
      allAdmissions: t.allAdmissions,
    }),
    city_admission_share: indicators.city_admission_share.compute({ cityAdmissions: t.admissionsByLevel.CITY, allAdmissions: t.allAdmissions }),
  };
}

/** Composition of visits by level (各级机构就诊构成), registry `visit_composition_share`. */
export function levelComposition(t: UtilizationTotals, of: 'visits' | 'admissions' = 'visits'): Record<Level, number | null> {
  const by = of === 'visits' ? t.visitsByLevel : t.admissionsByLevel;
  const all = of === 'visits' ? t.allVisits : t.allAdmissions;
  const out = {} as Record<Level, number | null>;
  for (const l of LEVEL_CODES) out[l] = indicators.visit_composition_share.compute({ destinationVisits: by[l], allVisits: all });
  return out;
}

/** Key under which cityTotals are kept: the city code. */
export type TotalsByRegion = Map<string, Map<number, UtilizationTotals>>;

/**
 * Monthly totals per insured region, plus `cityCode` = the sum over every region (the city's insured).
 * Months with no cell for a region are absent (not zero): a gap is a gap.
 */
export function monthlyTotals(cells: readonly UtilizationCell[], cityCode: string): TotalsByRegion {
  const out: TotalsByRegion = new Map();
  const get = (region: string, period: number) => {
    let m = out.get(region);
    if (!m) out.set(region, (m = new Map()));
    let t = m.get(period);
    if (!t) m.set(period, (t = emptyTotals()));
    return t;
  };
  for (const c of cells) {
    if (c.region === cityCode) continue; // insured are always counted in their county; guard against a city row
    addCell(get(c.region, c.period), c);
    addCell(get(cityCode, c.period), c);
  }
  return out;
}

/** Totals of one region over the months of `year` (up to asOf when given). */
export function yearTotals(monthly: Map<number, UtilizationTotals> | undefined, year: number, asOf?: number | null): UtilizationTotals | null {
  if (!monthly) return null;
  const t = emptyTotals();
  let any = false;
  for (const [p, m] of monthly) {
    if (Math.floor(p / 100) !== year) continue;
    if (asOf && p > asOf) continue;
    addTotals(t, m);
    any = true;
  }
  return any ? t : null;
}

/** Sorted list of the periods present for a region. */
export function periodsOf(monthly: Map<number, UtilizationTotals> | undefined): number[] {
  return monthly ? [...monthly.keys()].sort((a, b) => a - b) : [];
}

/** Totals of one region over an inclusive window of months, or null when no month of it has data. */
export function windowTotals(monthly: Map<number, UtilizationTotals> | undefined, from: number, to: number): UtilizationTotals | null {
  if (!monthly) return null;
  const t = emptyTotals();
  let any = false;
  for (const [p, m] of monthly) {
    if (p < from || p > to) continue;
    addTotals(t, m);
    any = true;
  }
  return any ? t : null;
}
