import 'server-only';
// The 六统一 tracker's reads: each county × scheme × item with its state as of a year's end, the deadline that
// applies, days late, and the transition-period items. A county user sees its own county; the public nothing.
import { getDb } from '../../db';
import { daysLate, transitionItems, unificationState, type TransitionItem, type UnificationRow, type UnificationState } from '../../assessment/unification';
import type { DatasetInfo } from '../meta/getDatasetInfo';
import { canSeeCountyDetail, requireCityOrCounty, type Scope } from '../scope';

export interface UnificationCell extends UnificationRow {
  state: UnificationState;
  daysLate: number;
}

export interface UnificationView {
  asOf: string;
  /** scheme → county → item → cell */
  cells: UnificationCell[];
  counties: { code: string; name: string }[];
  transitions: TransitionItem[];
  /** pooling month per `${county}|${scheme}` */
  pooling: Record<string, number>;
}

export async function getUnification(scope: Scope, info: DatasetInfo, year: number): Promise<UnificationView> {
  requireCityOrCounty(scope);
  const db = getDb();
  const visible = info.counties.filter((c) => canSeeCountyDetail(scope, c.code, info.cityCode));
  const codes = visible.map((c) => c.code);
  const [rows, milestones] = await Promise.all([
    db.prisma.unificationStatus.findMany({ where: { regionCode: { in: codes } } }),
    db.prisma.poolingMilestone.findMany({ where: { regionCode: { in: codes } } }),
  ]);
  const asOf = `${year}-12-31`;
  const pooling = new Map(milestones.map((m) => [`${m.regionCode}|${m.schemeCode}`, m.effectivePeriod]));
  return {
    asOf,
    cells: rows.map((r) => ({ ...r, state: unificationState(r, asOf), daysLate: daysLate(r, asOf) })),
    counties: visible.map((c) => ({ code: c.code, name: c.name })),
    transitions: transitionItems(rows, pooling, asOf),
    pooling: Object.fromEntries(pooling),
  };
}
