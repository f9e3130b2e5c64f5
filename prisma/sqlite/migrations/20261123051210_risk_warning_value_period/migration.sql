-- AlterTable
ALTER TABLE "RiskWarning" ADD COLUMN "valuePeriod" INTEGER;

