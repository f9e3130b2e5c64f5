-- CreateTable
CREATE TABLE "ReportVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "period" INTEGER NOT NULL,
    "regionCode" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "figures" TEXT NOT NULL,
    "digest" TEXT NOT NULL,
    "pdf" BLOB NOT NULL,
    "docx" BLOB NOT NULL,
    "lastBatchId" INTEGER,
    "trigger" TEXT NOT NULL,
    "generatedBy" TEXT NOT NULL,
    "generatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ms" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "ReportJob" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "period" INTEGER NOT NULL,
    "state" TEXT NOT NULL,
    "total" INTEGER NOT NULL,
    "done" INTEGER NOT NULL,
    "step" TEXT NOT NULL,
    "created" INTEGER NOT NULL DEFAULT 0,
    "trigger" TEXT NOT NULL,
    "startedBy" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    "error" TEXT
);

-- CreateIndex
CREATE INDEX "ReportVersion_period_regionCode_idx" ON "ReportVersion"("period", "regionCode");

-- CreateIndex
CREATE UNIQUE INDEX "ReportVersion_period_regionCode_version_key" ON "ReportVersion"("period", "regionCode", "version");

-- CreateIndex
CREATE INDEX "ReportJob_period_startedAt_idx" ON "ReportJob"("period", "startedAt");

