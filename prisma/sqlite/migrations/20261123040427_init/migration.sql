-- CreateTable
CREATE TABLE "DatasetMeta" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "ImportBatch" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileHash" TEXT NOT NULL,
    "importedBy" TEXT NOT NULL,
    "importedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" TEXT NOT NULL,
    "rowsAccepted" INTEGER NOT NULL DEFAULT 0,
    "rowsRejected" INTEGER NOT NULL DEFAULT 0,
    "note" TEXT,
    "replacedById" INTEGER
);

-- CreateTable
CREATE TABLE "RejectedRow" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "batchId" INTEGER NOT NULL,
    "rowNumber" INTEGER NOT NULL,
    "field" TEXT,
    "reason" TEXT NOT NULL,
    "raw" TEXT NOT NULL,
    CONSTRAINT "RejectedRow_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "ImportBatch" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Region" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "shortName" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "parentCode" TEXT,
    "isLocalCode" BOOLEAN NOT NULL DEFAULT false,
    "sortOrder" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "Scheme" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "Institution" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "ownership" TEXT NOT NULL DEFAULT 'PUBLIC',
    "agreementStatus" TEXT NOT NULL,
    "agreementStart" TEXT NOT NULL,
    "agreementEnd" TEXT
);

-- CreateTable
CREATE TABLE "PoolingMilestone" (
    "regionCode" TEXT NOT NULL,
    "schemeCode" TEXT NOT NULL,
    "effectivePeriod" INTEGER NOT NULL,
    "note" TEXT,

    PRIMARY KEY ("regionCode", "schemeCode")
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

    PRIMARY KEY ("regionCode", "schemeCode", "item")
);

-- CreateTable
CREATE TABLE "PolicyStandard" (
    "year" INTEGER NOT NULL,
    "regionCode" TEXT NOT NULL,
    "schemeCode" TEXT NOT NULL,
    "item" TEXT NOT NULL,
    "amount" REAL NOT NULL,

    PRIMARY KEY ("year", "regionCode", "schemeCode", "item")
);

-- CreateTable
CREATE TABLE "EnrollmentFact" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
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
    "batchId" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "ContributionFact" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "regionCode" TEXT NOT NULL,
    "schemeCode" TEXT NOT NULL,
    "period" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "due" REAL NOT NULL,
    "collected" REAL NOT NULL,
    "batchId" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "BudgetVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "year" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "docNo" TEXT NOT NULL,
    "approvedOn" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "batchId" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "BudgetLine" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "versionId" INTEGER NOT NULL,
    "regionCode" TEXT NOT NULL,
    "schemeCode" TEXT NOT NULL,
    "item" TEXT NOT NULL,
    "amount" REAL NOT NULL,
    CONSTRAINT "BudgetLine_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "BudgetVersion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LedgerFact" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "regionCode" TEXT NOT NULL,
    "schemeCode" TEXT NOT NULL,
    "account" TEXT NOT NULL,
    "period" INTEGER NOT NULL,
    "item" TEXT NOT NULL,
    "amount" REAL NOT NULL,
    "batchId" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "BalanceFact" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "regionCode" TEXT NOT NULL,
    "schemeCode" TEXT NOT NULL,
    "account" TEXT NOT NULL,
    "period" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "balance" REAL NOT NULL,
    "batchId" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "UtilizationFact" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "insuredRegionCode" TEXT NOT NULL,
    "institutionCode" TEXT NOT NULL,
    "schemeCode" TEXT NOT NULL,
    "visitType" TEXT NOT NULL,
    "period" INTEGER NOT NULL,
    "visits" INTEGER NOT NULL,
    "totalCost" REAL NOT NULL,
    "policyCost" REAL NOT NULL,
    "fundPaid" REAL NOT NULL,
    "outOfPocket" REAL NOT NULL,
    "referralsUp" INTEGER NOT NULL DEFAULT 0,
    "referralsDown" INTEGER NOT NULL DEFAULT 0,
    "batchId" INTEGER NOT NULL
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
    "totalCost" REAL NOT NULL,
    "policyCost" REAL NOT NULL,
    "fundPaid" REAL NOT NULL,
    "outOfPocket" REAL NOT NULL,
    "referralsUp" INTEGER NOT NULL,
    "referralsDown" INTEGER NOT NULL,

    PRIMARY KEY ("insuredRegionCode", "schemeCode", "visitType", "period", "level", "inCounty")
);

-- CreateTable
CREATE TABLE "FamilyDoctorFact" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "regionCode" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "residents" INTEGER NOT NULL,
    "signed" INTEGER NOT NULL,
    "keyPopulation" INTEGER NOT NULL,
    "keySigned" INTEGER NOT NULL,
    "batchId" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "SupervisionFact" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "institutionCode" TEXT NOT NULL,
    "period" INTEGER NOT NULL,
    "inspections" INTEGER NOT NULL,
    "violations" INTEGER NOT NULL,
    "amountRefused" REAL NOT NULL,
    "amountRecovered" REAL NOT NULL,
    "interviews" INTEGER NOT NULL DEFAULT 0,
    "suspensions" INTEGER NOT NULL DEFAULT 0,
    "terminations" INTEGER NOT NULL DEFAULT 0,
    "batchId" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "BenefitFact" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "regionCode" TEXT NOT NULL,
    "schemeCode" TEXT NOT NULL,
    "period" INTEGER NOT NULL,
    "claimsSettled" INTEGER NOT NULL,
    "claimsOnTime" INTEGER NOT NULL,
    "policyRangeCost" REAL NOT NULL,
    "policyRangeFundPaid" REAL NOT NULL,
    "assistanceCases" INTEGER NOT NULL,
    "assistanceAmount" REAL NOT NULL,
    "batchId" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "RemittanceFact" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "regionCode" TEXT NOT NULL,
    "schemeCode" TEXT NOT NULL,
    "period" INTEGER NOT NULL,
    "amount" REAL NOT NULL,
    "dueDate" TEXT NOT NULL,
    "paidDate" TEXT,
    "batchId" INTEGER NOT NULL
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
CREATE UNIQUE INDEX "UtilizationFact_insuredRegionCode_institutionCode_schemeCode_visitType_period_key" ON "UtilizationFact"("insuredRegionCode", "institutionCode", "schemeCode", "visitType", "period");

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

