-- CreateIndex
CREATE INDEX "UtilizationRollup_scheme_period_cover_idx" ON "UtilizationRollup"("schemeCode", "period", "insuredRegionCode", "level", "visitType", "inCounty", "visits");

