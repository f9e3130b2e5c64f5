import 'server-only';
import { cachedByDataVersion } from '../../cache';
// Referrals up and down per county and year (下转 growth against the ≥10%/year target) and family-doctor
// signing (签约率 ≥30%, 重点人群 ≥60%) per county and year.
import { indicators } from '../../indicators/registry';
import { indicatorStatus } from '../../indicators/status';
import type { Status } from '../../indicators/types';
import { referralSummary, type ReferralSummary } from '../../tieredCare/referrals';
import type { Scope } from '../scope';
import { cachedTieredCareData, visibleCounties, type TieredCareData, type TieredCareRequest } from './data';
import { cachedFamilyDoctor, type FamilyDoctorRow } from './inputs';

export interface SigningRow {
  region: string;
  year: number;
  signingRate: number | null;
  signingStatus: Status;
  keySigningRate: number | null;
  keySigningStatus: Status;
}

export interface ReferralsAndSigning {
  referrals: (ReferralSummary & { cagrStatus: Status })[];
  signing: SigningRow[];
}

export function computeReferralsAndSigning(data: TieredCareData, family: readonly FamilyDoctorRow[], regions: string[]): ReferralsAndSigning {
  const referrals = [data.cityCode, ...regions].map((r) => {
    const s = referralSummary(r, data.monthly.get(r));
    return { ...s, cagrStatus: indicatorStatus(indicators.referral_down_cagr, s.downCagr) };
  });
  // The city row sums the counties' residents and signings (FamilyDoctorFact is per county).
  const visible = new Set(regions);
  const byKey = new Map<string, { region: string; year: number; residents: number; signed: number; keyPopulation: number; keySigned: number }>();
  for (const f of family) {
    if (f.region === data.cityCode) continue;
    for (const region of visible.has(f.region) ? [f.region, data.cityCode] : [data.cityCode]) {
      const k = `${region}|${f.year}`;
      const e = byKey.get(k) ?? { region, year: f.year, residents: 0, signed: 0, keyPopulation: 0, keySigned: 0 };
      e.residents += f.residents;
      e.signed += f.signed;
      e.keyPopulation += f.keyPopulation;
      e.keySigned += f.keySigned;
      byKey.set(k, e);
    }
  }
  const signing = [...byKey.values()].map((e) => {
    const signingRate = indicators.family_doctor_signing_rate.compute({ signed: e.signed, residents: e.residents });
    const keySigningRate = indicators.key_population_signing_rate.compute({ keySigned: e.keySigned, keyPopulation: e.keyPopulation });
    return {
      region: e.region,
      year: e.year,
      signingRate,
      signingStatus: indicatorStatus(indicators.family_doctor_signing_rate, signingRate),
      keySigningRate,
      keySigningStatus: indicatorStatus(indicators.key_population_signing_rate, keySigningRate),
    };
  });
  signing.sort((a, b) => (a.region < b.region ? -1 : a.region > b.region ? 1 : a.year - b.year));
  return { referrals, signing };
}

async function getReferralsAndSigningUncached(scope: Scope, cityCode: string, req: TieredCareRequest): Promise<ReferralsAndSigning> {
  const [data, family] = await Promise.all([cachedTieredCareData(cityCode, req.scheme), cachedFamilyDoctor(cityCode)]);
  return computeReferralsAndSigning(data, family, visibleCounties(scope, data.counties, data.cityCode));
}

/** Kept between requests until the data changes (lib/cache). */
export const getReferralsAndSigning = cachedByDataVersion('tieredCare/getReferralsAndSigning', getReferralsAndSigningUncached);
