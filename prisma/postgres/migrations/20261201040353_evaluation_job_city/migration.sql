-- AlterTable
ALTER TABLE "RiskEvaluation" ADD COLUMN     "cityCode" TEXT;

-- AlterTable
ALTER TABLE "ReportJob" ADD COLUMN     "cityCode" TEXT;

