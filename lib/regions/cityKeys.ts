// Which stored `cityCode` values belong to a city. Releases and budget versions name the city (设区市, its own
// 市级统筹 pool) they belong to; rows stored before they did carry '' (a sentinel, not NULL: NULLs are
// distinct in unique indexes). Such a row can only be the city's while the warehouse holds one city: with
// several, it is nobody's (it is never shown as another city's).
import type { Db } from '../db';
import { poolHierarchy } from './pools';

/** The stored cityCode of rows that name no city (written before rows named their city). */
export const NO_CITY = '';

/** Pure: the cityCode values that stand for `city` in a warehouse of `cityCount` cities. */
export function cityKeysOf(cityCount: number, city: string): string[] {
  return cityCount <= 1 ? [city, NO_CITY] : [city];
}

type RegionReader = Pick<Db['prisma'], 'region'>;

/** The cities (pools) of the warehouse, codes in hierarchy order. */
export async function storedCityCodes(p: RegionReader): Promise<string[]> {
  const regions = await p.region.findMany({ select: { code: true, name: true, shortName: true, kind: true, parentCode: true, sortOrder: true } });
  return poolHierarchy(regions).cities.map((c) => c.code);
}

/** The cityCode values that stand for `city` in this warehouse (cityKeysOf with the stored cities). */
export async function storedCityKeys(p: RegionReader, city: string): Promise<string[]> {
  return cityKeysOf((await storedCityCodes(p)).length, city);
}
