// The pools (统筹区) a warehouse holds and the levels above and below them. Under 市级统筹 each 设区市 is one
// pool: its fund, budget and ledgers are the city's, its county-level units (区、县、县级市, and functional
// zones) are the units the city compares and assesses. A province (省) that holds several cities is an
// aggregation level above them until 省级统筹, the step 《中华人民共和国社会保险法》 第六十四条 asks for (基本医疗保险
// 基金逐步实行省级统筹; cited so in 医保函〔2019〕74号). Pure: callers hand in stored Region rows.
import { isCountyLevel } from '../domain/regionLevels';

export interface RegionRowLike { code: string; name: string; shortName: string; kind: string; parentCode: string | null; sortOrder?: number }

export interface PoolUnit { code: string; name: string; shortName: string; kind: string }

export interface Pool extends PoolUnit {
  /** the city's county-level units and functional zones, in sort order */
  counties: PoolUnit[];
}

export interface PoolHierarchy {
  /** the province above the cities, when one is registered and every city belongs to it; else null */
  province: PoolUnit | null;
  /** every 设区市 (pool), in sort order */
  cities: Pool[];
  /** county-level code → its city's code */
  cityOf: Map<string, string>;
}

const unit = (r: RegionRowLike): PoolUnit => ({ code: r.code, name: r.name, shortName: r.shortName, kind: r.kind });

/**
 * Cities (pools) with their county-level units, and the province above them.
 * @param regions stored Region rows, any order
 * @returns cities in (sortOrder, code) order; counties likewise. A region whose parent is not a city is not a
 *   county of any pool.
 */
export function poolHierarchy(regions: readonly RegionRowLike[]): PoolHierarchy {
  const sorted = [...regions].sort((a, b) => (a.sortOrder ?? 0) - (b.sortOrder ?? 0) || a.code.localeCompare(b.code));
  const cityRows = sorted.filter((r) => r.kind === 'CITY');
  const cityCodes = new Set(cityRows.map((c) => c.code));
  const cityOf = new Map<string, string>();
  const cities: Pool[] = cityRows.map((c) => ({ ...unit(c), counties: [] }));
  const byCode = new Map(cities.map((c) => [c.code, c]));
  for (const r of sorted) {
    if (r.parentCode && cityCodes.has(r.parentCode) && (isCountyLevel(r.kind) || r.kind === 'ZONE')) {
      byCode.get(r.parentCode)!.counties.push(unit(r));
      cityOf.set(r.code, r.parentCode);
    }
  }
  const parents = new Set(cityRows.map((c) => c.parentCode));
  const only = parents.size === 1 ? [...parents][0] : null;
  const prov = only ? sorted.find((r) => r.code === only && r.kind === 'PROVINCE') : undefined;
  return { province: prov ? unit(prov) : null, cities, cityOf };
}

/**
 * The city (pool) a region belongs to: a city's own code, the city of a county-level unit or zone; null for
 * a region above the cities (省, 国家), one under no city, or an unknown code. `find` looks a code up in the
 * stored Region rows.
 */
export function cityOfRegion(code: string, find: (code: string) => Pick<RegionRowLike, 'kind' | 'parentCode'> | null | undefined): string | null {
  const r = find(code);
  if (!r) return null;
  if (r.kind === 'CITY') return code;
  if (!r.parentCode || !(isCountyLevel(r.kind) || r.kind === 'ZONE')) return null;
  return find(r.parentCode)?.kind === 'CITY' ? r.parentCode : null;
}

/**
 * The region codes of city `city` among `cities` (its own code first, then its counties'), for reads narrowed
 * to one pool; null when the warehouse holds one city (every row is its) or `city` is none of them.
 */
export function poolCodes(cities: readonly Pool[], city: string | null): string[] | null {
  if (cities.length <= 1 || !city) return null;
  const c = cities.find((x) => x.code === city);
  return c ? [c.code, ...c.counties.map((k) => k.code)] : null;
}
