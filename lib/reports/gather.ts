import 'server-only';
// Gathers the figures of a month's report from the same queries the pages use (总览, 参保征缴, 预算执行,
// 风险预警, 分级诊疗), so every number in the report equals the page's. No formula lives here: values come
// from the query results, which take them from the indicator registry.
import type { Db } from '../db';
import { SCHEMES, type SchemeCode, type SchemeFilter } from '../domain/codes';
import { addMonths } from '../indicators/compute';
import { indicators } from '../indicators/registry';
import { indicatorStatus } from '../indicators/status';
import type { IndicatorUnit } from '../indicators/types';
import { formatPeriod } from '../format';
import { loadDatasetInfo } from '../queries/meta/getDatasetInfo';
import { loadKpiInputs } from '../queries/overview/kpiInputs';
import { assembleOverview, type OverviewData } from '../queries/overview/getOverview';
import { OVERVIEW_CODES } from '../queries/overview/overviewKpis';
import { loadBudgetData } from '../queries/budget/data';
import { assembleBudgetExecution } from '../queries/budget/getBudgetExecution';
import { assembleDeficitAttribution } from '../queries/budget/getDeficitAttribution';
import { loadCollectionInputs } from '../queries/collection/inputs';
import { assembleCoverageByCounty } from '../queries/collection/getCoverageByCounty';
import { loadTieredCareData } from '../queries/tieredCare/data';
import { computeShareByCounty } from '../queries/tieredCare/getShareByCounty';
import { loadWarnings } from '../queries/risk/getWarnings';
import { loadProjection } from '../queries/risk/getProjection';
import { loadSustainabilityOutlook } from '../queries/risk/getSustainability';
import { allowedRegion, canSeeCity, CITY_SCOPE, ScopeError, type Scope } from '../queries/scope';
import { OPEN_STATUSES, type Severity } from '../risk/types';
import { loadPools } from './months';
import { writeSections } from './narrative';
import type { CountyLine, Figure, KpiLine, ProjectionLine, ReportFigures, WarningLine } from './types';

export class ReportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportError';
  }
}

export const FUND_SCHEMES: SchemeCode[] = ['EMPLOYEE', 'RESIDENT', 'MATERNITY'];
const schemeShort = (s: SchemeCode) => SCHEMES.find((x) => x.code === s)!.short;

/** `indicator@region[/scheme]:period` */
export function figureKey(indicator: string, region: string, period: number | string, scheme?: SchemeCode): string {
  return `${indicator}@${region}${scheme ? `/${scheme}` : ''}:${period}`;
}

/** Parses '2024-12' or '202412' into 202412; throws ReportError for anything else. */
export function parseReportMonth(raw: string): number {
  const m = /^(\d{4})-?(\d{2})$/.exec(raw.trim());
  if (!m) throw new ReportError(`月份格式应为 YYYY-MM 或 YYYYMM：${raw}`);
  const month = Number(m[2]);
  if (month < 1 || month > 12) throw new ReportError(`月份无效：${raw}`);
  return Number(m[1]) * 100 + month;
}

async function overviewAt(db: Db, scope: Scope, cityCode: string, scheme: SchemeFilter, region: string, asOf: number): Promise<OverviewData> {
  const [now, before] = await Promise.all([loadKpiInputs(db, cityCode, scheme, asOf), loadKpiInputs(db, cityCode, scheme, asOf - 100)]);
  return assembleOverview(scope, cityCode, { year: Math.floor(asOf / 100), scheme, region: region === cityCode ? 'ALL' : region }, { asOf, previousAsOf: asOf - 100, now, before });
}

/**
 * The figures and text of the report of `period` (YYYYMM) for `regionCode`: a city's code = that city's
 * edition, a county's code = that county's edition within its own city (设区市, lib/regions/pools), as `scope`
 * may see them. Throws ReportError when the region is no city or county, or the month has no fund data in
 * that city; ScopeError when the scope may not read the edition (a county asking for a city edition or
 * another county's).
 */
export async function gatherReport(db: Db, scope: Scope, input: { period: number; regionCode: string }): Promise<ReportFigures> {
  const [info, pools] = await Promise.all([loadDatasetInfo(db), loadPools(db)]);
  if (!info) throw new ReportError('尚未装载数据');
  const { period } = input;
  const pool = pools.find((c) => c.code === input.regionCode || c.counties.some((x) => x.code === input.regionCode));
  const isCity = pool?.code === input.regionCode;
  if (isCity && scope.kind !== 'city') throw new ScopeError('全市版月度报告仅对市医保局开放');
  if (!pool) throw new ReportError(`未知地区：${input.regionCode}`);
  if (scope.kind === 'city' && !canSeeCity(scope, pool.code)) throw new ScopeError('无权查看其他地市的月度报告');
  if (!isCity) allowedRegion(scope, input.regionCode);
  const cityCode = pool.code;
  // The dataset's own name for its city (DatasetMeta) when it holds one city, else the region's name.
  const cityName = pools.length === 1 ? info.cityName : pool.name;
  const cityCodes = [cityCode, ...pool.counties.map((c) => c.code)];
  // The fund projections read one city's pool when the warehouse holds several (a one-city warehouse: every row).
  const poolCodes = pools.length > 1 ? cityCodes : undefined;
  const hasData = await db.prisma.ledgerFact.count({ where: { period, regionCode: { in: cityCodes } } });
  if (!hasData) throw new ReportError(`${formatPeriod(period)}尚无基金收支数据`);
  const year = Math.floor(period / 100);
  const month = period % 100;
  const region = input.regionCode;
  const req = { year, scheme: 'ALL' as const, region: isCity ? 'ALL' : region, month };
  const nameOf = (code: string) => (code === cityCode ? `${cityName}（全市）` : pool.counties.find((c) => c.code === code)?.name ?? code);

  const prevMonth = addMonths(period, -1);
  const [ov, ovPrevMonth, perScheme, budget, collNow, collBefore, tc, warnings, projections, sustainability] = await Promise.all([
    overviewAt(db, scope, cityCode, 'ALL', region, period),
    overviewAt(db, scope, cityCode, 'ALL', region, prevMonth),
    // City-wide fund totals: a county sees the city pool it belongs to (as on 总览 and 风险预警), so these
    // are read as the city whatever the edition's reader.
    Promise.all(FUND_SCHEMES.map(async (s) => ({
      scheme: s,
      now: await overviewAt(db, CITY_SCOPE, cityCode, s, cityCode, period),
      mom: await overviewAt(db, CITY_SCOPE, cityCode, s, cityCode, prevMonth),
    }))),
    loadBudgetData(db, cityCode, 'ALL'),
    loadCollectionInputs(db, cityCode, 'ALL', period),
    loadCollectionInputs(db, cityCode, 'ALL', period - 100),
    loadTieredCareData(db, cityCode, 'ALL'),
    loadWarnings(db, scope, { status: 'all', severity: 'ALL', region: isCity ? 'ALL' : region, rule: 'ALL', page: 1, pscheme: 'RESIDENT' }, 100_000),
    Promise.all(FUND_SCHEMES.map((s) => loadProjection(db, s, period, poolCodes))),
    // The stochastic projection of the two medical-insurance funds from this month (as on 风险预警).
    Promise.all((['RESIDENT', 'EMPLOYEE'] as const).map((s) => (poolCodes ? loadSustainabilityOutlook(db, s, period, poolCodes) : loadSustainabilityOutlook(db, s, period)))),
  ]);
  const execution = assembleBudgetExecution(scope, budget, req);
  const attribution = assembleDeficitAttribution(scope, budget, req);
  const coverage = assembleCoverageByCounty(scope, cityCode, { asOf: period, previousAsOf: period - 100, now: collNow, before: collBefore, twoBefore: new Map() });
  // A county edition is about that county (next to the city totals), whoever reads it.
  const visibleCounties = isCity ? pool.counties : pool.counties.filter((c) => c.code === region);
  const shares = computeShareByCounty(tc, [cityCode, ...visibleCounties.map((c) => c.code)], year);

  const figures: Record<string, Figure> = {};
  const put = (f: Omit<Figure, 'key'> & { key?: string }): string => {
    const key = f.key ?? figureKey(f.indicator!, f.regionCode, f.period, f.scheme);
    figures[key] = { ...f, key };
    return key;
  };
  const ytdLabel = (p: number) => (p % 100 === 1 ? `${formatPeriod(p)}` : `${Math.floor(p / 100)}年1—${p % 100}月`);
  const endLabel = (p: number) => `${formatPeriod(p)}末`;
  const POINT = new Set(['coverage_rate', 'accumulated_balance', 'months_of_reserve']);
  const indicatorFigure = (code: string, regionCode: string, p: number, value: number | null, source: string, scheme?: SchemeCode) => {
    const def = indicators[code as keyof typeof indicators];
    const when = POINT.has(code) ? endLabel(p) : ytdLabel(p);
    return put({
      indicator: code, regionCode, period: p, scheme, value, unit: def.unit as IndicatorUnit, source,
      label: `${nameOf(regionCode)}${scheme ? ` ${schemeShort(scheme)}` : ''} ${def.name}（${when}）`,
    });
  };

  // KPIs of the edition's region (总览 tiles), with 同比 and, for month-end figures, 环比.
  const OV_SRC = '总览 · 主要指标（lib/queries/overview getOverview）';
  const kpis: KpiLine[] = ov.tiles.map((t) => {
    const point = POINT.has(t.code);
    const prevTile = ovPrevMonth.tiles.find((x) => x.code === t.code);
    return {
      code: t.code,
      name: indicators[t.code].name,
      unit: indicators[t.code].unit,
      basis: point ? 'point' : 'ytd',
      now: indicatorFigure(t.code, region, period, t.value, OV_SRC),
      yoy: t.previous === null ? null : indicatorFigure(t.code, region, period - 100, t.previous, OV_SRC),
      // A year-to-date figure in January has no comparable previous month.
      mom: point && prevTile && prevTile.value !== null ? indicatorFigure(t.code, region, prevMonth, prevTile.value, OV_SRC) : null,
      status: t.status,
      target: t.target,
    };
  });
  const timeProgress = execution.timeProgress;
  if (timeProgress !== null) put({ key: figureKey('time_progress', cityCode, period), indicator: 'time_progress', regionCode: cityCode, period, value: timeProgress, unit: 'ratio', label: `序时进度（${ytdLabel(period)}）`, source: '预算执行（lib/queries/budget getBudgetExecution）' });
  for (const code of OVERVIEW_CODES) {
    const target = indicators[code].target;
    if (target !== undefined) put({ key: `target:${code}`, indicator: code, regionCode: cityCode, period, value: target, unit: indicators[code].unit, label: `${indicators[code].name}目标值`, source: `指标库 ${code}${indicators[code].policyRef ? `：${indicators[code].policyRef}` : ''}` });
  }

  // 可支付月数 by fund (city-wide: every county and the city account), as on 总览 with the scheme filter.
  const reserve = perScheme.map(({ scheme, now, mom }) => {
    const t = now.tiles.find((x) => x.code === 'months_of_reserve')!;
    const m = mom.tiles.find((x) => x.code === 'months_of_reserve')!;
    const src = `总览 · ${schemeShort(scheme)}（lib/queries/overview getOverview）`;
    return {
      scheme, name: schemeShort(scheme),
      now: indicatorFigure('months_of_reserve', cityCode, period, t.value, src, scheme),
      yoy: t.previous === null ? null : indicatorFigure('months_of_reserve', cityCode, period - 100, t.previous, src, scheme),
      mom: m.value === null ? null : indicatorFigure('months_of_reserve', cityCode, prevMonth, m.value, src, scheme),
      status: indicatorStatus(indicators.months_of_reserve, t.value),
    };
  });
  const reserveBand = indicators.months_of_reserve.bands!;
  put({ key: 'band:months_of_reserve:low', indicator: 'months_of_reserve', regionCode: cityCode, period, value: reserveBand.find((b) => b.status === 'good')!.min!, unit: 'months', label: '可支付月数合理区间下限', source: `指标库 months_of_reserve：${indicators.months_of_reserve.policyRef}` });

  // County table: 总览 values, 参保征缴 subsidy delivery, 预算执行 rates and 当期结余.
  const codes = [cityCode, ...visibleCounties.map((c) => c.code)];
  const counties: CountyLine[] = codes.map((code) => {
    const o = ov.counties.find((c) => c.code === code);
    const cov = coverage.rows.find((r) => r.code === code);
    const ex = execution.counties.find((r) => r.code === code);
    return {
      code, name: nameOf(code),
      coverage: o?.values.coverage_rate ?? null,
      collectionRate: o?.values.collection_rate ?? null,
      countySubsidyDelivery: cov?.countySubsidyDelivery ?? null,
      incomeRate: ex?.income.rate ?? null,
      expenseRate: ex?.expense.rate ?? null,
      expenseDeviation: ex?.expense.deviation ?? null,
      currentBalance: ex?.balance ?? null,
      accumulated: o?.values.accumulated_balance ?? null,
      monthsOfReserve: o?.values.months_of_reserve ?? null,
      primaryShare: o?.values.primary_visit_share ?? null,
      inCountyRate: o?.values.in_county_rate ?? null,
    };
  });
  const EX_SRC = '预算执行 · 分县执行（lib/queries/budget getBudgetExecution）';
  const COV_SRC = '参保征缴 · 分县参保与征缴（lib/queries/collection getCoverageByCounty）';
  for (const c of counties) {
    indicatorFigure('current_balance', c.code, period, c.currentBalance, EX_SRC);
    indicatorFigure('expense_execution_rate', c.code, period, c.expenseRate, EX_SRC);
    put({ key: figureKey('expense_execution_deviation', c.code, period), indicator: 'expense_execution_deviation', regionCode: c.code, period, value: c.expenseDeviation, unit: 'pp', label: `${c.name} 支出执行率与序时进度之差（${ytdLabel(period)}）`, source: EX_SRC });
    if (c.code !== cityCode) {
      indicatorFigure('subsidy_delivery_rate', c.code, period, c.countySubsidyDelivery, COV_SRC);
      indicatorFigure('coverage_rate', c.code, period, c.coverage, OV_SRC);
      indicatorFigure('primary_visit_share', c.code, period, c.primaryShare, OV_SRC);
      indicatorFigure('in_county_rate', c.code, period, c.inCountyRate, OV_SRC);
    }
  }

  // A county edition lists the county only: under a county scope the budget query's total row sums the
  // visible counties (the county itself), not the city.
  const codesOf = (code: string) => (isCity ? true : code === region);
  // Deficit attribution so far this year (预算执行 · 缺口责任划分).
  const ATT_SRC = '预算执行 · 缺口责任划分（lib/queries/budget getDeficitAttribution，《关于实施基本医疗保险和生育保险市级统筹的意见（征求意见稿）》三（三））';
  const attributionLines = attribution.counties.filter((a) => codesOf(a.code)).map((a) => {
    const line = {
      code: a.code, name: nameOf(a.code), balance: a.balance, gap: a.gap, countySubsidyUnpaid: a.countySubsidyUnpaid,
      premiumShortfall: a.premiumShortfall, countyMakeup: a.countyMakeup, cityCovers: a.cityCovers, metPlan: a.metPlan, regime: a.regime,
    };
    put({ key: figureKey('county_makeup_amount', a.code, period), indicator: 'county_makeup_amount', regionCode: a.code, period, value: a.countyMakeup, unit: 'yuan', label: `${line.name} 县级应补足金额（${ytdLabel(period)}）`, source: ATT_SRC });
    put({ key: figureKey('subsidy_gap', a.code, period), indicator: 'subsidy_gap', regionCode: a.code, period, value: a.countySubsidyUnpaid, unit: 'yuan', label: `${line.name} 县级财政补助未到位金额（${ytdLabel(period)}）`, source: ATT_SRC });
    put({ key: figureKey('city_cover_amount', a.code, period), indicator: 'city_cover_amount', regionCode: a.code, period, value: a.cityCovers, unit: 'yuan', label: `${line.name} 市级结余弥补金额（${ytdLabel(period)}）`, source: ATT_SRC });
    return line;
  });

  // Warnings as of the month end: raised by then and not cleared by then (or still open now).
  const view = (w: (typeof warnings.items)[number]): WarningLine => ({
    id: w.id, ruleName: w.ruleName, subjectLabel: w.subjectLabel, regionName: w.regionName, severity: w.severity, status: w.status,
    firstPeriod: w.firstPeriod, lastPeriod: w.lastPeriod, clearedPeriod: w.clearedPeriod, value: w.value, unit: w.unit, threshold: w.threshold,
  });
  const openAt = (w: (typeof warnings.items)[number], p: number) =>
    w.firstPeriod <= p && w.status !== 'FALSE_POSITIVE' && (OPEN_STATUSES.includes(w.status) ? true : w.clearedPeriod !== null && w.clearedPeriod > p);
  // The city edition lists this city's warnings (its funds, counties and institutions), not another city's.
  const items = warnings.items.filter((w) => cityCodes.includes(w.regionCode));
  const open = items.filter((w) => openAt(w, period)).map(view);
  const raised = items.filter((w) => w.firstPeriod === period && w.status !== 'FALSE_POSITIVE').map(view);
  const cleared = items.filter((w) => w.clearedPeriod === period).map(view);
  const bySeverity = { SEVERE: 0, WARNING: 0, NOTICE: 0, total: 0 } as Record<Severity, number> & { total: number };
  for (const w of open) { bySeverity[w.severity]++; bySeverity.total++; }
  const W_SRC = '风险预警 · 预警列表（lib/queries/risk getWarnings）';
  put({ key: `warnings_open@${region}:${period}`, regionCode: region, period, value: bySeverity.total, unit: 'count', label: `${formatPeriod(period)}末在办预警数`, source: W_SRC });
  for (const s of ['SEVERE', 'WARNING', 'NOTICE'] as Severity[]) put({ key: `warnings_open_${s}@${region}:${period}`, regionCode: region, period, value: bySeverity[s], unit: 'count', label: `${formatPeriod(period)}末在办预警数（${s}）`, source: W_SRC });
  put({ key: `warnings_raised@${region}:${period}`, regionCode: region, period, value: raised.length, unit: 'count', label: `${formatPeriod(period)}新发预警数`, source: W_SRC });
  put({ key: `warnings_cleared@${region}:${period}`, regionCode: region, period, value: cleared.length, unit: 'count', label: `${formatPeriod(period)}解除预警数`, source: W_SRC });

  // Projection (风险预警 · 结余测算) from this month.
  // The projection table covers the two medical-insurance funds; maternity only appears in the reserve chart.
  const projection = projections.filter((p) => p?.scheme === 'RESIDENT' || p?.scheme === 'EMPLOYEE').sort((a, b) => (a!.scheme === 'RESIDENT' ? -1 : b!.scheme === 'RESIDENT' ? 1 : 0)).flatMap((p) => (p ? [{
    scheme: p.scheme, name: schemeShort(p.scheme), lastPeriod: p.lastPeriod, exhausted: p.exhausted,
    incomeGrowth: p.growth.income.central, expenseGrowth: p.growth.expense.central, window: p.growth.window,
    stochastic: stochasticLine(p.scheme),
  }] : []));
  function stochasticLine(scheme: SchemeCode): ProjectionLine['stochastic'] {
    const d = sustainability.find((x) => x?.scheme === scheme);
    if (!d) return null;
    const key = put({
      key: `prob_months_of_reserve_below3_12m@${cityCode}/${scheme}:${d.lastPeriod}`, regionCode: cityCode, period: d.lastPeriod, scheme,
      value: d.summary.probBelow.below3.within12, unit: 'ratio', label: `${schemeShort(scheme)} 未来12个月内可支付月数低于3个月的概率（随机测算）`,
      source: `风险预警 · 基金可持续性（lib/risk/sustainability，${d.paths}条模拟路径，种子${d.seed}）`,
    });
    const dep = d.summary.depletion;
    return { lastPeriod: d.lastPeriod, probBelow3Within12: key, depletionMedian: dep.median, depletionP10: dep.p10, depletionP90: dep.p90, paths: d.paths, horizon: d.horizon };
  }
  for (const p of projection) {
    const src = `风险预警 · 结余测算（lib/queries/risk getProjection，${p.name}）`;
    put({ key: figureKey('income_growth_rate', cityCode, p.lastPeriod, p.scheme), indicator: 'income_growth_rate', regionCode: cityCode, period: p.lastPeriod, scheme: p.scheme, value: p.incomeGrowth, unit: 'ratio', label: `${p.name} 收入年增速（中位情景）`, source: src });
    put({ key: figureKey('expense_growth_rate', cityCode, p.lastPeriod, p.scheme), indicator: 'expense_growth_rate', regionCode: cityCode, period: p.lastPeriod, scheme: p.scheme, value: p.expenseGrowth, unit: 'ratio', label: `${p.name} 支出年增速（中位情景）`, source: src });
  }
  const reserveSeries = new Map<number, { period: number; EMPLOYEE: number | null; RESIDENT: number | null; MATERNITY: number | null }>();
  projections.forEach((h, i) => {
    for (const pt of h?.history.slice(-24) ?? []) {
      const row = reserveSeries.get(pt.period) ?? { period: pt.period, EMPLOYEE: null, RESIDENT: null, MATERNITY: null };
      row[FUND_SCHEMES[i]] = pt.monthsOfReserve;
      reserveSeries.set(pt.period, row);
    }
  });

  // 基层就诊占比 against the 12 months before pooling (分级诊疗 · 分县占比).
  const TC_SRC = '分级诊疗 · 分县占比（lib/queries/tieredCare getShareByCounty）';
  const primaryShare = shares.rows.filter((r) => r.code !== cityCode).map((r) => {
    const baseline = r.poolingPeriod && r.baseline.primary_visit_share !== null
      ? put({
        key: `primary_visit_share@${r.code}:pre${r.poolingPeriod}`, indicator: 'primary_visit_share', regionCode: r.code, period: addMonths(r.poolingPeriod, -1),
        value: r.baseline.primary_visit_share, unit: 'ratio', label: `${nameOf(r.code)} 基层就诊占比（统筹前12个月）`, source: TC_SRC,
      })
      : null;
    return { code: r.code, name: nameOf(r.code), poolingPeriod: r.poolingPeriod, now: figureKey('primary_visit_share', r.code, period), baseline };
  });

  const dataThrough = (await db.prisma.ledgerFact.aggregate({ _max: { period: true }, where: { regionCode: { in: cityCodes } } }))._max.period ?? period;
  const base: Omit<ReportFigures, 'sections'> = {
    format: 1, period, regionCode: region, regionName: nameOf(region), cityCode, cityName,
    edition: isCity ? 'city' : 'county', isDemo: info.isDemo, dataThrough, timeProgress,
    figures, kpis, reserve, counties, attribution: attributionLines,
    warnings: { open, raised, cleared, bySeverity }, projection,
    reserveSeries: [...reserveSeries.values()].sort((a, b) => a.period - b.period), primaryShare,
  };
  const { sections, derived } = writeSections(base);
  return { ...base, figures: { ...figures, ...derived }, sections };
}
