-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "DatasetMeta" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,

    CONSTRAINT "DatasetMeta_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "ImportBatch" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileHash" TEXT NOT NULL,
    "importedBy" TEXT NOT NULL,
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" TEXT NOT NULL,
    "rowsAccepted" INTEGER NOT NULL DEFAULT 0,
    "rowsRejected" INTEGER NOT NULL DEFAULT 0,
    "note" TEXT,
    "replacedById" INTEGER,

    CONSTRAINT "ImportBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RejectedRow" (
    "id" SERIAL NOT NULL,
    "batchId" INTEGER NOT NULL,
    "rowNumber" INTEGER NOT NULL,
    "field" TEXT,
    "reason" TEXT NOT NULL,
    "raw" TEXT NOT NULL,

    CONSTRAINT "RejectedRow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Region" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "parentCode" TEXT,
    "isLocalCode" BOOLEAN NOT NULL DEFAULT false,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Region_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Scheme" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Scheme_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Institution" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "ownership" TEXT NOT NULL DEFAULT 'PUBLIC',
    "agreementStatus" TEXT NOT NULL,
    "agreementStart" TEXT NOT NULL,
    "agreementEnd" TEXT,

    CONSTRAINT "Institution_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "PoolingMilestone" (
    "regionCode" TEXT NOT NULL,
    "schemeCode" TEXT NOT NULL,
    "effectivePeriod" INTEGER NOT NULL,
    "note" TEXT,

    CONSTRAINT "PoolingMilestone_pkey" PRIMARY KEY ("regionCode","schemeCode")
);

-- CreateTable
CREATE TABLE "UnificationStatus" (
    "regionCode" TEXT NOT NULL,
    "schemeCode" TEXT NOT NULL,
    "item" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "deadline" TEXT NOT NULL,
    "completedOn" TEXT,
    "note" TEXT,

    CONSTRAINT "UnificationStatus_pkey" PRIMARY KEY ("regionCode","schemeCode","item")
);

-- CreateTable
CREATE TABLE "PolicyStandard" (
    "year" INTEGER NOT NULL,
    "regionCode" TEXT NOT NULL,
    "schemeCode" TEXT NOT NULL,
    "item" TEXT NOT NULL,
    "amount" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "PolicyStandard_pkey" PRIMARY KEY ("year","regionCode","schemeCode","item")
);

-- CreateTable
CREATE TABLE "EnrollmentFact" (
    "id" SERIAL NOT NULL,
    "regionCode" TEXT NOT NULL,
    "schemeCode" TEXT NOT NULL,
    "period" INTEGER NOT NULL,
    "shouldEnroll" INTEGER NOT NULL,
    "enrolled" INTEGER NOT NULL,
    "povertyShouldEnroll" INTEGER NOT NULL DEFAULT 0,
    "subsidisedExtreme" INTEGER NOT NULL DEFAULT 0,
    "subsidisedMinLiving" INTEGER NOT NULL DEFAULT 0,
    "subsidisedMonitored" INTEGER NOT NULL DEFAULT 0,
    "subsidisedOther" INTEGER NOT NULL DEFAULT 0,
    "duplicates" INTEGER NOT NULL DEFAULT 0,
    "batchId" INTEGER NOT NULL,

    CONSTRAINT "EnrollmentFact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContributionFact" (
    "id" SERIAL NOT NULL,
    "regionCode" TEXT NOT NULL,
    "schemeCode" TEXT NOT NULL,
    "period" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "due" DOUBLE PRECISION NOT NULL,
    "collected" DOUBLE PRECISION NOT NULL,
    "batchId" INTEGER NOT NULL,

    CONSTRAINT "ContributionFact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BudgetVersion" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "docNo" TEXT NOT NULL,
    "approvedOn" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "batchId" INTEGER NOT NULL,

    CONSTRAINT "BudgetVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BudgetLine" (
    "id" SERIAL NOT NULL,
    "versionId" INTEGER NOT NULL,
    "regionCode" TEXT NOT NULL,
    "schemeCode" TEXT NOT NULL,
    "item" TEXT NOT NULL,
    "amount" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "BudgetLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LedgerFact" (
    "id" SERIAL NOT NULL,
    "regionCode" TEXT NOT NULL,
    "schemeCode" TEXT NOT NULL,
    "account" TEXT NOT NULL,
    "period" INTEGER NOT NULL,
    "item" TEXT NOT NULL,
    "amount" DOUBLE PRECISION NOT NULL,
    "batchId" INTEGER NOT NULL,

    CONSTRAINT "LedgerFact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BalanceFact" (
    "id" SERIAL NOT NULL,
    "regionCode" TEXT NOT NULL,
    "schemeCode" TEXT NOT NULL,
    "account" TEXT NOT NULL,
    "period" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "balance" DOUBLE PRECISION NOT NULL,
    "batchId" INTEGER NOT NULL,

    CONSTRAINT "BalanceFact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UtilizationFact" (
    "id" SERIAL NOT NULL,
    "insuredRegionCode" TEXT NOT NULL,
    "institutionCode" TEXT NOT NULL,
    "schemeCode" TEXT NOT NULL,
    "visitType" TEXT NOT NULL,
    "period" INTEGER NOT NULL,
    "visits" INTEGER NOT NULL,
    "totalCost" DOUBLE PRECISION NOT NULL,
    "policyCost" DOUBLE PRECISION NOT NULL,
    "fundPaid" DOUBLE PRECISION NOT NULL,
    "outOfPocket" DOUBLE PRECISION NOT NULL,
    "referralsUp" INTEGER NOT NULL DEFAULT 0,
    "referralsDown" INTEGER NOT NULL DEFAULT 0,
    "batchId" INTEGER NOT NULL,

    CONSTRAINT "UtilizationFact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UtilizationRollup" (
    "insuredRegionCode" TEXT NOT NULL,
    "schemeCode" TEXT NOT NULL,
    "visitType" TEXT NOT NULL,
    "period" INTEGER NOT NULL,
    "level" TEXT NOT NULL,
    "inCounty" BOOLEAN NOT NULL,
    "visits" INTEGER NOT NULL,
    "totalCost" DOUBLE PRECISION NOT NULL,
    "policyCost" DOUBLE PRECISION NOT NULL,
    "fundPaid" DOUBLE PRECISION NOT NULL,
    "outOfPocket" DOUBLE PRECISION NOT NULL,
    "referralsUp" INTEGER NOT NULL,
    "referralsDown" INTEGER NOT NULL,

    CONSTRAINT "UtilizationRollup_pkey" PRIMARY KEY ("insuredRegionCode","schemeCode","visitType","period","level","inCounty")
);

-- CreateTable
CREATE TABLE "FamilyDoctorFact" (
    "id" SERIAL NOT NULL,
    "regionCode" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "residents" INTEGER NOT NULL,
    "signed" INTEGER NOT NULL,
    "keyPopulation" INTEGER NOT NULL,
    "keySigned" INTEGER NOT NULL,
    "batchId" INTEGER NOT NULL,

    CONSTRAINT "FamilyDoctorFact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupervisionFact" (
    "id" SERIAL NOT NULL,
    "institutionCode" TEXT NOT NULL,
    "period" INTEGER NOT NULL,
    "inspections" INTEGER NOT NULL,
    "violations" INTEGER NOT NULL,
    "amountRefused" DOUBLE PRECISION NOT NULL,
    "amountRecovered" DOUBLE PRECISION NOT NULL,
    "interviews" INTEGER NOT NULL DEFAULT 0,
    "suspensions" INTEGER NOT NULL DEFAULT 0,
    "terminations" INTEGER NOT NULL DEFAULT 0,
    "batchId" INTEGER NOT NULL,

    CONSTRAINT "SupervisionFact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BenefitFact" (
    "id" SERIAL NOT NULL,
    "regionCode" TEXT NOT NULL,
    "schemeCode" TEXT NOT NULL,
    "period" INTEGER NOT NULL,
    "claimsSettled" INTEGER NOT NULL,
    "claimsOnTime" INTEGER NOT NULL,
    "policyRangeCost" DOUBLE PRECISION NOT NULL,
    "policyRangeFundPaid" DOUBLE PRECISION NOT NULL,
    "assistanceCases" INTEGER NOT NULL,
    "assistanceAmount" DOUBLE PRECISION NOT NULL,
    "batchId" INTEGER NOT NULL,

    CONSTRAINT "BenefitFact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RemittanceFact" (
    "id" SERIAL NOT NULL,
    "regionCode" TEXT NOT NULL,
    "schemeCode" TEXT NOT NULL,
    "period" INTEGER NOT NULL,
    "amount" DOUBLE PRECISION NOT NULL,
    "dueDate" TEXT NOT NULL,
    "paidDate" TEXT,
    "batchId" INTEGER NOT NULL,

    CONSTRAINT "RemittanceFact_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ImportBatch_fileHash_idx" ON "ImportBatch"("fileHash");

-- CreateIndex
CREATE INDEX "ImportBatch_kind_importedAt_idx" ON "ImportBatch"("kind", "importedAt");

-- CreateIndex
CREATE INDEX "RejectedRow_batchId_idx" ON "RejectedRow"("batchId");

-- CreateIndex
CREATE INDEX "Region_parentCode_idx" ON "Region"("parentCode");

-- CreateIndex
CREATE INDEX "Institution_regionCode_level_idx" ON "Institution"("regionCode", "level");

-- CreateIndex
CREATE INDEX "Institution_level_idx" ON "Institution"("level");

-- CreateIndex
CREATE INDEX "EnrollmentFact_period_idx" ON "EnrollmentFact"("period");

-- CreateIndex
CREATE INDEX "EnrollmentFact_batchId_idx" ON "EnrollmentFact"("batchId");

-- CreateIndex
CREATE UNIQUE INDEX "EnrollmentFact_regionCode_schemeCode_period_key" ON "EnrollmentFact"("regionCode", "schemeCode", "period");

-- CreateIndex
CREATE INDEX "ContributionFact_period_idx" ON "ContributionFact"("period");

-- CreateIndex
CREATE INDEX "ContributionFact_batchId_idx" ON "ContributionFact"("batchId");

-- CreateIndex
CREATE UNIQUE INDEX "ContributionFact_regionCode_schemeCode_period_source_key" ON "ContributionFact"("regionCode", "schemeCode", "period", "source");

-- CreateIndex
CREATE UNIQUE INDEX "BudgetVersion_year_seq_key" ON "BudgetVersion"("year", "seq");

-- CreateIndex
CREATE INDEX "BudgetLine_regionCode_schemeCode_idx" ON "BudgetLine"("regionCode", "schemeCode");

-- CreateIndex
CREATE UNIQUE INDEX "BudgetLine_versionId_regionCode_schemeCode_item_key" ON "BudgetLine"("versionId", "regionCode", "schemeCode", "item");

-- CreateIndex
CREATE INDEX "LedgerFact_period_idx" ON "LedgerFact"("period");

-- CreateIndex
CREATE INDEX "LedgerFact_batchId_idx" ON "LedgerFact"("batchId");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerFact_regionCode_schemeCode_account_period_item_key" ON "LedgerFact"("regionCode", "schemeCode", "account", "period", "item");

-- CreateIndex
CREATE INDEX "BalanceFact_period_idx" ON "BalanceFact"("period");

-- CreateIndex
CREATE UNIQUE INDEX "BalanceFact_regionCode_schemeCode_account_period_kind_key" ON "BalanceFact"("regionCode", "schemeCode", "account", "period", "kind");

-- CreateIndex
CREATE INDEX "UtilizationFact_period_idx" ON "UtilizationFact"("period");

-- CreateIndex
CREATE INDEX "UtilizationFact_institutionCode_period_idx" ON "UtilizationFact"("institutionCode", "period");

-- CreateIndex
CREATE INDEX "UtilizationFact_batchId_idx" ON "UtilizationFact"("batchId");

-- CreateIndex
CREATE UNIQUE INDEX "UtilizationFact_insuredRegionCode_institutionCode_schemeCod_key" ON "UtilizationFact"("insuredRegionCode", "institutionCode", "schemeCode", "visitType", "period");

-- CreateIndex
CREATE INDEX "UtilizationRollup_period_idx" ON "UtilizationRollup"("period");

-- CreateIndex
CREATE UNIQUE INDEX "FamilyDoctorFact_regionCode_year_key" ON "FamilyDoctorFact"("regionCode", "year");

-- CreateIndex
CREATE INDEX "SupervisionFact_period_idx" ON "SupervisionFact"("period");

-- CreateIndex
CREATE UNIQUE INDEX "SupervisionFact_institutionCode_period_key" ON "SupervisionFact"("institutionCode", "period");

-- CreateIndex
CREATE INDEX "BenefitFact_period_idx" ON "BenefitFact"("period");

-- CreateIndex
CREATE UNIQUE INDEX "BenefitFact_regionCode_schemeCode_period_key" ON "BenefitFact"("regionCode", "schemeCode", "period");

-- CreateIndex
CREATE INDEX "RemittanceFact_period_idx" ON "RemittanceFact"("period");

-- CreateIndex
CREATE UNIQUE INDEX "RemittanceFact_regionCode_schemeCode_period_key" ON "RemittanceFact"("regionCode", "schemeCode", "period");

-- AddForeignKey
ALTER TABLE "RejectedRow" ADD CONSTRAINT "RejectedRow_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "ImportBatch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetLine" ADD CONSTRAINT "BudgetLine_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "BudgetVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

