-- AlterTable
ALTER TABLE "ImportBatch" ADD COLUMN     "durationMs" INTEGER,
ADD COLUMN     "encoding" TEXT,
ADD COLUMN     "fileBytes" DOUBLE PRECISION,
ADD COLUMN     "format" TEXT,
ADD COLUMN     "mode" TEXT NOT NULL DEFAULT 'APPEND',
ADD COLUMN     "periodFrom" INTEGER,
ADD COLUMN     "periodTo" INTEGER,
ADD COLUMN     "report" TEXT,
ADD COLUMN     "rowsSkipped" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "ImportReplacement" (
    "id" SERIAL NOT NULL,
    "batchId" INTEGER NOT NULL,
    "replacedBatchId" INTEGER NOT NULL,
    "scopeKey" TEXT NOT NULL,
    "scopeLabel" TEXT NOT NULL,
    "rows" INTEGER NOT NULL,

    CONSTRAINT "ImportReplacement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SettlementKeySet" (
    "id" SERIAL NOT NULL,
    "batchId" INTEGER NOT NULL,
    "period" INTEGER NOT NULL,
    "regionCode" TEXT NOT NULL,
    "schemeCode" TEXT NOT NULL,
    "keyCount" INTEGER NOT NULL,
    "keys" BYTEA NOT NULL,

    CONSTRAINT "SettlementKeySet_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ImportReplacement_batchId_idx" ON "ImportReplacement"("batchId");

-- CreateIndex
CREATE INDEX "ImportReplacement_replacedBatchId_idx" ON "ImportReplacement"("replacedBatchId");

-- CreateIndex
CREATE INDEX "SettlementKeySet_period_regionCode_schemeCode_idx" ON "SettlementKeySet"("period", "regionCode", "schemeCode");

-- CreateIndex
CREATE INDEX "SettlementKeySet_batchId_idx" ON "SettlementKeySet"("batchId");

