import 'server-only';
// The rows of one city (pool) when a warehouse holds several (a province's cities): every query that sums
// facts for "the city" restricts itself to the city's own code (市本级, the city pool) and its county-level
// units, or it would sum the province. One city in the warehouse: no restriction (every row is the city's),
// so the single-city SQL stays as it was.
import type { Db } from '../db';
import { cityOfRegion, poolHierarchy } from '../regions/pools';

/**
 * Region codes of city `cityCode` (the city's code first, then its counties) when the warehouse holds
 * several cities; null when it holds one (or `cityCode` is not a city: nothing to narrow).
 */
export async function poolRegionCodes(db: Db, cityCode: string): Promise<string[] | null> {
  const regions = await db.prisma.region.findMany({ select: { code: true, name: true, shortName: true, kind: true, parentCode: true, sortOrder: true } });
  const h = poolHierarchy(regions);
  if (h.cities.length <= 1) return null;
  const city = h.cities.find((c) => c.code === cityCode);
  return city ? [city.code, ...city.counties.map((c) => c.code)] : null;
}

/**
 * The latest month (YYYYMM) with ledger rows (LedgerFact, any account) among the regions `codes` (a city's,
 * from poolRegionCodes; null: the whole warehouse), within `from`…`to` (inclusive, YYYYMM) when given; null
 * when there is no such row. What a city's pages show as 数据截至: the city's own month, never another city's
 * later one.
 */
export async function lastLedgerPeriod(db: Db, codes: readonly string[] | null, range: { from?: number; to?: number } = {}): Promise<number | null> {
  const period = range.from !== undefined || range.to !== undefined ? { period: { ...(range.from !== undefined ? { gte: range.from } : {}), ...(range.to !== undefined ? { lte: range.to } : {}) } } : {};
  const r = await db.prisma.ledgerFact.aggregate({ _max: { period: true }, where: { ...period, ...regionIn(codes ? [...codes] : null) } });
  return r._max.period ?? null;
}

/** A Prisma where-fragment `{ [field]: { in: codes } }`, or {} when codes is null (no restriction). */
export function regionIn<F extends string = 'regionCode'>(codes: string[] | null, field: F = 'regionCode' as F): Partial<Record<F, { in: string[] }>> {
  return codes ? ({ [field]: { in: codes } } as Record<F, { in: string[] }>) : {};
}

/** The city (pool) of stored region `code` (lib/regions/pools cityOfRegion): a city's own code, a county's city; null above the cities or unknown. */
export async function cityOfStoredRegion(db: Db, code: string): Promise<string | null> {
  const rows = new Map<string, { kind: string; parentCode: string | null }>();
  const self = await db.prisma.region.findUnique({ where: { code }, select: { kind: true, parentCode: true } });
  if (!self) return null;
  rows.set(code, self);
  if (self.parentCode) {
    const parent = await db.prisma.region.findUnique({ where: { code: self.parentCode }, select: { kind: true, parentCode: true } });
    if (parent) rows.set(self.parentCode, parent);
  }
  return cityOfRegion(code, (c) => rows.get(c));
}
