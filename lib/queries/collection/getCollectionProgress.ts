import 'server-only';
import { cachedByDataVersion } from '../../cache';
// Monthly cumulative collection against the year's due, for the selected region and scheme. Resident
// individual premiums arrive mostly January–March and subsidies quarterly, so the curve climbs in steps.
import { poolRegionCodes, regionIn } from '../pool';
import type { Db } from '../../db';
import { getDb } from '../../db';
import type { SchemeFilter } from '../../domain/codes';
import { makePeriod } from '../../indicators/compute';
import { indicators } from '../../indicators/registry';
import { allowedRegion, requireCityOrCounty, type Scope } from '../scope';
import { schemesOf } from '../overview/kpiInputs';
import type { CollectionRequest } from './request';

export interface ProgressPoint {
  period: number;
  due: number;
  collected: number;
  cumulativeDue: number;
  cumulativeCollected: number;
  /** cumulative collected ÷ the whole year's due (null until the year's due is known) */
  progress: number | null;
  /** the same, one year earlier */
  progressLastYear: number | null;
}

export interface CollectionProgress {
  year: number;
  /** the year's due, when all 12 months are in */
  annualDue: number | null;
  points: ProgressPoint[];
}

async function monthly(db: Db, scheme: SchemeFilter, region: string | 'ALL', year: number, codes: string[] | null) {
  const rows = await db.prisma.contributionFact.groupBy({
    by: ['period'],
    where: { period: { gte: makePeriod(year, 1), lte: makePeriod(year, 12) }, schemeCode: { in: schemesOf(scheme) }, ...(region === 'ALL' ? regionIn(codes) : { regionCode: region }) },
    _sum: { due: true, collected: true },
  });
  return new Map(rows.map((r) => [r.period, { due: r._sum.due ?? 0, collected: r._sum.collected ?? 0 }]));
}

/** `cityCode`: the city whose months 'ALL' sums (in a warehouse of several cities, lib/queries/pool); omitted, every row's. */
export async function loadCollectionProgress(db: Db, scope: Scope, req: CollectionRequest, cityCode?: string): Promise<CollectionProgress> {
  requireCityOrCounty(scope);
  const region = allowedRegion(scope, req.region);
  const codes = cityCode ? await poolRegionCodes(db, cityCode) : null;
  const [now, last] = await Promise.all([monthly(db, req.scheme, region, req.year, codes), monthly(db, req.scheme, region, req.year - 1, codes)]);
  const annual = (m: Map<number, { due: number }>) => (m.size === 12 ? [...m.values()].reduce((a, b) => a + b.due, 0) : null);
  const annualDue = annual(now);
  const annualDueLast = annual(last);
  const points: ProgressPoint[] = [];
  let cd = 0, cc = 0, ccl = 0;
  for (let m = 1; m <= 12; m++) {
    const period = makePeriod(req.year, m);
    const lastMonth = last.get(makePeriod(req.year - 1, m));
    ccl += lastMonth?.collected ?? 0;
    const v = now.get(period);
    if (!v) continue;
    cd += v.due;
    cc += v.collected;
    points.push({
      period, due: v.due, collected: v.collected, cumulativeDue: cd, cumulativeCollected: cc,
      progress: indicators.collection_rate.compute({ collected: cc, due: annualDue }),
      progressLastYear: indicators.collection_rate.compute({ collected: ccl, due: annualDueLast }),
    });
  }
  return { year: req.year, annualDue, points };
}

async function getCollectionProgressUncached(scope: Scope, req: CollectionRequest, cityCode: string): Promise<CollectionProgress> {
  return loadCollectionProgress(getDb(), scope, req, cityCode);
}

/** Kept between requests until the data changes (lib/cache). */
export const getCollectionProgress = cachedByDataVersion('collection/getCollectionProgress', getCollectionProgressUncached);
