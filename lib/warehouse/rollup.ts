// Derived facts. Dashboards read UtilizationRollup, never the institution-grain UtilizationFact:
// insured region × scheme × visit type × month × institution level × inside/outside the county.
//
// Region codes change (撤县设市/区, merges: Region.successorCode from Region.successorFrom): settlements
// and institutions still booked under the old code roll up to the successor for the months from the
// change on, so the county stays one county and an institution of the old code is still in-county.
import type { BulkWriter } from '../db/bulk';
import type { Db } from '../db';

/** The region a code counts as in month `period` (SQL): its successor from the change on, else itself. */
const effective = (alias: string, code: string, period: string) =>
  `(CASE WHEN ${alias}."successorCode" IS NOT NULL AND ${period} >= ${alias}."successorFrom" THEN ${alias}."successorCode" ELSE ${code} END)`;
const INSURED = effective('ri', 'u."insuredRegionCode"', 'u."period"');
const INST_REGION = effective('rn', 'i."regionCode"', 'u."period"');
const JOINS = `JOIN "Institution" i ON i."code" = u."institutionCode"
       LEFT JOIN "Region" ri ON ri."code" = u."insuredRegionCode"
       LEFT JOIN "Region" rn ON rn."code" = i."regionCode"`;

/**
 * Rebuilds the rollups for [fromPeriod, toPeriod] (YYYYMM, inclusive) inside the writer's transaction:
 * UtilizationRollup and, in the same call, UtilizationFlowRollup (so every caller keeps both in step).
 * Returns the number of UtilizationRollup rows written.
 */
export async function refreshUtilizationRollup(w: BulkWriter, fromPeriod: number, toPeriod: number): Promise<number> {
  await w.exec('DELETE FROM "UtilizationRollup" WHERE "period" BETWEEN ? AND ?', [fromPeriod, toPeriod]);
  // The comparison yields 0/1 in SQLite and a boolean in PostgreSQL: both what the column expects.
  const rows = await w.exec(
    `INSERT INTO "UtilizationRollup" ("insuredRegionCode","schemeCode","visitType","period","level","inCounty",
        "visits","totalCost","policyCost","fundPaid","outOfPocket","referralsUp","referralsDown")
     SELECT ${INSURED}, u."schemeCode", u."visitType", u."period", i."level",
            (${INST_REGION} = ${INSURED}),
            SUM(u."visits"), SUM(u."totalCost"), SUM(u."policyCost"), SUM(u."fundPaid"), SUM(u."outOfPocket"),
            SUM(u."referralsUp"), SUM(u."referralsDown")
       FROM "UtilizationFact" u ${JOINS}
      WHERE u."period" BETWEEN ? AND ?
      GROUP BY ${INSURED}, u."schemeCode", u."visitType", u."period", i."level", (${INST_REGION} = ${INSURED})`,
    [fromPeriod, toPeriod],
  );
  await refreshUtilizationFlowRollup(w, fromPeriod, toPeriod);
  return rows;
}

/**
 * Patient flows: insured region × the institution's own region × level × scheme × visit type × month
 * (分级诊疗 患者流向 needs to know WHICH other county treated a county's insured, which the inCounty flag
 * of UtilizationRollup does not say). Called by refreshUtilizationRollup; returns the rows written.
 */
export async function refreshUtilizationFlowRollup(w: BulkWriter, fromPeriod: number, toPeriod: number): Promise<number> {
  await w.exec('DELETE FROM "UtilizationFlowRollup" WHERE "period" BETWEEN ? AND ?', [fromPeriod, toPeriod]);
  return w.exec(
    `INSERT INTO "UtilizationFlowRollup" ("insuredRegionCode","institutionRegionCode","schemeCode","visitType","period","level",
        "visits","totalCost","fundPaid")
     SELECT ${INSURED}, ${INST_REGION}, u."schemeCode", u."visitType", u."period", i."level",
            SUM(u."visits"), SUM(u."totalCost"), SUM(u."fundPaid")
       FROM "UtilizationFact" u ${JOINS}
      WHERE u."period" BETWEEN ? AND ?
      GROUP BY ${INSURED}, ${INST_REGION}, u."schemeCode", u."visitType", u."period", i."level"`,
    [fromPeriod, toPeriod],
  );
}

/** Import kinds whose load can rebuild rollup months (settlements; institution level/region and region succession changes). */
export const ROLLUP_KINDS: readonly string[] = ['SETTLEMENT', 'INSTITUTION', 'REGION'];

/**
 * After a commit that rebuilt rollup months: on PostgreSQL, ANALYZE and VACUUM both rollup tables, so the
 * planner sees the new row counts and the rewritten months are all-visible again (index-only scans of
 * UtilizationRollup_scheme_period_cover_idx need the visibility map; until autovacuum comes round they read
 * the heap instead). SQLite has no visibility map and needs nothing. Runs outside a transaction (VACUUM
 * refuses one), on one connection. Returns the milliseconds spent (0 on SQLite).
 *
 * Why ANALYZE first, with synchronous_commit on: VACUUM marks a page all-visible only once its rows' commit
 * is flushed to the WAL, and under synchronous_commit = off (a common setting for a bulk-loading warehouse)
 * the import's commit may not be yet; ANALYZE's own synchronous commit flushes the WAL up to and past it.
 */
export async function maintainRollups(db: Db): Promise<number> {
  if (db.provider !== 'postgres' || !db.pgPool) return 0;
  const t0 = Date.now();
  const c = await db.pgPool.connect();
  try {
    await c.query('SET synchronous_commit = on');
    await c.query('ANALYZE "UtilizationRollup", "UtilizationFlowRollup"');
    await c.query('VACUUM "UtilizationRollup", "UtilizationFlowRollup"');
    await c.query('RESET synchronous_commit');
  } finally {
    c.release();
  }
  return Date.now() - t0;
}
