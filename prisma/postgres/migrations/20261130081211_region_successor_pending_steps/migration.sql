-- AlterTable
ALTER TABLE "ImportBatch" ADD COLUMN     "pendingSteps" TEXT;

-- AlterTable
ALTER TABLE "Region" ADD COLUMN     "successorCode" TEXT,
ADD COLUMN     "successorFrom" INTEGER;

