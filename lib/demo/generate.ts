// Deterministic generator of the demo city. Pure: seed in, rows out, no database.
// Money flows are built bottom-up so they agree with each other: utilization → fund expense in the
// ledger → balances; enrolment × standards → contributions due → collected → income.
import { apportion, createRng, type Rng } from './random';
import {
  DEMO_CITY_SPEC, DEMO_SEED, FIRST_YEAR, LAST_YEAR, NATIONAL_MIN_INDIVIDUAL, SUBSIDY_SHARES, SUBSIDY_STANDARD,
  type AnomalySpec, type CitySpec, type CountySpec,
} from './city';
import type { Level, SchemeCode, VisitType } from '../domain/codes';

// ───────────── row shapes (field names = warehouse columns; ids and batchId are added on load) ─────────────
export interface RegionRow { code: string; name: string; shortName: string; kind: string; parentCode: string | null; isLocalCode: boolean; sortOrder: number }
export interface InstitutionRow { code: string; name: string; regionCode: string; level: Level; kind: string; ownership: string; agreementStatus: string; agreementStart: string; agreementEnd: string | null }
export interface EnrollmentRow { regionCode: string; schemeCode: SchemeCode; period: number; shouldEnroll: number; enrolled: number; povertyShouldEnroll: number; subsidisedExtreme: number; subsidisedMinLiving: number; subsidisedMonitored: number; subsidisedOther: number; duplicates: number }
export interface ContributionRow { regionCode: string; schemeCode: SchemeCode; period: number; source: string; due: number; collected: number }
export interface LedgerRow { regionCode: string; schemeCode: SchemeCode; account: 'POOL' | 'PERSONAL'; period: number; item: string; amount: number }
export interface BalanceRow { regionCode: string; schemeCode: SchemeCode; account: 'POOL' | 'PERSONAL'; period: number; kind: 'CITY_POOL' | 'LEGACY' | 'COUNTY_POOL'; balance: number }
export interface UtilizationRow { insuredRegionCode: string; institutionCode: string; schemeCode: SchemeCode; visitType: VisitType; period: number; visits: number; totalCost: number; policyCost: number; fundPaid: number; outOfPocket: number; referralsUp: number; referralsDown: number }
export interface BudgetVersionRow { year: number; seq: number; kind: 'APPROVED' | 'ADJUSTMENT'; docNo: string; approvedOn: string; reason: string; lines: { regionCode: string; schemeCode: SchemeCode; item: string; amount: number }[] }
export interface FamilyDoctorRow { regionCode: string; year: number; residents: number; signed: number; keyPopulation: number; keySigned: number }
export interface SupervisionRow { institutionCode: string; period: number; inspections: number; violations: number; amountRefused: number; amountRecovered: number; interviews: number; suspensions: number; terminations: number }
export interface BenefitRow { regionCode: string; schemeCode: SchemeCode; period: number; claimsSettled: number; claimsOnTime: number; policyRangeCost: number; policyRangeFundPaid: number; assistanceCases: number; assistanceAmount: number }
export interface RemittanceRow { regionCode: string; schemeCode: SchemeCode; period: number; amount: number; dueDate: string; paidDate: string | null }
export interface PoolingRow { regionCode: string; schemeCode: SchemeCode; effectivePeriod: number; note: string | null }
export interface UnificationRow { regionCode: string; schemeCode: SchemeCode; item: string; status: string; deadline: string; completedOn: string | null; note: string | null }
export interface StandardRow { year: number; regionCode: string; schemeCode: SchemeCode; item: string; amount: number }

export interface DemoCity {
  meta: Record<string, string>;
  regions: RegionRow[];
  institutions: InstitutionRow[];
  pooling: PoolingRow[];
  unification: UnificationRow[];
  standards: StandardRow[];
  enrollment: EnrollmentRow[];
  contributions: ContributionRow[];
  ledger: LedgerRow[];
  balances: BalanceRow[];
  utilization: UtilizationRow[];
  budgets: BudgetVersionRow[];
  familyDoctor: FamilyDoctorRow[];
  supervision: SupervisionRow[];
  benefits: BenefitRow[];
  remittances: RemittanceRow[];
}

export interface GenerateOptions {
  seed?: number;
  firstYear?: number;
  lastYear?: number;
  /** the city to generate (default: the demo city 江临市, DEMO_CITY_SPEC) */
  city?: CitySpec;
}

// ───────────── time ─────────────
export function periodsBetween(firstYear: number, lastYear: number): number[] {
  const out: number[] = [];
  for (let y = firstYear; y <= lastYear; y++) for (let m = 1; m <= 12; m++) out.push(y * 100 + m);
  return out;
}
/** Months from p0 to p1 (YYYYMM), e.g. 202001 → 202103 = 14. */
export const monthsBetween = (p0: number, p1: number) =>
  (Math.floor(p1 / 100) - Math.floor(p0 / 100)) * 12 + (p1 % 100) - (p0 % 100);
const yearOf = (p: number) => Math.floor(p / 100);
const monthOf = (p: number) => p % 100;
const pad = (n: number) => String(n).padStart(2, '0');
const round2 = (x: number) => Math.round(x * 100) / 100;
function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

// ───────────── behaviour parameters ─────────────
/** Visits per enrollee per year in 2017 and their yearly growth. */
const RATES: Record<SchemeCode, Partial<Record<VisitType, { base: number; growth: number }>>> = {
  RESIDENT: { OUTPATIENT: { base: 4.8, growth: 0.04 }, CHRONIC: { base: 0.35, growth: 0.09 }, INPATIENT: { base: 0.155, growth: 0.038 } },
  EMPLOYEE: { OUTPATIENT: { base: 8, growth: 0.03 }, CHRONIC: { base: 0.9, growth: 0.06 }, INPATIENT: { base: 0.14, growth: 0.03 } },
  MATERNITY: { INPATIENT: { base: 0.02, growth: -0.04 } },
};
/** Cost per visit (元, 2017) by level and type; grows COST_GROWTH a year. */
const COST: Record<VisitType, Record<Level, number>> = {
  OUTPATIENT: { PRIMARY: 32, COUNTY: 100, CITY: 175, OUT_OF_CITY: 280 },
  CHRONIC: { PRIMARY: 130, COUNTY: 260, CITY: 400, OUT_OF_CITY: 620 },
  INPATIENT: { PRIMARY: 2100, COUNTY: 5600, CITY: 10_500, OUT_OF_CITY: 18_000 },
};
const MATERNITY_COST: Record<Level, number> = { PRIMARY: 2500, COUNTY: 4200, CITY: 6800, OUT_OF_CITY: 9000 };
const COST_GROWTH = 0.062;
/** Calibrates each scheme's 2017 fund expense to its income (resident ≈ 0.87, employee pool ≈ 0.83). */
const COST_SCALE: Record<SchemeCode, number> = { RESIDENT: 0.72, EMPLOYEE: 1.3, MATERNITY: 1 };
const POLICY_SHARE: Record<Level, number> = { PRIMARY: 0.93, COUNTY: 0.87, CITY: 0.8, OUT_OF_CITY: 0.72 };
/** Fund payment ratio of policy-range cost (differentiated by level: 市级统筹意见（征求意见稿）四(三)). */
const FUND_RATIO: Record<SchemeCode, Record<VisitType, Record<Level, number>>> = {
  RESIDENT: {
    OUTPATIENT: { PRIMARY: 0.55, COUNTY: 0.45, CITY: 0.35, OUT_OF_CITY: 0.2 },
    CHRONIC: { PRIMARY: 0.65, COUNTY: 0.6, CITY: 0.55, OUT_OF_CITY: 0.45 },
    INPATIENT: { PRIMARY: 0.86, COUNTY: 0.74, CITY: 0.6, OUT_OF_CITY: 0.5 },
  },
  EMPLOYEE: {
    OUTPATIENT: { PRIMARY: 0.62, COUNTY: 0.55, CITY: 0.5, OUT_OF_CITY: 0.3 },
    CHRONIC: { PRIMARY: 0.82, COUNTY: 0.76, CITY: 0.7, OUT_OF_CITY: 0.6 },
    INPATIENT: { PRIMARY: 0.92, COUNTY: 0.86, CITY: 0.8, OUT_OF_CITY: 0.7 },
  },
  MATERNITY: {
    OUTPATIENT: { PRIMARY: 0.9, COUNTY: 0.9, CITY: 0.9, OUT_OF_CITY: 0.8 },
    CHRONIC: { PRIMARY: 0.9, COUNTY: 0.9, CITY: 0.9, OUT_OF_CITY: 0.8 },
    INPATIENT: { PRIMARY: 0.9, COUNTY: 0.9, CITY: 0.9, OUT_OF_CITY: 0.8 },
  },
};
/** Where a county's insured are treated before pooling: share of visits by level. */
const RURAL_SHARES: Record<VisitType, Record<Level, number>> = {
  OUTPATIENT: { PRIMARY: 0.68, COUNTY: 0.24, CITY: 0.06, OUT_OF_CITY: 0.02 },
  CHRONIC: { PRIMARY: 0.46, COUNTY: 0.37, CITY: 0.12, OUT_OF_CITY: 0.05 },
  INPATIENT: { PRIMARY: 0.27, COUNTY: 0.61, CITY: 0.08, OUT_OF_CITY: 0.04 },
};
const URBAN_SHARES: Record<VisitType, Record<Level, number>> = {
  OUTPATIENT: { PRIMARY: 0.55, COUNTY: 0.15, CITY: 0.27, OUT_OF_CITY: 0.03 },
  CHRONIC: { PRIMARY: 0.36, COUNTY: 0.2, CITY: 0.37, OUT_OF_CITY: 0.07 },
  INPATIENT: { PRIMARY: 0.1, COUNTY: 0.3, CITY: 0.5, OUT_OF_CITY: 0.1 },
};
const MATERNITY_SHARES = { rural: { PRIMARY: 0, COUNTY: 0.62, CITY: 0.33, OUT_OF_CITY: 0.05 }, urban: { PRIMARY: 0, COUNTY: 0.3, CITY: 0.65, OUT_OF_CITY: 0.05 } };
/** Share of county-level visits that go to a neighbouring county's hospitals (outside the county). */
const NEIGHBOUR_SHARE = 0.05;
const SEASON_OUT = [1.12, 0.88, 1.02, 0.98, 0.96, 0.95, 0.97, 0.96, 0.98, 1.0, 1.04, 1.14];
const SEASON_IN = [1.06, 0.84, 1.02, 1.0, 0.99, 0.97, 1.02, 1.0, 0.98, 1.0, 1.03, 1.09];
/** COVID-2020 (and the 2022-12 wave): multiplier on visits; out-of-city travel hit harder. */
function covid(period: number, level: Level): number {
  const base: Record<number, number> = { 202002: 0.52, 202003: 0.7, 202004: 0.86, 202005: 0.94, 202006: 0.96, 202007: 0.97, 202008: 0.97, 202009: 0.98, 202010: 0.98, 202011: 0.98, 202012: 0.97, 202212: 0.88, 202301: 0.93 };
  const f = base[period] ?? 1;
  return level === 'OUT_OF_CITY' || level === 'CITY' ? 1 - (1 - f) * 1.3 : f;
}
/** Employee wage per in-service worker (元/年, 2017) and its growth; contribution rates. */
const WAGE_2017 = 54_000;
const WAGE_GROWTH = 0.065;
const EMPLOYER_RATE = 0.07;
const INDIVIDUAL_RATE = 0.02;
const MATERNITY_RATE = 0.007;
const IN_SERVICE_SHARE = 0.72;
/** 30% of the employer's part goes to personal accounts (个人账户划入). */
const EMPLOYER_TO_PERSONAL = 0.3;
const INTEREST_RATE = 0.015;
/** Maternity expense = delivery costs paid plus maternity allowance (生育津贴). */
const MATERNITY_EXPENSE_FACTOR = 4.7;

const TOWN_A = ['青', '白', '石', '龙', '凤', '桃', '柳', '金', '马', '黄', '松', '梅', '兰', '竹', '云', '清', '双', '永', '长', '新', '高', '沙', '鹤', '杨'];
const TOWN_B = ['山', '桥', '塘', '坪', '溪', '江', '湖', '田', '岭', '湾', '口', '冲', '铺', '洲', '港', '峰'];
const VILLAGE_B = ['村', '家村', '坪村', '湾村', '冲村', '垅村'];

export function generateDemoCity(opts: GenerateOptions = {}): DemoCity {
  const seed = opts.seed ?? DEMO_SEED;
  const firstYear = opts.firstYear ?? FIRST_YEAR;
  const lastYear = opts.lastYear ?? LAST_YEAR;
  const rng = createRng(seed);
  const periods = periodsBetween(firstYear, lastYear);
  const years = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i);
  const schemes: SchemeCode[] = ['EMPLOYEE', 'RESIDENT', 'MATERNITY'];
  const spec = opts.city ?? DEMO_CITY_SPEC;
  const CITY = spec;
  const COUNTIES = spec.counties;
  const ANOMALIES = spec.anomalies;
  const INDIVIDUAL_STANDARD = spec.individualStandard;

  // ───────────── dimensions ─────────────
  const regions: RegionRow[] = [
    { code: CITY.code, name: CITY.name, shortName: CITY.shortName, kind: 'CITY', parentCode: CITY.parentCode, isLocalCode: false, sortOrder: 0 },
    ...COUNTIES.map((c, i) => ({ code: c.code, name: c.name, shortName: c.shortName, kind: c.kind, parentCode: CITY.code, isLocalCode: c.isLocalCode, sortOrder: i + 1 })),
  ];
  const institutions = makeInstitutions(rng.fork('institutions'));
  const instWeight = new Map<string, number>();
  const instCostFactor = new Map<string, number>();
  {
    const r = rng.fork('inst-weights');
    for (const i of institutions) {
      instWeight.set(i.code, i.kind === 'VILLAGE_CLINIC' ? r.uniform(0.5, 1.5) : r.uniform(0.6, 1.6) * (i.name.includes('人民医院') ? 1.8 : 1));
      instCostFactor.set(i.code, r.uniform(0.88, 1.12));
    }
  }
  const anomalyCodes = new Map<string, AnomalySpec>();
  for (const a of ANOMALIES) {
    const inst = institutions.filter((i) => i.regionCode === a.region && i.kind === a.kind)[a.ordinal];
    if (!inst) throw new Error(`演示数据：${a.region}没有第${a.ordinal + 1}个${a.kind}机构（anomaly）`);
    anomalyCodes.set(inst.code, a);
    inst.ownership = 'PRIVATE';
    inst.agreementStatus = a.action;
    inst.agreementEnd = a.action === 'TERMINATED' ? a.actionOn : null;
  }
  const instByRegionLevel = (region: string, level: Level) => institutions.filter((i) => i.regionCode === region && i.level === level);
  const cityHospitals = institutions.filter((i) => i.level === 'CITY');
  const outOfCity = institutions.filter((i) => i.level === 'OUT_OF_CITY');

  const pooling: PoolingRow[] = [];
  for (const c of COUNTIES) {
    for (const s of schemes) {
      const p = s === 'RESIDENT' ? c.residentPooling : 202001;
      pooling.push({ regionCode: c.code, schemeCode: s, effectivePeriod: p, note: p > 202001 ? '居民医保市级统筹过渡期，至迟2021年12月31日前实现“六统一”（省意见 一）' : null });
    }
  }
  const poolingOf = (region: string, scheme: SchemeCode) => pooling.find((p) => p.regionCode === region && p.schemeCode === scheme)!.effectivePeriod;

  const unification = makeUnification();

  const standards: StandardRow[] = [];
  for (const y of years) {
    standards.push({ year: y, regionCode: CITY.code, schemeCode: 'RESIDENT', item: 'INDIVIDUAL_STANDARD', amount: INDIVIDUAL_STANDARD[y] });
    standards.push({ year: y, regionCode: CITY.code, schemeCode: 'RESIDENT', item: 'NATIONAL_MIN_INDIVIDUAL', amount: NATIONAL_MIN_INDIVIDUAL[y] });
    standards.push({ year: y, regionCode: CITY.code, schemeCode: 'RESIDENT', item: 'SUBSIDY_STANDARD', amount: SUBSIDY_STANDARD[y] });
    standards.push({ year: y, regionCode: CITY.code, schemeCode: 'RESIDENT', item: 'NATIONAL_SUBSIDY', amount: SUBSIDY_STANDARD[y] });
    for (const c of COUNTIES) {
      standards.push({ year: y, regionCode: c.code, schemeCode: 'RESIDENT', item: 'DISPOSABLE_INCOME', amount: Math.round(c.disposableIncome2017 * Math.pow(1.072, y - FIRST_YEAR)) });
    }
  }

  // ───────────── enrolment and contributions ─────────────
  const enrollment: EnrollmentRow[] = [];
  const contributions: ContributionRow[] = [];
  /** enrolled[region|scheme|period] for later use */
  const enrolledAt = new Map<string, number>();
  const key = (...xs: (string | number)[]) => xs.join('|');

  for (const c of COUNTIES) {
    const r = rng.fork(`enrol-${c.code}`);
    const colRate = () => Math.min(0.999, r.normal(0.988, 0.004));
    // Employee coverage differs a little between counties (employer compliance).
    const empOffset = r.uniform(-0.015, 0.01);
    for (const p of periods) {
      const y = yearOf(p), m = monthOf(p);
      const t = monthsBetween(FIRST_YEAR * 100 + 1, p);
      const pop = c.population2017 * Math.pow(1 + c.popGrowth, t / 12);
      const should = Math.round(pop * 0.985);
      const empShould = Math.round(pop * c.employeeShare * Math.pow(1.012, t / 12));
      const resShould = should - empShould;
      const empEnrolled = Math.round(empShould * Math.min(0.985, 0.955 + empOffset + 0.0035 * (y - FIRST_YEAR)));
      // Selective enrolment when the individual contribution rises (医保函〔2023〕73号、益阳市医疗保障局答复).
      const rise = Math.max(0, INDIVIDUAL_STANDARD[y] / INDIVIDUAL_STANDARD[2019] - 1);
      const resCoverage = 0.978 - c.enrolmentElasticity * rise + 0.001 * Math.sin(m);
      const resEnrolled = Math.round(resShould * resCoverage);
      const extreme = Math.round(resEnrolled * 0.0045), minLiving = Math.round(resEnrolled * (c.urban ? 0.022 : 0.034));
      const monitored = Math.round(resEnrolled * (y < 2021 ? 0.04 : 0.016) * (c.urban ? 0.4 : 1));
      const povertyCoverage = c.enrolmentElasticity > 0.1 && y >= 2022 ? 0.986 : 0.997;
      const dupRate = y < 2020 ? 0.0042 : y === 2020 ? 0.0018 : 0.0005;
      enrollment.push({ regionCode: c.code, schemeCode: 'RESIDENT', period: p, shouldEnroll: resShould, enrolled: resEnrolled,
        povertyShouldEnroll: Math.round((extreme + minLiving + monitored) / povertyCoverage), subsidisedExtreme: extreme,
        subsidisedMinLiving: minLiving, subsidisedMonitored: monitored, subsidisedOther: 0, duplicates: Math.round(resEnrolled * dupRate) });
      enrollment.push({ regionCode: c.code, schemeCode: 'EMPLOYEE', period: p, shouldEnroll: empShould, enrolled: empEnrolled,
        povertyShouldEnroll: 0, subsidisedExtreme: 0, subsidisedMinLiving: 0, subsidisedMonitored: 0, subsidisedOther: 0, duplicates: Math.round(empEnrolled * dupRate * 0.5) });
      const matShould = Math.round(empShould * IN_SERVICE_SHARE);
      const matEnrolled = Math.round(empEnrolled * IN_SERVICE_SHARE * 0.97);
      enrollment.push({ regionCode: c.code, schemeCode: 'MATERNITY', period: p, shouldEnroll: matShould, enrolled: matEnrolled,
        povertyShouldEnroll: 0, subsidisedExtreme: 0, subsidisedMinLiving: 0, subsidisedMonitored: 0, subsidisedOther: 0, duplicates: 0 });
      enrolledAt.set(key(c.code, 'RESIDENT', p), resEnrolled);
      enrolledAt.set(key(c.code, 'EMPLOYEE', p), empEnrolled);
      enrolledAt.set(key(c.code, 'MATERNITY', p), matEnrolled);

      // Resident contributions: individual premiums collected early in the year; subsidies quarterly.
      const indivShare = [0.5, 0.25, 0.1][m - 1] ?? 0.15 / 9;
      const indivDue = INDIVIDUAL_STANDARD[y] * resEnrolled * indivShare;
      contributions.push({ regionCode: c.code, schemeCode: 'RESIDENT', period: p, source: 'INDIVIDUAL', due: round2(indivDue), collected: round2(indivDue * colRate()) });
      if (m % 3 === 0) {
        for (const [src, share] of Object.entries(SUBSIDY_SHARES)) {
          const due = SUBSIDY_STANDARD[y] * resEnrolled * share * 0.25;
          // Counties pay their share in full by the quarter it is due, except the one that does not.
          let delivered = 1;
          // The county that does not pay its subsidy share (市级统筹意见（征求意见稿）三(三): 县级补足).
          if (src === 'SUBSIDY_COUNTY' && c.subsidyShortfall && y >= c.subsidyShortfall.fromYear) delivered = c.subsidyShortfall.delivered + r.uniform(-0.05, 0.05);
          contributions.push({ regionCode: c.code, schemeCode: 'RESIDENT', period: p, source: src, due: round2(due), collected: round2(due * delivered) });
        }
      }
      // Employee and maternity: monthly on the wage base of in-service workers.
      const wageBase = empEnrolled * IN_SERVICE_SHARE * (WAGE_2017 * Math.pow(1 + WAGE_GROWTH, t / 12)) / 12;
      for (const [src, rate] of [['EMPLOYER', EMPLOYER_RATE], ['INDIVIDUAL', INDIVIDUAL_RATE]] as const) {
        const due = wageBase * rate;
        contributions.push({ regionCode: c.code, schemeCode: 'EMPLOYEE', period: p, source: src, due: round2(due), collected: round2(due * colRate()) });
      }
      const matDue = wageBase * MATERNITY_RATE;
      contributions.push({ regionCode: c.code, schemeCode: 'MATERNITY', period: p, source: 'EMPLOYER', due: round2(matDue), collected: round2(matDue * colRate()) });
    }
  }

  // ───────────── utilization (rolled-up settlement records) ─────────────
  const utilization: UtilizationRow[] = [];
  for (const c of COUNTIES) {
    const r = rng.fork(`util-${c.code}`);
    const neighbours = COUNTIES.filter((o) => o.code !== c.code && o.urban === c.urban).map((o) => o.code);
    const neighbourHospitals = institutions.filter((i) => neighbours.includes(i.regionCode) && i.level === 'COUNTY' && i.name.includes('人民医院'));
    const ownPrimary = instByRegionLevel(c.code, 'PRIMARY');
    const ownCounty = instByRegionLevel(c.code, 'COUNTY');
    for (const s of schemes) {
      const poolAt = poolingOf(c.code, s);
      for (const vt of Object.keys(RATES[s]) as VisitType[]) {
        const rate = RATES[s][vt]!;
        for (const p of periods) {
          const y = yearOf(p), m = monthOf(p);
          const t = monthsBetween(FIRST_YEAR * 100 + 1, p);
          const enrolled = enrolledAt.get(key(c.code, s, p))!;
          const season = (vt === 'INPATIENT' ? SEASON_IN : SEASON_OUT)[m - 1];
          const shares = { ...(s === 'MATERNITY' ? MATERNITY_SHARES[c.urban ? 'urban' : 'rural'] : (c.urban ? URBAN_SHARES : RURAL_SHARES)[vt]) };
          applyPoolingShift(shares, c, vt, p, poolAt, s);
          const baseVisits = (enrolled * rate.base * Math.pow(1 + rate.growth, t / 12) * season) / 12;
          for (const level of ['PRIMARY', 'COUNTY', 'CITY', 'OUT_OF_CITY'] as Level[]) {
            const share = shares[level];
            if (share <= 0) continue;
            const total = Math.round(baseVisits * share * covid(p, level) * r.uniform(0.97, 1.03));
            // Which institutions: own primary (village clinics only for general outpatient), own county
            // hospitals plus neighbours', city hospitals, out-of-city.
            let targets: InstitutionRow[];
            let weights: number[];
            if (level === 'PRIMARY') {
              targets = ownPrimary.filter((i) => (vt === 'OUTPATIENT' ? true : i.kind !== 'VILLAGE_CLINIC'));
              weights = targets.map((i) => instWeight.get(i.code)! * (vt === 'OUTPATIENT' && i.kind !== 'VILLAGE_CLINIC' ? 3 : 1));
            } else if (level === 'COUNTY') {
              const own = s === 'MATERNITY' ? ownCounty.filter((i) => /人民医院|妇幼/.test(i.name)) : ownCounty;
              targets = [...own, ...neighbourHospitals];
              const ow = own.reduce((a, i) => a + instWeight.get(i.code)!, 0);
              const nw = neighbourHospitals.reduce((a, i) => a + instWeight.get(i.code)!, 0);
              weights = targets.map((i) => (own.includes(i) ? (instWeight.get(i.code)! / ow) * (1 - NEIGHBOUR_SHARE) : (instWeight.get(i.code)! / nw) * NEIGHBOUR_SHARE));
            } else if (level === 'CITY') {
              targets = s === 'MATERNITY' ? cityHospitals.filter((i) => /人民医院|妇幼|中心/.test(i.name)) : cityHospitals;
              weights = targets.map((i) => instWeight.get(i.code)! * (i.regionCode === c.code ? 1.6 : 1));
            } else {
              targets = outOfCity;
              weights = targets.map((i) => instWeight.get(i.code)!);
            }
            // Terminated institutions stop settling the month after termination.
            weights = weights.map((w, k) => {
              const a = anomalyCodes.get(targets[k].code);
              return a && a.action === 'TERMINATED' && p > Number(a.actionOn.slice(0, 4) + a.actionOn.slice(5, 7)) ? 0 : w;
            });
            const parts = apportion(total, weights);
            for (let k = 0; k < targets.length; k++) {
              const visits = parts[k];
              if (visits <= 0) continue;
              const inst = targets[k];
              const a = anomalyCodes.get(inst.code);
              const anomalous = a && p >= a.from && !(a.action === 'SUSPENDED' && p >= a.found + 3);
              const baseCost = s === 'MATERNITY' ? MATERNITY_COST[level] : COST[vt][level];
              const cpv = baseCost * COST_SCALE[s] * Math.pow(1 + COST_GROWTH, t / 12) * instCostFactor.get(inst.code)! * r.uniform(0.97, 1.03)
                * (anomalous ? (vt === 'INPATIENT' ? 1.95 : 1.5) : 1);
              const totalCost = round2(visits * cpv);
              const policyCost = round2(totalCost * POLICY_SHARE[level] * r.uniform(0.99, 1.01));
              const fundPaid = round2(policyCost * Math.min(0.95, fundRatio(s, vt, level, c, p, poolAt) * r.uniform(0.985, 1.015)));
              const referralsUp = level === 'COUNTY' || level === 'CITY' ? Math.round(visits * (vt === 'INPATIENT' ? 0.06 : 0.01)) : 0;
              const downGrowth = c.strongDifferentiatedPayment ? 0.16 : 0.04;
              const referralsDown = level === 'PRIMARY' && vt !== 'OUTPATIENT' ? Math.round(visits * 0.03 * Math.pow(1 + downGrowth, y - FIRST_YEAR)) : 0;
              utilization.push({ insuredRegionCode: c.code, institutionCode: inst.code, schemeCode: s, visitType: vt, period: p, visits,
                totalCost, policyCost, fundPaid, outOfPocket: round2(totalCost - fundPaid), referralsUp, referralsDown });
            }
          }
        }
      }
    }
  }

  // ───────────── ledger and balances ─────────────
  const ledger: LedgerRow[] = [];
  const balances: BalanceRow[] = [];
  const remittances: RemittanceRow[] = [];
  const sumBy = new Map<string, number>();
  const add = (k: string, v: number) => sumBy.set(k, (sumBy.get(k) ?? 0) + v);
  for (const u of utilization) add(key('exp', u.insuredRegionCode, u.schemeCode, u.visitType, u.period), u.fundPaid);
  for (const ct of contributions) add(key('col', ct.regionCode, ct.schemeCode, ct.source, ct.period), ct.collected);
  const col = (reg: string, s: SchemeCode, src: string, p: number) => sumBy.get(key('col', reg, s, src, p)) ?? 0;
  const exp = (reg: string, s: SchemeCode, vt: VisitType, p: number) => sumBy.get(key('exp', reg, s, vt, p)) ?? 0;

  // Starting balances (end of 2016): months of the first year's expected expense.
  const startMonths: Record<SchemeCode, number> = { RESIDENT: 9, EMPLOYEE: 9, MATERNITY: 7 };
  const countyPool = new Map<string, number>();
  const legacy = new Map<string, number>();
  const personal = new Map<string, number>();
  const cityPool = new Map<SchemeCode, number>(schemes.map((s) => [s, 0]));
  for (const c of COUNTIES) for (const s of schemes) {
    let first = 0;
    for (const p of periods.slice(0, 12)) for (const vt of ['OUTPATIENT', 'CHRONIC', 'INPATIENT'] as VisitType[]) first += exp(c.code, s, vt, p);
    if (s === 'MATERNITY') first *= MATERNITY_EXPENSE_FACTOR;
    countyPool.set(key(c.code, s), round2((first / 12) * startMonths[s]));
    personal.set(c.code, 0);
  }
  const remitR = rng.fork('remit');
  for (const p of periods) {
    const y = yearOf(p), m = monthOf(p);
    for (const s of schemes) {
      let cityNet = 0;
      for (const c of COUNTIES) {
        const pooled = p >= poolingOf(c.code, s);
        const income: Record<string, number> = {};
        const expense: Record<string, number> = {};
        if (s === 'RESIDENT') {
          income.PREMIUM = col(c.code, s, 'INDIVIDUAL', p);
          income.SUBSIDY = ['SUBSIDY_CENTRAL', 'SUBSIDY_PROVINCE', 'SUBSIDY_CITY', 'SUBSIDY_COUNTY'].reduce((a, src) => a + col(c.code, s, src, p), 0);
        } else if (s === 'EMPLOYEE') {
          income.PREMIUM = col(c.code, s, 'EMPLOYER', p) * (1 - EMPLOYER_TO_PERSONAL);
        } else {
          income.PREMIUM = col(c.code, s, 'EMPLOYER', p);
        }
        income.OTHER_INCOME = income.PREMIUM * 0.002;
        if (s === 'MATERNITY') {
          // Delivery costs plus maternity allowance (生育津贴, about four months' wage per birth).
          expense.MATERNITY = exp(c.code, s, 'INPATIENT', p) * MATERNITY_EXPENSE_FACTOR;
        } else {
          expense.INPATIENT = exp(c.code, s, 'INPATIENT', p);
          expense.OUTPATIENT = exp(c.code, s, 'OUTPATIENT', p);
          expense.CHRONIC = exp(c.code, s, 'CHRONIC', p);
        }
        const expSum = Object.values(expense).reduce((a, b) => a + b, 0);
        expense.OTHER_EXPENSE = expSum * (s === 'RESIDENT' ? 0.035 : 0.01); // 大病保险 premiums etc.
        const k = key(c.code, s);
        if (!pooled) {
          income.INTEREST = Math.max(0, countyPool.get(k)!) * INTEREST_RATE / 12;
        }
        const inc = Object.values(income).reduce((a, b) => a + b, 0);
        const out = Object.values(expense).reduce((a, b) => a + b, 0);
        for (const [item, amount] of [...Object.entries(income), ...Object.entries(expense)]) {
          ledger.push({ regionCode: c.code, schemeCode: s, account: 'POOL', period: p, item, amount: round2(amount) });
        }
        if (pooled) {
          // 统收统支: current income remitted up in full, expense allocated back down (市级统筹意见（征求意见稿）三(三)).
          if (p === poolingOf(c.code, s)) { legacy.set(k, countyPool.get(k)!); countyPool.delete(k); }
          ledger.push({ regionCode: c.code, schemeCode: s, account: 'POOL', period: p, item: 'REMIT_UP', amount: round2(inc) });
          ledger.push({ regionCode: c.code, schemeCode: s, account: 'POOL', period: p, item: 'ALLOCATE_DOWN', amount: round2(out) });
          const due = `${m === 12 ? y + 1 : y}-${pad(m === 12 ? 1 : m + 1)}-10`;
          const delay = c.remittanceDelayDays > 0 ? Math.max(0, Math.round(remitR.normal(c.remittanceDelayDays, c.remittanceDelayDays / 3))) : remitR.int(-6, 0);
          remittances.push({ regionCode: c.code, schemeCode: s, period: p, amount: round2(inc), dueDate: due, paidDate: addDays(due, delay) });
          cityNet += inc - out;
        } else {
          countyPool.set(k, countyPool.get(k)! + inc - out);
        }
        // Employee personal accounts stay with the county.
        if (s === 'EMPLOYEE') {
          const pin = col(c.code, s, 'INDIVIDUAL', p) + col(c.code, s, 'EMPLOYER', p) * EMPLOYER_TO_PERSONAL;
          const pout = pin * 0.86;
          ledger.push({ regionCode: c.code, schemeCode: s, account: 'PERSONAL', period: p, item: 'PREMIUM', amount: round2(pin) });
          ledger.push({ regionCode: c.code, schemeCode: s, account: 'PERSONAL', period: p, item: 'OUTPATIENT', amount: round2(pout) });
          personal.set(c.code, personal.get(c.code)! + pin - pout);
          balances.push({ regionCode: c.code, schemeCode: s, account: 'PERSONAL', period: p, kind: 'COUNTY_POOL', balance: round2(personal.get(c.code)!) });
        }
      }
      if (p >= 202001) {
        const interest = Math.max(0, cityPool.get(s)!) * INTEREST_RATE / 12;
        ledger.push({ regionCode: CITY.code, schemeCode: s, account: 'POOL', period: p, item: 'INTEREST', amount: round2(interest) });
        let next = cityPool.get(s)! + cityNet + interest;
        // The city pool covers deficits first; when it runs dry the city dispatches legacy balances.
        if (next < 0) {
          const leg = COUNTIES.map((c) => key(c.code, s)).filter((k) => legacy.has(k));
          const total = leg.reduce((a, k) => a + legacy.get(k)!, 0);
          const draw = Math.min(-next, Math.max(0, total));
          if (draw > 0) for (const k of leg) legacy.set(k, legacy.get(k)! - (draw * legacy.get(k)!) / total);
          next += draw;
        }
        cityPool.set(s, next);
        balances.push({ regionCode: CITY.code, schemeCode: s, account: 'POOL', period: p, kind: 'CITY_POOL', balance: round2(next) });
      }
      for (const c of COUNTIES) {
        const k = key(c.code, s);
        if (countyPool.has(k)) balances.push({ regionCode: c.code, schemeCode: s, account: 'POOL', period: p, kind: 'COUNTY_POOL', balance: round2(countyPool.get(k)!) });
        if (legacy.has(k)) balances.push({ regionCode: c.code, schemeCode: s, account: 'POOL', period: p, kind: 'LEGACY', balance: round2(legacy.get(k)!) });
      }
    }
  }

  // ───────────── budgets: approved each January, adjusted in 2020 (COVID) and 2023 ─────────────
  const budgets = makeBudgets(rng.fork('budget'), spec, years, ledger, contributions, enrolledAt);

  // ───────────── family doctors, supervision, benefits ─────────────
  const familyDoctor: FamilyDoctorRow[] = [];
  for (const c of COUNTIES) {
    const r = rng.fork(`fd-${c.code}`);
    for (const y of years) {
      const residents = Math.round(c.population2017 * Math.pow(1 + c.popGrowth, y - FIRST_YEAR));
      const rate = (c.strongDifferentiatedPayment ? 0.33 : 0.24) + (y - FIRST_YEAR) * (c.strongDifferentiatedPayment ? 0.025 : 0.012) + r.uniform(-0.01, 0.01);
      const keyPopulation = Math.round(residents * 0.31);
      familyDoctor.push({ regionCode: c.code, year: y, residents, signed: Math.round(residents * rate), keyPopulation, keySigned: Math.round(keyPopulation * Math.min(0.92, rate * 2.1)) });
    }
  }
  const supervision = makeSupervision(rng.fork('supervision'), institutions, anomalyCodes, periods);
  const benefits: BenefitRow[] = [];
  {
    const r = rng.fork('benefit');
    const inpatient = new Map<string, { visits: number; policy: number; fund: number }>();
    for (const u of utilization) {
      if (u.visitType !== 'INPATIENT') continue;
      const k = key(u.insuredRegionCode, u.schemeCode, u.period);
      const v = inpatient.get(k) ?? { visits: 0, policy: 0, fund: 0 };
      v.visits += u.visits; v.policy += u.policyCost; v.fund += u.fundPaid;
      inpatient.set(k, v);
    }
    for (const c of COUNTIES) for (const s of schemes) for (const p of periods) {
      const v = inpatient.get(key(c.code, s, p)) ?? { visits: 0, policy: 0, fund: 0 };
      const claims = Math.round(v.visits * 0.035 + 5);
      const onTime = Math.round(claims * Math.min(1, r.uniform(0.95, 0.995) + (p >= 202101 ? 0.01 : 0)));
      const cases = s === 'RESIDENT' ? Math.round(v.visits * 0.07) : 0;
      benefits.push({ regionCode: c.code, schemeCode: s, period: p, claimsSettled: claims, claimsOnTime: onTime,
        policyRangeCost: round2(v.policy), policyRangeFundPaid: round2(v.fund), assistanceCases: cases, assistanceAmount: round2(cases * r.uniform(1300, 1700)) });
    }
  }

  const meta: Record<string, string> = {
    cityCode: CITY.code,
    cityName: CITY.name,
    isDemo: 'true',
    label: '演示数据',
    seed: String(seed),
    firstPeriod: String(periods[0]),
    lastPeriod: String(periods[periods.length - 1]),
    generatedBy: 'lib/demo/generate.ts',
  };
  return { meta, regions, institutions, pooling, unification, standards, enrollment, contributions, ledger, balances,
    utilization, budgets, familyDoctor, supervision, benefits, remittances };

  // ───────────── helpers (closures over the generator's state) ─────────────
  function makeInstitutions(r: Rng): InstitutionRow[] {
    const out: InstitutionRow[] = [];
    const used = new Set<string>();
    const townName = () => {
      for (;;) { const n = r.pick(TOWN_A) + r.pick(TOWN_B); if (!used.has(n)) { used.add(n); return n; } }
    };
    const agreementStart = () => `${r.int(2005, 2016)}-${pad(r.int(1, 12))}-01`;
    for (const c of COUNTIES) {
      let seq = 0;
      const code = (prefix: string) => `H${c.code}${prefix}${String(++seq).padStart(3, '0')}`;
      const nTownships = c.urban ? (c.kind === 'ZONE' ? 0 : 3) : c.kind === 'ZONE' ? 4 : c.kind === 'COUNTY_CITY' ? 12 : 14;
      const nVillagesPerTown = c.kind === 'ZONE' ? 6 : 5;
      const nCommunities = c.urban ? (c.kind === 'ZONE' ? 6 : 18) : 2;
      for (let i = 0; i < nTownships; i++) {
        const town = townName();
        const suffix = r.next() < 0.7 ? '镇' : '乡';
        out.push({ code: code('P'), name: `${c.shortName}${town}${suffix}卫生院`, regionCode: c.code, level: 'PRIMARY', kind: 'TOWNSHIP', ownership: 'PUBLIC', agreementStatus: 'ACTIVE', agreementStart: agreementStart(), agreementEnd: null });
        if (!c.urban) {
          for (let v = 0; v < nVillagesPerTown; v++) {
            out.push({ code: code('V'), name: `${town}${suffix}${r.pick(TOWN_A)}${r.pick(VILLAGE_B)}卫生室`, regionCode: c.code, level: 'PRIMARY', kind: 'VILLAGE_CLINIC', ownership: 'PUBLIC', agreementStatus: 'ACTIVE', agreementStart: agreementStart(), agreementEnd: null });
          }
        }
      }
      for (let i = 0; i < nCommunities; i++) {
        out.push({ code: code('C'), name: `${c.shortName}${townName()}${c.urban ? '街道' : '城区'}社区卫生服务中心`, regionCode: c.code, level: 'PRIMARY', kind: 'COMMUNITY', ownership: 'PUBLIC', agreementStatus: 'ACTIVE', agreementStart: agreementStart(), agreementEnd: null });
      }
      const hospitals = c.kind === 'ZONE' ? [`${c.shortName}医院`]
        : c.kind === 'DISTRICT' ? [`${c.name}人民医院`, `${c.name}中医医院`]
        : [`${c.name}人民医院`, `${c.name}中医医院`, `${c.name}妇幼保健院`, `${c.shortName}仁和医院`, `${c.shortName}康宁医院`];
      for (const h of hospitals) {
        out.push({ code: code('H'), name: h, regionCode: c.code, level: 'COUNTY', kind: 'HOSPITAL', ownership: /仁和|康宁/.test(h) ? 'PRIVATE' : 'PUBLIC', agreementStatus: 'ACTIVE', agreementStart: agreementStart(), agreementEnd: null });
      }
    }
    spec.cityHospitals.forEach(([name, region], i) => out.push({ code: `H${CITY.code}S${String(i + 1).padStart(3, '0')}`, name, regionCode: region, level: 'CITY', kind: 'HOSPITAL', ownership: name.includes('骨伤') ? 'PRIVATE' : 'PUBLIC', agreementStatus: 'ACTIVE', agreementStart: agreementStart(), agreementEnd: null }));
    spec.outOfCityNames.forEach((name, i) =>
      out.push({ code: `H${CITY.code}X${String(i + 1).padStart(3, '0')}`, name, regionCode: CITY.code, level: 'OUT_OF_CITY', kind: 'OUT_OF_CITY', ownership: 'PUBLIC', agreementStatus: 'ACTIVE', agreementStart: '2017-01-01', agreementEnd: null }));
    return out;
  }

  function makeUnification(): UnificationRow[] {
    const out: UnificationRow[] = [];
    for (const c of COUNTIES) for (const s of schemes) {
      const residentLag = s === 'RESIDENT' && c.residentPooling > 202001;
      for (const item of ['POLICY', 'BENEFIT', 'FUND', 'OPERATION', 'DESIGNATION', 'IT']) {
        // Deadlines from 市级统筹意见（征求意见稿）: six unifications from 2020-01-01 (resident pooling by 2021-12-31 at the
        // latest), benefit transition rules by 2019-12-31, the city information system by 2020-12-31.
        const deadline = item === 'IT' ? '2020-12-31' : residentLag ? '2021-12-31' : item === 'BENEFIT' ? '2019-12-31' : '2020-01-01';
        let done = item === 'IT' ? c.itUnificationDone : item === 'BENEFIT' ? '2019-12-20' : '2020-01-01';
        if (residentLag && item !== 'IT') done = `${Math.floor(c.residentPooling / 100)}-${pad(c.residentPooling % 100)}-01`;
        const late = done > deadline;
        out.push({ regionCode: c.code, schemeCode: s, item, status: 'DONE', deadline, completedOn: done,
          note: late ? '逾期完成：市级集中信息系统切换延后' : residentLag && item !== 'IT' ? '居民医保过渡期内完成' : null });
      }
    }
    return out;
  }
}

/** Pooling moves patients: in the siphoning county the primary and in-county shares fall after its
 * pooling month; with strong differentiated payment they hold and rise a little (市级统筹意见（征求意见稿）四(三)). */
function applyPoolingShift(shares: Record<Level, number>, c: CountySpec, vt: VisitType, p: number, poolAt: number, s: SchemeCode) {
  if (s === 'MATERNITY') return;
  const since = monthsBetween(poolAt, p);
  const yrs = monthsBetween(FIRST_YEAR * 100 + 1, p) / 12;
  // Everywhere: a slow secular drift of outpatients toward city hospitals.
  let primaryDelta = -0.004 * yrs;
  let countyDelta = 0;
  if (since >= 0 && c.siphonAfterPooling) {
    const sp = c.siphonAfterPooling;
    const ramp = Math.min(since, sp.months);
    primaryDelta += sp.primaryLevel + sp.primarySlope * ramp;
    countyDelta += sp.inCountyLevel + sp.inCountySlope * ramp;
  }
  if (c.strongDifferentiatedPayment) primaryDelta = 0.003 * yrs + (since >= 0 ? 0.0006 * Math.min(since, 48) : 0);
  const scale = vt === 'INPATIENT' ? 0.5 : 1;
  const dp = Math.max(-shares.PRIMARY + 0.05, primaryDelta * scale);
  const dc = vt === 'INPATIENT' ? countyDelta : countyDelta * 0.5;
  shares.PRIMARY += dp;
  shares.COUNTY += dc;
  shares.CITY -= dp + dc;
  if (shares.CITY < 0.01) { shares.COUNTY += shares.CITY - 0.01; shares.CITY = 0.01; }
}

/** Realised fund payment ratio: unified at pooling (CITY reimbursement raised, narrowing the gap);
 * the strong-differentiation county keeps primary care more generous; in the siphoning county the
 * county hospitals' realised ratio falls below the city hospitals' (more out-of-list items). */
function fundRatio(s: SchemeCode, vt: VisitType, level: Level, c: CountySpec, p: number, poolAt: number): number {
  let ratio = FUND_RATIO[s][vt][level];
  if (p >= poolAt && s === 'RESIDENT' && level === 'CITY') ratio += 0.05;
  if (c.strongDifferentiatedPayment && level === 'PRIMARY') ratio += 0.04;
  if (c.siphonAfterPooling && p >= poolAt && s === 'RESIDENT' && level === 'COUNTY') ratio -= 0.1;
  return ratio;
}

function makeBudgets(r: Rng, spec: CitySpec, years: number[], ledger: LedgerRow[], contributions: ContributionRow[], enrolledAt: Map<string, number>): BudgetVersionRow[] {
  const actual = new Map<string, number>();
  for (const l of ledger) {
    if (l.account !== 'POOL' || l.regionCode === spec.code || l.item === 'REMIT_UP' || l.item === 'ALLOCATE_DOWN') continue;
    const k = [l.regionCode, l.schemeCode, l.item, Math.floor(l.period / 100)].join('|');
    actual.set(k, (actual.get(k) ?? 0) + l.amount);
  }
  const due = new Map<string, number>();
  for (const ct of contributions) {
    const k = [ct.regionCode, ct.schemeCode, ct.source, Math.floor(ct.period / 100)].join('|');
    due.set(k, (due.get(k) ?? 0) + ct.due);
  }
  void enrolledAt;
  const out: BudgetVersionRow[] = [];
  const items = ['PREMIUM', 'SUBSIDY', 'INTEREST', 'OTHER_INCOME', 'INPATIENT', 'OUTPATIENT', 'CHRONIC', 'MATERNITY', 'OTHER_EXPENSE'];
  for (const y of years) {
    const lines: BudgetVersionRow['lines'] = [];
    for (const c of spec.counties) for (const s of ['EMPLOYEE', 'RESIDENT', 'MATERNITY'] as SchemeCode[]) for (const item of items) {
      const prev = actual.get([c.code, s, item, y - 1].join('|')) ?? (actual.get([c.code, s, item, y].join('|')) ?? 0) / 1.07;
      if (prev === 0 && item !== 'SUBSIDY') continue;
      let amount: number;
      if (item === 'SUBSIDY') {
        // Subsidy income is planned at the standard: what every level owes (市级统筹意见（征求意见稿）三(三)).
        amount = ['SUBSIDY_CENTRAL', 'SUBSIDY_PROVINCE', 'SUBSIDY_CITY', 'SUBSIDY_COUNTY'].reduce((a, src) => a + (due.get([c.code, s, src, y].join('|')) ?? 0), 0);
        if (amount === 0) continue;
      } else if (item === 'PREMIUM') {
        const srcs = s === 'RESIDENT' ? ['INDIVIDUAL'] : ['EMPLOYER'];
        const d = srcs.reduce((a, src) => a + (due.get([c.code, s, src, y].join('|')) ?? 0), 0);
        amount = d * (s === 'EMPLOYEE' ? 1 - EMPLOYER_TO_PERSONAL : 1) * 0.985;
      } else if (['INTEREST', 'OTHER_INCOME'].includes(item)) {
        amount = prev * r.uniform(0.95, 1.05);
      } else {
        amount = prev * r.uniform(1.07, 1.1);
      }
      lines.push({ regionCode: c.code, schemeCode: s, item, amount: Math.round(amount) });
    }
    out.push({ year: y, seq: 0, kind: 'APPROVED', docNo: `${spec.docPrefix}〔${y}〕${r.int(2, 9)}号`, approvedOn: `${y}-01-${pad(r.int(10, 25))}`,
      reason: `${y}年度基本医疗保险和生育保险基金收支预算（市人大批准）`, lines });
    if (y === 2020) {
      out.push({ year: y, seq: 1, kind: 'ADJUSTMENT', docNo: `${spec.docPrefix}〔2020〕41号`, approvedOn: '2020-07-20',
        reason: '新冠肺炎疫情影响，就诊量下降，调减医疗费用支出预算；阶段性减征职工医保单位缴费',
        lines: lines.map((l) => ({ ...l, amount: Math.round(l.amount * (['INPATIENT', 'OUTPATIENT', 'CHRONIC'].includes(l.item) ? 0.92 : l.item === 'PREMIUM' && l.schemeCode === 'EMPLOYEE' ? 0.97 : 1)) })) });
    }
    if (y === 2023) {
      out.push({ year: y, seq: 1, kind: 'ADJUSTMENT', docNo: `${spec.docPrefix}〔2023〕57号`, approvedOn: '2023-08-18',
        reason: '住院费用增长超预期，调增住院费用支出预算',
        lines: lines.map((l) => ({ ...l, amount: Math.round(l.amount * (l.item === 'INPATIENT' ? 1.06 : 1)) })) });
    }
  }
  return out;
}

function makeSupervision(r: Rng, institutions: InstitutionRow[], anomalies: Map<string, AnomalySpec>, periods: number[]): SupervisionRow[] {
  const out: SupervisionRow[] = [];
  const inScope = institutions.filter((i) => i.level !== 'OUT_OF_CITY');
  for (const inst of inScope) {
    const a = anomalies.get(inst.code);
    for (const p of periods) {
      // Roughly one routine inspection a year; the anomalous ones get caught at `found`.
      const routine = r.next() < (inst.kind === 'VILLAGE_CLINIC' ? 0.04 : 0.09);
      if (a && p === a.found) {
        out.push({ institutionCode: inst.code, period: p, inspections: 1, violations: 3, amountRefused: Math.round(r.uniform(3e5, 6e5)), amountRecovered: Math.round(r.uniform(1.2e6, 2.6e6)), interviews: 1, suspensions: 0, terminations: 0 });
      } else if (a && monthsBetween(a.found, p) === 3) {
        out.push({ institutionCode: inst.code, period: p, inspections: 1, violations: 1, amountRefused: 0, amountRecovered: Math.round(r.uniform(2e5, 5e5)), interviews: 0, suspensions: a.action === 'SUSPENDED' ? 1 : 0, terminations: a.action === 'TERMINATED' ? 1 : 0 });
      } else if (routine) {
        const violation = r.next() < 0.12;
        out.push({ institutionCode: inst.code, period: p, inspections: 1, violations: violation ? 1 : 0,
          amountRefused: violation ? Math.round(r.uniform(2e3, 4e4)) : 0, amountRecovered: violation ? Math.round(r.uniform(1e3, 3e4)) : 0,
          interviews: violation && r.next() < 0.3 ? 1 : 0, suspensions: 0, terminations: 0 });
      }
    }
  }
  return out;
}
