import 'server-only';
// The facts behind one assessment year, per county: the 县域画像's yearly sums (loadProfileYear, all schemes),
// the county level of the resident subsidy, and the six unifications' overdue items. No formulas here:
// lib/assessment/feed hands these to the indicator registry.
import type { Db } from '../../db';
import type { AssessmentInputs } from '../../assessment/feed';
import { overdueCounts, type UnificationRow } from '../../assessment/unification';
import { makePeriod } from '../../indicators/compute';
import { loadProfileYear } from '../counties/profileInputs';

export interface AssessmentYearInputs {
  year: number;
  /** last month of the year with ledger data; null = no data for the year */
  asOf: number | null;
  inputs: Map<string, AssessmentInputs>;
}

/**
 * Loads one year's inputs for the given counties (region codes of one city). Reads rolled-up and small fact
 * tables only; the county-level reads (subsidy, last year's enrolment, unification) take `counties` as a
 * region predicate, so in a warehouse of several cities they read the assessed counties' rows, not every
 * city's (prisma/SCALE-OUT.md, "Queries that change").
 */
export async function loadAssessmentInputs(db: Db, cityCode: string, counties: string[], year: number): Promise<AssessmentYearInputs> {
  const py = await loadProfileYear(db, cityCode, 'ALL', year, counties);
  if (py.asOf === null) return { year, asOf: null, inputs: new Map() };
  const assessed = { regionCode: { in: counties } };
  const [countySubsidy, unification, enrolPrev] = await Promise.all([
    db.prisma.contributionFact.groupBy({
      by: ['regionCode'],
      where: { period: { gte: makePeriod(year, 1), lte: py.asOf }, schemeCode: 'RESIDENT', source: 'SUBSIDY_COUNTY', ...assessed },
      _sum: { due: true, collected: true },
    }),
    db.prisma.unificationStatus.findMany({ where: assessed }),
    // coverage a year earlier (same month), for 参保率同比变化; maternity enrolees are a subset of employees
    db.prisma.enrollmentFact.groupBy({ by: ['regionCode'], where: { period: py.asOf - 100, schemeCode: { in: ['EMPLOYEE', 'RESIDENT'] }, ...assessed }, _sum: { enrolled: true, shouldEnroll: true } }),
  ]);
  const prev = new Map(enrolPrev.map((r) => [r.regionCode, r._sum]));
  const subsidy = new Map(countySubsidy.map((r) => [r.regionCode, r._sum]));
  const overdue = overdueCounts(unification as UnificationRow[], year);
  const inputs = new Map<string, AssessmentInputs>();
  for (const c of counties) {
    const p = py.inputs.get(c);
    if (!p) continue;
    const s = subsidy.get(c);
    inputs.set(c, {
      ...p,
      // No rows is missing data, shown as missing, never as a 0 delivered.
      countySubsidyDue: s?.due ?? null,
      countySubsidyCollected: s?.collected ?? null,
      unificationOverdue: overdue.get(c) ?? null,
      enrolledLastYear: prev.get(c)?.enrolled ?? null,
      shouldEnrollLastYear: prev.get(c)?.shouldEnroll ?? null,
    });
  }
  return { year, asOf: py.asOf, inputs };
}
