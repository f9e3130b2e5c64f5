// Code lists of the warehouse with their Chinese labels. The database stores the codes as strings
// (portable across SQLite and PostgreSQL); these lists are the single place that names them.

export const SCHEMES = [
  { code: 'EMPLOYEE', name: '职工基本医疗保险', short: '职工医保' },
  { code: 'RESIDENT', name: '城乡居民基本医疗保险', short: '居民医保' },
  { code: 'MATERNITY', name: '生育保险', short: '生育保险' },
] as const;
export type SchemeCode = (typeof SCHEMES)[number]['code'];
/** `ALL` on a filter means every scheme summed (basic medical insurance + maternity). */
export type SchemeFilter = SchemeCode | 'ALL';
export const SCHEME_CODES: SchemeCode[] = SCHEMES.map((s) => s.code);

/** A scheme (or the filter 'ALL' = 全部险种) by its full name or short name; an unknown code as given. */
export function schemeLabel(code: SchemeFilter | string | null, form: 'name' | 'short' = 'name'): string {
  if (!code) return '';
  if (code === 'ALL') return '全部险种';
  const s = SCHEMES.find((x) => x.code === code);
  return s ? s[form] : code;
}

/**
 * A region's display name: the city as '江临市（全市）', a county-level unit by its name, an unknown code
 * as given. `names`: the county-level units (a list, or a map by code).
 */
export function regionDisplayName(
  city: { code: string; name: string },
  names: ReadonlyMap<string, { name: string }> | readonly { code: string; name: string }[],
  code: string,
): string {
  if (code === city.code) return `${city.name}（全市）`;
  const found = 'get' in names ? names.get(code) : names.find((c) => c.code === code);
  return found?.name ?? code;
}

/** Region levels 国家/省/设区市/县级 plus functional zones, top down (hierarchy rules: lib/domain/regionLevels.ts). */
export const REGION_KINDS = {
  NATION: '国家',
  PROVINCE: '省',
  CITY: '设区市',
  DISTRICT: '区',
  COUNTY: '县',
  COUNTY_CITY: '县级市',
  ZONE: '功能区',
} as const;
export type RegionKind = keyof typeof REGION_KINDS;

export const LEVELS = [
  { code: 'PRIMARY', name: '基层医疗机构' },
  { code: 'COUNTY', name: '县级医院' },
  { code: 'CITY', name: '市级医院' },
  { code: 'OUT_OF_CITY', name: '市外医疗机构' },
] as const;
export type Level = (typeof LEVELS)[number]['code'];

export const INSTITUTION_KINDS = {
  VILLAGE_CLINIC: '村卫生室',
  COMMUNITY: '社区卫生服务中心（站）',
  TOWNSHIP: '乡镇卫生院',
  HOSPITAL: '医院',
  OUT_OF_CITY: '市外医疗机构',
} as const;

export const VISIT_TYPES = [
  { code: 'OUTPATIENT', name: '普通门诊' },
  { code: 'CHRONIC', name: '门诊慢特病' },
  { code: 'INPATIENT', name: '住院' },
] as const;
export type VisitType = (typeof VISIT_TYPES)[number]['code'];

export const CONTRIBUTION_SOURCES = [
  { code: 'INDIVIDUAL', name: '个人缴费' },
  { code: 'EMPLOYER', name: '单位缴费' },
  { code: 'SUBSIDY_CENTRAL', name: '中央财政补助' },
  { code: 'SUBSIDY_PROVINCE', name: '省级财政补助' },
  { code: 'SUBSIDY_CITY', name: '市级财政补助' },
  { code: 'SUBSIDY_COUNTY', name: '县级财政补助' },
] as const;
export type ContributionSource = (typeof CONTRIBUTION_SOURCES)[number]['code'];
export const SUBSIDY_SOURCES: ContributionSource[] = ['SUBSIDY_CENTRAL', 'SUBSIDY_PROVINCE', 'SUBSIDY_CITY', 'SUBSIDY_COUNTY'];

export const INCOME_ITEMS = [
  { code: 'PREMIUM', name: '保险费收入' },
  { code: 'SUBSIDY', name: '财政补贴收入' },
  { code: 'INTEREST', name: '利息收入' },
  { code: 'OTHER_INCOME', name: '其他收入' },
] as const;
export const EXPENSE_ITEMS = [
  { code: 'INPATIENT', name: '住院费用支出' },
  { code: 'OUTPATIENT', name: '普通门诊费用支出' },
  { code: 'CHRONIC', name: '门诊慢特病费用支出' },
  { code: 'MATERNITY', name: '生育医疗费用及津贴支出' },
  { code: 'OTHER_EXPENSE', name: '其他支出' },
] as const;
export const TRANSFER_ITEMS = [
  { code: 'REMIT_UP', name: '上解市级财政专户' },
  { code: 'ALLOCATE_DOWN', name: '市级下拨' },
] as const;
export type IncomeItem = (typeof INCOME_ITEMS)[number]['code'];
export type ExpenseItem = (typeof EXPENSE_ITEMS)[number]['code'];
export const INCOME_ITEM_CODES: string[] = INCOME_ITEMS.map((i) => i.code);
export const EXPENSE_ITEM_CODES: string[] = EXPENSE_ITEMS.map((i) => i.code);

export const ACCOUNTS = [
  { code: 'POOL', name: '统筹基金' },
  { code: 'PERSONAL', name: '个人账户' },
] as const;

export const BALANCE_KINDS = {
  CITY_POOL: '市级统筹基金',
  LEGACY: '原统筹地区历年结余',
  COUNTY_POOL: '县级统筹基金（统筹前）',
} as const;

/** 六统一 (市级统筹意见（征求意见稿）三). */
export const UNIFICATION_ITEMS = [
  { code: 'POLICY', name: '统一基本政策' },
  { code: 'BENEFIT', name: '统一待遇标准' },
  { code: 'FUND', name: '统一基金管理' },
  { code: 'OPERATION', name: '统一经办管理' },
  { code: 'DESIGNATION', name: '统一定点管理' },
  { code: 'IT', name: '统一信息系统' },
] as const;

export function labelOf(list: readonly { code: string; name: string }[], code: string): string {
  return list.find((x) => x.code === code)?.name ?? code;
}

/** National medical-insurance platform codes used in settlement exports (险种类型 insutype, 医疗类别 med_type). */
export const INSUTYPE: Record<SchemeCode, string> = { EMPLOYEE: '310', RESIDENT: '390', MATERNITY: '510' };
export const MED_TYPE: Record<VisitType, string> = { OUTPATIENT: '11', CHRONIC: '14', INPATIENT: '21' };

/**
 * National 医保信息平台 code values (险种类型 insutype, 医疗类别 med_type) that this platform does not model:
 * named when refused, so the person knows which settlements to leave out or convert.
 */
export const NATIONAL_UNMODELLED: { insutype: Record<string, string>; medType: Record<string, string> } = {
  insutype: {
    '320': '公务员医疗补助', '330': '大额医疗费用补助', '340': '离休人员医疗保障', '350': '一至六级残废军人医疗补助',
    '360': '老红军医疗保障', '370': '企业补充医疗保险', '380': '新型农村合作医疗', '391': '城镇居民基本医疗保险',
    '392': '城乡居民大病医疗保险', '399': '其他特殊人员医疗保障', '410': '长期照护保险',
  },
  medType: {
    '12': '门诊挂号', '13': '急诊', '15': '门诊特检特治', '16': '门诊统筹', '19': '门诊两病', '22': '外伤住院', '23': '转外诊治住院',
    '24': '急诊转住院', '28': '日间手术', '41': '定点药店购药', '51': '生育门诊', '52': '生育住院', '53': '计划生育手术费',
  },
};
export const REFERRAL_LABELS = { UP: '上转', DOWN: '下转' } as const;
