-- CreateTable
CREATE TABLE "RiskRuleVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "ruleCode" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "params" TEXT NOT NULL,
    "changedBy" TEXT NOT NULL,
    "changedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "note" TEXT
);

-- CreateTable
CREATE TABLE "RiskEvaluation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "trigger" TEXT NOT NULL,
    "triggeredBy" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ms" INTEGER NOT NULL DEFAULT 0,
    "dataThrough" INTEGER,
    "windowFrom" INTEGER,
    "raised" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "closed" INTEGER NOT NULL DEFAULT 0,
    "openAfter" INTEGER NOT NULL DEFAULT 0,
    "note" TEXT
);

-- CreateTable
CREATE TABLE "RiskWarning" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "ruleCode" TEXT NOT NULL,
    "ruleVersion" INTEGER NOT NULL,
    "subjectKey" TEXT NOT NULL,
    "subjectLabel" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "schemeCode" TEXT,
    "institutionCode" TEXT,
    "firstPeriod" INTEGER NOT NULL,
    "lastPeriod" INTEGER NOT NULL,
    "clearedPeriod" INTEGER,
    "severity" TEXT NOT NULL,
    "peakSeverity" TEXT NOT NULL,
    "value" REAL NOT NULL,
    "threshold" REAL,
    "unit" TEXT NOT NULL,
    "detail" TEXT NOT NULL,
    "inputs" TEXT NOT NULL,
    "trend" TEXT NOT NULL,
    "currentPeriod" INTEGER NOT NULL,
    "currentValue" REAL,
    "status" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" DATETIME
);

-- CreateTable
CREATE TABLE "RiskWarningEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "warningId" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "fromStatus" TEXT,
    "toStatus" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "actorRegion" TEXT,
    "evaluationId" INTEGER,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RiskWarningEvent_warningId_fkey" FOREIGN KEY ("warningId") REFERENCES "RiskWarning" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "RiskRuleVersion_ruleCode_version_key" ON "RiskRuleVersion"("ruleCode", "version");

-- CreateIndex
CREATE INDEX "RiskWarning_status_severity_idx" ON "RiskWarning"("status", "severity");

-- CreateIndex
CREATE INDEX "RiskWarning_regionCode_status_idx" ON "RiskWarning"("regionCode", "status");

-- CreateIndex
CREATE INDEX "RiskWarning_ruleCode_subjectKey_idx" ON "RiskWarning"("ruleCode", "subjectKey");

-- CreateIndex
CREATE INDEX "RiskWarningEvent_warningId_idx" ON "RiskWarningEvent"("warningId");

-- CreateIndex
CREATE INDEX "RiskWarningEvent_at_idx" ON "RiskWarningEvent"("at");

