-- CreateTable
CREATE TABLE "ImportReplacement" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "batchId" INTEGER NOT NULL,
    "replacedBatchId" INTEGER NOT NULL,
    "scopeKey" TEXT NOT NULL,
    "scopeLabel" TEXT NOT NULL,
    "rows" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "SettlementKeySet" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "batchId" INTEGER NOT NULL,
    "period" INTEGER NOT NULL,
    "regionCode" TEXT NOT NULL,
    "schemeCode" TEXT NOT NULL,
    "keyCount" INTEGER NOT NULL,
    "keys" BLOB NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ImportBatch" (
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
    "replacedById" INTEGER,
    "mode" TEXT NOT NULL DEFAULT 'APPEND',
    "format" TEXT,
    "encoding" TEXT,
    "fileBytes" REAL,
    "periodFrom" INTEGER,
    "periodTo" INTEGER,
    "rowsSkipped" INTEGER NOT NULL DEFAULT 0,
    "durationMs" INTEGER,
    "report" TEXT
);
INSERT INTO "new_ImportBatch" ("fileHash", "fileName", "id", "importedAt", "importedBy", "kind", "note", "replacedById", "rowsAccepted", "rowsRejected", "status") SELECT "fileHash", "fileName", "id", "importedAt", "importedBy", "kind", "note", "replacedById", "rowsAccepted", "rowsRejected", "status" FROM "ImportBatch";
DROP TABLE "ImportBatch";
ALTER TABLE "new_ImportBatch" RENAME TO "ImportBatch";
CREATE INDEX "ImportBatch_fileHash_idx" ON "ImportBatch"("fileHash");
CREATE INDEX "ImportBatch_kind_importedAt_idx" ON "ImportBatch"("kind", "importedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ImportReplacement_batchId_idx" ON "ImportReplacement"("batchId");

-- CreateIndex
CREATE INDEX "ImportReplacement_replacedBatchId_idx" ON "ImportReplacement"("replacedBatchId");

-- CreateIndex
CREATE INDEX "SettlementKeySet_period_regionCode_schemeCode_idx" ON "SettlementKeySet"("period", "regionCode", "schemeCode");

-- CreateIndex
CREATE INDEX "SettlementKeySet_batchId_idx" ON "SettlementKeySet"("batchId");

