-- The warehouse on Citus (distributed PostgreSQL): see prisma/SCALE-OUT.md for the reasoning.
--
-- Run once on the coordinator, in one transaction, after `prisma migrate deploy` has created the schema
-- (prisma/postgres/migrations) and BEFORE the first import: distributing empty tables is instant,
-- distributing loaded ones copies every row. Prerequisites, done by the operator:
--   CREATE EXTENSION citus;                                   -- on the coordinator and every worker
--   SELECT citus_set_coordinator_host('<coordinator host>');  -- needed by citus_add_local_table_to_metadata
--   SELECT citus_add_node('<worker host>', 5432);             -- once per worker
-- Later migrations keep working: ALTER TABLE / CREATE INDEX on distributed and reference tables propagate
-- to the shards. A NEW model must be added to this script (lib/db/citusScript.test.ts fails until it is).
--
-- Every table of the schema appears exactly once below, as one of:
--   create_distributed_table  fact tables, rollups and settlement key sets, by their region column, co-located
--   create_reference_table    dimensions and policy tables: small, read by every shard, replicated to all nodes
--   citus_add_local_table_to_metadata   tables that stay on the coordinator (the application's own records)

BEGIN;

-- ~330 cities × ~9 county-level units ≈ 3,000 region codes; 128 shards keep each shard near 25 codes and
-- leave room to rebalance onto more workers without re-sharding.
SET LOCAL citus.shard_count = 128;
-- Foreign keys to reference tables are created in this same transaction (BudgetLine → BudgetVersion):
-- Citus needs the transaction's shard commands run one connection per node for that.
SET LOCAL citus.multi_shard_modify_mode TO 'sequential';

-- ───────────── key changes: a primary key or unique constraint of a distributed table must contain the
-- distribution column (Citus can only enforce uniqueness inside one shard). The surrogate ids become
-- (region, id); every natural unique key of these tables already starts with the region column.
ALTER TABLE "EnrollmentFact"   DROP CONSTRAINT "EnrollmentFact_pkey",   ADD CONSTRAINT "EnrollmentFact_pkey"   PRIMARY KEY ("regionCode", "id");
ALTER TABLE "ContributionFact" DROP CONSTRAINT "ContributionFact_pkey", ADD CONSTRAINT "ContributionFact_pkey" PRIMARY KEY ("regionCode", "id");
ALTER TABLE "BudgetLine"       DROP CONSTRAINT "BudgetLine_pkey",       ADD CONSTRAINT "BudgetLine_pkey"       PRIMARY KEY ("regionCode", "id");
ALTER TABLE "LedgerFact"       DROP CONSTRAINT "LedgerFact_pkey",       ADD CONSTRAINT "LedgerFact_pkey"       PRIMARY KEY ("regionCode", "id");
ALTER TABLE "BalanceFact"      DROP CONSTRAINT "BalanceFact_pkey",      ADD CONSTRAINT "BalanceFact_pkey"      PRIMARY KEY ("regionCode", "id");
ALTER TABLE "UtilizationFact"  DROP CONSTRAINT "UtilizationFact_pkey",  ADD CONSTRAINT "UtilizationFact_pkey"  PRIMARY KEY ("insuredRegionCode", "id");
ALTER TABLE "FamilyDoctorFact" DROP CONSTRAINT "FamilyDoctorFact_pkey", ADD CONSTRAINT "FamilyDoctorFact_pkey" PRIMARY KEY ("regionCode", "id");
ALTER TABLE "BenefitFact"      DROP CONSTRAINT "BenefitFact_pkey",      ADD CONSTRAINT "BenefitFact_pkey"      PRIMARY KEY ("regionCode", "id");
ALTER TABLE "RemittanceFact"   DROP CONSTRAINT "RemittanceFact_pkey",   ADD CONSTRAINT "RemittanceFact_pkey"   PRIMARY KEY ("regionCode", "id");
ALTER TABLE "SettlementKeySet" DROP CONSTRAINT "SettlementKeySet_pkey", ADD CONSTRAINT "SettlementKeySet_pkey" PRIMARY KEY ("regionCode", "id");
ALTER TABLE "AnnualFundFact"   DROP CONSTRAINT "AnnualFundFact_pkey",   ADD CONSTRAINT "AnnualFundFact_pkey"   PRIMARY KEY ("regionCode", "id");
-- 定点管理 facts carry the institution, not a region: distributed by institution (own colocation group).
ALTER TABLE "SupervisionFact"  DROP CONSTRAINT "SupervisionFact_pkey",  ADD CONSTRAINT "SupervisionFact_pkey"  PRIMARY KEY ("institutionCode", "id");

-- ───────────── reference tables (dimensions, policy and code tables, budget version headers)
SELECT create_reference_table('"Region"');
SELECT create_reference_table('"Scheme"');
SELECT create_reference_table('"Institution"');
SELECT create_reference_table('"PoolingMilestone"');
SELECT create_reference_table('"UnificationStatus"');
SELECT create_reference_table('"PolicyStandard"');
-- A budget version is a header (year, seq, 文号); its lines are distributed and reference it by id.
SELECT create_reference_table('"BudgetVersion"');

-- ───────────── distributed, co-located by region code (one colocation group: text key, 128 shards)
SELECT create_distributed_table('"EnrollmentFact"', 'regionCode', colocate_with => 'none');
SELECT create_distributed_table('"ContributionFact"', 'regionCode', colocate_with => '"EnrollmentFact"');
SELECT create_distributed_table('"BudgetLine"', 'regionCode', colocate_with => '"EnrollmentFact"');
SELECT create_distributed_table('"LedgerFact"', 'regionCode', colocate_with => '"EnrollmentFact"');
SELECT create_distributed_table('"BalanceFact"', 'regionCode', colocate_with => '"EnrollmentFact"');
SELECT create_distributed_table('"FamilyDoctorFact"', 'regionCode', colocate_with => '"EnrollmentFact"');
SELECT create_distributed_table('"BenefitFact"', 'regionCode', colocate_with => '"EnrollmentFact"');
SELECT create_distributed_table('"RemittanceFact"', 'regionCode', colocate_with => '"EnrollmentFact"');
-- annual figures (a statistical bulletin's 收入/支出/累计结余 per region, scheme and year), at any level
SELECT create_distributed_table('"AnnualFundFact"', 'regionCode', colocate_with => '"EnrollmentFact"');
-- utilization: by the INSURED person's region (the county whose fund pays and whose residents are counted)
SELECT create_distributed_table('"UtilizationFact"', 'insuredRegionCode', colocate_with => '"EnrollmentFact"');
SELECT create_distributed_table('"UtilizationRollup"', 'insuredRegionCode', colocate_with => '"EnrollmentFact"');
SELECT create_distributed_table('"UtilizationFlowRollup"', 'insuredRegionCode', colocate_with => '"EnrollmentFact"');
-- de-duplication key sets live beside the utilization rows they guard (same region, same shard)
SELECT create_distributed_table('"SettlementKeySet"', 'regionCode', colocate_with => '"EnrollmentFact"');

-- ───────────── distributed by institution, not co-located with the region facts (never joined with them in SQL)
SELECT create_distributed_table('"SupervisionFact"', 'institutionCode', colocate_with => 'none');

-- ───────────── coordinator-local (Citus local tables: they may join reference tables; never sharded)
-- lineage and import bookkeeping: written by the importer on the coordinator, read by /admin
SELECT citus_add_local_table_to_metadata('"DatasetMeta"');
SELECT citus_add_local_table_to_metadata('"ImportBatch"');
SELECT citus_add_local_table_to_metadata('"ImportReplacement"');
SELECT citus_add_local_table_to_metadata('"RejectedRow"');
-- risk warnings and their handling, releases, assessment scheme versions, monthly report archive
SELECT citus_add_local_table_to_metadata('"RiskRuleVersion"');
SELECT citus_add_local_table_to_metadata('"RiskEvaluation"');
SELECT citus_add_local_table_to_metadata('"RiskWarning"');
SELECT citus_add_local_table_to_metadata('"RiskWarningEvent"');
SELECT citus_add_local_table_to_metadata('"Release"');
SELECT citus_add_local_table_to_metadata('"AssessmentSchemeVersion"');
SELECT citus_add_local_table_to_metadata('"ReportVersion"');
SELECT citus_add_local_table_to_metadata('"ReportJob"');
-- accounts, sessions and the audit trail
SELECT citus_add_local_table_to_metadata('"User"');
SELECT citus_add_local_table_to_metadata('"Session"');
SELECT citus_add_local_table_to_metadata('"Account"');
SELECT citus_add_local_table_to_metadata('"Verification"');
SELECT citus_add_local_table_to_metadata('"AuditEvent"');

COMMIT;
