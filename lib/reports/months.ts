// Which editions a month has and which months an import completed. No query modules here: the import
// post-import step (onImported.ts) loads this in every way in, including the import CLI.
import type { Db } from '../db';
import { poolHierarchy, type Pool } from '../regions/pools';

/** One city's editions: the city edition (the city's code) first, then each county-level unit's. */
export interface CityEditions {
  cityCode: string;
  cityName: string;
  /** region codes: the city first, then its counties and functional zones in sort order */
  codes: string[];
}

/** The pools (设区市) the warehouse holds, with their counties (lib/regions/pools). */
export async function loadPools(db: Db): Promise<Pool[]> {
  const regions = await db.prisma.region.findMany({
    orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
    select: { code: true, name: true, shortName: true, kind: true, parentCode: true, sortOrder: true },
  });
  return poolHierarchy(regions).cities;
}

/** Every city's editions, in the cities' sort order ([] when no city is registered). */
export async function reportEditions(db: Db): Promise<CityEditions[]> {
  return (await loadPools(db)).map((c) => ({ cityCode: c.code, cityName: c.name, codes: [c.code, ...c.counties.map((x) => x.code)] }));
}

/**
 * Region codes of a month's editions: each city first, then its county-level units, city after city; only
 * `cityCode`'s when given ([] for a code that is not a city).
 */
export async function editionCodes(db: Db, cityCode?: string): Promise<string[]> {
  return (await reportEditions(db)).filter((c) => cityCode === undefined || c.cityCode === cityCode).flatMap((c) => c.codes);
}

/**
 * Region codes of the editions a month can have: those of every city with ledger rows that month (on the
 * city's code or a county's), city after city. A city whose data has not arrived has no edition yet.
 */
export async function editionCodesWithData(db: Db, period: number): Promise<string[]> {
  const cities = await reportEditions(db);
  const rows = await db.prisma.ledgerFact.groupBy({ by: ['regionCode'], where: { period, regionCode: { in: cities.flatMap((c) => c.codes) } } });
  const has = new Set(rows.map((r) => r.regionCode));
  return cities.filter((c) => c.codes.some((code) => has.has(code))).flatMap((c) => c.codes);
}

/**
 * Months among `periods` whose fund data is complete for a city: every county-level unit of the city has
 * ledger rows for it. Per city, in the cities' order; cities with no complete month are left out. These are
 * the months whose reports an import completes (or corrects).
 */
export async function completeMonthsByCity(db: Db, periods: number[]): Promise<{ cityCode: string; codes: string[]; months: number[] }[]> {
  if (!periods.length) return [];
  const cities = (await reportEditions(db)).filter((c) => c.codes.length > 1);
  if (!cities.length) return [];
  const rows = await db.prisma.ledgerFact.groupBy({ by: ['period', 'regionCode'], where: { period: { in: periods }, regionCode: { in: cities.flatMap((c) => c.codes.slice(1)) } } });
  const has = new Set(rows.map((r) => `${r.period}|${r.regionCode}`));
  return cities
    .map((c) => ({ cityCode: c.cityCode, codes: c.codes, months: periods.filter((p) => c.codes.slice(1).every((code) => has.has(`${p}|${code}`))).sort((a, b) => a - b) }))
    .filter((c) => c.months.length > 0);
}

/** Months among `periods` complete for every city (or for `cityCode` only, when given). */
export async function completeMonths(db: Db, periods: number[], cityCode?: string): Promise<number[]> {
  const cities = await reportEditions(db);
  const wanted = cities.filter((c) => c.codes.length > 1 && (cityCode === undefined || c.cityCode === cityCode));
  if (!wanted.length) return [];
  const done = (await completeMonthsByCity(db, periods)).filter((c) => wanted.some((w) => w.cityCode === c.cityCode));
  if (done.length < wanted.length) return [];
  return [...new Set(periods)].filter((p) => done.every((c) => c.months.includes(p))).sort((a, b) => a - b);
}
