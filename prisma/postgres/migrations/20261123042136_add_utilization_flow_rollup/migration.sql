-- CreateTable
CREATE TABLE "UtilizationFlowRollup" (
    "insuredRegionCode" TEXT NOT NULL,
    "institutionRegionCode" TEXT NOT NULL,
    "schemeCode" TEXT NOT NULL,
    "visitType" TEXT NOT NULL,
    "period" INTEGER NOT NULL,
    "level" TEXT NOT NULL,
    "visits" INTEGER NOT NULL,
    "totalCost" DOUBLE PRECISION NOT NULL,
    "fundPaid" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "UtilizationFlowRollup_pkey" PRIMARY KEY ("insuredRegionCode","institutionRegionCode","schemeCode","visitType","period","level")
);

-- CreateIndex
CREATE INDEX "UtilizationFlowRollup_period_idx" ON "UtilizationFlowRollup"("period");

