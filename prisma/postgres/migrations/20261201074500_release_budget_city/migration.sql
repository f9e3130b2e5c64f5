-- Releases and budget versions name their city (设区市). '' = stored before they did (a sentinel, not NULL:
-- NULLs are distinct in unique indexes, so the uniqueness below would not hold for them).

-- DropIndex
DROP INDEX "BudgetVersion_year_seq_key";

-- DropIndex
DROP INDEX "Release_kind_year_idx";

-- DropIndex
DROP INDEX "Release_kind_year_version_key";

-- AlterTable
ALTER TABLE "BudgetVersion" ADD COLUMN     "cityCode" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Release" ADD COLUMN     "cityCode" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE UNIQUE INDEX "BudgetVersion_cityCode_year_seq_key" ON "BudgetVersion"("cityCode", "year", "seq");

-- CreateIndex
CREATE INDEX "Release_kind_cityCode_year_idx" ON "Release"("kind", "cityCode", "year");

-- CreateIndex
CREATE UNIQUE INDEX "Release_kind_year_cityCode_version_key" ON "Release"("kind", "year", "cityCode", "version");
