// The co-location checker on hand-written statements: it must pass what Citus routes to one shard or
// pushes down, and catch what it cannot (the negative cases prove the database test can fail).
import { beforeAll, describe, expect, it } from 'vitest';
import { checkStatement, loadSqlParser } from './distribution';

const DIST = { LedgerFact: 'regionCode', BalanceFact: 'regionCode', UtilizationFact: 'insuredRegionCode', UtilizationRollup: 'insuredRegionCode' };
const kinds = (sql: string) => checkStatement(sql, DIST).map((f) => `${f.kind}:${f.table}`);

describe('checkStatement', () => {
  beforeAll(loadSqlParser);

  it('passes a region predicate (=, IN, ANY, with casts) and a GROUP BY on the region column', () => {
    expect(kinds(`SELECT SUM("public"."LedgerFact"."amount") FROM "public"."LedgerFact" WHERE ("public"."LedgerFact"."regionCode" = $1 AND "public"."LedgerFact"."period" >= $2)`)).toEqual([]);
    expect(kinds(`SELECT * FROM "LedgerFact" WHERE "regionCode" IN ($1, $2) AND "period" = 202401`)).toEqual([]);
    expect(kinds(`SELECT * FROM "LedgerFact" WHERE "regionCode" = ANY($1::text[])`)).toEqual([]);
    expect(kinds(`SELECT "regionCode", SUM("amount") FROM "LedgerFact" WHERE "period" BETWEEN $1 AND $2 GROUP BY "regionCode", "period"`)).toEqual([]);
  });

  it('passes a fact joined with a reference table, and two facts joined on their region columns', () => {
    expect(kinds(`SELECT i."level", SUM(u."visits") FROM "UtilizationFact" u JOIN "Institution" i ON i."code" = u."institutionCode" WHERE u."insuredRegionCode" = $1 GROUP BY i."level"`)).toEqual([]);
    expect(kinds(`SELECT l."period" FROM "LedgerFact" l JOIN "BalanceFact" b ON b."regionCode" = l."regionCode" AND b."period" = l."period" WHERE l."regionCode" = $1`)).toEqual([]);
    // the equality may sit in WHERE; a pin on one side carries over it to the other
    expect(kinds(`SELECT 1 FROM "LedgerFact" l, "BalanceFact" b WHERE b."regionCode" = l."regionCode" AND l."regionCode" = 'x'`)).toEqual([]);
  });

  it('reports a multi-shard read: no region predicate, a region inequality, or an OR', () => {
    expect(kinds(`SELECT MAX("period") FROM "LedgerFact"`)).toEqual(['no-region-key:LedgerFact']);
    expect(kinds(`SELECT SUM("amount") FROM "LedgerFact" WHERE "regionCode" <> $1`)).toEqual(['no-region-key:LedgerFact']);
    expect(kinds(`SELECT 1 FROM "LedgerFact" WHERE "regionCode" = $1 OR "period" = 2`)).toEqual(['no-region-key:LedgerFact']);
    expect(kinds(`SELECT "period", SUM("amount") FROM "LedgerFact" GROUP BY "period"`)).toEqual(['no-region-key:LedgerFact']);
  });

  it('catches a fact-to-fact join without region equality (negative case of the database test)', () => {
    const sql = `SELECT u."period", SUM(l."amount") FROM "UtilizationFact" u JOIN "LedgerFact" l ON l."period" = u."period"
      WHERE u."insuredRegionCode" = $1 AND l."regionCode" = $2 GROUP BY u."period"`;
    expect(kinds(sql)).toEqual(['join-without-region:LedgerFact']);
    // joined on the region column of one side and another column of the other: still not co-located
    expect(kinds(`SELECT 1 FROM "UtilizationFact" u JOIN "LedgerFact" l ON l."regionCode" = u."institutionCode" WHERE u."insuredRegionCode" = 'a' AND l."regionCode" = 'a'`))
      .toEqual(['join-without-region:LedgerFact']);
  });

  it('looks into subqueries, CTEs and UNION branches', () => {
    expect(kinds(`SELECT * FROM (SELECT MAX("period") FROM "LedgerFact") t`)).toEqual(['no-region-key:LedgerFact']);
    expect(kinds(`WITH x AS (SELECT * FROM "BalanceFact") SELECT * FROM x`)).toEqual(['no-region-key:BalanceFact']);
    expect(kinds(`SELECT 1 FROM "LedgerFact" WHERE "regionCode" = 'a' UNION ALL SELECT 1 FROM "BalanceFact"`)).toEqual(['no-region-key:BalanceFact']);
    expect(kinds(`SELECT * FROM "Region" WHERE "code" IN (SELECT "regionCode" FROM "LedgerFact")`)).toEqual(['no-region-key:LedgerFact']);
  });

  it('checks DELETE/UPDATE predicates, and INSERT … SELECT co-location', () => {
    expect(kinds(`DELETE FROM "UtilizationFact" WHERE "period" = $1 AND "insuredRegionCode" = $2`)).toEqual([]);
    expect(kinds(`DELETE FROM "UtilizationRollup" WHERE "period" BETWEEN $1 AND $2`)).toEqual(['no-region-key:UtilizationRollup']);
    expect(kinds(`UPDATE "LedgerFact" SET "amount" = 0 WHERE "batchId" = $1`)).toEqual(['no-region-key:LedgerFact']);
    expect(kinds(`INSERT INTO "UtilizationRollup" ("insuredRegionCode", "visits") SELECT u."insuredRegionCode", SUM(u."visits") FROM "UtilizationFact" u GROUP BY u."insuredRegionCode"`)).toEqual([]);
    expect(kinds(`INSERT INTO "UtilizationRollup" ("visits", "insuredRegionCode") SELECT SUM(u."visits"), u."institutionCode" FROM "UtilizationFact" u GROUP BY u."insuredRegionCode", u."institutionCode"`))
      .toEqual(['insert-select-not-colocated:UtilizationRollup']);
    // rows from a staging table are routed one by one; VALUES likewise
    expect(kinds(`INSERT INTO "UtilizationFact" ("insuredRegionCode") SELECT "r" FROM "tmp_stage" WHERE true ON CONFLICT DO NOTHING`)).toEqual([]);
    expect(kinds(`INSERT INTO "LedgerFact" ("regionCode", "amount") VALUES ($1, $2), ($3, $4)`)).toEqual([]);
  });

  it('ignores statements that touch no distributed table and non-DML statements', () => {
    expect(kinds(`SELECT * FROM "Region" WHERE "parentCode" IS NULL`)).toEqual([]);
    expect(kinds(`BEGIN; SELECT pg_advisory_xact_lock(1); COMMIT`)).toEqual([]);
  });
});
