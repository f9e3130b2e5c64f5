import 'server-only';
import { cachedByDataVersion } from '../../cache';
// Patient flows before vs after pooling: for one county, where its insured were treated (own primary care,
// own county hospitals, each other county, city hospitals, out of the city); for the city, every county's
// flows by destination kind. Reads UtilizationFlowRollup (see lib/warehouse/rollup.ts).
import type { Db } from '../../db';
import type { SchemeFilter, VisitType } from '../../domain/codes';
import {
  cityFlowTable,
  flowTable,
  flowWindows,
  sankeyOf,
  type FlowCell,
  type FlowRow,
  type FlowTable,
  type FlowWindow,
  type SankeyData,
} from '../../tieredCare/patientFlow';
import { allowedRegion, requireCityOrCounty, type Scope } from '../scope';
import { cachedTieredCareData, visibleCounties, type TieredCareData, type TieredCareRequest } from './data';
import { cachedFlowCells, loadFlowCells } from './inputs';

/** 'ALL' = every visit (门诊、慢特病、住院); 'INPATIENT' = admissions only (where 虹吸 shows first). */
export type FlowType = 'ALL' | 'INPATIENT';
export const FLOW_VISIT_TYPES: Record<FlowType, VisitType[]> = {
  ALL: ['OUTPATIENT', 'CHRONIC', 'INPATIENT'],
  INPATIENT: ['INPATIENT'],
};

export interface PatientFlows {
  regionCode: string;
  flowType: FlowType;
  /** one county: its detailed table; the city: null */
  county: FlowTable | null;
  /** the city: every visible county's table by destination kind */
  counties: FlowTable[];
  /** the city's totals by destination kind (each county with its own windows) */
  city: { rows: FlowRow[]; totalBefore: number; totalAfter: number } | null;
  before: SankeyData;
  after: SankeyData;
  /** windows shown in labels: the county's, or for the city a summary */
  windows: { before: FlowWindow; after: FlowWindow } | null;
}

export function computePatientFlows(
  data: TieredCareData,
  cells: readonly FlowCell[],
  regionCode: string,
  regions: string[],
  year: number,
  flowType: FlowType,
  names: (code: string) => string,
): PatientFlows {
  const first = data.firstPeriod;
  const last = data.lastPeriod;
  const windowsOf = (code: string) => {
    const pool = data.pooling.get(code);
    return pool && first && last ? flowWindows(pool, year, first, last) : null;
  };
  if (regionCode !== data.cityCode) {
    const w = windowsOf(regionCode);
    if (!w) return { regionCode, flowType, county: null, counties: [], city: null, before: { nodes: [], links: [] }, after: { nodes: [], links: [] }, windows: null };
    const t = flowTable(cells, regionCode, w, true);
    return { regionCode, flowType, county: t, counties: [], city: null, before: sankeyOf([t], 'before', names), after: sankeyOf([t], 'after', names), windows: w };
  }
  const tables: FlowTable[] = [];
  for (const code of regions) {
    const w = windowsOf(code);
    if (w) tables.push(flowTable(cells, code, w, false));
  }
  return {
    regionCode,
    flowType,
    county: null,
    counties: tables,
    city: cityFlowTable(tables),
    before: sankeyOf(tables, 'before', names),
    after: sankeyOf(tables, 'after', names),
    windows: windowsOf(data.cityCode),
  };
}

export async function loadPatientFlowCells(db: Db, scheme: SchemeFilter, flowType: FlowType): Promise<FlowCell[]> {
  return loadFlowCells(db, scheme, FLOW_VISIT_TYPES[flowType]);
}

async function getPatientFlowsUncached(
  scope: Scope,
  cityCode: string,
  req: TieredCareRequest,
  flowType: FlowType,
  names: (code: string) => string,
): Promise<PatientFlows> {
  requireCityOrCounty(scope);
  const region = allowedRegion(scope, req.region);
  const [data, cells] = await Promise.all([
    cachedTieredCareData(cityCode, req.scheme),
    cachedFlowCells(cityCode, req.scheme, FLOW_VISIT_TYPES[flowType].join(',')),
  ]);
  return computePatientFlows(data, cells, region === 'ALL' ? cityCode : region, visibleCounties(scope, data.counties, data.cityCode), req.year, flowType, names);
}

/** Kept between requests until the data changes (lib/cache). */
export const getPatientFlows = cachedByDataVersion('tieredCare/getPatientFlows', getPatientFlowsUncached);
