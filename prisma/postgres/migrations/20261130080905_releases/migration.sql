-- CreateTable
CREATE TABLE "Release" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "lastBatchId" INTEGER,
    "dataThrough" INTEGER,
    "publishedBy" TEXT NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "note" TEXT,

    CONSTRAINT "Release_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Release_kind_year_idx" ON "Release"("kind", "year");

-- CreateIndex
CREATE UNIQUE INDEX "Release_kind_year_version_key" ON "Release"("kind", "year", "version");

