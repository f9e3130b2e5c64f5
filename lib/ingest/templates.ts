// The import templates: one per dimension and fact of the warehouse, with Chinese column
// headers. These definitions are the single source for header checks, cell validation, the blank
// templates offered on the admin page and the documentation page (TEMPLATES.md, rendered by docs.ts).
import {
  ACCOUNTS, BALANCE_KINDS, CONTRIBUTION_SOURCES, EXPENSE_ITEMS, INCOME_ITEMS, INSTITUTION_KINDS, INSUTYPE, LEVELS, MED_TYPE,
  REFERRAL_LABELS, REGION_KINDS, SCHEMES, TRANSFER_ITEMS, UNIFICATION_ITEMS, VISIT_TYPES,
} from '../domain/codes';
import { codeProblem, isAboveCity, isRegionKind, parentRequired } from '../domain/regionLevels';
import type { RegionKind } from '../domain/codes';
import { SETTLEMENT_HEADERS } from '../demo/settlements';
import type { CodeOption } from './values';

export const TEMPLATE_KINDS = [
  'REGION', 'INSTITUTION', 'POOLING', 'UNIFICATION', 'STANDARD',
  'ENROLLMENT', 'CONTRIBUTION', 'BUDGET', 'LEDGER', 'BALANCE', 'FAMILY_DOCTOR', 'SUPERVISION', 'BENEFIT', 'REMITTANCE',
  'ANNUAL_FUND', 'SETTLEMENT',
] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

export type ColumnType =
  | 'region' // a Region code that exists (or is defined in the same regions file)
  | 'institution' // an Institution code that exists
  | 'code' // a free code: letters, digits, - and _
  | 'enum' // one of `options`, by code or Chinese name
  | 'period' // month YYYYMM
  | 'year'
  | 'date' // YYYY-MM-DD
  | 'count' // non-negative integer
  | 'money' // 元, non-negative, two decimals at most
  | 'signedMoney' // 元, may be negative (balances)
  | 'bool'
  | 'text';

export type CellValue = string | number | boolean | null;
export type TypedRow = Record<string, CellValue>;

export interface ColumnDef {
  /** Warehouse column name (or a logical field for templates that are not one table). */
  key: string;
  header: string;
  type: ColumnType;
  options?: readonly CodeOption[];
  /** Optional columns may be left out of the file or empty; they then take `default`. */
  optional?: boolean;
  default?: CellValue;
  unit?: string;
  note: string;
  example: string;
  /** Other header spellings accepted on import (e.g. the national platform's field names). */
  aliases?: readonly string[];
  maxLength?: number;
}

/** A cross-field check of one row: returns the column at fault and the reason, or nothing. */
export type RowCheck = (r: TypedRow) => { column: string; reason: string } | null | undefined | false;

/** Rows whose `column` is `totalCode` are totals: checked against the sum of their parts, never stored. */
export interface TotalRule {
  column: string;
  totalCode: string;
  isPart: (code: string) => boolean;
  groupBy: string[];
  amounts: string[];
}

export interface TemplateDef {
  kind: TemplateKind;
  name: string;
  /** ASCII stem of the blank template's file name. */
  slug: string;
  category: 'dimension' | 'fact';
  table: string;
  description: string;
  /** What one row is. */
  grain: string;
  columns: ColumnDef[];
  /** Unique within the file and against stored data. */
  key: string[];
  /** What a corrected file (REPLACE) replaces: stored rows sharing these values with a row of the file. */
  scope: string[];
  scopeNote: string;
  checks?: RowCheck[];
  totals?: TotalRule[];
  /** Rows for the documentation and the blank templates' example sheet. */
  examples: string[][];
}

// ───────────── code lists (as options: code, Chinese name, accepted aliases) ─────────────
const opt = (code: string, name: string, ...aliases: string[]): CodeOption => ({ code, name, aliases });

export const SCHEME_OPTIONS: CodeOption[] = SCHEMES.map((s) => opt(s.code, s.name, s.short, INSUTYPE[s.code]));
const REGION_KIND_ALIASES: Record<string, string[]> = {
  NATION: ['全国'], PROVINCE: ['省级', '自治区', '直辖市'], CITY: ['市', '地级市'], DISTRICT: ['市辖区'], ZONE: ['管理区', '开发区'],
};
export const REGION_KIND_OPTIONS: CodeOption[] = Object.entries(REGION_KINDS).map(([code, name]) => opt(code, name, ...(REGION_KIND_ALIASES[code] ?? [])));
export const LEVEL_OPTIONS: CodeOption[] = LEVELS.map((l) => opt(l.code, l.name, l.name.replace(/医疗机构|医院$/, '')));
export const INSTITUTION_KIND_OPTIONS: CodeOption[] = Object.entries(INSTITUTION_KINDS).map(([code, name]) =>
  opt(code, name, ...(code === 'COMMUNITY' ? ['社区卫生服务中心', '社区卫生服务站'] : [])));
export const OWNERSHIP_OPTIONS: CodeOption[] = [opt('PUBLIC', '公立'), opt('PRIVATE', '民营', '非公立', '社会办')];
export const AGREEMENT_OPTIONS: CodeOption[] = [opt('ACTIVE', '正常', '履约中', '有效'), opt('SUSPENDED', '暂停'), opt('TERMINATED', '解除', '终止')];
export const UNIFICATION_ITEM_OPTIONS: CodeOption[] = UNIFICATION_ITEMS.map((u) => opt(u.code, u.name, u.name.replace(/^统一/, '')));
export const UNIFICATION_STATUS_OPTIONS: CodeOption[] = [opt('NOT_STARTED', '未启动'), opt('IN_PROGRESS', '推进中', '进行中'), opt('DONE', '已完成', '完成')];
export const STANDARD_ITEM_OPTIONS: CodeOption[] = [
  opt('INDIVIDUAL_STANDARD', '居民个人缴费标准'),
  opt('SUBSIDY_STANDARD', '居民人均财政补助标准'),
  opt('NATIONAL_MIN_INDIVIDUAL', '国家最低个人缴费标准'),
  opt('NATIONAL_SUBSIDY', '国家人均财政补助标准'),
  opt('DISPOSABLE_INCOME', '居民人均可支配收入'),
];
export const CONTRIBUTION_SOURCE_OPTIONS: CodeOption[] = [...CONTRIBUTION_SOURCES.map((c) => opt(c.code, c.name)), opt('TOTAL', '合计')];
const INCOME_TOTAL = opt('INCOME_TOTAL', '收入合计');
const EXPENSE_TOTAL = opt('EXPENSE_TOTAL', '支出合计');
export const BUDGET_ITEM_OPTIONS: CodeOption[] = [...INCOME_ITEMS.map((i) => opt(i.code, i.name)), ...EXPENSE_ITEMS.map((i) => opt(i.code, i.name)), INCOME_TOTAL, EXPENSE_TOTAL];
export const LEDGER_ITEM_OPTIONS: CodeOption[] = [...BUDGET_ITEM_OPTIONS, ...TRANSFER_ITEMS.map((i) => opt(i.code, i.name))];
export const BUDGET_KIND_OPTIONS: CodeOption[] = [opt('APPROVED', '批准预算', '年初预算'), opt('ADJUSTMENT', '调整方案', '预算调整')];
export const ACCOUNT_OPTIONS: CodeOption[] = ACCOUNTS.map((a) => opt(a.code, a.name));
export const BALANCE_KIND_OPTIONS: CodeOption[] = Object.entries(BALANCE_KINDS).map(([code, name]) => opt(code, name));

const INCOME_CODES = new Set<string>(INCOME_ITEMS.map((i) => i.code));
const EXPENSE_CODES = new Set<string>(EXPENSE_ITEMS.map((i) => i.code));
const PRIMARY_KINDS = new Set(['VILLAGE_CLINIC', 'COMMUNITY', 'TOWNSHIP']);
const SUBSIDY_CODES = new Set(['SUBSIDY_CENTRAL', 'SUBSIDY_PROVINCE', 'SUBSIDY_CITY', 'SUBSIDY_COUNTY']);

// ───────────── shared columns ─────────────
const regionCol = (note = '县（市、区）或功能区的区划代码（GB/T 2260；功能区用本地代码），须已在“地区”中登记'): ColumnDef =>
  ({ key: 'regionCode', header: '区划代码', type: 'region', note, example: '439922', aliases: ['地区代码', '行政区划代码'] });
const schemeCol: ColumnDef = { key: 'schemeCode', header: '险种', type: 'enum', options: SCHEME_OPTIONS, note: '职工医保、居民医保或生育保险（可填名称、代码或国家险种编码310/390/510）', example: '城乡居民基本医疗保险', aliases: ['险种类型'] };
const periodCol: ColumnDef = { key: 'period', header: '年月', type: 'period', note: '统计月份', example: '2024-03', aliases: ['统计期', '所属期', '期间'] };
const yearCol = (note = '年度'): ColumnDef => ({ key: 'year', header: '年度', type: 'year', note, example: '2024' });
const count = (key: string, header: string, note: string, example: string, unit = '人', extra: Partial<ColumnDef> = {}): ColumnDef =>
  ({ key, header, type: 'count', unit, note, example, ...extra });
const money = (key: string, header: string, note: string, example: string, extra: Partial<ColumnDef> = {}): ColumnDef =>
  ({ key, header, type: 'money', unit: '元', note, example, ...extra });

const over = (a: string, b: string, column: string, reason: string): RowCheck => (r) =>
  typeof r[a] === 'number' && typeof r[b] === 'number' && (r[a] as number) > (r[b] as number) + 1e-9 ? { column, reason } : null;

// ───────────── the templates ─────────────
export const TEMPLATES: Record<TemplateKind, TemplateDef> = {
  REGION: {
    kind: 'REGION', name: '地区', slug: 'regions', category: 'dimension', table: 'Region',
    description: '国家、省、设区市及其所辖县（市、区）、功能区，一个层级体系：县（市、区）和功能区的上级是设区市，设区市的上级是省，省的上级是国家。'
      + '区划代码按 GB/T 2260（国家100000、省XX0000、设区市XXXX00）；功能区没有国家区划代码的，用本地代码（如 4399A1）。设区市、省可不填上级。',
    grain: '一个地区一行', key: ['code'], scope: ['code'], scopeNote: '更正文件按区划代码覆盖已登记的地区信息',
    columns: [
      { key: 'code', header: '区划代码', type: 'code', note: 'GB/T 2260 六位代码（国家100000、省XX0000、设区市XXXX00），或功能区的本地代码', example: '439922', maxLength: 12 },
      { key: 'name', header: '名称', type: 'text', note: '全称', example: '石门县', maxLength: 60 },
      { key: 'shortName', header: '简称', type: 'text', note: '图表中使用的简称', example: '石门', maxLength: 20 },
      { key: 'kind', header: '类型', type: 'enum', options: REGION_KIND_OPTIONS, note: '国家、省、设区市、区、县、县级市或功能区', example: '县' },
      { key: 'parentCode', header: '上级区划代码', type: 'region', optional: true, default: null, note: '上一级区划的代码：县（市、区）和功能区填所属设区市（必填），设区市填省，省填国家；国家留空，设区市和省可留空', example: '439900' },
      { key: 'isLocalCode', header: '是否本地代码', type: 'bool', optional: true, default: null, note: '是/否；留空时按代码是否为六位数字判断', example: '否' },
      { key: 'sortOrder', header: '排序', type: 'count', optional: true, default: 0, unit: '', note: '页面上的排列顺序', example: '4' },
      { key: 'successorCode', header: '承继区划代码', type: 'region', optional: true, default: null, note: '撤县设市（区）、合并：承继本地区的新区划代码（新地区须已登记或在同一文件中）；无变更留空', example: '', aliases: ['新区划代码'] },
      { key: 'successorFrom', header: '承继起始年月', type: 'period', optional: true, default: null, note: '新代码启用的月份：此后按原代码报送的数据计入新地区', example: '', aliases: ['变更年月'] },
    ],
    checks: [
      (r) => !!r.successorCode !== !!r.successorFrom ? { column: r.successorCode ? 'successorFrom' : 'successorCode', reason: '承继区划代码和承继起始年月须同时填写' } : null,
      (r) => r.successorCode && r.successorCode === r.code ? { column: 'successorCode', reason: '承继区划代码不能是地区自身' } : null,
      (r) => r.kind === 'NATION' && r.parentCode ? { column: 'parentCode', reason: '国家没有上级区划，应留空' } : null,
      (r) => isRegionKind(String(r.kind)) && parentRequired(r.kind as RegionKind) && !r.parentCode ? { column: 'parentCode', reason: '县（市、区）和功能区须填写所属设区市的区划代码' } : null,
      (r) => r.parentCode === r.code ? { column: 'parentCode', reason: '上级区划代码不能是地区自身' } : null,
      (r) => {
        const why = isRegionKind(String(r.kind)) && typeof r.code === 'string' ? codeProblem(r.kind as RegionKind, r.code) : null;
        return why ? { column: 'code', reason: why } : null;
      },
      (r) => r.successorCode && isAboveCity(String(r.kind)) ? { column: 'successorCode', reason: '承继区划只用于县（市、区）和设区市的区划变更' } : null,
    ],
    examples: [
      ['100000', '全国', '全国', '国家', '', '否', '0', '', ''],
      ['430000', '湖南省', '湖南', '省', '100000', '否', '0', '', ''],
      ['439900', '江临市', '江临', '设区市', '430000', '否', '0', '', ''],
      ['439922', '石门县', '石门', '县', '439900', '否', '4', '', ''],
      ['4399A1', '江临高新技术产业开发区', '高新区', '功能区', '439900', '是', '7', '', ''],
    ],
  },

  INSTITUTION: {
    kind: 'INSTITUTION', name: '定点医药机构', slug: 'institutions', category: 'dimension', table: 'Institution',
    description: '定点医药机构及其级别、类型和协议状态。级别决定分级诊疗指标的口径（基层：村卫生室、社区卫生服务中心（站）、乡镇卫生院）。',
    grain: '一个机构一行', key: ['code'], scope: ['code'], scopeNote: '更正文件按机构编码覆盖已登记的机构信息（级别变化时重算该机构涉及月份的汇总）',
    columns: [
      { key: 'code', header: '机构编码', type: 'code', note: '医保定点医药机构编码', example: 'H439922P001', maxLength: 40, aliases: ['定点机构编码', '定点医药机构编码'] },
      { key: 'name', header: '机构名称', type: 'text', note: '', example: '石门青山镇卫生院', maxLength: 100 },
      { key: 'regionCode', header: '所在区划代码', type: 'region', note: '机构所在县（市、区）；市外机构填设区市代码', example: '439922' },
      { key: 'level', header: '机构级别', type: 'enum', options: LEVEL_OPTIONS, note: '基层医疗机构、县级医院、市级医院或市外医疗机构', example: '基层医疗机构' },
      { key: 'kind', header: '机构类型', type: 'enum', options: INSTITUTION_KIND_OPTIONS, note: '村卫生室、社区卫生服务中心（站）、乡镇卫生院、医院或市外医疗机构', example: '乡镇卫生院' },
      { key: 'ownership', header: '所有制', type: 'enum', options: OWNERSHIP_OPTIONS, optional: true, default: 'PUBLIC', note: '公立或民营；留空为公立', example: '公立' },
      { key: 'agreementStatus', header: '协议状态', type: 'enum', options: AGREEMENT_OPTIONS, note: '正常、暂停或解除', example: '正常' },
      { key: 'agreementStart', header: '协议开始日期', type: 'date', note: '', example: '2016-07-01' },
      { key: 'agreementEnd', header: '协议终止日期', type: 'date', optional: true, default: null, note: '解除协议的日期；未解除留空', example: '' },
    ],
    checks: [
      (r) => r.level === 'PRIMARY' && !PRIMARY_KINDS.has(String(r.kind)) ? { column: 'kind', reason: '基层医疗机构的类型应为村卫生室、社区卫生服务中心（站）或乡镇卫生院' } : null,
      (r) => r.level !== 'PRIMARY' && PRIMARY_KINDS.has(String(r.kind)) ? { column: 'level', reason: '村卫生室、社区卫生服务中心（站）和乡镇卫生院的级别应为基层医疗机构' } : null,
      (r) => (r.level === 'OUT_OF_CITY') !== (r.kind === 'OUT_OF_CITY') ? { column: 'kind', reason: '市外医疗机构的级别和类型须同为“市外医疗机构”' } : null,
      (r) => typeof r.agreementEnd === 'string' && String(r.agreementEnd) < String(r.agreementStart) ? { column: 'agreementEnd', reason: '协议终止日期早于开始日期' } : null,
      (r) => r.agreementStatus === 'TERMINATED' && !r.agreementEnd ? { column: 'agreementEnd', reason: '协议状态为“解除”时须填写协议终止日期' } : null,
    ],
    examples: [['H439922P001', '石门青山镇卫生院', '439922', '基层医疗机构', '乡镇卫生院', '公立', '正常', '2016-07-01', '']],
  },

  POOLING: {
    kind: 'POOLING', name: '市级统筹实施时间', slug: 'pooling', category: 'dimension', table: 'PoolingMilestone',
    description: '各县（市、区）各险种实施市级统筹的起始月份（居民医保可有过渡期，省意见 一）。',
    grain: '地区 × 险种 一行', key: ['regionCode', 'schemeCode'], scope: ['regionCode', 'schemeCode'], scopeNote: '更正文件覆盖同一地区、险种的实施月份',
    columns: [
      regionCol(), schemeCol,
      { key: 'effectivePeriod', header: '实施年月', type: 'period', note: '市级统筹起始月份', example: '2021-01' },
      { key: 'note', header: '说明', type: 'text', optional: true, default: null, note: '', example: '居民医保过渡期', maxLength: 200 },
    ],
    examples: [['439922', '城乡居民基本医疗保险', '2021-01', '居民医保市级统筹过渡期']],
  },

  UNIFICATION: {
    kind: 'UNIFICATION', name: '六统一进展', slug: 'unification', category: 'dimension', table: 'UnificationStatus',
    description: '“六统一”（统一基本政策、待遇标准、基金管理、经办管理、定点管理、信息系统，省意见 三）每项的进展和时限。',
    grain: '地区 × 险种 × 事项 一行', key: ['regionCode', 'schemeCode', 'item'], scope: ['regionCode', 'schemeCode', 'item'], scopeNote: '更正文件覆盖同一地区、险种、事项的进展',
    columns: [
      regionCol(), schemeCol,
      { key: 'item', header: '事项', type: 'enum', options: UNIFICATION_ITEM_OPTIONS, note: '六统一中的一项', example: '统一信息系统' },
      { key: 'status', header: '状态', type: 'enum', options: UNIFICATION_STATUS_OPTIONS, note: '未启动、推进中或已完成', example: '已完成' },
      { key: 'deadline', header: '时限', type: 'date', note: '应完成日期', example: '2020-12-31' },
      { key: 'completedOn', header: '完成日期', type: 'date', optional: true, default: null, note: '已完成的填写', example: '2021-06-30' },
      { key: 'note', header: '说明', type: 'text', optional: true, default: null, note: '', example: '', maxLength: 200 },
    ],
    checks: [
      (r) => r.status === 'DONE' && !r.completedOn ? { column: 'completedOn', reason: '状态为“已完成”时须填写完成日期' } : null,
      (r) => r.status !== 'DONE' && r.completedOn ? { column: 'completedOn', reason: '未完成的事项不应填写完成日期' } : null,
    ],
    examples: [['439922', '城乡居民基本医疗保险', '统一信息系统', '已完成', '2020-12-31', '2021-06-30', '']],
  },

  STANDARD: {
    kind: 'STANDARD', name: '缴费与补助标准', slug: 'standards', category: 'dimension', table: 'PolicyStandard',
    description: '每年的居民医保个人缴费标准、财政补助标准、国家最低标准和居民人均可支配收入（全市统一的标准填设区市代码）。',
    grain: '年度 × 地区 × 险种 × 项目 一行', key: ['year', 'regionCode', 'schemeCode', 'item'], scope: ['year', 'regionCode', 'schemeCode', 'item'], scopeNote: '更正文件覆盖同一年度、地区、险种、项目的标准',
    columns: [
      yearCol(), regionCol('全市统一的标准填设区市代码；人均可支配收入填县（市、区）代码'), schemeCol,
      { key: 'item', header: '项目', type: 'enum', options: STANDARD_ITEM_OPTIONS, note: '个人缴费标准、财政补助标准、国家最低标准或人均可支配收入', example: '居民个人缴费标准' },
      money('amount', '金额', '元/人·年', '380'),
    ],
    examples: [['2024', '439900', '城乡居民基本医疗保险', '居民个人缴费标准', '380']],
  },

  ENROLLMENT: {
    kind: 'ENROLLMENT', name: '参保', slug: 'enrollment', category: 'fact', table: 'EnrollmentFact',
    description: '全民参保登记库应参保人数、实际参保人数、按类别资助参保的困难群众和查出的重复参保（月末时点数）。',
    grain: '地区 × 险种 × 月 一行', key: ['regionCode', 'schemeCode', 'period'], scope: ['regionCode', 'schemeCode', 'period'], scopeNote: '更正文件替换同一地区、险种、月份的参保数据',
    columns: [
      regionCol(), schemeCol, periodCol,
      count('shouldEnroll', '应参保人数', '全民参保登记库应参保人数', '398120'),
      count('enrolled', '参保人数', '实际参保人数', '372015'),
      count('povertyShouldEnroll', '困难群众应参保人数', '特困、低保、监测人口等应资助参保人数', '17100', '人', { optional: true, default: 0 }),
      count('subsidisedExtreme', '特困人员资助参保人数', '全额资助', '1674', '人', { optional: true, default: 0 }),
      count('subsidisedMinLiving', '低保对象资助参保人数', '按50%定额资助', '12648', '人', { optional: true, default: 0 }),
      count('subsidisedMonitored', '监测人口资助参保人数', '返贫致贫人口、防止返贫监测对象', '2480', '人', { optional: true, default: 0 }),
      count('subsidisedOther', '其他资助参保人数', '', '0', '人', { optional: true, default: 0 }),
      count('duplicates', '重复参保人数', '比对查出的重复参保', '186', '人', { optional: true, default: 0 }),
    ],
    checks: [
      (r) => (r.subsidisedExtreme as number) + (r.subsidisedMinLiving as number) + (r.subsidisedMonitored as number) + (r.subsidisedOther as number) > (r.enrolled as number)
        ? { column: 'subsidisedExtreme', reason: '各类资助参保人数之和大于参保人数' } : null,
      over('duplicates', 'enrolled', 'duplicates', '重复参保人数大于参保人数'),
    ],
    examples: [['439922', '城乡居民基本医疗保险', '2024-03', '398120', '372015', '17100', '1674', '12648', '2480', '0', '186']],
  },

  CONTRIBUTION: {
    kind: 'CONTRIBUTION', name: '征缴', slug: 'contributions', category: 'fact', table: 'ContributionFact',
    description: '按来源的应征和实征金额：个人缴费、单位缴费和各级财政补助（中央、省、市、县）。可附“合计”行，导入时核对各来源之和，不入库。',
    grain: '地区 × 险种 × 月 × 来源 一行', key: ['regionCode', 'schemeCode', 'period', 'source'], scope: ['regionCode', 'schemeCode', 'period'], scopeNote: '更正文件替换同一地区、险种、月份的全部来源',
    columns: [
      regionCol(), schemeCol, periodCol,
      { key: 'source', header: '来源', type: 'enum', options: CONTRIBUTION_SOURCE_OPTIONS, note: '个人缴费、单位缴费、中央/省级/市级/县级财政补助，或“合计”', example: '县级财政补助' },
      money('due', '应征金额', '当月应征（应到位）金额', '3580800.00'),
      money('collected', '实征金额', '当月实际征收（到位）金额', '2076864.00'),
    ],
    checks: [
      (r) => r.schemeCode === 'RESIDENT' && r.source === 'EMPLOYER' ? { column: 'source', reason: '城乡居民医保没有单位缴费' } : null,
      (r) => r.schemeCode !== 'RESIDENT' && SUBSIDY_CODES.has(String(r.source)) ? { column: 'source', reason: '财政补助只适用于城乡居民医保' } : null,
    ],
    totals: [{ column: 'source', totalCode: 'TOTAL', isPart: (c) => c !== 'TOTAL', groupBy: ['regionCode', 'schemeCode', 'period'], amounts: ['due', 'collected'] }],
    examples: [
      ['439923', '城乡居民基本医疗保险', '2024-03', '个人缴费', '1850000.00', '1827800.00'],
      ['439923', '城乡居民基本医疗保险', '2024-03', '县级财政补助', '3580800.00', '2076864.00'],
      ['439923', '城乡居民基本医疗保险', '2024-03', '合计', '5430800.00', '3904664.00'],
    ],
  },

  BUDGET: {
    kind: 'BUDGET', name: '预算（批准预算及调整方案）', slug: 'budget', category: 'fact', table: 'BudgetVersion',
    description: '一个文件是一个预算版本：年初批准的预算（版本序号0）或一次批准的调整方案（序号1、2…），每个版本是完整的收支项目清单。已入库的版本不能覆盖，调整请作为新版本导入。可附“收入合计/支出合计”行核对。',
    grain: '年度 × 版本 × 地区 × 险种 × 项目 一行（同一版本的文号、日期、原因各行相同）', key: ['year', 'seq', 'regionCode', 'schemeCode', 'item'], scope: ['year', 'seq'], scopeNote: '预算版本不覆盖：更正文件同样不能替换已入库的版本，请导入新的调整方案',
    columns: [
      yearCol('预算年度'),
      count('seq', '版本序号', '0为年初批准预算，调整方案依次为1、2…', '1', ''),
      { key: 'versionKind', header: '版本类型', type: 'enum', options: BUDGET_KIND_OPTIONS, note: '批准预算或调整方案', example: '调整方案' },
      { key: 'docNo', header: '文号', type: 'text', note: '批准文件文号', example: '江临医保发〔2024〕57号', maxLength: 80 },
      { key: 'approvedOn', header: '批准日期', type: 'date', note: '', example: '2024-08-18' },
      { key: 'reason', header: '调整原因', type: 'text', optional: true, default: '', note: '调整方案须说明原因', example: '住院费用增长超预期，调增住院费用支出预算', maxLength: 500 },
      regionCol('县（市、区）的年度收支计划；全市合计可填设区市代码'), schemeCol,
      { key: 'item', header: '项目', type: 'enum', options: BUDGET_ITEM_OPTIONS, note: '收入：保险费、财政补贴、利息、其他收入；支出：住院、普通门诊、门诊慢特病、生育、其他支出；或收入合计/支出合计', example: '住院费用支出' },
      money('amount', '金额', '全年预算数', '186000000.00'),
    ],
    checks: [
      (r) => (r.versionKind === 'APPROVED') !== (r.seq === 0) ? { column: 'seq', reason: '年初批准预算的版本序号为0，调整方案的序号从1开始' } : null,
      (r) => r.versionKind === 'ADJUSTMENT' && !r.reason ? { column: 'reason', reason: '调整方案须填写调整原因' } : null,
    ],
    totals: [
      { column: 'item', totalCode: 'INCOME_TOTAL', isPart: (c) => INCOME_CODES.has(c), groupBy: ['year', 'seq', 'regionCode', 'schemeCode'], amounts: ['amount'] },
      { column: 'item', totalCode: 'EXPENSE_TOTAL', isPart: (c) => EXPENSE_CODES.has(c), groupBy: ['year', 'seq', 'regionCode', 'schemeCode'], amounts: ['amount'] },
    ],
    examples: [
      ['2024', '1', '调整方案', '江临医保发〔2024〕57号', '2024-08-18', '住院费用增长超预期，调增住院费用支出预算', '439922', '城乡居民基本医疗保险', '住院费用支出', '186000000.00'],
      ['2024', '1', '调整方案', '江临医保发〔2024〕57号', '2024-08-18', '住院费用增长超预期，调增住院费用支出预算', '439922', '城乡居民基本医疗保险', '普通门诊费用支出', '42000000.00'],
      ['2024', '1', '调整方案', '江临医保发〔2024〕57号', '2024-08-18', '住院费用增长超预期，调增住院费用支出预算', '439922', '城乡居民基本医疗保险', '支出合计', '228000000.00'],
    ],
  },

  LEDGER: {
    kind: 'LEDGER', name: '基金收支', slug: 'ledger', category: 'fact', table: 'LedgerFact',
    description: '基金收支决算数（当月发生额），职工医保统筹基金和个人账户分开；含上解市级财政专户和市级下拨。可附“收入合计/支出合计”行核对。',
    grain: '地区 × 险种 × 账户 × 月 × 项目 一行', key: ['regionCode', 'schemeCode', 'account', 'period', 'item'], scope: ['regionCode', 'schemeCode', 'period'], scopeNote: '更正文件替换同一地区、险种、月份的全部收支项目（两个账户）',
    columns: [
      regionCol(), schemeCol,
      { key: 'account', header: '账户', type: 'enum', options: ACCOUNT_OPTIONS, note: '统筹基金或个人账户（个人账户仅职工医保）', example: '统筹基金' },
      periodCol,
      { key: 'item', header: '项目', type: 'enum', options: LEDGER_ITEM_OPTIONS, note: '收入、支出项目，上解市级财政专户、市级下拨，或收入合计/支出合计', example: '住院费用支出' },
      money('amount', '金额', '当月发生额', '15230000.00'),
    ],
    checks: [(r) => r.account === 'PERSONAL' && r.schemeCode !== 'EMPLOYEE' ? { column: 'account', reason: '只有职工医保设个人账户' } : null],
    totals: [
      { column: 'item', totalCode: 'INCOME_TOTAL', isPart: (c) => INCOME_CODES.has(c), groupBy: ['regionCode', 'schemeCode', 'account', 'period'], amounts: ['amount'] },
      { column: 'item', totalCode: 'EXPENSE_TOTAL', isPart: (c) => EXPENSE_CODES.has(c), groupBy: ['regionCode', 'schemeCode', 'account', 'period'], amounts: ['amount'] },
    ],
    examples: [
      ['439922', '城乡居民基本医疗保险', '统筹基金', '2024-03', '住院费用支出', '15230000.00'],
      ['439922', '城乡居民基本医疗保险', '统筹基金', '2024-03', '普通门诊费用支出', '2870000.00'],
      ['439922', '城乡居民基本医疗保险', '统筹基金', '2024-03', '支出合计', '18100000.00'],
    ],
  },

  BALANCE: {
    kind: 'BALANCE', name: '基金结余', slug: 'balances', category: 'fact', table: 'BalanceFact',
    description: '月末结余：市级统筹基金（地区填设区市代码）、各县原统筹地区历年结余，以及实施市级统筹前的县级统筹基金。结余可为负数。',
    grain: '地区 × 险种 × 账户 × 月 × 结余类型 一行', key: ['regionCode', 'schemeCode', 'account', 'period', 'kind'], scope: ['regionCode', 'schemeCode', 'period'], scopeNote: '更正文件替换同一地区、险种、月份的全部结余',
    columns: [
      regionCol('县（市、区）代码；市级统筹基金填设区市代码'), schemeCol,
      { key: 'account', header: '账户', type: 'enum', options: ACCOUNT_OPTIONS, note: '统筹基金或个人账户', example: '统筹基金' },
      periodCol,
      { key: 'kind', header: '结余类型', type: 'enum', options: BALANCE_KIND_OPTIONS, note: '市级统筹基金、原统筹地区历年结余或县级统筹基金（统筹前）', example: '原统筹地区历年结余' },
      { key: 'balance', header: '期末结余', type: 'signedMoney', unit: '元', note: '月末累计结余，可为负数', example: '86500000.00' },
    ],
    checks: [(r) => r.account === 'PERSONAL' && r.schemeCode !== 'EMPLOYEE' ? { column: 'account', reason: '只有职工医保设个人账户' } : null],
    examples: [['439922', '城乡居民基本医疗保险', '统筹基金', '2024-03', '原统筹地区历年结余', '86500000.00']],
  },

  FAMILY_DOCTOR: {
    kind: 'FAMILY_DOCTOR', name: '家庭医生签约', slug: 'family-doctor', category: 'fact', table: 'FamilyDoctorFact',
    description: '年度家庭医生签约服务：常住人口、签约人数、重点人群及其签约人数。',
    grain: '地区 × 年度 一行', key: ['regionCode', 'year'], scope: ['regionCode', 'year'], scopeNote: '更正文件替换同一地区、年度的签约数据',
    columns: [
      regionCol(), yearCol(),
      count('residents', '常住人口数', '', '512000'),
      count('signed', '签约人数', '', '168900'),
      count('keyPopulation', '重点人群人数', '老年人、慢性病患者、孕产妇、儿童、残疾人等', '158700'),
      count('keySigned', '重点人群签约人数', '', '95300'),
    ],
    checks: [
      over('signed', 'residents', 'signed', '签约人数大于常住人口数'),
      over('keySigned', 'keyPopulation', 'keySigned', '重点人群签约人数大于重点人群人数'),
      over('keySigned', 'signed', 'keySigned', '重点人群签约人数大于签约人数'),
    ],
    examples: [['439922', '2024', '512000', '168900', '158700', '95300']],
  },

  SUPERVISION: {
    kind: 'SUPERVISION', name: '定点管理（监督检查）', slug: 'supervision', category: 'fact', table: 'SupervisionFact',
    description: '对定点医药机构的监督检查：检查次数、发现违规、拒付和追回金额，以及约谈、暂停、解除协议等处理。',
    grain: '机构 × 月 一行', key: ['institutionCode', 'period'], scope: ['institutionCode', 'period'], scopeNote: '更正文件替换同一机构、月份的检查数据',
    columns: [
      { key: 'institutionCode', header: '机构编码', type: 'institution', note: '须已在“定点医药机构”中登记', example: 'H439923P003', aliases: ['定点机构编码'] },
      periodCol,
      count('inspections', '检查次数', '', '2', '次'),
      count('violations', '违规次数', '发现违规问题的次数', '1', '次'),
      money('amountRefused', '拒付金额', '', '12800.00'),
      money('amountRecovered', '追回金额', '', '45600.00'),
      count('interviews', '约谈', '约谈次数', '1', '次', { optional: true, default: 0 }),
      count('suspensions', '暂停协议', '暂停协议次数', '0', '次', { optional: true, default: 0 }),
      count('terminations', '解除协议', '解除协议次数', '0', '次', { optional: true, default: 0 }),
    ],
    examples: [['H439923P003', '2023-06', '2', '1', '12800.00', '45600.00', '1', '0', '0']],
  },

  BENEFIT: {
    kind: 'BENEFIT', name: '待遇支付', slug: 'benefits', category: 'fact', table: 'BenefitFact',
    description: '待遇支付：零星报销结算件数及时限内办结件数，政策范围内费用及基金支付（用于政策范围内支付比例），医疗救助人次和金额。',
    grain: '地区 × 险种 × 月 一行', key: ['regionCode', 'schemeCode', 'period'], scope: ['regionCode', 'schemeCode', 'period'], scopeNote: '更正文件替换同一地区、险种、月份的待遇支付数据',
    columns: [
      regionCol(), schemeCol, periodCol,
      count('claimsSettled', '结算件数', '零星报销办结件数', '412', '件'),
      count('claimsOnTime', '按时办结件数', '在规定时限内办结的件数', '398', '件'),
      money('policyRangeCost', '政策范围内费用', '', '52800000.00'),
      money('policyRangeFundPaid', '政策范围内基金支付', '', '37400000.00'),
      count('assistanceCases', '医疗救助人次', '', '1260', '人次'),
      money('assistanceAmount', '医疗救助金额', '', '1890000.00'),
    ],
    checks: [
      over('claimsOnTime', 'claimsSettled', 'claimsOnTime', '按时办结件数大于结算件数'),
      over('policyRangeFundPaid', 'policyRangeCost', 'policyRangeFundPaid', '政策范围内基金支付大于政策范围内费用'),
    ],
    examples: [['439922', '城乡居民基本医疗保险', '2024-03', '412', '398', '52800000.00', '37400000.00', '1260', '1890000.00']],
  },

  REMITTANCE: {
    kind: 'REMITTANCE', name: '统收统支上解', slug: 'remittances', category: 'fact', table: 'RemittanceFact',
    description: '各县（市、区）按月上解市级财政专户的基金及其应到账、实际到账日期（统收统支，省意见 三(三)）。',
    grain: '地区 × 险种 × 月 一行', key: ['regionCode', 'schemeCode', 'period'], scope: ['regionCode', 'schemeCode', 'period'], scopeNote: '更正文件替换同一地区、险种、月份的上解记录',
    columns: [
      regionCol(), schemeCol, periodCol,
      money('amount', '上解金额', '', '59420263.42'),
      { key: 'dueDate', header: '应到账日期', type: 'date', note: '', example: '2024-04-10' },
      { key: 'paidDate', header: '实际到账日期', type: 'date', optional: true, default: null, note: '未到账留空', example: '2024-04-19' },
    ],
    examples: [['439903', '职工基本医疗保险', '2024-03', '59420263.42', '2024-04-10', '2024-04-19']],
  },

  ANNUAL_FUND: {
    kind: 'ANNUAL_FUND', name: '年度基金收支', slug: 'annual-fund', category: 'fact', table: 'AnnualFundFact',
    description: '只有全年数字的基金收入、支出和年末累计结余，如统计公报（全国医疗保障事业发展统计公报）或年度决算，可为国家、省、设区市或县（市、区）。'
      + '按年度存为年度数据，不拆分为月度数据。公报以亿元列示的，表头写“基金收入（亿元）”等即按亿元精确换算为元。'
      + '地区须先登记：全国的数据先用“地区”模板登记“100000 全国（类型：国家）”，省的数据先登记该省（类型：省）。导入后在“地区”页查看。',
    grain: '地区 × 险种 × 年度 一行', key: ['regionCode', 'schemeCode', 'year'], scope: ['regionCode', 'schemeCode', 'year'], scopeNote: '更正文件替换同一地区、险种、年度的年度收支',
    columns: [
      regionCol('国家、省、设区市或县（市、区）的区划代码（全国为100000），须已在“地区”中登记'), schemeCol, yearCol('统计年度'),
      money('income', '基金收入', '全年基金收入（公报的“基金总收入”）', '2260000000000.00', { aliases: ['基金总收入'] }),
      money('expense', '基金支出', '全年基金支出（公报的“基金总支出”）', '1760000000000.00', { aliases: ['基金总支出'] }),
      { key: 'balance', header: '累计结余', type: 'signedMoney', unit: '元', optional: true, default: null, note: '年末累计结余（公报称“累计结存”），可为负数；未公布的留空，页面显示为无数据', example: '3950000000000.00', aliases: ['累计结存', '年末累计结余', '年末累计结存'] },
      { key: 'sourceName', header: '数据来源', type: 'text', optional: true, default: null, note: '公布这些数字的文件名称', example: '演示数据（虚构）', maxLength: 200, aliases: ['来源', '出处'] },
    ],
    examples: [['100000', '职工基本医疗保险', '2023', '2260000000000.00', '1760000000000.00', '3950000000000.00', '演示数据（虚构）']],
  },

  SETTLEMENT: {
    kind: 'SETTLEMENT', name: '结算明细', slug: 'settlements', category: 'fact', table: 'UtilizationFact',
    description: '医保信息平台导出的就诊结算明细，一次结算一行，每月数百万行。导入时按结算流水号去重（文件内及与已入库数据），'
      + '按参保地 × 机构 × 险种 × 医疗类别 × 月汇总进就诊结算事实表，原始明细不入库。险种类型、医疗类别用国家医保信息平台编码。',
    grain: '一次结算一行（入库粒度：参保地 × 机构 × 险种 × 医疗类别 × 月）', key: ['settlementId'], scope: ['insuredRegionCode', 'schemeCode', 'period'],
    scopeNote: '更正文件替换同一参保地、险种、月份的全部结算汇总（及其结算流水号）；追加文件中已入库的流水号跳过不计',
    columns: [
      { key: 'settlementId', header: SETTLEMENT_HEADERS[0], type: 'code', note: '结算ID，全市唯一', example: 'JS2024030001234000017', maxLength: 64, aliases: ['结算ID', 'setl_id'] },
      { key: 'settledOn', header: SETTLEMENT_HEADERS[1], type: 'date', note: '结算日期（可带时间），决定所属月份', example: '2024-03-18', aliases: ['结算时间', 'setl_time'] },
      { key: 'insuredRegionCode', header: SETTLEMENT_HEADERS[2], type: 'region', note: '参保人所属县（市、区）', example: '439922', aliases: ['参保地区划', '参保所属医保区划', '参保地医保区划', 'insu_admdvs'] },
      { key: 'institutionCode', header: SETTLEMENT_HEADERS[3], type: 'institution', note: '须已在“定点医药机构”中登记', example: 'H439922P001', aliases: ['定点医药机构编码', '定点医药机构编号', 'fixmedins_code'] },
      { key: 'schemeCode', header: SETTLEMENT_HEADERS[4], type: 'enum', options: SCHEMES.map((s) => opt(INSUTYPE[s.code], s.name)), note: '310 职工基本医疗保险、390 城乡居民基本医疗保险、510 生育保险', example: '390', aliases: ['insutype', '险种'] },
      { key: 'visitType', header: SETTLEMENT_HEADERS[5], type: 'enum', options: VISIT_TYPES.map((v) => opt(MED_TYPE[v.code], v.name)), note: '11 普通门诊、14 门诊慢特病、21 住院', example: '21', aliases: ['med_type'] },
      money('totalCost', SETTLEMENT_HEADERS[6], '', '6230.50', { aliases: ['medfee_sumamt'] }),
      money('policyCost', SETTLEMENT_HEADERS[7], '不大于医疗费总额', '5420.54', { aliases: ['符合政策范围金额', 'inscp_scp_amt'] }),
      money('fundPaid', SETTLEMENT_HEADERS[8], '基金支付总额，不大于政策范围内费用', '4661.66', { aliases: ['基金支付总额', 'fund_pay_sumamt'] }),
      money('outOfPocket', SETTLEMENT_HEADERS[9], '个人负担总额 = 医疗费总额 − 基金支付', '1568.84', { aliases: ['个人负担总金额', '个人负担总额', 'psn_part_amt'] }),
      { key: 'referral', header: SETTLEMENT_HEADERS[10], type: 'enum', options: [opt('UP', REFERRAL_LABELS.UP), opt('DOWN', REFERRAL_LABELS.DOWN)], optional: true, default: null, note: '上转、下转或留空', example: '上转', aliases: ['refl_type', '转诊类别'] },
    ],
    examples: [
      ['JS2024030001234000017', '2024-03-18', '439922', 'H439922H001', '390', '21', '6230.50', '5420.54', '4661.66', '1568.84', '上转'],
      ['JS2024030001234000018', '2024-03-18', '439922', 'H439922P001', '390', '11', '58.20', '54.10', '29.76', '28.44', ''],
    ],
  },
};

export const TEMPLATE_LIST: TemplateDef[] = TEMPLATE_KINDS.map((k) => TEMPLATES[k]);

export function isTemplateKind(s: string): s is TemplateKind {
  return (TEMPLATE_KINDS as readonly string[]).includes(s);
}

/** Template header as written in files: the header and its unit, e.g. '应征金额(元)'. */
export function headerWithUnit(c: ColumnDef): string {
  return c.unit ? `${c.header}(${c.unit})` : c.header;
}

/**
 * Header text compared loosely: spaces and a trailing unit in brackets are ignored, full-width brackets
 * count as half-width, ASCII case is ignored ('应征金额（元）' = '应征金额(元)' = '应征金额').
 */
export function normalizeHeader(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .replace(/[（]/g, '(').replace(/[）]/g, ')')
    .replace(/[\s\u3000\u00A0]+/g, '')
    .replace(/\([^()]*\)$/, '')
    .replace(/\*$/, '')
    .toLowerCase();
}

/** The type of a column in words, for the documentation and the 说明 sheet. */
export function columnTypeLabel(c: ColumnDef): string {
  switch (c.type) {
    case 'region': return '区划代码';
    case 'institution': return '机构编码';
    case 'code': return '编码';
    case 'enum': return '代码表';
    case 'period': return '年月';
    case 'year': return '年度';
    case 'date': return '日期';
    case 'count': return '非负整数';
    case 'money': return '金额（≥0，两位小数）';
    case 'signedMoney': return '金额（可为负，两位小数）';
    case 'bool': return '是/否';
    case 'text': return '文本';
  }
}

/** What may be written in a column (code lists with their codes, accepted period and date spellings). */
export function allowedValues(c: ColumnDef): string {
  if (c.type === 'enum') return (c.options ?? []).map((o) => (o.code === o.name ? o.name : `${o.name}（${o.code}）`)).join('；');
  if (c.type === 'period') return '202403、2024-03、2024年3月';
  if (c.type === 'date') return '2024-03-18、2024/3/18、20240318';
  if (c.type === 'bool') return '是、否';
  return '';
}

/** Columns of a rejected-rows CSV that an import ignores, so fixed rows can be sent back as they are. */
export const ANNOTATION_HEADERS = ['原行号', '错误原因'];

/** Which template a header row belongs to: all its required columns present and no unknown ones win. */
export function detectTemplate(headers: string[]): TemplateDef | null {
  const given = new Set(headers.map(normalizeHeader).filter((h) => h !== ''));
  let best: { t: TemplateDef; score: number } | null = null;
  for (const t of TEMPLATE_LIST) {
    const names = (c: ColumnDef) => [c.header, ...(c.aliases ?? [])].map(normalizeHeader);
    const required = t.columns.filter((c) => !c.optional);
    const present = required.filter((c) => names(c).some((n) => given.has(n))).length;
    if (present < required.length) continue;
    const known = new Set([...t.columns.flatMap(names), ...ANNOTATION_HEADERS.map(normalizeHeader)]);
    const unknown = [...given].filter((h) => !known.has(h)).length;
    const score = present * 10 - unknown * 11 + t.columns.length * 0.01;
    if (!best || score > best.score) best = { t, score };
  }
  return best?.t ?? null;
}
