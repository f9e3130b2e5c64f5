// County-level rules: budget execution, coverage and collection, fiscal subsidies, admissions flowing
// out after pooling. County users answer these for their own county.
import { SUBSIDY_SOURCES, CONTRIBUTION_SOURCES, labelOf } from '../../domain/codes';
import {
  addMonths, makePeriod, periodMonth, periodRange, periodYear, previousYearPeriod, seasonalProgress, sumPeriods, ytdSum,
} from '../../indicators/compute';
import { indicators } from '../../indicators/registry';
import { key, type BudgetVersionPlan } from '../data';
import type { Point, RuleDef, RuleParams, SubjectSeries } from '../types';
import { classify, EPISODE_PARAMS, fmt, point, ppSize, regionName, schemeShort, type SeverityBand } from './common';
import { cite, platformMethod } from '@/lib/indicators/sources';

const MONEY_SCHEMES = ['EMPLOYEE', 'RESIDENT', 'MATERNITY'];

// ───────────── 预算执行偏差 ─────────────

export interface BudgetParams extends RuleParams { warnDeviation: number; severeDeviation: number }

export function budgetBands(p: BudgetParams, direction: 'income' | 'expense'): SeverityBand[] {
  if (direction === 'expense') {
    return [
      { min: p.severeDeviation, status: 'bad', label: '支出严重超进度', severity: 'SEVERE', threshold: p.severeDeviation },
      { min: p.warnDeviation, status: 'warn', label: '支出超进度', severity: 'WARNING', threshold: p.warnDeviation },
      { status: 'good', label: '正常', severity: null, threshold: p.warnDeviation },
    ];
  }
  return [
    { max: -p.severeDeviation, status: 'bad', label: '收入严重滞后', severity: 'SEVERE', threshold: -p.severeDeviation },
    { max: -p.warnDeviation, status: 'warn', label: '收入滞后', severity: 'WARNING', threshold: -p.warnDeviation },
    { status: 'good', label: '正常', severity: null, threshold: -p.warnDeviation },
  ];
}

/** The budget version in force at the end of a month: the latest of its year approved by then (never a later adjustment). */
export function versionInForce(budgets: readonly BudgetVersionPlan[], period: number): BudgetVersionPlan | null {
  const y = periodYear(period);
  const monthEnd = `${y}-${String(periodMonth(period)).padStart(2, '0')}-31`;
  const ofYear = budgets.filter((b) => b.year === y).sort((a, b) => a.seq - b.seq);
  const approved = ofYear.filter((b) => b.approvedOn <= monthEnd);
  // A budget not yet approved in January still guides the month (the draft is executed from the 1st).
  return approved[approved.length - 1] ?? ofYear[0] ?? null;
}

export const budgetDeviationRule: RuleDef<BudgetParams> = {
  code: 'budget_deviation',
  name: '预算执行偏差',
  watches: '各县（市、区）分险种的年初至今收入、支出预算执行率与进度之差：支出快于进度或收入慢于进度，预示年度收支缺口。',
  level: 'county',
  indicators: ['expense_execution_deviation', 'income_execution_deviation', 'expense_execution_rate', 'income_execution_rate', 'time_progress'],
  policyRef: [cite('pooling-opinion', '三(三)', '严格按照批准的预算和规定的程序执行'), platformMethod('执行偏差 = 执行率 − 序时进度（或历史季节性进度）')].join('；'),
  note: '进度取该县该险种前3个完整年度同月累计占全年的平均比例（季节性进度）；无历史年度时用序时进度。预算取当月末已批准的最新版本（调整方案批准前不回溯适用）。',
  autoClose: true,
  params: [
    { key: 'warnDeviation', label: '警示：偏离进度达到', unit: 'pp', min: 0, max: 1, step: 0.005 },
    { key: 'severeDeviation', label: '严重：偏离进度达到', unit: 'pp', min: 0, max: 1, step: 0.005 },
    ...EPISODE_PARAMS,
  ],
  defaults: { warnDeviation: 0.03, severeDeviation: 0.05, minMonths: 2, clearMonths: 3 },
  validate: (p) => (p.warnDeviation < p.severeDeviation ? [] : ['“警示”偏差应小于“严重”偏差']),
  bands: (p) => [
    { severity: 'SEVERE', text: `支出执行率超进度${ppSize(p.severeDeviation)}及以上，或收入执行率落后进度超过${ppSize(p.severeDeviation)}` },
    { severity: 'WARNING', text: `支出执行率超进度${ppSize(p.warnDeviation)}及以上，或收入执行率落后进度超过${ppSize(p.warnDeviation)}` },
  ],
  lines: (p) => [
    { value: p.warnDeviation, severity: 'WARNING', label: '支出警示' },
    { value: p.severeDeviation, severity: 'SEVERE', label: '支出严重' },
    { value: -p.warnDeviation, severity: 'WARNING', label: '收入警示' },
    { value: -p.severeDeviation, severity: 'SEVERE', label: '收入严重' },
  ],
  evaluate(data, p) {
    const out: SubjectSeries[] = [];
    for (const c of data.counties) {
      for (const s of MONEY_SCHEMES) {
        const f = data.flows.get(key(c, s));
        if (!f) continue;
        for (const direction of ['expense', 'income'] as const) {
          const bands = budgetBands(p, direction);
          const series = direction === 'expense' ? f.expense : f.income;
          const def = direction === 'expense' ? indicators.expense_execution_deviation : indicators.income_execution_deviation;
          const rateDef = direction === 'expense' ? indicators.expense_execution_rate : indicators.income_execution_rate;
          const points: Point[] = [];
          for (const period of [...series.keys()].sort((a, b) => a - b)) {
            const v = versionInForce(data.budgets, period);
            const plan = v?.plan.get(key(c, s))?.[direction];
            if (!v || !plan || plan <= 0) continue;
            const ytdActual = ytdSum(series, period);
            const seasonal = seasonalProgress(series, period, 3);
            const expectedProgress = seasonal ?? indicators.time_progress.compute({ asOfMonth: period });
            const dev = def.compute({ ytdActual, annualPlan: plan, asOfMonth: period, expectedProgress });
            if (dev === null) continue;
            const rate = rateDef.compute({ ytdActual, annualPlan: plan });
            const b = classify(bands, dev);
            const word = direction === 'expense' ? '支出' : '收入';
            points.push(point(period, dev, b, () => [ `${periodYear(period)}年1—${periodMonth(period)}月${word}执行率${fmt(rate, 'ratio')}，进度${fmt(expectedProgress, 'ratio')}，偏差${fmt(dev, 'pp')}`, [
              { label: `年初至今${word}`, value: ytdActual, unit: 'yuan' },
              { label: `年度${word}预算`, value: plan, unit: 'yuan' },
              { label: '预算版本', value: `${v.docNo}（${v.seq === 0 ? '年初预算' : `第${v.seq}次调整`}，${v.approvedOn}批准）`, unit: 'text' },
              { label: rateDef.name, value: rate, unit: 'ratio' },
              { label: seasonal !== null ? '季节性进度（前3年同期平均）' : indicators.time_progress.name, value: expectedProgress, unit: 'ratio' },
              { label: def.name, value: dev, unit: 'pp' },
            ]]));
          }
          out.push({
            key: key(c, s, direction), regionCode: c, schemeCode: s,
            label: `${regionName(data, c)} · ${schemeShort(s)} · ${direction === 'expense' ? '支出' : '收入'}`,
            unit: 'pp', points,
          });
        }
      }
    }
    return out;
  },
};

// ───────────── 参保率下降 ─────────────

export interface CoverageParams extends RuleParams { warnDrop: number; severeDrop: number }

export function coverageBands(p: CoverageParams): SeverityBand[] {
  return [
    { max: -p.severeDrop, status: 'bad', label: '明显下降', severity: 'SEVERE', threshold: -p.severeDrop },
    { max: -p.warnDrop, status: 'warn', label: '下降', severity: 'WARNING', threshold: -p.warnDrop },
    { status: 'good', label: '基本稳定', severity: null, threshold: -p.warnDrop },
  ];
}

export const coverageDropRule: RuleDef<CoverageParams> = {
  code: 'coverage_drop',
  name: '参保率下降',
  watches: '各县（市、区）职工医保、居民医保参保率较上年同期的变化；参保率以应参保人数为分母，已剔除人口自然增减。',
  level: 'county',
  indicators: ['coverage_rate_change', 'coverage_rate'],
  policyRef: indicators.coverage_rate_change.policyRef,
  autoClose: true,
  params: [
    { key: 'warnDrop', label: '警示：同比降幅超过', unit: 'pp', min: 0, max: 1, step: 0.005 },
    { key: 'severeDrop', label: '严重：同比降幅超过', unit: 'pp', min: 0, max: 1, step: 0.005 },
    ...EPISODE_PARAMS,
  ],
  defaults: { warnDrop: 0.01, severeDrop: 0.02, minMonths: 1, clearMonths: 3 },
  validate: (p) => (p.warnDrop < p.severeDrop ? [] : ['“警示”降幅应小于“严重”降幅']),
  bands: (p) => [
    { severity: 'SEVERE', text: `参保率同比下降超过${ppSize(p.severeDrop)}` },
    { severity: 'WARNING', text: `参保率同比下降超过${ppSize(p.warnDrop)}` },
  ],
  lines: (p) => [
    { value: -p.warnDrop, severity: 'WARNING', label: '警示' },
    { value: -p.severeDrop, severity: 'SEVERE', label: '严重' },
  ],
  evaluate(data, p) {
    const bands = coverageBands(p);
    const out: SubjectSeries[] = [];
    for (const c of data.counties) {
      for (const s of ['EMPLOYEE', 'RESIDENT']) {
        const m = data.enrollment.get(key(c, s));
        if (!m) continue;
        const points: Point[] = [];
        for (const period of [...m.keys()].sort((a, b) => a - b)) {
          const now = m.get(period)!;
          const before = m.get(previousYearPeriod(period));
          if (!before) continue;
          const coverage = indicators.coverage_rate.compute(now);
          const coverageLastYear = indicators.coverage_rate.compute(before);
          const change = indicators.coverage_rate_change.compute({ coverage, coverageLastYear });
          if (change === null) continue;
          const b = classify(bands, change);
          points.push(point(period, change, b, () => [ `参保率${fmt(coverage, 'ratio')}，上年同期${fmt(coverageLastYear, 'ratio')}，变化${fmt(change, 'pp')}`, [
            { label: '参保人数', value: now.enrolled, unit: 'count' },
            { label: '应参保人数', value: now.shouldEnroll, unit: 'count' },
            { label: indicators.coverage_rate.name, value: coverage, unit: 'ratio' },
            { label: '上年同期参保人数', value: before.enrolled, unit: 'count' },
            { label: '上年同期应参保人数', value: before.shouldEnroll, unit: 'count' },
            { label: '上年同期参保率', value: coverageLastYear, unit: 'ratio' },
            { label: indicators.coverage_rate_change.name, value: change, unit: 'pp' },
          ]]));
        }
        out.push({ key: key(c, s), regionCode: c, schemeCode: s, label: `${regionName(data, c)} · ${schemeShort(s)}`, unit: 'pp', points });
      }
    }
    return out;
  },
};

// ───────────── 征缴率下降 ─────────────

export interface CollectionParams extends RuleParams { warnBelow: number; severeBelow: number; warnDrop: number }

export function collectionBands(p: CollectionParams): SeverityBand[] {
  return [
    { max: p.severeBelow, status: 'bad', label: '征缴率过低', severity: 'SEVERE', threshold: p.severeBelow },
    { max: p.warnBelow, status: 'warn', label: '征缴率偏低', severity: 'WARNING', threshold: p.warnBelow },
    { status: 'good', label: '正常', severity: null, threshold: p.warnBelow },
  ];
}

const PREMIUM_SOURCES = ['INDIVIDUAL', 'EMPLOYER'];

export const collectionDropRule: RuleDef<CollectionParams> = {
  code: 'collection_drop',
  name: '征缴率偏低或下降',
  watches: '各县（市、区）分险种年初至今的缴费征缴率（个人和单位缴费，不含财政补助，财政补助另设规则）：低于阈值，或较上年同期明显下降。',
  level: 'county',
  indicators: ['collection_rate', 'collection_rate_change'],
  policyRef: indicators.collection_rate.policyRef,
  autoClose: true,
  params: [
    { key: 'warnBelow', label: '警示：征缴率低于', unit: 'ratio', min: 0, max: 1, step: 0.005 },
    { key: 'severeBelow', label: '严重：征缴率低于', unit: 'ratio', min: 0, max: 1, step: 0.005 },
    { key: 'warnDrop', label: '警示：较上年同期降幅超过', unit: 'pp', min: 0, max: 1, step: 0.005 },
    ...EPISODE_PARAMS,
  ],
  defaults: { warnBelow: 0.97, severeBelow: 0.95, warnDrop: 0.015, minMonths: 2, clearMonths: 3 },
  validate: (p) => (p.severeBelow < p.warnBelow ? [] : ['“严重”阈值应低于“警示”阈值']),
  bands: (p) => [
    { severity: 'SEVERE', text: `年初至今征缴率低于${fmt(p.severeBelow, 'ratio')}` },
    { severity: 'WARNING', text: `征缴率低于${fmt(p.warnBelow, 'ratio')}，或较上年同期下降超过${ppSize(p.warnDrop)}` },
  ],
  lines: (p) => [
    { value: p.warnBelow, severity: 'WARNING', label: '警示' },
    { value: p.severeBelow, severity: 'SEVERE', label: '严重' },
  ],
  evaluate(data, p) {
    const bands = collectionBands(p);
    const dropBands: SeverityBand[] = [
      { max: -p.warnDrop, status: 'warn', label: '较上年同期下降', severity: 'WARNING', threshold: -p.warnDrop },
      { status: 'good', label: '正常', severity: null, threshold: null },
    ];
    const out: SubjectSeries[] = [];
    for (const c of data.counties) {
      for (const s of MONEY_SCHEMES) {
        const due = new Map<number, number>();
        const collected = new Map<number, number>();
        for (const src of PREMIUM_SOURCES) {
          const m = data.contributions.get(key(c, s, src));
          if (!m) continue;
          for (const [period, v] of m) {
            due.set(period, (due.get(period) ?? 0) + v.due);
            collected.set(period, (collected.get(period) ?? 0) + v.collected);
          }
        }
        if (due.size === 0) continue;
        const points: Point[] = [];
        for (const period of [...due.keys()].sort((a, b) => a - b)) {
          const rate = indicators.collection_rate.compute({ collected: ytdSum(collected, period), due: ytdSum(due, period) });
          if (rate === null) continue;
          const ly = previousYearPeriod(period);
          const rateLastYear = due.has(ly) ? indicators.collection_rate.compute({ collected: ytdSum(collected, ly), due: ytdSum(due, ly) }) : null;
          const change = indicators.collection_rate_change.compute({ rate, rateLastYear });
          const level = classify(bands, rate);
          const drop = change === null ? undefined : classify(dropBands, change);
          // the level band decides when it is at least as severe; a fall reports last year's rate minus the allowance
          const useDrop = !level?.severity && drop?.severity;
          const b: SeverityBand | undefined = useDrop
            ? { ...drop!, threshold: rateLastYear! - p.warnDrop }
            : level;
          points.push(point(period, rate, b, () => [ `${periodYear(period)}年1—${periodMonth(period)}月缴费征缴率${fmt(rate, 'ratio')}${change !== null ? `，较上年同期${fmt(change, 'pp')}` : ''}`, [
            { label: '年初至今应征（个人及单位缴费）', value: ytdSum(due, period), unit: 'yuan' },
            { label: '年初至今实征', value: ytdSum(collected, period), unit: 'yuan' },
            { label: indicators.collection_rate.name, value: rate, unit: 'ratio' },
            { label: '上年同期征缴率', value: rateLastYear, unit: 'ratio' },
            { label: indicators.collection_rate_change.name, value: change, unit: 'pp' },
          ]]));
        }
        out.push({ key: key(c, s), regionCode: c, schemeCode: s, label: `${regionName(data, c)} · ${schemeShort(s)}`, unit: 'ratio', points });
      }
    }
    return out;
  },
};

// ───────────── 财政补助未到位 ─────────────

export interface SubsidyParams extends RuleParams { warnBelow: number; severeBelow: number }

export function subsidyBands(p: SubsidyParams): SeverityBand[] {
  return [
    { max: p.severeBelow, status: 'bad', label: '严重未到位', severity: 'SEVERE', threshold: p.severeBelow },
    { max: p.warnBelow, status: 'warn', label: '未足额到位', severity: 'WARNING', threshold: p.warnBelow },
    { status: 'good', label: '基本到位', severity: null, threshold: p.warnBelow },
  ];
}

export const subsidyShortfallRule: RuleDef<SubsidyParams> = {
  code: 'subsidy_shortfall',
  name: '财政补助未到位',
  watches: '各县（市、区）居民医保各级财政补助（中央、省、市、县）年初至今的到位率；县级补助未到位形成的收入缺口由县级政府补足。',
  level: 'county',
  indicators: ['subsidy_delivery_rate', 'subsidy_gap'],
  policyRef: indicators.subsidy_delivery_rate.policyRef,
  note: '财政补助按季拨付：每年1—2月尚无应到位金额，不评估（不视为解除）。',
  autoClose: true,
  params: [
    { key: 'warnBelow', label: '警示：到位率低于', unit: 'ratio', min: 0, max: 1, step: 0.01 },
    { key: 'severeBelow', label: '严重：到位率低于', unit: 'ratio', min: 0, max: 1, step: 0.01 },
    ...EPISODE_PARAMS,
  ],
  defaults: { warnBelow: 0.95, severeBelow: 0.8, minMonths: 1, clearMonths: 3 },
  validate: (p) => (p.severeBelow < p.warnBelow ? [] : ['“严重”阈值应低于“警示”阈值']),
  bands: (p) => [
    { severity: 'SEVERE', text: `年初至今到位率低于${fmt(p.severeBelow, 'ratio')}` },
    { severity: 'WARNING', text: `年初至今到位率低于${fmt(p.warnBelow, 'ratio')}` },
  ],
  lines: (p) => [
    { value: p.warnBelow, severity: 'WARNING', label: '警示' },
    { value: p.severeBelow, severity: 'SEVERE', label: '严重' },
  ],
  evaluate(data, p) {
    const bands = subsidyBands(p);
    const out: SubjectSeries[] = [];
    for (const c of data.counties) {
      for (const s of MONEY_SCHEMES) {
        for (const src of SUBSIDY_SOURCES) {
          const m = data.contributions.get(key(c, s, src));
          if (!m || m.size === 0) continue;
          const due = new Map([...m].map(([k, v]) => [k, v.due]));
          const collected = new Map([...m].map(([k, v]) => [k, v.collected]));
          const first = Math.min(...m.keys());
          const last = data.lastPeriod !== null ? Math.max(data.lastPeriod, ...m.keys()) : Math.max(...m.keys());
          const points: Point[] = [];
          for (const period of periodRange(first, last)) {
            // Quarterly rows: months in between carry the year-to-date figures (missing months count as 0).
            const months = periodRange(makePeriod(periodYear(period), 1), period);
            const dueYtd = months.reduce((a, q) => a + (due.get(q) ?? 0), 0);
            const colYtd = months.reduce((a, q) => a + (collected.get(q) ?? 0), 0);
            const rate = indicators.subsidy_delivery_rate.compute({ subsidyCollected: colYtd, subsidyDue: dueYtd });
            if (rate === null) continue;
            const gap = indicators.subsidy_gap.compute({ subsidyDue: dueYtd, subsidyCollected: colYtd });
            const b = classify(bands, rate);
            const name = labelOf(CONTRIBUTION_SOURCES, src);
            points.push(point(period, rate, b, () => [ `${periodYear(period)}年1—${periodMonth(period)}月${name}到位${fmt(rate, 'ratio')}，缺口${fmt(gap, 'yuan')}`, [
              { label: `${name}应到位（年初至今）`, value: dueYtd, unit: 'yuan' },
              { label: `${name}实际到位（年初至今）`, value: colYtd, unit: 'yuan' },
              { label: indicators.subsidy_delivery_rate.name, value: rate, unit: 'ratio' },
              { label: indicators.subsidy_gap.name, value: gap, unit: 'yuan' },
            ]]));
          }
          out.push({ key: key(c, s, src), regionCode: c, schemeCode: s, label: `${regionName(data, c)} · ${schemeShort(s)} · ${labelOf(CONTRIBUTION_SOURCES, src)}`, unit: 'ratio', points });
        }
      }
    }
    return out;
  },
};

// ───────────── 统筹后住院外流 ─────────────

export interface OutflowParams extends RuleParams { warnIncrease: number; severeIncrease: number }

export function outflowBands(p: OutflowParams): SeverityBand[] {
  return [
    { min: p.severeIncrease, status: 'bad', label: '明显外流', severity: 'SEVERE', threshold: p.severeIncrease },
    { min: p.warnIncrease, status: 'warn', label: '外流增加', severity: 'WARNING', threshold: p.warnIncrease },
    { status: 'good', label: '基本稳定', severity: null, threshold: p.warnIncrease },
  ];
}

export const admissionOutflowRule: RuleDef<OutflowParams> = {
  code: 'admission_outflow',
  name: '统筹后住院外流',
  watches: '各县（市、区）参保人在市级医院和市外机构住院的占比，市级统筹后（按该县该险种统筹月份）近12个月与统筹前12个月相比的增幅。',
  level: 'county',
  indicators: ['outflow_share_change', 'outflow_admission_share'],
  policyRef: indicators.outflow_share_change.policyRef,
  note: '读住院汇总表（UtilizationRollup）；生育保险不纳入。统筹当月起评估，此时12个月窗口仍含统筹前月份，信号偏保守。',
  autoClose: true,
  params: [
    { key: 'warnIncrease', label: '警示：占比上升不低于', unit: 'pp', min: 0, max: 1, step: 0.005 },
    { key: 'severeIncrease', label: '严重：占比上升不低于', unit: 'pp', min: 0, max: 1, step: 0.005 },
    ...EPISODE_PARAMS,
  ],
  defaults: { warnIncrease: 0.03, severeIncrease: 0.05, minMonths: 1, clearMonths: 3 },
  validate: (p) => (p.warnIncrease < p.severeIncrease ? [] : ['“警示”增幅应小于“严重”增幅']),
  bands: (p) => [
    { severity: 'SEVERE', text: `市级及市外住院占比较统筹前上升${ppSize(p.severeIncrease)}及以上` },
    { severity: 'WARNING', text: `市级及市外住院占比较统筹前上升${ppSize(p.warnIncrease)}及以上` },
  ],
  lines: (p) => [
    { value: p.warnIncrease, severity: 'WARNING', label: '警示' },
    { value: p.severeIncrease, severity: 'SEVERE', label: '严重' },
  ],
  evaluate(data, p) {
    const bands = outflowBands(p);
    const out: SubjectSeries[] = [];
    for (const c of data.counties) {
      for (const s of ['EMPLOYEE', 'RESIDENT']) {
        const m = data.admissions.get(key(c, s));
        const pooledAt = data.pooling.get(key(c, s));
        if (!m || !pooledAt) continue;
        const all = new Map([...m].map(([k, v]) => [k, v.all]));
        const cityN = new Map([...m].map(([k, v]) => [k, v.city]));
        const oocN = new Map([...m].map(([k, v]) => [k, v.outOfCity]));
        const base = periodRange(addMonths(pooledAt, -12), addMonths(pooledAt, -1));
        const baselineShare = indicators.outflow_admission_share.compute({
          cityAdmissions: sumPeriods(cityN, base), outOfCityAdmissions: sumPeriods(oocN, base), allAdmissions: sumPeriods(all, base),
        });
        if (baselineShare === null) continue;
        const points: Point[] = [];
        for (const period of [...m.keys()].sort((a, b) => a - b)) {
          if (period < pooledAt) continue;
          const win = periodRange(addMonths(period, -11), period);
          const cityA = sumPeriods(cityN, win);
          const oocA = sumPeriods(oocN, win);
          const allA = sumPeriods(all, win);
          const share = indicators.outflow_admission_share.compute({ cityAdmissions: cityA, outOfCityAdmissions: oocA, allAdmissions: allA });
          const change = indicators.outflow_share_change.compute({ share, baselineShare });
          if (change === null) continue;
          const b = classify(bands, change);
          points.push(point(period, change, b, () => [ `近12个月市级及市外住院占比${fmt(share, 'ratio')}，统筹前12个月${fmt(baselineShare, 'ratio')}，变化${fmt(change, 'pp')}`, [
            { label: '统筹月份', value: pooledAt, unit: 'period' },
            { label: '统筹前12个月住院人次', value: sumPeriods(all, base), unit: 'count' },
            { label: '统筹前12个月市级及市外住院人次', value: (sumPeriods(cityN, base) ?? 0) + (sumPeriods(oocN, base) ?? 0), unit: 'count' },
            { label: '统筹前市级及市外住院占比', value: baselineShare, unit: 'ratio' },
            { label: '近12个月住院人次', value: allA, unit: 'count' },
            { label: '近12个月市级医院住院人次', value: cityA, unit: 'count' },
            { label: '近12个月市外住院人次', value: oocA, unit: 'count' },
            { label: indicators.outflow_admission_share.name, value: share, unit: 'ratio' },
            { label: indicators.outflow_share_change.name, value: change, unit: 'pp' },
          ]]));
        }
        out.push({ key: key(c, s), regionCode: c, schemeCode: s, label: `${regionName(data, c)} · ${schemeShort(s)}`, unit: 'pp', points });
      }
    }
    return out;
  },
};
