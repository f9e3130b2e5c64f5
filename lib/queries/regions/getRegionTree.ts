import 'server-only';
// Every registered region in one hierarchy (国家 › 省 › 设区市 › 县级), with how many years of 年度数据 each
// holds: the index of /regions. City analysts and admins only; a city user bound to a city sees the levels
// above the cities and their own city.
import { cachedByDataVersion } from '../../cache';
import { getDb, type Db } from '../../db';
import { boundCity, ScopeError, type Scope } from '../scope';
import { isAboveCity } from '../../domain/regionLevels';
import { cityOfRegion } from '../../regions/pools';

export interface RegionNode { code: string; name: string; kind: string; depth: number; annualYears: number[] }

/** Regions depth-first from the roots (regions without a registered parent), siblings in sort order. */
export async function loadRegionTree(db: Db, scope: Scope): Promise<RegionNode[]> {
  if (scope.kind !== 'city') throw new ScopeError('地区层级和年度数据仅对市医保局开放');
  const [regions, years] = await Promise.all([
    db.prisma.region.findMany({ select: { code: true, name: true, kind: true, parentCode: true }, orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }] }),
    db.prisma.annualFundFact.groupBy({ by: ['regionCode', 'year'] }),
  ]);
  const yearsOf = new Map<string, number[]>();
  for (const y of years) yearsOf.set(y.regionCode, [...(yearsOf.get(y.regionCode) ?? []), y.year].sort((a, b) => a - b));
  // A city user bound to a city: the levels above the cities (国家, 省) and their own city with its counties.
  const bound = boundCity(scope);
  if (bound !== null) {
    const byCode = new Map(regions.map((r) => [r.code, r]));
    return walk(regions.filter((r) => isAboveCity(r.kind) || cityOfRegion(r.code, (c) => byCode.get(c)) === bound), yearsOf);
  }
  return walk(regions, yearsOf);
}

/** Regions depth-first from the roots (regions without a registered parent among `regions`), siblings in order. */
function walk(regions: { code: string; name: string; kind: string; parentCode: string | null }[], yearsOf: Map<string, number[]>): RegionNode[] {
  const codes = new Set(regions.map((r) => r.code));
  const out: RegionNode[] = [];
  const seen = new Set<string>();
  const visit = (code: string | null, depth: number) => {
    for (const r of regions.filter((x) => (code === null ? !x.parentCode || !codes.has(x.parentCode) : x.parentCode === code))) {
      if (seen.has(r.code)) continue;
      seen.add(r.code);
      out.push({ code: r.code, name: r.name, kind: r.kind, depth, annualYears: yearsOf.get(r.code) ?? [] });
      visit(r.code, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

export const getRegionTree = cachedByDataVersion('regions/getRegionTree', (scope: Scope) => loadRegionTree(getDb(), scope));
