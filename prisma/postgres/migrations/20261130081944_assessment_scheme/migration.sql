-- CreateTable
CREATE TABLE "AssessmentSchemeVersion" (
    "id" SERIAL NOT NULL,
    "version" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "changedBy" TEXT NOT NULL,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reason" TEXT NOT NULL,

    CONSTRAINT "AssessmentSchemeVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AssessmentSchemeVersion_version_key" ON "AssessmentSchemeVersion"("version");

