-- CreateTable
CREATE TABLE "ReportVersion" (
    "id" SERIAL NOT NULL,
    "period" INTEGER NOT NULL,
    "regionCode" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "figures" TEXT NOT NULL,
    "digest" TEXT NOT NULL,
    "pdf" BYTEA NOT NULL,
    "docx" BYTEA NOT NULL,
    "lastBatchId" INTEGER,
    "trigger" TEXT NOT NULL,
    "generatedBy" TEXT NOT NULL,
    "generatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ms" INTEGER NOT NULL,

    CONSTRAINT "ReportVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportJob" (
    "id" SERIAL NOT NULL,
    "period" INTEGER NOT NULL,
    "state" TEXT NOT NULL,
    "total" INTEGER NOT NULL,
    "done" INTEGER NOT NULL,
    "step" TEXT NOT NULL,
    "created" INTEGER NOT NULL DEFAULT 0,
    "trigger" TEXT NOT NULL,
    "startedBy" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "error" TEXT,

    CONSTRAINT "ReportJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReportVersion_period_regionCode_idx" ON "ReportVersion"("period", "regionCode");

-- CreateIndex
CREATE UNIQUE INDEX "ReportVersion_period_regionCode_version_key" ON "ReportVersion"("period", "regionCode", "version");

-- CreateIndex
CREATE INDEX "ReportJob_period_startedAt_idx" ON "ReportJob"("period", "startedAt");

