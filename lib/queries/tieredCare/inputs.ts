import 'server-only';
// Reads behind every 分级诊疗 widget: UtilizationRollup cells (never UtilizationFact), the patient-flow
// rollup, pooling months, family-doctor signing. One load per scheme filter per request (React cache), so
// the widgets of a page share it; formulas are in the indicator registry and lib/tieredCare.
import { cache } from 'react';
import type { Db } from '../../db';
import { getDb } from '../../db';
import type { Level, SchemeCode, SchemeFilter, VisitType } from '../../domain/codes';
import type { UtilizationCell } from '../../tieredCare/series';
import type { FlowCell } from '../../tieredCare/patientFlow';
import { schemesOf } from '../overview/kpiInputs';
import { cachedByDataVersion } from '../../cache';
import { poolRegionCodes, regionIn } from '../pool';

/**
 * Rollup cells of the scheme filter, summed over its schemes; of the insured of `codes` (a city's regions,
 * lib/queries/pool) or of every region (null).
 */
export async function loadUtilizationCells(db: Db, scheme: SchemeFilter, codes: string[] | null = null): Promise<UtilizationCell[]> {
  const rows = await db.prisma.utilizationRollup.groupBy({
    by: ['insuredRegionCode', 'period', 'visitType', 'level', 'inCounty'],
    where: { schemeCode: { in: schemesOf(scheme) }, ...regionIn(codes, 'insuredRegionCode') },
    _sum: { visits: true, totalCost: true, fundPaid: true, referralsUp: true, referralsDown: true },
  });
  return rows.map((r) => ({
    region: r.insuredRegionCode,
    period: r.period,
    visitType: r.visitType as VisitType,
    level: r.level as Level,
    inCounty: Boolean(r.inCounty),
    visits: r._sum.visits ?? 0,
    totalCost: r._sum.totalCost ?? 0,
    fundPaid: r._sum.fundPaid ?? 0,
    referralsUp: r._sum.referralsUp ?? 0,
    referralsDown: r._sum.referralsDown ?? 0,
  }));
}

/**
 * Patient-flow cells (insured region × the institution's region × level × month) of the scheme filter and
 * visit types, from UtilizationFlowRollup.
 */
export async function loadFlowCells(db: Db, scheme: SchemeFilter, visitTypes: VisitType[], codes: string[] | null = null): Promise<FlowCell[]> {
  const rows = await db.prisma.utilizationFlowRollup.groupBy({
    by: ['insuredRegionCode', 'institutionRegionCode', 'level', 'visitType', 'period'],
    where: { schemeCode: { in: schemesOf(scheme) }, visitType: { in: visitTypes }, ...regionIn(codes, 'insuredRegionCode') },
    _sum: { visits: true },
  });
  return rows.map((r) => ({
    origin: r.insuredRegionCode,
    destRegion: r.institutionRegionCode,
    level: r.level as Level,
    visitType: r.visitType as VisitType,
    period: r.period,
    visits: r._sum.visits ?? 0,
  }));
}

/**
 * Pooling month per region for the filter. For 全部险种 a county counts as pooled when its last scheme
 * pooled (resident pooling lagged in some counties: 市级统筹意见（征求意见稿）一 allows until 2021-12-31). The city's own
 * entry is its first pooling month (when city pooling began).
 */
export async function loadPoolingMonths(db: Db, scheme: SchemeFilter, cityCode: string): Promise<Map<string, number>> {
  const schemes: SchemeCode[] = schemesOf(scheme);
  const rows = await db.prisma.poolingMilestone.findMany({ where: { schemeCode: { in: schemes }, ...regionIn(await poolRegionCodes(db, cityCode)) } });
  const out = new Map<string, number>();
  let first: number | null = null;
  for (const r of rows) {
    if (r.regionCode === cityCode) continue;
    out.set(r.regionCode, Math.max(out.get(r.regionCode) ?? 0, r.effectivePeriod));
    first = first === null ? r.effectivePeriod : Math.min(first, r.effectivePeriod);
  }
  if (first !== null) out.set(cityCode, first);
  return out;
}

export interface FamilyDoctorRow {
  region: string;
  year: number;
  residents: number;
  signed: number;
  keyPopulation: number;
  keySigned: number;
}

/** Family-doctor signing rows of `codes` (a city's regions, lib/queries/pool) or of every region (null). */
export async function loadFamilyDoctor(db: Db, codes: string[] | null = null): Promise<FamilyDoctorRow[]> {
  const rows = await db.prisma.familyDoctorFact.findMany({ where: regionIn(codes), orderBy: [{ regionCode: 'asc' }, { year: 'asc' }] });
  return rows.map((r) => ({ region: r.regionCode, year: r.year, residents: r.residents, signed: r.signed, keyPopulation: r.keyPopulation, keySigned: r.keySigned }));
}

// Per-request caches: every widget of a page asks for the same loads.
export const cachedFlowCells = cache(cachedByDataVersion('tieredCare/flowCells', async (cityCode: string, scheme: SchemeFilter, visitTypesKey: string) =>
  loadFlowCells(getDb(), scheme, visitTypesKey.split(',') as VisitType[], await poolRegionCodes(getDb(), cityCode))));
export const cachedPoolingMonths = cache((scheme: SchemeFilter, cityCode: string) => loadPoolingMonths(getDb(), scheme, cityCode));
export const cachedFamilyDoctor = cache(async (cityCode: string) => loadFamilyDoctor(getDb(), await poolRegionCodes(getDb(), cityCode)));
