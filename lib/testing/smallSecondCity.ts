// A second, fictional city (设区市, its own 市级统筹 pool) for tests of a warehouse holding several cities:
// written with Prisma next to the demo city, small enough to compute its figures by hand. Codes 4398xx
// are unused in GB/T 2260 (as the demo city's 4399xx).
import type { Db } from '../db';
import { periodRange } from '../indicators/compute';

export const CITY_B = '439800';
export const CITY_B_NAME = '演示二市';
export const COUNTY_B = '439821';
export const COUNTY_B_NAME = '北岭县';
/** the months city B has data for, YYYYMM */
export const CITY_B_MONTHS = periodRange(202201, 202412);
/** 元 per month: resident premiums booked on the county */
export const CITY_B_INCOME = 9_000_000;
/** 元 per month: resident inpatient benefits booked on the county */
export const CITY_B_EXPENSE = 10_000_000;
/** 元: the city pool's resident balance at every month end */
export const CITY_B_POOL = 40_000_000;

/**
 * Adds city B to a copy of the demo city: its region and one county, resident pooling from 2022-01, 36 months
 * of resident ledger rows on the county (premiums and inpatient benefits, account POOL) and the city pool's
 * balance on the city's code. Rows carry the demo city's first import batch as lineage.
 */
export async function addSecondCity(db: Db): Promise<void> {
  const batchId = (await db.prisma.importBatch.findFirstOrThrow({ select: { id: true }, orderBy: { id: 'asc' } })).id;
  await db.prisma.region.createMany({
    data: [
      { code: CITY_B, name: CITY_B_NAME, shortName: '二市', kind: 'CITY', parentCode: null, sortOrder: 100 },
      { code: COUNTY_B, name: COUNTY_B_NAME, shortName: '北岭', kind: 'COUNTY', parentCode: CITY_B, sortOrder: 101 },
    ],
  });
  await db.prisma.poolingMilestone.create({ data: { regionCode: COUNTY_B, schemeCode: 'RESIDENT', effectivePeriod: 202201 } });
  await db.prisma.ledgerFact.createMany({
    data: CITY_B_MONTHS.flatMap((period) => [
      { regionCode: COUNTY_B, schemeCode: 'RESIDENT', account: 'POOL', period, item: 'PREMIUM', amount: CITY_B_INCOME, batchId },
      { regionCode: COUNTY_B, schemeCode: 'RESIDENT', account: 'POOL', period, item: 'INPATIENT', amount: CITY_B_EXPENSE, batchId },
    ]),
  });
  await db.prisma.balanceFact.createMany({
    data: CITY_B_MONTHS.map((period) => ({ regionCode: CITY_B, schemeCode: 'RESIDENT', account: 'POOL', period, kind: 'CITY_POOL', balance: CITY_B_POOL, batchId })),
  });
}
