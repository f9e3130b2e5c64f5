import 'server-only';
// One region of any level with its place in the hierarchy (国家 › 省 › 设区市 › 县级) and its 年度数据
// (AnnualFundFact): the page /regions/[code]. City analysts and admins only: units above the city are not
// a county's business, and a county user has its own county page.
import { cachedByDataVersion } from '../../cache';
import { getDb, type Db } from '../../db';
import { annualFundLines, type AnnualFundLine } from '../../regions/annualFund';
import { boundCity, ScopeError, type Scope } from '../scope';
import { isAboveCity } from '../../domain/regionLevels';
import { cityOfRegion } from '../../regions/pools';

export interface RegionRef { code: string; name: string; kind: string }

export interface RegionAnnualView {
  region: RegionRef & { shortName: string; isLocalCode: boolean };
  /** from the top of the hierarchy down to the parent */
  ancestors: RegionRef[];
  children: RegionRef[];
  lines: AnnualFundLine[];
  /** batches the figures came from (lineage) */
  batchIds: number[];
}

/** The region and its annual facts, or null when no region has this code. */
export async function loadRegionAnnual(db: Db, scope: Scope, code: string): Promise<RegionAnnualView | null> {
  if (scope.kind !== 'city') throw new ScopeError('地区层级和年度数据仅对市医保局开放');
  const p = db.prisma;
  const [regions, facts] = await Promise.all([
    p.region.findMany({ select: { code: true, name: true, shortName: true, kind: true, parentCode: true, isLocalCode: true, sortOrder: true }, orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }] }),
    p.annualFundFact.findMany({ where: { regionCode: code }, select: { schemeCode: true, year: true, income: true, expense: true, balance: true, sourceName: true, batchId: true } }),
  ]);
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const self = byCode.get(code);
  if (!self) return null;
  // A city user bound to a city: the levels above the cities (国家, 省) and their own city with its counties.
  const bound = boundCity(scope);
  if (bound !== null && !isAboveCity(self.kind) && cityOfRegion(code, (c) => byCode.get(c)) !== bound) throw new ScopeError(`无权查看该地区（${code}）的年度数据`);
  const ancestors: RegionRef[] = [];
  const seen = new Set([code]);
  for (let up = self.parentCode; up && !seen.has(up); up = byCode.get(up)?.parentCode ?? null) {
    seen.add(up);
    const r = byCode.get(up);
    if (!r) break;
    ancestors.unshift({ code: r.code, name: r.name, kind: r.kind });
  }
  return {
    region: { code: self.code, name: self.name, shortName: self.shortName, kind: self.kind, isLocalCode: self.isLocalCode },
    ancestors,
    children: regions.filter((r) => r.parentCode === code && (bound === null || isAboveCity(r.kind) || cityOfRegion(r.code, (c) => byCode.get(c)) === bound)).map((r) => ({ code: r.code, name: r.name, kind: r.kind })),
    lines: annualFundLines(facts),
    batchIds: [...new Set(facts.map((f) => f.batchId))].sort((a, b) => a - b),
  };
}

export const getRegionAnnual = cachedByDataVersion('regions/getRegionAnnual', (scope: Scope, code: string) => loadRegionAnnual(getDb(), scope, code));
