// Derived facts. Dashboards read UtilizationRollup, never the institution-grain UtilizationFact:
// insured region × scheme × visit type × month × institution level × inside/outside the county.
import type { BulkWriter } from '../db/bulk';

/** Rebuilds the rollup for [fromPeriod, toPeriod] (YYYYMM, inclusive) inside the writer's transaction. */
export async function refreshUtilizationRollup(w: BulkWriter, fromPeriod: number, toPeriod: number): Promise<number> {
  await w.exec('DELETE FROM "UtilizationRollup" WHERE "period" BETWEEN ? AND ?', [fromPeriod, toPeriod]);
  // The comparison yields 0/1 in SQLite and a boolean in PostgreSQL: both what the column expects.
  return w.exec(
    `INSERT INTO "UtilizationRollup" ("insuredRegionCode","schemeCode","visitType","period","level","inCounty",
        "visits","totalCost","policyCost","fundPaid","outOfPocket","referralsUp","referralsDown")
     SELECT u."insuredRegionCode", u."schemeCode", u."visitType", u."period", i."level",
            (i."regionCode" = u."insuredRegionCode"),
            SUM(u."visits"), SUM(u."totalCost"), SUM(u."policyCost"), SUM(u."fundPaid"), SUM(u."outOfPocket"),
            SUM(u."referralsUp"), SUM(u."referralsDown")
       FROM "UtilizationFact" u JOIN "Institution" i ON i."code" = u."institutionCode"
      WHERE u."period" BETWEEN ? AND ?
      GROUP BY u."insuredRegionCode", u."schemeCode", u."visitType", u."period", i."level", (i."regionCode" = u."insuredRegionCode")`,
    [fromPeriod, toPeriod],
  );
}
