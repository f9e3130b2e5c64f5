import 'server-only';
import { cachedByDataVersion } from '../../cache';
// Resident contribution standards by year: the city's individual standard against the national minimum
// (益阳市医疗保障局答复: 250/280/320 元 vs 280/320/350 元 for 2020/21/22), the per-capita subsidy standard, the
// subsidy : individual ratio, and the individual standard as a share of each county's disposable income.
import { poolRegionCodes, regionIn } from '../pool';
import type { Db } from '../../db';
import { getDb } from '../../db';
import { indicators } from '../../indicators/registry';
import { indicatorStatus } from '../../indicators/status';
import type { Status } from '../../indicators/types';
import { allowedRegion, requireCityOrCounty, type Scope } from '../scope';

export interface YearStandards {
  year: number;
  standard: number | null;
  nationalMinimum: number | null;
  subsidyStandard: number | null;
  nationalSubsidy: number | null;
}

export interface StandardRow extends YearStandards {
  /** 个人缴费标准与国家最低标准差额 */
  gap: number | null;
  gapStatus: Status;
  /** 财政补助与个人缴费之比 */
  ratio: number | null;
  /** 个人缴费标准涨幅 */
  growth: number | null;
}

export interface IncomeShareRow {
  code: string;
  disposableIncome: number | null;
  /** 个人缴费占人均可支配收入比重 */
  share: number | null;
}

export interface ContributionStandards {
  years: StandardRow[];
  /** the selected year, per county */
  counties: IncomeShareRow[];
}

/** City-wide standards per year (PolicyStandard rows at the city code, resident scheme). */
export async function loadStandards(db: Db, cityCode: string): Promise<Map<number, YearStandards>> {
  const rows = await db.prisma.policyStandard.findMany({ where: { regionCode: cityCode, schemeCode: 'RESIDENT' }, orderBy: { year: 'asc' } });
  const out = new Map<number, YearStandards>();
  for (const r of rows) {
    let v = out.get(r.year);
    if (!v) { v = { year: r.year, standard: null, nationalMinimum: null, subsidyStandard: null, nationalSubsidy: null }; out.set(r.year, v); }
    if (r.item === 'INDIVIDUAL_STANDARD') v.standard = r.amount;
    else if (r.item === 'NATIONAL_MIN_INDIVIDUAL') v.nationalMinimum = r.amount;
    else if (r.item === 'SUBSIDY_STANDARD') v.subsidyStandard = r.amount;
    else if (r.item === 'NATIONAL_SUBSIDY') v.nationalSubsidy = r.amount;
  }
  return out;
}

export function standardRows(standards: Map<number, YearStandards>): StandardRow[] {
  const I = indicators;
  return [...standards.values()].sort((a, b) => a.year - b.year).map((s) => {
    const gap = I.resident_contribution_gap.compute({ standard: s.standard, nationalMinimum: s.nationalMinimum });
    return {
      ...s,
      gap,
      gapStatus: indicatorStatus(I.resident_contribution_gap, gap),
      ratio: I.subsidy_individual_ratio.compute({ subsidyStandard: s.subsidyStandard, individualStandard: s.standard }),
      growth: I.contribution_standard_growth.compute({ standard: s.standard, standardLastYear: standards.get(s.year - 1)?.standard }),
    };
  });
}

export async function loadContributionStandards(db: Db, scope: Scope, cityCode: string, year: number, region: string | 'ALL'): Promise<ContributionStandards> {
  requireCityOrCounty(scope);
  const allowed = allowedRegion(scope, region);
  const [standards, incomes] = await Promise.all([
    loadStandards(db, cityCode),
    db.prisma.policyStandard.findMany({
      where: { year, item: 'DISPOSABLE_INCOME', schemeCode: 'RESIDENT', ...(allowed === 'ALL' ? regionIn(await poolRegionCodes(db, cityCode)) : { regionCode: allowed }) },
    }),
  ]);
  const standard = standards.get(year)?.standard ?? null;
  return {
    years: standardRows(standards),
    counties: incomes
      .filter((r) => r.regionCode !== cityCode)
      .map((r) => ({
        code: r.regionCode,
        disposableIncome: r.amount,
        share: indicators.contribution_income_share.compute({ individualStandard: standard, disposableIncome: r.amount }),
      })),
  };
}

async function getContributionStandardsUncached(scope: Scope, cityCode: string, year: number, region: string | 'ALL'): Promise<ContributionStandards> {
  return loadContributionStandards(getDb(), scope, cityCode, year, region);
}

/** Kept between requests until the data changes (lib/cache). */
export const getContributionStandards = cachedByDataVersion('collection/getContributionStandards', getContributionStandardsUncached);
