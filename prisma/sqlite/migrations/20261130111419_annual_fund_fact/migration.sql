-- CreateTable
CREATE TABLE "AnnualFundFact" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "regionCode" TEXT NOT NULL,
    "schemeCode" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "income" REAL NOT NULL,
    "expense" REAL NOT NULL,
    "balance" REAL,
    "sourceName" TEXT,
    "batchId" INTEGER NOT NULL
);

-- CreateIndex
CREATE INDEX "AnnualFundFact_year_idx" ON "AnnualFundFact"("year");

-- CreateIndex
CREATE INDEX "AnnualFundFact_batchId_idx" ON "AnnualFundFact"("batchId");

-- CreateIndex
CREATE UNIQUE INDEX "AnnualFundFact_regionCode_schemeCode_year_key" ON "AnnualFundFact"("regionCode", "schemeCode", "year");

