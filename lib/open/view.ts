// The public report as the pages and the downloads see it: sections of charts, each chart one table of
// cells after small-number suppression. Pure: built from released payloads only (never live data), so the
// page, its table view and every download show exactly the same cells.
import { SCHEMES, type SchemeFilter } from '../domain/codes';
import { exportHeaderSuffix, exportValue, formatValue, pickYuanScale, type YuanScale } from '../format';
import { getIndicator, type IndicatorCode } from '../indicators/registry';
import type { IndicatorUnit } from '../indicators/types';
import { hiddenText, isHidden, rateState, suppressCells, suppressionNotes, type CellState, type SuppressionRule } from './suppress';
import type { FundFigures, OpenRegion, OpenReportPayload, SupervisionInputs } from './types';
import { cellText, type OpenCell } from './cells';

// ───────────────────────── model ─────────────────────────

export interface OpenColumn {
  key: string;
  header: string;
  unit: IndicatorUnit;
}

export type { OpenCell } from './cells';

export interface OpenRow {
  key: string;
  label: string;
  /** a short label for chart axes (e.g. 高新区) */
  short?: string;
  /** the row of the page's own county (or the city on the city page) */
  highlight?: boolean;
  /** the city total row of a county table */
  total?: boolean;
  cells: Record<string, OpenCell>;
}

export interface OpenChartSpec {
  /** bars: horizontal bars per row (regions); columns: vertical bars per row (years); lines: a line per series over rows (years) */
  kind: 'bars' | 'columns' | 'lines';
  /** columns drawn, all of one unit */
  series: string[];
  unit: IndicatorUnit;
  /** row keys left out of the drawing (the city total next to its counties) */
  omitRows?: string[];
  /** a reference line, e.g. the city's value or a policy target */
  reference?: { value: number; label: string };
}

export interface OpenChart {
  /** anchor on the page and key of the download route, e.g. 'fund-years' */
  id: string;
  title: string;
  /** header of the label column: 地区 or 年度 */
  labelHeader: string;
  columns: OpenColumn[];
  rows: OpenRow[];
  chart: OpenChartSpec | null;
  /** registry indicators defined under the chart */
  indicators: IndicatorCode[];
  /** definitions of plain facts (not indicators): name → definition */
  facts: { name: string; definition: string }[];
  notes: string[];
  /** text alternative of the chart (one or two sentences) */
  summary: string;
}

export interface OpenSection {
  id: string;
  title: string;
  intro: string;
  /** plain-language explanation of each figure: what it is, how it moved and why */
  explanations: { name: string; text: string }[];
  charts: OpenChart[];
}

export interface OpenKpi {
  code: string;
  name: string;
  value: string;
  /** e.g. '比上年 +3.2%' */
  change: string | null;
  /** the city's value on a county page */
  city: string | null;
  status: string | null;
}

export interface OpenView {
  year: number;
  region: OpenRegion;
  isCity: boolean;
  scheme: SchemeFilter;
  schemeName: string;
  cityName: string;
  isDemo: boolean;
  release: { version: number; publishedAt: string; publishedBy: string; dataThrough: number | null };
  /** years with a published report, oldest first */
  years: number[];
  rule: SuppressionRule;
  kpis: OpenKpi[];
  /** the year's main changes, in words generated from the figures */
  highlights: string[];
  sections: OpenSection[];
}

/** A release as the view needs it (the payload and its publication facts). */
export interface ReleasedReport {
  year: number;
  version: number;
  publishedAt: Date | string;
  publishedBy: string;
  dataThrough: number | null;
  payload: OpenReportPayload;
}

export const SCHEME_LABEL: Record<SchemeFilter, string> = {
  ALL: '全部险种',
  EMPLOYEE: SCHEMES[0].short,
  RESIDENT: SCHEMES[1].short,
  MATERNITY: SCHEMES[2].short,
};

/** Plain facts shown next to indicators; each feeds a registry indicator (named in the text). */
const FACTS = {
  income: { name: '基金收入', definition: '统计年度内统筹基金的全部收入：保险费收入、财政补贴收入、利息收入和其他收入（职工医保不含个人账户）。是“当期结余”的组成部分。' },
  expense: { name: '基金支出', definition: '统计年度内统筹基金的全部支出：住院、普通门诊、门诊慢特病、生育医疗费用及津贴和其他支出。是“当期结余”“累计结余可支付月数”的组成部分。' },
  enrolled: { name: '参保人数', definition: '年末参加该险种的人数（全部险种为职工医保与居民医保之和，生育保险参保人同为职工不重复计算）。是“参保率”的分子。' },
  collected: { name: '实征金额', definition: '统计年度内实际征收到位的个人缴费、单位缴费和各级财政补助。是“征缴率”的分子。' },
  inspections: { name: '检查次数', definition: '对本地定点医药机构开展监督检查的次数（市外机构不计）。' },
  violations: { name: '违规问题数', definition: '监督检查中查实的违规问题数。' },
  actions: { name: '约谈、暂停、解除协议', definition: '对违规定点医药机构采取的协议处理措施的次数。' },
} as const;

// ───────────────────────── helpers ─────────────────────────

const cell = (v: number | null | undefined): OpenCell => ({ v: v ?? null, s: v === null || v === undefined || !Number.isFinite(v) ? 'missing' : 'shown' });

function yuanScaleOf(rows: OpenRow[], key: string): Exclude<YuanScale, 'auto'> {
  let max = 0;
  for (const r of rows) { const c = r.cells[key]; if (c && c.s === 'shown' && c.v !== null) max = Math.max(max, Math.abs(c.v)); }
  return pickYuanScale(max);
}

/** Texts of every cell of a chart's table, columns in order; money columns share one scale per column. */
export function tableTexts(chart: OpenChart, rule: SuppressionRule): string[][] {
  const scales = Object.fromEntries(chart.columns.filter((c) => c.unit === 'yuan').map((c) => [c.key, yuanScaleOf(chart.rows, c.key)]));
  return chart.rows.map((r) => chart.columns.map((c) => cellText(r.cells[c.key], c.unit, rule, scales[c.key])));
}

/** The download table: header row then one row per table row; numbers in the header's unit, hidden cells as on screen. */
export function exportTable(chart: OpenChart, rule: SuppressionRule): { header: string[]; rows: (string | number | null)[][] } {
  const unstable = chart.rows.some((r) => Object.values(r.cells).some((c) => c.u));
  const header = [chart.labelHeader, ...chart.columns.map((c) => c.header + exportHeaderSuffix(c.unit)), ...(unstable ? ['备注'] : [])];
  const rows = chart.rows.map((r) => {
    const out: (string | number | null)[] = [r.label];
    const flags: string[] = [];
    for (const c of chart.columns) {
      const x = r.cells[c.key];
      const hidden = x ? hiddenText(x.s, rule) : '无数据';
      out.push(hidden ?? exportValue(x!.v, c.unit));
      if (x?.u) flags.push(`${c.header}不稳定（分母少于${rule.unstableBelow}）`);
    }
    if (unstable) out.push(flags.join('；'));
    return out;
  });
  return { header, rows };
}

function fmt(v: number | null | undefined, unit: IndicatorUnit): string {
  return formatValue(v ?? null, unit);
}

/** '增长3.2%' / '下降1.0%' / '持平'; null when either side is missing or the base is not positive. */
function growthWords(cur: number | null | undefined, prev: number | null | undefined): string | null {
  if (cur === null || cur === undefined || prev === null || prev === undefined || prev <= 0) return null;
  const g = cur / prev - 1;
  if (Math.abs(g) < 0.0005) return '基本持平';
  return `${g > 0 ? '增长' : '下降'}${Math.abs(g * 100).toFixed(1)}%`;
}

/** '上升2.5个百分点' / '下降0.4个百分点' / '基本持平'. */
function ppWords(cur: number | null | undefined, prev: number | null | undefined): string | null {
  if (cur === null || cur === undefined || prev === null || prev === undefined) return null;
  const d = (cur - prev) * 100;
  if (Math.abs(d) < 0.05) return '基本持平';
  return `${d > 0 ? '上升' : '下降'}${Math.abs(d).toFixed(1)}个百分点`;
}

function changeText(code: keyof FundFigures, cur: number | null, prev: number | null, unit: IndicatorUnit): string | null {
  if (cur === null || prev === null) return null;
  if (unit === 'ratio') return `比上年${ppWords(cur, prev)}`;
  if (code === 'current_balance' || code === 'months_of_reserve') {
    const d = cur - prev;
    return `比上年${d >= 0 ? '增加' : '减少'}${fmt(Math.abs(d), unit)}`;
  }
  const g = growthWords(cur, prev);
  return g ? `比上年${g}` : null;
}

// ───────────────────────── building ─────────────────────────

/**
 * The view of one region × scheme × year from the published reports (`reports`, any order; the year's own
 * release must be among them). Earlier published years give the comparisons. Throws Error for a year, region
 * or scheme the release does not have (the page turns that into notFound()).
 */
export function buildOpenView(reports: readonly ReleasedReport[], year: number, regionCode: string | null, scheme: SchemeFilter): OpenView {
  const sorted = [...reports].sort((a, b) => a.year - b.year);
  const rel = sorted.find((r) => r.year === year);
  if (!rel) throw new Error(`未发布${year}年度公开报告`);
  const p = rel.payload;
  const code = regionCode ?? p.cityCode;
  const region = p.regions.find((r) => r.code === code);
  if (!region) throw new Error(`公开报告中没有地区 ${code}`);
  if (!(scheme in p.figures[code])) throw new Error(`公开报告中没有险种 ${scheme}`);
  const rule = p.suppression;
  const isCity = code === p.cityCode;
  const prev = sorted.filter((r) => r.year < year).at(-1);
  const prevFig = prev?.payload.figures[code]?.[scheme] ?? null;
  const fig = p.figures[code][scheme];
  const cityFig = p.figures[p.cityCode][scheme];
  const history = sorted.filter((r) => r.year <= year && r.payload.figures[code]?.[scheme]);
  const schemeName = SCHEME_LABEL[scheme];
  const place = isCity ? p.cityName : region.name;

  // The supervision table is suppressed once over every region (so a county page hides exactly what the city page hides).
  const sup = supervisionTable(p, code);

  const kpiDefs: { code: keyof FundFigures; name: string; unit: IndicatorUnit; status?: IndicatorCode }[] = [
    { code: 'income', name: FACTS.income.name, unit: 'yuan' },
    { code: 'expense', name: FACTS.expense.name, unit: 'yuan' },
    { code: 'current_balance', name: getIndicator('current_balance').name, unit: 'yuan', status: 'current_balance' },
    { code: 'accumulated_balance', name: getIndicator('accumulated_balance').name, unit: 'yuan' },
    { code: 'months_of_reserve', name: getIndicator('months_of_reserve').name, unit: 'months', status: 'months_of_reserve' },
    { code: 'coverage_rate', name: getIndicator('coverage_rate').name, unit: 'ratio' },
    { code: 'policy_reimbursement_ratio', name: getIndicator('policy_reimbursement_ratio').name, unit: 'ratio' },
    { code: 'primary_visit_share', name: getIndicator('primary_visit_share').name, unit: 'ratio' },
    { code: 'in_county_rate', name: getIndicator('in_county_rate').name, unit: 'ratio' },
  ];
  const kpis: OpenKpi[] = kpiDefs.map((d) => {
    const v = fig[d.code];
    let status: string | null = null;
    if (d.status && v !== null) {
      const def = getIndicator(d.status);
      status = def.bands?.find((b) => (b.min === undefined || v >= b.min) && (b.max === undefined || v < b.max))?.label ?? null;
    }
    return {
      code: d.code, name: d.name,
      value: v === null ? '无数据' : fmt(v, d.unit),
      change: changeText(d.code, v, prevFig?.[d.code] ?? null, d.unit),
      city: isCity ? null : cityFig[d.code] === null ? '无数据' : fmt(cityFig[d.code], d.unit),
      status,
    };
  });

  const sections: OpenSection[] = [
    fundSection(p, code, scheme, history, isCity, place),
    collectionSection(p, code, scheme, fig, prevFig, place, p.inputs[code][scheme], prev?.payload.inputs[code]?.[scheme] ?? null),
    benefitSection(p, code, scheme, fig, prevFig, place),
    tieredSection(p, code, scheme, fig, prevFig, place, history),
    supervisionSection(p, code, sup, place, prev?.payload.supervision[code] ?? null),
  ];
  if (!isCity) sections.unshift(compareSection(p, code, scheme, prevFig, region));

  return {
    year, region, isCity, scheme, schemeName, cityName: p.cityName, isDemo: p.isDemo,
    release: { version: rel.version, publishedAt: new Date(rel.publishedAt).toISOString(), publishedBy: rel.publishedBy, dataThrough: rel.dataThrough },
    years: sorted.map((r) => r.year),
    rule,
    kpis,
    highlights: highlights(p, code, scheme, prev?.payload ?? null, place),
    sections,
  };
}

/** Rows of every region (the city last as 合计/全市) for one scheme's figures. */
function regionRows(p: OpenReportPayload, code: string, scheme: SchemeFilter, keys: (keyof FundFigures)[]): OpenRow[] {
  const counties = p.regions.filter((r) => r.code !== p.cityCode);
  const rows: OpenRow[] = counties.map((r) => ({
    key: r.code, label: r.name, short: r.shortName, highlight: r.code === code,
    cells: Object.fromEntries(keys.map((k) => [k, cell(p.figures[r.code][scheme][k])])),
  }));
  rows.push({ key: p.cityCode, label: `${p.cityName}（全市）`, highlight: code === p.cityCode, total: true, cells: Object.fromEntries(keys.map((k) => [k, cell(p.figures[p.cityCode][scheme][k])])) });
  return rows;
}

function yearRows(history: readonly ReleasedReport[], code: string, scheme: SchemeFilter, keys: (keyof FundFigures)[], current: number): OpenRow[] {
  return history.map((r) => ({
    key: String(r.year), label: `${r.year}年`, highlight: r.year === current,
    cells: Object.fromEntries(keys.map((k) => [k, cell(r.payload.figures[code][scheme][k])])),
  }));
}

function extremes(rows: OpenRow[], key: string, unit: IndicatorUnit): string {
  const shown = rows.filter((r) => !r.total && r.cells[key]?.s === 'shown' && r.cells[key].v !== null);
  if (shown.length === 0) return '无数据';
  const hi = shown.reduce((a, b) => (b.cells[key].v! > a.cells[key].v! ? b : a));
  const lo = shown.reduce((a, b) => (b.cells[key].v! < a.cells[key].v! ? b : a));
  return `最高为${hi.label}（${fmt(hi.cells[key].v, unit)}），最低为${lo.label}（${fmt(lo.cells[key].v, unit)}）`;
}

function compareSection(p: OpenReportPayload, code: string, scheme: SchemeFilter, prevFig: FundFigures | null, region: OpenRegion): OpenSection {
  const list: { key: keyof FundFigures; name: string; unit: IndicatorUnit }[] = [
    { key: 'current_balance', name: getIndicator('current_balance').name, unit: 'yuan' },
    { key: 'coverage_rate', name: getIndicator('coverage_rate').name, unit: 'ratio' },
    { key: 'collection_rate', name: getIndicator('collection_rate').name, unit: 'ratio' },
    { key: 'policy_reimbursement_ratio', name: getIndicator('policy_reimbursement_ratio').name, unit: 'ratio' },
    { key: 'settlement_timeliness_rate', name: getIndicator('settlement_timeliness_rate').name, unit: 'ratio' },
    { key: 'primary_visit_share', name: getIndicator('primary_visit_share').name, unit: 'ratio' },
    { key: 'in_county_rate', name: getIndicator('in_county_rate').name, unit: 'ratio' },
  ];
  const fig = p.figures[code][scheme];
  const city = p.figures[p.cityCode][scheme];
  const ratios = list.filter((l) => l.unit === 'ratio');
  const rows: OpenRow[] = ratios.map((l) => ({
    key: l.key, label: l.name,
    cells: { county: cell(fig[l.key]), city: cell(city[l.key]), prev: cell(prevFig?.[l.key] ?? null), gap: cell(fig[l.key] !== null && city[l.key] !== null ? fig[l.key]! - city[l.key]! : null) },
  }));
  const better = ratios.filter((l) => fig[l.key] !== null && city[l.key] !== null && fig[l.key]! > city[l.key]!).map((l) => l.name);
  return {
    id: 'compare',
    title: `${region.shortName}与全市比较`,
    intro: `${region.name}${SCHEME_LABEL[scheme]}各项比率与全市同口径数值并列，差值为本县（市、区）减去全市。`,
    explanations: [],
    charts: [{
      id: 'compare',
      title: `${p.year}年${region.name}与全市主要比率`,
      labelHeader: '指标',
      columns: [
        { key: 'county', header: region.shortName, unit: 'ratio' },
        { key: 'city', header: '全市', unit: 'ratio' },
        { key: 'gap', header: '与全市差值', unit: 'pp' },
        { key: 'prev', header: `${region.shortName}上年`, unit: 'ratio' },
      ],
      rows,
      chart: { kind: 'bars', series: ['county', 'city'], unit: 'ratio' },
      indicators: ratios.map((l) => l.key as IndicatorCode),
      facts: [],
      notes: [],
      summary: `${region.name}与全市主要比率对比：${better.length ? `高于全市的有${better.join('、')}` : '各项均不高于全市'}。详见下表。`,
    }],
  };
}

function fundSection(p: OpenReportPayload, code: string, scheme: SchemeFilter, history: readonly ReleasedReport[], isCity: boolean, place: string): OpenSection {
  const fig = p.figures[code][scheme];
  const keys: (keyof FundFigures)[] = ['income', 'expense', 'current_balance', 'accumulated_balance', 'months_of_reserve'];
  const years = yearRows(history, code, scheme, keys, p.year);
  const prevRow = years.length > 1 ? years[years.length - 2] : null;
  const inc = growthWords(fig.income, prevRow?.cells.income.v);
  const exp = growthWords(fig.expense, prevRow?.cells.expense.v);
  const explanations = [
    {
      name: getIndicator('current_balance').name,
      text: `${getIndicator('current_balance').definition}${p.year}年${place}基金收入${fmt(fig.income, 'yuan')}${inc ? `，${inc}` : ''}；支出${fmt(fig.expense, 'yuan')}${exp ? `，${exp}` : ''}；当期结余${fmt(fig.current_balance, 'yuan')}。${
        inc && exp && fig.income !== null && fig.expense !== null && prevRow?.cells.income.v && prevRow.cells.expense.v
          ? fig.expense / prevRow.cells.expense.v! > fig.income / prevRow.cells.income.v! ? '支出增长快于收入，结余因此减少。' : '收入增长不慢于支出，结余未因收支增速而收窄。'
          : ''}`,
    },
    {
      name: getIndicator('months_of_reserve').name,
      text: isCity || fig.months_of_reserve !== null
        ? `${getIndicator('months_of_reserve').definition}按“6至9个月为合理、低于6个月不足、低于3个月严重不足”的常用区间判断。${p.year}年末为${fmt(fig.months_of_reserve, 'months')}。`
        : `${getIndicator('months_of_reserve').definition}市级统筹后基金由全市统收统支，结余在全市统一核算，不分县（市、区）计算，请看全市数据。`,
    },
  ];
  const charts: OpenChart[] = [{
    id: 'fund-years',
    title: `${place}${SCHEME_LABEL[scheme]}历年基金收支`,
    labelHeader: '年度',
    columns: [
      { key: 'income', header: FACTS.income.name, unit: 'yuan' },
      { key: 'expense', header: FACTS.expense.name, unit: 'yuan' },
      { key: 'current_balance', header: getIndicator('current_balance').name, unit: 'yuan' },
      { key: 'accumulated_balance', header: getIndicator('accumulated_balance').name, unit: 'yuan' },
      { key: 'months_of_reserve', header: getIndicator('months_of_reserve').name, unit: 'months' },
    ],
    rows: years,
    chart: { kind: 'columns', series: ['income', 'expense'], unit: 'yuan' },
    indicators: ['current_balance', 'accumulated_balance', 'months_of_reserve'],
    facts: [FACTS.income, FACTS.expense],
    notes: isCity ? [] : ['市级统筹后的累计结余和可支付月数在全市统一核算，县（市、区）显示为“无数据”。'],
    summary: `${place}${years[0]?.label ?? ''}至${p.year}年基金收入与支出的柱状图。${p.year}年收入${fmt(fig.income, 'yuan')}，支出${fmt(fig.expense, 'yuan')}。`,
  }];
  const rows = regionRows(p, code, scheme, ['income', 'expense', 'current_balance']);
  charts.push({
    id: 'fund-regions',
    title: `${p.year}年各县（市、区）${SCHEME_LABEL[scheme]}基金收支与当期结余`,
    labelHeader: '地区',
    columns: [
      { key: 'income', header: FACTS.income.name, unit: 'yuan' },
      { key: 'expense', header: FACTS.expense.name, unit: 'yuan' },
      { key: 'current_balance', header: getIndicator('current_balance').name, unit: 'yuan' },
    ],
    rows,
    chart: { kind: 'bars', series: ['current_balance'], unit: 'yuan', omitRows: [p.cityCode] },
    indicators: ['current_balance'],
    facts: [FACTS.income, FACTS.expense],
    notes: ['全市合计含市级财政专户的利息等收入，因此大于各县（市、区）之和。'],
    summary: `${p.year}年各县（市、区）当期结余条形图：${extremes(rows, 'current_balance', 'yuan')}。`,
  });
  return {
    id: 'fund',
    title: '基金收支与结余',
    intro: `基金收入、支出、当期结余和累计结余（医保函〔2020〕135号 三：每年向社会公开基金运行情况）。口径：${SCHEME_LABEL[scheme]}，统筹基金。`,
    explanations,
    charts,
  };
}

function collectionSection(
  p: OpenReportPayload, code: string, scheme: SchemeFilter, fig: FundFigures, prevFig: FundFigures | null, place: string,
  inputs: OpenReportPayload['inputs'][string][SchemeFilter], prevInputs: OpenReportPayload['inputs'][string][SchemeFilter] | null,
): OpenSection {
  const rows = regionRows(p, code, scheme, ['enrolled', 'coverage_rate', 'collected', 'collection_rate']);
  const cov = getIndicator('coverage_rate');
  const why = prevInputs && inputs.enrolled !== null && prevInputs.enrolled
    ? `参保人数${growthWords(inputs.enrolled, prevInputs.enrolled)}，应参保人数${growthWords(inputs.shouldEnroll, prevInputs.shouldEnroll) ?? '无可比数据'}，参保率因此${ppWords(fig.coverage_rate, prevFig?.coverage_rate) ?? '无法比较'}。`
    : '';
  return {
    id: 'collection',
    title: '参保与征缴',
    intro: '参保人数、参保率（参保人数 ÷ 全民参保登记库应参保人数）和医保费征缴情况。',
    explanations: [
      { name: cov.name, text: `${cov.definition}${p.year}年末${place}参保率为${fmt(fig.coverage_rate, 'ratio')}（参考目标：${cov.policyRef?.includes('95%') ? '居民医保参保率稳定在95%以上' : '95%'}）。${why}` },
      { name: getIndicator('collection_rate').name, text: `${getIndicator('collection_rate').definition}${p.year}年为${fmt(fig.collection_rate, 'ratio')}，${prevFig ? `比上年${ppWords(fig.collection_rate, prevFig.collection_rate)}` : '无上年可比数据'}。` },
    ],
    charts: [{
      id: 'collection-regions',
      title: `${p.year}年各县（市、区）${SCHEME_LABEL[scheme]}参保与征缴`,
      labelHeader: '地区',
      columns: [
        { key: 'enrolled', header: FACTS.enrolled.name, unit: 'count' },
        { key: 'coverage_rate', header: cov.name, unit: 'ratio' },
        { key: 'collected', header: FACTS.collected.name, unit: 'yuan' },
        { key: 'collection_rate', header: getIndicator('collection_rate').name, unit: 'ratio' },
      ],
      rows,
      chart: { kind: 'bars', series: ['coverage_rate'], unit: 'ratio', omitRows: [p.cityCode], reference: p.figures[p.cityCode][scheme].coverage_rate !== null ? { value: p.figures[p.cityCode][scheme].coverage_rate!, label: '全市' } : undefined },
      indicators: ['coverage_rate', 'collection_rate'],
      facts: [FACTS.enrolled, FACTS.collected],
      notes: [],
      summary: `${p.year}年各县（市、区）参保率条形图：${extremes(rows, 'coverage_rate', 'ratio')}；全市${fmt(p.figures[p.cityCode][scheme].coverage_rate, 'ratio')}。`,
    }],
  };
}

function benefitSection(p: OpenReportPayload, code: string, scheme: SchemeFilter, fig: FundFigures, prevFig: FundFigures | null, place: string): OpenSection {
  const rows = regionRows(p, code, scheme, ['policy_reimbursement_ratio', 'settlement_timeliness_rate']);
  const pr = getIndicator('policy_reimbursement_ratio');
  const st = getIndicator('settlement_timeliness_rate');
  return {
    id: 'benefit',
    title: '待遇支付',
    intro: '参保人住院时政策范围内费用由基金支付的比例，以及在规定时限内完成结算的比例。',
    explanations: [
      { name: pr.name, text: `${pr.definition}${p.year}年${place}为${fmt(fig.policy_reimbursement_ratio, 'ratio')}${prevFig ? `，比上年${ppWords(fig.policy_reimbursement_ratio, prevFig.policy_reimbursement_ratio)}` : ''}。职工医保一般高于居民医保，全部险种的比例受两者住院费用构成影响。` },
      { name: st.name, text: `${st.definition}${p.year}年${place}为${fmt(fig.settlement_timeliness_rate, 'ratio')}${prevFig ? `，比上年${ppWords(fig.settlement_timeliness_rate, prevFig.settlement_timeliness_rate)}` : ''}。` },
    ],
    charts: [{
      id: 'benefit-regions',
      title: `${p.year}年各县（市、区）${SCHEME_LABEL[scheme]}待遇支付`,
      labelHeader: '地区',
      columns: [
        { key: 'policy_reimbursement_ratio', header: pr.name, unit: 'ratio' },
        { key: 'settlement_timeliness_rate', header: st.name, unit: 'ratio' },
      ],
      rows,
      chart: { kind: 'bars', series: ['policy_reimbursement_ratio'], unit: 'ratio', omitRows: [p.cityCode], reference: pr.target !== undefined ? { value: pr.target, label: `目标${(pr.target * 100).toFixed(0)}%` } : undefined },
      indicators: ['policy_reimbursement_ratio', 'settlement_timeliness_rate'],
      facts: [],
      notes: [],
      summary: `${p.year}年各县（市、区）政策范围内住院费用基金支付比例条形图：${extremes(rows, 'policy_reimbursement_ratio', 'ratio')}。`,
    }],
  };
}

function tieredSection(p: OpenReportPayload, code: string, scheme: SchemeFilter, fig: FundFigures, prevFig: FundFigures | null, place: string, history: readonly ReleasedReport[]): OpenSection {
  const rows = regionRows(p, code, scheme, ['primary_visit_share', 'in_county_rate']);
  const ps = getIndicator('primary_visit_share');
  const ic = getIndicator('in_county_rate');
  const inputs = p.inputs[code][scheme];
  const pooled = p.pooling[code]?.RESIDENT;
  const years = yearRows(history, code, scheme, ['primary_visit_share', 'in_county_rate', 'coverage_rate', 'policy_reimbursement_ratio'], p.year);
  return {
    id: 'tiered-care',
    title: '分级诊疗',
    intro: '参保人在基层医疗卫生机构就诊、在本县域内住院的程度，用来观察市级统筹后患者是否流向市级医院（《关于实施基本医疗保险和生育保险市级统筹的意见（征求意见稿）》四（三）：防止冲击分级诊疗制度）。',
    explanations: [
      { name: ps.name, text: `${ps.definition}${p.year}年${place}为${fmt(fig.primary_visit_share, 'ratio')}（${inputs.primaryVisits !== null ? `基层就诊${fmt(inputs.primaryVisits, 'count')}人次，共${fmt(inputs.allVisits, 'count')}人次` : '无数据'}），参考目标为不低于${((ps.target ?? 0) * 100).toFixed(0)}%${prevFig ? `；比上年${ppWords(fig.primary_visit_share, prevFig.primary_visit_share)}` : ''}。` },
      { name: ic.name, text: `${ic.definition}${p.year}年${place}为${fmt(fig.in_county_rate, 'ratio')}，目标约${((ic.target ?? 0) * 100).toFixed(0)}%${prevFig ? `；比上年${ppWords(fig.in_county_rate, prevFig.in_county_rate)}` : ''}。` },
    ],
    charts: [
      {
        id: 'tiered-regions',
        title: `${p.year}年各县（市、区）${SCHEME_LABEL[scheme]}基层就诊占比与县域内就诊率`,
        labelHeader: '地区',
        columns: [
          { key: 'primary_visit_share', header: ps.name, unit: 'ratio' },
          { key: 'in_county_rate', header: ic.name, unit: 'ratio' },
        ],
        rows,
        chart: { kind: 'bars', series: ['primary_visit_share'], unit: 'ratio', omitRows: [p.cityCode], reference: ps.target !== undefined ? { value: ps.target, label: `目标${(ps.target * 100).toFixed(0)}%` } : undefined },
        indicators: ['primary_visit_share', 'in_county_rate'],
        facts: [],
        notes: [],
        summary: `${p.year}年各县（市、区）基层就诊占比条形图：${extremes(rows, 'primary_visit_share', 'ratio')}。`,
      },
      {
        id: 'rates-years',
        title: `${place}${SCHEME_LABEL[scheme]}主要比率历年变化`,
        labelHeader: '年度',
        columns: [
          { key: 'coverage_rate', header: getIndicator('coverage_rate').name, unit: 'ratio' },
          { key: 'policy_reimbursement_ratio', header: getIndicator('policy_reimbursement_ratio').name, unit: 'ratio' },
          { key: 'primary_visit_share', header: ps.name, unit: 'ratio' },
          { key: 'in_county_rate', header: ic.name, unit: 'ratio' },
        ],
        rows: years,
        chart: { kind: 'lines', series: ['coverage_rate', 'policy_reimbursement_ratio', 'primary_visit_share', 'in_county_rate'], unit: 'ratio' },
        indicators: ['coverage_rate', 'policy_reimbursement_ratio', 'primary_visit_share', 'in_county_rate'],
        facts: [],
        notes: pooled ? [`居民医保自${Math.floor(pooled / 100)}年${pooled % 100}月起实行市级统筹。`] : [],
        summary: `${place}${years[0]?.label ?? ''}至${p.year}年参保率、政策范围内住院费用基金支付比例、基层就诊占比和县域内就诊率的折线图。`,
      },
    ],
  };
}

type SupKey = 'institutionsActive' | 'institutionsInspected' | 'inspection_coverage_rate' | 'institutionsWithViolations' | 'violation_rate' | 'interviews' | 'suspensions' | 'terminations' | 'recovery_amount';

/**
 * The supervision table of every region with suppression applied over the whole table: counts 1–9 hidden,
 * amounts with fewer than `threshold` contributing institutions hidden, complements hidden so nothing is
 * derivable from the city total, rates hidden with their parts.
 */
export function supervisionTable(p: OpenReportPayload, code: string): OpenRow[] {
  const rule = p.suppression;
  const regions = p.regions;
  const counties = regions.filter((r) => r.code !== p.cityCode).map((r) => r.code);
  const countKeys: (keyof SupervisionInputs)[] = ['institutionsActive', 'institutionsInspected', 'institutionsWithViolations', 'interviews', 'suspensions', 'terminations'];
  const states: Record<string, Record<string, CellState>> = {};
  for (const key of countKeys) {
    const values = Object.fromEntries(regions.map((r) => [r.code, p.supervision[r.code][key]]));
    states[key] = suppressCells(values, [{ total: p.cityCode, parts: counties }], rule);
  }
  const amount = Object.fromEntries(regions.map((r) => [r.code, p.supervisionFigures[r.code].recovery_amount]));
  const few = new Set(regions.filter((r) => { const n = p.supervision[r.code].institutionsWithRecovery; return n >= 1 && n < rule.threshold; }).map((r) => r.code));
  states.recovery_amount = suppressCells(amount, [{ total: p.cityCode, parts: counties }], rule, few);
  return [...regions.filter((r) => r.code !== p.cityCode), regions.find((r) => r.code === p.cityCode)!].map((r) => {
    const s = p.supervision[r.code];
    const f = p.supervisionFigures[r.code];
    const c = (key: string, v: number | null): OpenCell => ({ v, s: v === null ? 'missing' : states[key][r.code] });
    const cov = rateState(f.inspection_coverage_rate, s.institutionsActive, states.institutionsInspected[r.code], states.institutionsActive[r.code], rule);
    const vio = rateState(f.violation_rate, s.institutionsInspected, states.institutionsWithViolations[r.code], states.institutionsInspected[r.code], rule);
    const cells: Record<SupKey, OpenCell> = {
      institutionsActive: c('institutionsActive', s.institutionsActive),
      institutionsInspected: c('institutionsInspected', s.institutionsInspected),
      inspection_coverage_rate: { v: f.inspection_coverage_rate, s: cov.state, u: cov.unstable || undefined },
      institutionsWithViolations: c('institutionsWithViolations', s.institutionsWithViolations),
      violation_rate: { v: f.violation_rate, s: vio.state, u: vio.unstable || undefined },
      interviews: c('interviews', s.interviews),
      suspensions: c('suspensions', s.suspensions),
      terminations: c('terminations', s.terminations),
      recovery_amount: c('recovery_amount', f.recovery_amount),
    };
    // A hidden value must not travel to the browser or a download: drop it from the model itself.
    for (const x of Object.values(cells)) if (isHidden(x.s)) x.v = null;
    return { key: r.code, label: r.code === p.cityCode ? `${p.cityName}（全市）` : r.name, short: r.shortName, highlight: r.code === code, total: r.code === p.cityCode, cells };
  });
}

function supervisionSection(p: OpenReportPayload, code: string, rows: OpenRow[], place: string, prevSup: SupervisionInputs | null): OpenSection {
  const rule = p.suppression;
  const has = {
    primary: rows.some((r) => Object.values(r.cells).some((c) => c.s === 'primary')),
    secondary: rows.some((r) => Object.values(r.cells).some((c) => c.s === 'secondary')),
    unstable: rows.some((r) => Object.values(r.cells).some((c) => c.u)),
  };
  const own = rows.find((r) => r.key === code)!;
  const t = (k: string, unit: IndicatorUnit) => cellText(own.cells[k], unit, rule);
  const rec = getIndicator('recovery_amount');
  return {
    id: 'supervision',
    title: '基金监管',
    intro: '对本地定点医药机构的监督检查和违规处理（《关于实施基本医疗保险和生育保险市级统筹的意见（征求意见稿）》四（二）：定期开展监督检查，严厉打击欺诈骗保行为）。只公布汇总数，不公布任何机构的名称或数字。',
    explanations: [
      { name: getIndicator('inspection_coverage_rate').name, text: `${getIndicator('inspection_coverage_rate').definition}${p.year}年${place}检查定点机构${t('institutionsInspected', 'count')}家，覆盖率${t('inspection_coverage_rate', 'ratio')}。` },
      { name: rec.name, text: `${rec.definition}${p.year}年${place}为${t('recovery_amount', 'yuan')}${own.key === p.cityCode && prevSup ? `（上年${fmt(prevSup.amountRefused + prevSup.amountRecovered, 'yuan')}）` : ''}。金额高低同时受违规程度和查处力度影响。` },
    ],
    charts: [{
      id: 'supervision-regions',
      title: `${p.year}年各县（市、区）定点医药机构监督检查`,
      labelHeader: '地区',
      columns: [
        { key: 'institutionsActive', header: '协议定点机构数', unit: 'count' },
        { key: 'institutionsInspected', header: '已检查机构数', unit: 'count' },
        { key: 'inspection_coverage_rate', header: getIndicator('inspection_coverage_rate').name, unit: 'ratio' },
        { key: 'institutionsWithViolations', header: '发现违规机构数', unit: 'count' },
        { key: 'violation_rate', header: getIndicator('violation_rate').name, unit: 'ratio' },
        { key: 'interviews', header: '约谈', unit: 'count' },
        { key: 'suspensions', header: '暂停协议', unit: 'count' },
        { key: 'terminations', header: '解除协议', unit: 'count' },
        { key: 'recovery_amount', header: rec.name, unit: 'yuan' },
      ],
      rows,
      chart: { kind: 'bars', series: ['inspection_coverage_rate'], unit: 'ratio', omitRows: [p.cityCode] },
      indicators: ['inspection_coverage_rate', 'violation_rate', 'recovery_amount'],
      facts: [FACTS.actions],
      notes: suppressionNotes(rule, has),
      summary: `${p.year}年各县（市、区）定点机构检查覆盖率条形图：${extremes(rows, 'inspection_coverage_rate', 'ratio')}。`,
    }],
  };
}

/** The year's main changes in words, from this year's and the previous published year's figures. */
export function highlights(p: OpenReportPayload, code: string, scheme: SchemeFilter, prev: OpenReportPayload | null, place: string): string[] {
  const f = p.figures[code][scheme];
  const b = prev?.figures[code]?.[scheme] ?? null;
  const out: string[] = [];
  const inc = growthWords(f.income, b?.income);
  const exp = growthWords(f.expense, b?.expense);
  if (f.income !== null && f.expense !== null) {
    let s = `${p.year}年${place}${SCHEME_LABEL[scheme]}基金收入${fmt(f.income, 'yuan')}${inc ? `，比上年${inc}` : ''}；支出${fmt(f.expense, 'yuan')}${exp ? `，比上年${exp}` : ''}。`;
    if (f.current_balance !== null) {
      if (f.current_balance < 0) s += b?.current_balance !== null && b?.current_balance !== undefined && b.current_balance >= 0 ? `当期由结余转为赤字${fmt(-f.current_balance, 'yuan')}。` : `当期赤字${fmt(-f.current_balance, 'yuan')}。`;
      else s += `当期结余${fmt(f.current_balance, 'yuan')}。`;
    }
    out.push(s);
  }
  if (f.months_of_reserve !== null) {
    const band = getIndicator('months_of_reserve').bands?.find((x) => (x.min === undefined || f.months_of_reserve! >= x.min) && (x.max === undefined || f.months_of_reserve! < x.max));
    out.push(`年末累计结余${fmt(f.accumulated_balance, 'yuan')}，可支付${fmt(f.months_of_reserve, 'months')}${b?.months_of_reserve != null ? `（上年${fmt(b.months_of_reserve, 'months')}）` : ''}${band ? `，属“${band.label}”区间` : ''}。`);
  }
  if (f.coverage_rate !== null) {
    out.push(`年末参保${fmt(f.enrolled, 'count')}人，参保率${fmt(f.coverage_rate, 'ratio')}${b?.coverage_rate != null ? `，比上年${ppWords(f.coverage_rate, b.coverage_rate)}` : ''}。`);
  }
  if (f.policy_reimbursement_ratio !== null) {
    out.push(`政策范围内住院费用基金支付比例${fmt(f.policy_reimbursement_ratio, 'ratio')}${b?.policy_reimbursement_ratio != null ? `，比上年${ppWords(f.policy_reimbursement_ratio, b.policy_reimbursement_ratio)}` : ''}。`);
  }
  if (f.primary_visit_share !== null) {
    const target = getIndicator('primary_visit_share').target ?? 0.65;
    out.push(`基层就诊占比${fmt(f.primary_visit_share, 'ratio')}${b?.primary_visit_share != null ? `，比上年${ppWords(f.primary_visit_share, b.primary_visit_share)}` : ''}，${f.primary_visit_share >= target ? '达到' : '低于'}${(target * 100).toFixed(0)}%的参考目标；县域内就诊率${fmt(f.in_county_rate, 'ratio')}。`);
  }
  // Supervision in the words of the suppressed table: a small count reads 「<10」 here too.
  const own = supervisionTable(p, code).find((r) => r.key === code)!;
  const t = (k: string, unit: IndicatorUnit) => cellText(own.cells[k], unit, p.suppression);
  out.push(`全年检查定点医药机构${t('institutionsInspected', 'count')}家，发现违规机构${t('institutionsWithViolations', 'count')}家，拒付追回${t('recovery_amount', 'yuan')}。`);
  return out;
}

// ───────────────────────── citations ─────────────────────────

/**
 * A registry policy reference as the public reads it. The registry already cites documents by their real
 * names and clauses (lib/indicators/sources.ts), so it is shown as it is; an indicator without one has none.
 */
export function policyCitation(ref: string | undefined): string | null {
  return ref?.trim() || null;
}
