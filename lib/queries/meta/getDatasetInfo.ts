import 'server-only';
import { cache } from 'react';
import { getDb, type Db } from '../../db';
import { cachedByDataVersion } from '../../cache';

export interface DatasetInfo {
  cityCode: string;
  cityName: string;
  isDemo: boolean;
  firstPeriod: number;
  lastPeriod: number;
  years: number[];
  counties: { code: string; name: string; shortName: string; kind: string }[];
}

/** City name, demo flag, the periods with data and the county-level units (for filters and labels). */
export async function loadDatasetInfo(db: Db): Promise<DatasetInfo | null> {
  const [meta, regions, span] = await Promise.all([
    db.prisma.datasetMeta.findMany(),
    db.prisma.region.findMany({ orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }] }),
    db.prisma.ledgerFact.aggregate({ _min: { period: true }, _max: { period: true } }),
  ]);
  const city = regions.find((r) => r.kind === 'CITY');
  if (!city) return null;
  const m = Object.fromEntries(meta.map((x) => [x.key, x.value]));
  const firstPeriod = span._min.period ?? 0;
  const lastPeriod = span._max.period ?? 0;
  const years: number[] = [];
  for (let y = Math.floor(firstPeriod / 100); y <= Math.floor(lastPeriod / 100) && y > 0; y++) years.push(y);
  return {
    cityCode: city.code,
    cityName: m.cityName ?? city.name,
    isDemo: m.isDemo === 'true',
    firstPeriod,
    lastPeriod,
    years,
    counties: regions.filter((r) => r.parentCode === city.code).map((r) => ({ code: r.code, name: r.name, shortName: r.shortName, kind: r.kind })),
  };
}

export const getDatasetInfo = cache(cachedByDataVersion('meta/getDatasetInfo', async () => loadDatasetInfo(getDb())));
