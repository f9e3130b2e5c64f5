-- CreateTable
CREATE TABLE "UtilizationFlowRollup" (
    "insuredRegionCode" TEXT NOT NULL,
    "institutionRegionCode" TEXT NOT NULL,
    "schemeCode" TEXT NOT NULL,
    "visitType" TEXT NOT NULL,
    "period" INTEGER NOT NULL,
    "level" TEXT NOT NULL,
    "visits" INTEGER NOT NULL,
    "totalCost" REAL NOT NULL,
    "fundPaid" REAL NOT NULL,

    PRIMARY KEY ("insuredRegionCode", "institutionRegionCode", "schemeCode", "visitType", "period", "level")
);

-- CreateIndex
CREATE INDEX "UtilizationFlowRollup_period_idx" ON "UtilizationFlowRollup"("period");

