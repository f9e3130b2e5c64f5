-- AlterTable
ALTER TABLE "ImportBatch" ADD COLUMN "pendingSteps" TEXT;

-- AlterTable
ALTER TABLE "Region" ADD COLUMN "successorCode" TEXT;
ALTER TABLE "Region" ADD COLUMN "successorFrom" INTEGER;

