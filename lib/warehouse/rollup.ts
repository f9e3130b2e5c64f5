// Derived facts. Dashboards read UtilizationRollup, never the institution-grain UtilizationFact:
// insured region × scheme × visit type × month × institution level × inside/outside the county.
import type { BulkWriter } from '../db/bulk';

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
     SELECT u."insuredRegionCode", u."schemeCode", u."visitType", u."period", i."level",
            (i."regionCode" = u."insuredRegionCode"),
            SUM(u."visits"), SUM(u."totalCost"), SUM(u."policyCost"), SUM(u."fundPaid"), SUM(u."outOfPocket"),
            SUM(u."referralsUp"), SUM(u."referralsDown")
       FROM "UtilizationFact" u JOIN "Institution" i ON i."code" = u."institutionCode"
      WHERE u."period" BETWEEN ? AND ?
      GROUP BY u."insuredRegionCode", u."schemeCode", u."visitType", u."period", i."level", (i."regionCode" = u."insuredRegionCode")`,
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
     SELECT u."insuredRegionCode", i."regionCode", u."schemeCode", u."visitType", u."period", i."level",
            SUM(u."visits"), SUM(u."totalCost"), SUM(u."fundPaid")
       FROM "UtilizationFact" u JOIN "Institution" i ON i."code" = u."institutionCode"
      WHERE u."period" BETWEEN ? AND ?
      GROUP BY u."insuredRegionCode", i."regionCode", u."schemeCode", u."visitType", u."period", i."level"`,
    [fromPeriod, toPeriod],
  );
}
