-- CreateTable
CREATE TABLE "AssessmentSchemeVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "version" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "changedBy" TEXT NOT NULL,
    "changedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reason" TEXT NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "AssessmentSchemeVersion_version_key" ON "AssessmentSchemeVersion"("version");

