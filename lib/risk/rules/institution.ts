// Institution cost anomalies (欺诈骗保线索, 医保函〔2023〕73号 四: 数据筛查): cost per visit/admission far from
// same-level peers, and sudden spikes against the institution's own history.
//
// Costs are compared as a cost index (indirect standardisation): the institution's actual cost over what
// its visits would have cost at the peer median of each scheme, so an institution treating more
// employees (dearer) than residents is not flagged for its mix. Peers: same level and kind (村卫生室,
// 乡镇卫生院, 社区卫生服务中心, 医院) and visit type, in the same month, within the same city (the rules run per
// pool, lib/risk/data splitByPool: a city's prices and payment policy are its own).
import { INSTITUTION_KINDS, LEVELS, VISIT_TYPES, labelOf } from '../../domain/codes';
import { indicators } from '../../indicators/registry';
import type { RiskData } from '../data';
import { mad, median } from '../stats';
import type { InputFigure, Point, RuleDef, RuleParams, SubjectSeries } from '../types';
import { classify, EPISODE_PARAMS, fmt, point, type SeverityBand } from './common';

export interface CostCell {
  institutionCode: string;
  visitType: string;
  period: number;
  visits: number;
  totalCost: number;
  expectedCost: number;
  index: number;
}

/** Memoised per dataset: both institution rules (and both thresholds) share the cost indices. */
const cellCache = new WeakMap<RiskData, Map<string, CostCell[]>>();

/** Drops a dataset's memoised cost indices (the evaluation calls it once a pool's rules have run: memory). */
export function forgetCostCells(data: RiskData): void {
  cellCache.delete(data);
}

/** A cell needs this many visits in a scheme to count toward the peer median of that scheme. */
const MEDIAN_MIN_VISITS = 5;

/**
 * Cost index per institution × visit type × month, for institutions with at least `minVisits` visits
 * of that type in the month. OUT_OF_CITY institutions are not local designated institutions: left out.
 */
export function costCells(data: RiskData, minVisits: number): CostCell[] {
  let byMin = cellCache.get(data);
  if (!byMin) { byMin = new Map(); cellCache.set(data, byMin); }
  const memo = byMin.get(String(minVisits));
  if (memo) return memo;

  // Numeric keys (group × scheme × visit type × month): the demo city has ~150k rows, string keys and
  // their garbage would dominate the run.
  const groupOf = new Map<string, number>();
  const groupIds = new Map<string, number>();
  for (const i of data.institutions.values()) {
    if (i.level === 'OUT_OF_CITY') continue;
    const g = `${i.level}|${i.kind}`;
    if (!groupIds.has(g)) groupIds.set(g, groupIds.size);
    groupOf.set(i.code, groupIds.get(g)!);
  }
  const codeOf = (v: string) => (v === 'OUTPATIENT' ? 0 : v === 'CHRONIC' ? 1 : v === 'INPATIENT' ? 2 : 3);
  const schemeIds = new Map<string, number>();
  const schemeOf = (s: string) => {
    let id = schemeIds.get(s);
    if (id === undefined) { id = schemeIds.size; schemeIds.set(s, id); }
    return id;
  };
  const cellKey = (g: number, scheme: number, vt: number, period: number) => ((g * 16 + scheme) * 4 + vt) * 1_000_000 + period;

  // Peer median cost per visit per group × scheme × visit type × month.
  const cpv = new Map<number, number[]>();
  for (const r of data.costs) {
    const g = groupOf.get(r.institutionCode);
    if (g === undefined || r.visits < MEDIAN_MIN_VISITS) continue;
    const k = cellKey(g, schemeOf(r.schemeCode), codeOf(r.visitType), r.period);
    const list = cpv.get(k);
    if (list) list.push(r.totalCost / r.visits);
    else cpv.set(k, [r.totalCost / r.visits]);
  }
  const medians = new Map<number, number>();
  for (const [k, list] of cpv) medians.set(k, median(list)!);

  const instIds = new Map<string, number>();
  const acc = new Map<number, { institutionCode: string; visitType: string; period: number; visits: number; totalCost: number; expectedCost: number }>();
  for (const r of data.costs) {
    const g = groupOf.get(r.institutionCode);
    if (g === undefined || r.visits <= 0) continue;
    const vt = codeOf(r.visitType);
    const med = medians.get(cellKey(g, schemeOf(r.schemeCode), vt, r.period));
    if (med === undefined) continue; // no peers for this scheme: leave these visits out of both sides
    let inst = instIds.get(r.institutionCode);
    if (inst === undefined) { inst = instIds.size; instIds.set(r.institutionCode, inst); }
    const k = (inst * 4 + vt) * 1_000_000 + r.period;
    let a = acc.get(k);
    if (!a) { a = { institutionCode: r.institutionCode, visitType: r.visitType, period: r.period, visits: 0, totalCost: 0, expectedCost: 0 }; acc.set(k, a); }
    a.visits += r.visits;
    a.totalCost += r.totalCost;
    a.expectedCost += r.visits * med;
  }
  const out: CostCell[] = [];
  for (const a of acc.values()) {
    if (a.visits < minVisits) continue;
    const index = indicators.cost_index.compute({ totalCost: a.totalCost, expectedCost: a.expectedCost });
    if (index === null || index <= 0) continue;
    out.push({ institutionCode: a.institutionCode, visitType: a.visitType, period: a.period, visits: a.visits, totalCost: a.totalCost, expectedCost: a.expectedCost, index });
  }
  // Month, then institution in localeCompare order: the codes ranked once (a localeCompare per comparison of
  // ~2 million cells was seconds), codes comparing equal sharing a rank, so the order is the same.
  const codes = [...instIds.keys()].sort((x, y) => x.localeCompare(y));
  const rank = new Map<string, number>();
  codes.forEach((c, i) => rank.set(c, i > 0 && codes[i - 1].localeCompare(c) === 0 ? rank.get(codes[i - 1])! : i));
  out.sort((x, y) => x.period - y.period || rank.get(x.institutionCode)! - rank.get(y.institutionCode)!);
  byMin.set(String(minVisits), out);
  return out;
}

function instLabel(data: RiskData, code: string): string {
  const i = data.institutions.get(code);
  if (!i) return code;
  const region = data.regions.get(i.regionCode)?.name ?? i.regionCode;
  return `${i.name}（${region} · ${labelOf(LEVELS, i.level)}）`;
}

const vtName = (vt: string) => (vt === 'INPATIENT' ? '住院' : labelOf(VISIT_TYPES, vt));
const perWhat = (vt: string) => (vt === 'INPATIENT' ? '例均' : '次均');

/** A scored cell: the value, and the reference it was compared with (peer median index or own baseline) over n peers/months. */
interface Scored { cell: CostCell; value: number; ref: number; n: number; /** sort key (institution, month), set by collect */ order?: number }
type Describe = (s: Scored) => { detail: string; figures: InputFigure[] };

/** Keeps, per institution and month, the visit type with the largest value; other visit types go to the inputs. */
function collect(
  data: RiskData,
  scored: Scored[],
  bands: SeverityBand[],
  unit: SubjectSeries['unit'],
  describe: Describe,
): SubjectSeries[] {
  // One sort on a numeric key (institution, month), largest value first, then a linear scan.
  const ids = new Map<string, number>([...new Set(scored.map((x) => x.cell.institutionCode))].sort().map((c, i) => [c, i]));
  for (const x of scored) x.order = ids.get(x.cell.institutionCode)! * 1_000_000 + x.cell.period;
  scored.sort((x, y) => x.order! - y.order! || y.value - x.value);
  const out: SubjectSeries[] = [];
  let i = 0;
  while (i < scored.length) {
    const code = scored[i].cell.institutionCode;
    const inst = data.institutions.get(code)!;
    const points: Point[] = [];
    while (i < scored.length && scored[i].cell.institutionCode === code) {
      const period = scored[i].cell.period;
      let j = i;
      while (j < scored.length && scored[j].cell.institutionCode === code && scored[j].cell.period === period) j++;
      const list = scored.slice(i, j);
      const top = list[0];
      points.push(point(period, top.value, classify(bands, top.value), () => [describe(top).detail, [
        { label: '机构', value: `${inst.name}（${labelOf(LEVELS, inst.level)} · ${INSTITUTION_KINDS[inst.kind as keyof typeof INSTITUTION_KINDS] ?? inst.kind}）`, unit: 'text' },
        ...list.flatMap((x) => describe(x).figures),
      ]]));
      i = j;
    }
    out.push({ key: code, regionCode: inst.regionCode, schemeCode: null, institutionCode: code, label: instLabel(data, code), unit, points });
  }
  return out;
}

// ───────────── 偏离同级 ─────────────

export interface PeerParams extends RuleParams { warnZ: number; severeZ: number; minVisits: number; minPeers: number }

export function peerBands(p: PeerParams): SeverityBand[] {
  return [
    { min: p.severeZ, status: 'bad', label: '严重偏高', severity: 'SEVERE', threshold: p.severeZ },
    { min: p.warnZ, status: 'warn', label: '偏高', severity: 'WARNING', threshold: p.warnZ },
    { status: 'good', label: '正常', severity: null, threshold: p.warnZ },
  ];
}

export const institutionPeerRule: RuleDef<PeerParams> = {
  code: 'institution_cost_peer',
  name: '机构次均费用偏离同级',
  watches: '每家定点医疗机构每月的次均（例均）费用指数与同级同类机构比较（门诊、门诊慢特病、住院分别比较），以稳健Z值（中位数与MAD）衡量偏离程度。',
  level: 'institution',
  indicators: ['cost_robust_z', 'cost_index', 'cost_per_visit'],
  policyRef: indicators.cost_robust_z.policyRef,
  note: '费用回落不等于问题已查清：该规则的预警在指标恢复后仍保持打开，须人工核实处置。',
  autoClose: false,
  params: [
    { key: 'warnZ', label: '警示：稳健Z值不低于', unit: 'count', min: 1, max: 20, step: 0.5 },
    { key: 'severeZ', label: '严重：稳健Z值不低于', unit: 'count', min: 1, max: 30, step: 0.5 },
    { key: 'minVisits', label: '当月就诊人次不少于', unit: 'count', min: 1, max: 10_000, step: 1, integer: true },
    { key: 'minPeers', label: '同级同类机构不少于', unit: 'count', min: 3, max: 100, step: 1, integer: true },
    ...EPISODE_PARAMS,
  ],
  defaults: { warnZ: 3.5, severeZ: 5, minVisits: 20, minPeers: 5, minMonths: 2, clearMonths: 3 },
  validate: (p) => (p.warnZ < p.severeZ ? [] : ['“警示”Z值应小于“严重”Z值']),
  bands: (p) => [
    { severity: 'SEVERE', text: `稳健Z值${fmt(p.severeZ, 'count', 1)}及以上` },
    { severity: 'WARNING', text: `稳健Z值${fmt(p.warnZ, 'count', 1)}及以上（当月就诊不少于${p.minVisits}人次、同级同类不少于${p.minPeers}家）` },
  ],
  lines: (p) => [
    { value: p.warnZ, severity: 'WARNING', label: '警示' },
    { value: p.severeZ, severity: 'SEVERE', label: '严重' },
  ],
  evaluate(data, p) {
    const cells = costCells(data, p.minVisits);
    // peers: same level and kind, visit type and month
    const kindIds = new Map<string, number>();
    const kindOf = new Map<string, number>();
    for (const i of data.institutions.values()) {
      const gk = `${i.level}|${i.kind}`;
      if (!kindIds.has(gk)) kindIds.set(gk, kindIds.size);
      kindOf.set(i.code, kindIds.get(gk)!);
    }
    const groups = new Map<number, CostCell[]>();
    for (const c of cells) {
      const g = kindOf.get(c.institutionCode)! * 4 + (c.visitType === 'OUTPATIENT' ? 0 : c.visitType === 'CHRONIC' ? 1 : 2);
      const k = g * 1_000_000 + c.period;
      const list = groups.get(k);
      if (list) list.push(c);
      else groups.set(k, [c]);
    }
    const scored: Scored[] = [];
    for (const list of groups.values()) {
      if (list.length < p.minPeers) continue;
      const logs = list.map((c) => Math.log(c.index));
      const med = median(logs)!;
      const spread = mad(logs)!;
      const medianIndex = Math.exp(med);
      for (let k = 0; k < list.length; k++) {
        const z = indicators.cost_robust_z.compute({ logIndex: logs[k], peerMedian: med, peerMad: spread });
        if (z !== null) scored.push({ cell: list[k], value: z, ref: medianIndex, n: list.length });
      }
    }
    return collect(data, scored, peerBands(p), 'count', ({ cell: c, value: z, ref: medianIndex, n }) => {
      const vt = vtName(c.visitType);
      return {
        detail: `${vt}${perWhat(c.visitType)}费用（按险种标化）为同级同类中位水平的${fmt(c.index / medianIndex, 'count', 2)}倍，稳健Z值${fmt(z, 'count', 1)}`,
        figures: [
          { label: `${vt}人次`, value: c.visits, unit: 'count' },
          { label: `${vt}${perWhat(c.visitType)}费用`, value: indicators.cost_per_visit.compute({ totalCost: c.totalCost, visits: c.visits }), unit: indicators.cost_per_visit.unit },
          { label: `${vt}医疗总费用`, value: c.totalCost, unit: 'yuan' },
          { label: `${vt}按同级中位数的期望费用`, value: c.expectedCost, unit: 'yuan' },
          { label: `${vt}${indicators.cost_index.name}`, value: c.index, unit: 'count', digits: 2 },
          { label: `${vt}同级同类费用指数中位数（${n}家）`, value: medianIndex, unit: 'count', digits: 2 },
          { label: `${vt}${indicators.cost_robust_z.name}`, value: z, unit: 'count', digits: 1 },
        ],
      };
    });
  },
};

// ───────────── 自身突增 ─────────────

export interface SpikeParams extends RuleParams { warnSpike: number; severeSpike: number; minVisits: number; baselineMonths: number }

export function spikeBands(p: SpikeParams): SeverityBand[] {
  return [
    { min: p.severeSpike, status: 'bad', label: '突增', severity: 'SEVERE', threshold: p.severeSpike },
    { min: p.warnSpike, status: 'warn', label: '明显上升', severity: 'WARNING', threshold: p.warnSpike },
    { status: 'good', label: '正常', severity: null, threshold: p.warnSpike },
  ];
}

export const institutionSpikeRule: RuleDef<SpikeParams> = {
  code: 'institution_cost_spike',
  name: '机构次均费用突增',
  watches: '每家定点医疗机构每月的次均（例均）费用指数与其自身前12个月中位数比较；费用指数已剔除同级整体涨价和险种构成变化。',
  level: 'institution',
  indicators: ['cost_spike', 'cost_index'],
  policyRef: indicators.cost_spike.policyRef,
  note: '基线需前12个月中至少一半月份有数据。费用回落不等于问题已查清：预警在指标恢复后仍保持打开，须人工核实处置。',
  autoClose: false,
  params: [
    { key: 'warnSpike', label: '警示：较自身基线上升不低于', unit: 'ratio', min: 0.05, max: 5, step: 0.05 },
    { key: 'severeSpike', label: '严重：较自身基线上升不低于', unit: 'ratio', min: 0.05, max: 10, step: 0.05 },
    { key: 'minVisits', label: '当月就诊人次不少于', unit: 'count', min: 1, max: 10_000, step: 1, integer: true },
    { key: 'baselineMonths', label: '基线月数', unit: 'count', min: 3, max: 36, step: 1, integer: true },
    ...EPISODE_PARAMS,
  ],
  defaults: { warnSpike: 0.3, severeSpike: 0.5, minVisits: 20, baselineMonths: 12, minMonths: 1, clearMonths: 3 },
  validate: (p) => (p.warnSpike < p.severeSpike ? [] : ['“警示”增幅应小于“严重”增幅']),
  bands: (p) => [
    { severity: 'SEVERE', text: `费用指数较自身前${p.baselineMonths}个月中位数上升${fmt(p.severeSpike, 'ratio')}及以上` },
    { severity: 'WARNING', text: `上升${fmt(p.warnSpike, 'ratio')}及以上（当月就诊不少于${p.minVisits}人次）` },
  ],
  lines: (p) => [
    { value: p.warnSpike, severity: 'WARNING', label: '警示' },
    { value: p.severeSpike, severity: 'SEVERE', label: '严重' },
  ],
  evaluate(data, p) {
    const cells = costCells(data, p.minVisits);
    // cells come sorted by month: per institution and visit type, a window of the previous months
    const series = new Map<string, CostCell[][]>();
    for (const c of cells) {
      let byType = series.get(c.institutionCode);
      if (!byType) { byType = [[], [], [], []]; series.set(c.institutionCode, byType); }
      byType[c.visitType === 'OUTPATIENT' ? 0 : c.visitType === 'CHRONIC' ? 1 : c.visitType === 'INPATIENT' ? 2 : 3].push(c);
    }
    const monthIndex = (period: number) => Math.floor(period / 100) * 12 + (period % 100);
    const scored: Scored[] = [];
    const need = Math.ceil(p.baselineMonths / 2);
    // The baseline window's median in one reused buffer: stats.median (finite values, ascending, middle or the
    // mean of the two middle ones) without its three arrays per cell.
    let buf = new Float64Array(64);
    for (const byType of series.values()) for (const list of byType) {
      let from = 0;
      for (let k = 0; k < list.length; k++) {
        const c = list[k];
        const now = monthIndex(c.period);
        while (monthIndex(list[from].period) < now - p.baselineMonths) from++;
        if (k - from < need) continue;
        if (buf.length < k - from) buf = new Float64Array(2 * (k - from));
        let m = 0;
        for (let q = from; q < k; q++) if (Number.isFinite(list[q].index)) buf[m++] = list[q].index;
        if (m === 0) continue; // median(base) null: no finite baseline
        const xs = buf.subarray(0, m).sort();
        const mid = m >> 1;
        const baselineIndex = m % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
        const spike = indicators.cost_spike.compute({ index: c.index, baselineIndex });
        if (spike === null) continue;
        scored.push({ cell: c, value: spike, ref: baselineIndex, n: k - from });
      }
    }
    return collect(data, scored, spikeBands(p), 'ratio', ({ cell: c, value: spike, ref: baselineIndex, n }) => {
      const vt = vtName(c.visitType);
      return {
        detail: `${vt}${perWhat(c.visitType)}费用指数较自身前${p.baselineMonths}个月中位数上升${fmt(spike, 'ratio')}`,
        figures: [
          { label: `${vt}人次`, value: c.visits, unit: 'count' },
          { label: `${vt}${perWhat(c.visitType)}费用`, value: indicators.cost_per_visit.compute({ totalCost: c.totalCost, visits: c.visits }), unit: indicators.cost_per_visit.unit },
          { label: `${vt}${indicators.cost_index.name}（本月）`, value: c.index, unit: 'count', digits: 2 },
          { label: `${vt}前${p.baselineMonths}个月费用指数中位数（${n}个月）`, value: baselineIndex, unit: 'count', digits: 2 },
          { label: `${vt}${indicators.cost_spike.name}`, value: spike, unit: 'ratio' },
        ],
      };
    });
  },
};
