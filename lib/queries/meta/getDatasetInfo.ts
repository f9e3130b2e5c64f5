import 'server-only';
import { cache } from 'react';
import { getDb, type Db } from '../../db';
import { cachedByDataVersion } from '../../cache';
import { poolHierarchy, type Pool, type PoolUnit } from '../../regions/pools';

export interface DatasetInfo {
  /**
   * 'city': one city (pool) is the dataset — the only city of the warehouse, or the one selected (`city=`);
   * 'province': the warehouse holds several cities and none is selected — the cities are the comparison
   * units and cityCode/cityName name the province (counties is then empty).
   */
  level: 'city' | 'province';
  /** the selected city's code (the province's at province level) */
  cityCode: string;
  /** the selected city's name (the province's, or 全省 when no province is registered, at province level) */
  cityName: string;
  isDemo: boolean;
  /** first and last month (YYYYMM) with ledger rows in the selected city (in the whole warehouse at province level) */
  firstPeriod: number;
  lastPeriod: number;
  years: number[];
  /** the selected city's county-level units and functional zones; [] at province level */
  counties: PoolUnit[];
  /** the province above the cities, when registered */
  province: PoolUnit | null;
  /** every city (pool) of the warehouse with its counties (lib/regions/pools) */
  cities: Pool[];
}

/**
 * The region codes whose rows make up the selected city's figures: the city's own code (市本级, the city
 * pool) and its county-level units. At province level: every city and county of the warehouse.
 */
export function datasetRegionCodes(info: Pick<DatasetInfo, 'level' | 'cityCode' | 'counties' | 'cities'>): string[] {
  if (info.level === 'province') return info.cities.flatMap((c) => [c.code, ...c.counties.map((k) => k.code)]);
  return [info.cityCode, ...info.counties.map((c) => c.code)];
}

/**
 * City name, demo flag, the periods with data and the county-level units (for filters and labels), for the
 * city `city` (a city code), or — when `city` is null or not a city of the warehouse — for the only city,
 * or the province level when there are several. Null when no city is registered.
 */
export async function loadDatasetInfo(db: Db, city: string | null = null): Promise<DatasetInfo | null> {
  const [meta, regions] = await Promise.all([
    db.prisma.datasetMeta.findMany(),
    db.prisma.region.findMany({ orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }] }),
  ]);
  const h = poolHierarchy(regions);
  if (h.cities.length === 0) return null;
  const m = Object.fromEntries(meta.map((x) => [x.key, x.value]));
  const selected = h.cities.length === 1 ? h.cities[0] : h.cities.find((c) => c.code === city) ?? null;
  const codes = selected ? [selected.code, ...selected.counties.map((c) => c.code)] : null;
  const span = await db.prisma.ledgerFact.aggregate({ _min: { period: true }, _max: { period: true }, ...(codes && h.cities.length > 1 ? { where: { regionCode: { in: codes } } } : {}) });
  const firstPeriod = span._min.period ?? 0;
  const lastPeriod = span._max.period ?? 0;
  const years: number[] = [];
  for (let y = Math.floor(firstPeriod / 100); y <= Math.floor(lastPeriod / 100) && y > 0; y++) years.push(y);
  const common = { isDemo: m.isDemo === 'true', firstPeriod, lastPeriod, years, province: h.province, cities: h.cities };
  if (!selected) {
    return { ...common, level: 'province', cityCode: h.province?.code ?? '', cityName: h.province?.name ?? '全省', counties: [] };
  }
  return {
    ...common,
    level: 'city',
    cityCode: selected.code,
    // The stored display name (a demo city's) names the only city; with several, each city's own name.
    cityName: h.cities.length === 1 ? m.cityName ?? selected.name : selected.name,
    counties: selected.counties,
  };
}

/** Kept between requests until the data changes; `city`: the selected city's code, or null. */
export const getDatasetInfo = cache(cachedByDataVersion('meta/getDatasetInfo', async (city: string | null = null) => loadDatasetInfo(getDb(), city)));
