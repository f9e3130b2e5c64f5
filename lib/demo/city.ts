// The demo city: a fictional prefecture-level city (江临市) of about 3.8 million residents with six
// county-level units and two functional zones. Each unit carries the traits that make the stories listed in
// README (演示数据) visible. All names and codes are invented (the 4399xx code range is unused in GB/T 2260).
import type { RegionKind } from '../domain/codes';

export const DEMO_SEED = 20200101;
export const FIRST_YEAR = 2017;
export const LAST_YEAR = 2024;
export const CITY = { code: '439900', name: '江临市', shortName: '江临' } as const;

export interface CountySpec {
  code: string;
  name: string;
  shortName: string;
  kind: RegionKind;
  isLocalCode: boolean;
  population2017: number;
  /** yearly population growth */
  popGrowth: number;
  /** share of the population in the employee scheme (urban, formal employment) */
  employeeShare: number;
  urban: boolean;
  /** month resident pooling took effect (employee and maternity: 2020-01 everywhere) */
  residentPooling: number;
  /** how strongly resident enrolment falls as the individual contribution rises (coverage points per +100%) */
  enrolmentElasticity: number;
  /** county share of the resident fiscal subsidy actually delivered from a given year (市级统筹意见（征求意见稿）三(三)) */
  subsidyShortfall?: { fromYear: number; delivered: number };
  /** after pooling: primary-care share falls (patients flow to city hospitals) */
  siphonAfterPooling?: { primaryLevel: number; primarySlope: number; inCountyLevel: number; inCountySlope: number; months: number };
  /** strong differentiated payment (紧密型医共体, wider reimbursement gap): primary share holds and rises */
  strongDifferentiatedPayment?: boolean;
  /** remittances to the city account arrive late (days, mean) */
  remittanceDelayDays: number;
  /** 统一信息系统 completed on (市级统筹意见（征求意见稿）三(六) deadline 2020-12-31) */
  itUnificationDone: string;
  disposableIncome2017: number;
}

export const COUNTIES: CountySpec[] = [
  {
    code: '439902', name: '临江区', shortName: '临江', kind: 'DISTRICT', isLocalCode: false,
    population2017: 720_000, popGrowth: 0.012, employeeShare: 0.42, urban: true, residentPooling: 202001,
    enrolmentElasticity: 0.02, remittanceDelayDays: 0, itUnificationDone: '2020-09-30', disposableIncome2017: 36_000,
  },
  {
    code: '439903', name: '望山区', shortName: '望山', kind: 'DISTRICT', isLocalCode: false,
    population2017: 560_000, popGrowth: 0.008, employeeShare: 0.35, urban: true, residentPooling: 202001,
    enrolmentElasticity: 0.02, remittanceDelayDays: 24, itUnificationDone: '2020-11-30', disposableIncome2017: 33_000,
  },
  {
    code: '439921', name: '清河县', shortName: '清河', kind: 'COUNTY', isLocalCode: false,
    population2017: 640_000, popGrowth: -0.004, employeeShare: 0.14, urban: false, residentPooling: 202001,
    enrolmentElasticity: 0.025, strongDifferentiatedPayment: true, remittanceDelayDays: 0,
    itUnificationDone: '2020-10-31', disposableIncome2017: 19_500,
  },
  {
    code: '439922', name: '石门县', shortName: '石门', kind: 'COUNTY', isLocalCode: false,
    population2017: 520_000, popGrowth: -0.008, employeeShare: 0.11, urban: false, residentPooling: 202101,
    enrolmentElasticity: 0.13, remittanceDelayDays: 2, itUnificationDone: '2021-06-30', disposableIncome2017: 16_500,
  },
  {
    code: '439923', name: '桃源县', shortName: '桃源', kind: 'COUNTY', isLocalCode: false,
    population2017: 470_000, popGrowth: -0.006, employeeShare: 0.12, urban: false, residentPooling: 202001,
    enrolmentElasticity: 0.04, subsidyShortfall: { fromYear: 2021, delivered: 0.58 }, remittanceDelayDays: 3,
    itUnificationDone: '2020-12-20', disposableIncome2017: 17_000,
  },
  {
    code: '439981', name: '安平市', shortName: '安平', kind: 'COUNTY_CITY', isLocalCode: false,
    population2017: 600_000, popGrowth: 0.002, employeeShare: 0.2, urban: false, residentPooling: 202001,
    enrolmentElasticity: 0.03,
    siphonAfterPooling: { primaryLevel: -0.05, primarySlope: -0.0045, inCountyLevel: -0.05, inCountySlope: -0.003, months: 24 },
    remittanceDelayDays: 1, itUnificationDone: '2020-12-15', disposableIncome2017: 22_000,
  },
  {
    code: '4399A1', name: '江临高新技术产业开发区', shortName: '高新区', kind: 'ZONE', isLocalCode: true,
    population2017: 180_000, popGrowth: 0.025, employeeShare: 0.55, urban: true, residentPooling: 202001,
    enrolmentElasticity: 0.02, remittanceDelayDays: 0, itUnificationDone: '2020-08-31', disposableIncome2017: 38_000,
  },
  {
    code: '4399A2', name: '湖滨管理区', shortName: '湖滨', kind: 'ZONE', isLocalCode: true,
    population2017: 110_000, popGrowth: -0.005, employeeShare: 0.1, urban: false, residentPooling: 202107,
    enrolmentElasticity: 0.03, remittanceDelayDays: 2, itUnificationDone: '2020-12-28', disposableIncome2017: 18_000,
  },
];

/** Resident individual contribution standard applied in the city (元/人/年): one year behind the
 * national minimum from 2020, as in Hunan (益阳市医疗保障局答复: 250/280/320 vs 280/320/350 for 2020/21/22). */
export const INDIVIDUAL_STANDARD: Record<number, number> = {
  2017: 180, 2018: 220, 2019: 250, 2020: 250, 2021: 280, 2022: 320, 2023: 350, 2024: 380,
};
/** National minimum individual contribution (shared/reference/README.md). */
export const NATIONAL_MIN_INDIVIDUAL: Record<number, number> = {
  2017: 180, 2018: 220, 2019: 250, 2020: 280, 2021: 320, 2022: 350, 2023: 380, 2024: 400,
};
/** Per-capita fiscal subsidy (national standard; 490 in 2018 → 610 in 2022, 医保函〔2023〕73号). */
export const SUBSIDY_STANDARD: Record<number, number> = {
  2017: 450, 2018: 490, 2019: 520, 2020: 550, 2021: 580, 2022: 610, 2023: 640, 2024: 670,
};
/** How the resident subsidy is shared between levels of government in the demo province. */
export const SUBSIDY_SHARES = { SUBSIDY_CENTRAL: 0.6, SUBSIDY_PROVINCE: 0.2, SUBSIDY_CITY: 0.08, SUBSIDY_COUNTY: 0.12 } as const;

/** An institution with anomalous costs (欺诈骗保 clue): the `ordinal`-th institution of `kind` in `region`. */
export interface AnomalySpec {
  region: string;
  kind: 'HOSPITAL' | 'TOWNSHIP' | 'COMMUNITY';
  ordinal: number;
  /** costs jump from this month (YYYYMM) */
  from: number;
  /** violations found in this month */
  found: number;
  action: 'TERMINATED' | 'SUSPENDED';
  actionOn: string;
}

/** Anomalous institutions (欺诈骗保 clues): costs jump from `from`, violations found at `found`. */
export const ANOMALIES: AnomalySpec[] = [
  { region: '439981', kind: 'HOSPITAL' as const, ordinal: 3, from: 202201, found: 202303, action: 'TERMINATED' as const, actionOn: '2023-09-30' },
  { region: '439923', kind: 'TOWNSHIP' as const, ordinal: 2, from: 202204, found: 202306, action: 'SUSPENDED' as const, actionOn: '2023-07-01' },
  { region: '439903', kind: 'COMMUNITY' as const, ordinal: 1, from: 202207, found: 202311, action: 'SUSPENDED' as const, actionOn: '2023-12-01' },
];

/**
 * Everything that makes one city-level pool (市级统筹) of the generator: the city, its county-level units and
 * the city-specific stories. `DEMO_CITY_SPEC` is the demo city; the demo province (lib/demo/province.ts)
 * builds one per city.
 */
export interface CitySpec {
  code: string;
  name: string;
  shortName: string;
  /** the province above (null: the city stands alone, as the demo city does) */
  parentCode: string | null;
  counties: CountySpec[];
  anomalies: AnomalySpec[];
  /** city-level hospitals: [name, region code where it stands] */
  cityHospitals: [string, string][];
  /** out-of-city destinations (one virtual institution each, booked under the city code) */
  outOfCityNames: string[];
  /** resident individual contribution standard applied in the city (元/人/年) */
  individualStandard: Record<number, number>;
  /** prefix of the budget documents' 文号, e.g. 江临医保发 */
  docPrefix: string;
}

export const DEMO_CITY_SPEC: CitySpec = {
  ...CITY,
  parentCode: null,
  counties: COUNTIES,
  anomalies: ANOMALIES,
  cityHospitals: [
    ['江临市第一人民医院', '439902'], ['江临市中心医院', '439902'], ['江临市中医医院', '439902'], ['江临市妇幼保健院', '439902'],
    ['江临医学院附属医院', '439902'], ['江临市第二人民医院', '439903'], ['江临市肿瘤医院', '439903'], ['江临市骨伤科医院', '439903'],
  ],
  outOfCityNames: ['省人民医院（市外）', '省肿瘤医院（市外）', '省儿童医院（市外）', '省外三级医院（异地就医）'],
  individualStandard: INDIVIDUAL_STANDARD,
  docPrefix: '江临医保发',
};
