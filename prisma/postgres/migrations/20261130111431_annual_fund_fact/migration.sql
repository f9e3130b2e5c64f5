-- CreateTable
CREATE TABLE "AnnualFundFact" (
    "id" SERIAL NOT NULL,
    "regionCode" TEXT NOT NULL,
    "schemeCode" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "income" DOUBLE PRECISION NOT NULL,
    "expense" DOUBLE PRECISION NOT NULL,
    "balance" DOUBLE PRECISION,
    "sourceName" TEXT,
    "batchId" INTEGER NOT NULL,

    CONSTRAINT "AnnualFundFact_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AnnualFundFact_year_idx" ON "AnnualFundFact"("year");

-- CreateIndex
CREATE INDEX "AnnualFundFact_batchId_idx" ON "AnnualFundFact"("batchId");

-- CreateIndex
CREATE UNIQUE INDEX "AnnualFundFact_regionCode_schemeCode_year_key" ON "AnnualFundFact"("regionCode", "schemeCode", "year");

