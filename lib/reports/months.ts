// Which editions a month has and which months an import completed. No query modules here: the import
// post-import step (onImported.ts) loads this in every way in, including the import CLI.
import type { Db } from '../db';

/** Region codes of a month's editions: the city first, then every county-level unit. */
export async function editionCodes(db: Db): Promise<string[]> {
  const regions = await db.prisma.region.findMany({ orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }], select: { code: true, kind: true, parentCode: true } });
  const city = regions.find((r) => r.kind === 'CITY');
  if (!city) return [];
  return [city.code, ...regions.filter((r) => r.parentCode === city.code).map((r) => r.code)];
}

/**
 * Months among `periods` whose fund data is complete: every county-level unit has ledger rows for it.
 * These are the months whose report an import completes (or corrects).
 */
export async function completeMonths(db: Db, periods: number[]): Promise<number[]> {
  if (!periods.length) return [];
  const codes = (await editionCodes(db)).slice(1);
  if (!codes.length) return [];
  const rows = await db.prisma.ledgerFact.groupBy({ by: ['period', 'regionCode'], where: { period: { in: periods }, regionCode: { in: codes } } });
  const count = new Map<number, number>();
  for (const r of rows) count.set(r.period, (count.get(r.period) ?? 0) + 1);
  return periods.filter((p) => count.get(p) === codes.length).sort((a, b) => a - b);
}

