-- CreateTable
CREATE TABLE "Release" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "lastBatchId" INTEGER,
    "dataThrough" INTEGER,
    "publishedBy" TEXT NOT NULL,
    "publishedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "note" TEXT
);

-- CreateIndex
CREATE INDEX "Release_kind_year_idx" ON "Release"("kind", "year");

-- CreateIndex
CREATE UNIQUE INDEX "Release_kind_year_version_key" ON "Release"("kind", "year", "version");

