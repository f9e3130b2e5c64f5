/**
 * Patient flows (患者流向): where each county's insured are treated — own county's primary care, own county
 * hospitals, another county, city hospitals, out of the city — in a window before pooling and one after.
 * Input cells come from UtilizationFlowRollup (insured region × the institution's region × level × month).
 * Shares are the registry's `visit_composition_share`.
 */
import { addMonths } from '../indicators/compute';
import { indicators } from '../indicators/registry';
import type { Level, VisitType } from '../domain/codes';

export interface FlowCell {
  origin: string;
  destRegion: string;
  level: Level;
  visitType: VisitType;
  period: number;
  visits: number;
}

export type DestKind = 'OWN_PRIMARY' | 'OWN_COUNTY' | 'OTHER_COUNTY' | 'CITY' | 'OUT_OF_CITY';
export const DEST_KINDS: readonly DestKind[] = ['OWN_PRIMARY', 'OWN_COUNTY', 'OTHER_COUNTY', 'CITY', 'OUT_OF_CITY'];
export const DEST_KIND_LABELS: Readonly<Record<DestKind, string>> = {
  OWN_PRIMARY: '本县基层医疗机构',
  OWN_COUNTY: '本县县级医院',
  OTHER_COUNTY: '外县医疗机构',
  CITY: '市级医院',
  OUT_OF_CITY: '市外医疗机构',
};

export interface Destination {
  /** 'OWN_PRIMARY' | 'OWN_COUNTY' | 'OTHER:<region>' | 'CITY' | 'OUT_OF_CITY' */
  key: string;
  kind: DestKind;
  /** the other county, for OTHER_COUNTY */
  region: string | null;
}

/**
 * City hospitals count as 市级医院 wherever they stand (some stand in a district: for that district's insured
 * they are also "in county" for 县域内就诊率, but as a destination they are the city level).
 */
export function destinationOf(origin: string, destRegion: string, level: Level): Destination {
  if (level === 'OUT_OF_CITY') return { key: 'OUT_OF_CITY', kind: 'OUT_OF_CITY', region: null };
  if (level === 'CITY') return { key: 'CITY', kind: 'CITY', region: null };
  if (destRegion === origin) {
    return level === 'PRIMARY' ? { key: 'OWN_PRIMARY', kind: 'OWN_PRIMARY', region: null } : { key: 'OWN_COUNTY', kind: 'OWN_COUNTY', region: null };
  }
  return { key: `OTHER:${destRegion}`, kind: 'OTHER_COUNTY', region: destRegion };
}

export interface FlowWindow {
  from: number;
  to: number;
  label: string;
}

const ym = (p: number) => `${Math.floor(p / 100)}年${p % 100}月`;
const span = (w: { from: number; to: number }) => `${ym(w.from)}—${ym(w.to)}`;

/**
 * Before = the 12 months before the pooling month. After = the selected year when it lies wholly after
 * pooling (up to the last month with data); otherwise the second year after pooling (months 13–24: the
 * first year is the transition), or the last 12 months when that is not observed yet. null when there is
 * no month after pooling.
 */
export function flowWindows(poolingPeriod: number, year: number, firstPeriod: number, lastPeriod: number): { before: FlowWindow; after: FlowWindow } | null {
  if (poolingPeriod > lastPeriod) return null;
  const bFrom = Math.max(addMonths(poolingPeriod, -12), firstPeriod);
  const bTo = addMonths(poolingPeriod, -1);
  if (bTo < firstPeriod) return null;
  const before = { from: bFrom, to: bTo, label: `统筹前12个月（${span({ from: bFrom, to: bTo })}）` };
  const yFrom = year * 100 + 1;
  if (yFrom >= poolingPeriod && yFrom <= lastPeriod) {
    const to = Math.min(year * 100 + 12, lastPeriod);
    return { before, after: { from: yFrom, to, label: `${year}年${to < year * 100 + 12 ? `1—${to % 100}月` : ''}` } };
  }
  let from = addMonths(poolingPeriod, 12);
  let to = addMonths(poolingPeriod, 23);
  if (to > lastPeriod) {
    to = lastPeriod;
    from = Math.max(addMonths(lastPeriod, -11), poolingPeriod);
    return { before, after: { from, to, label: `最近12个月（${span({ from, to })}）` } };
  }
  return { before, after: { from, to, label: `统筹后第2年（${span({ from, to })}）` } };
}

export interface FlowRow {
  destination: Destination;
  visitsBefore: number;
  visitsAfter: number;
  shareBefore: number | null;
  shareAfter: number | null;
  /** shareAfter − shareBefore (a share difference: shown in percentage points) */
  change: number | null;
}

export interface FlowTable {
  origin: string;
  before: FlowWindow;
  after: FlowWindow;
  totalBefore: number;
  totalAfter: number;
  rows: FlowRow[];
}

function share(n: number, all: number): number | null {
  return indicators.visit_composition_share.compute({ destinationVisits: n, allVisits: all });
}

/**
 * One origin county's flows in its two windows. `detailOtherCounties`: one row per other county (for a
 * county view) or a single 外县 row (for the city's matrix).
 */
export function flowTable(
  cells: readonly FlowCell[],
  origin: string,
  windows: { before: FlowWindow; after: FlowWindow },
  detailOtherCounties = true,
): FlowTable {
  const before = new Map<string, { d: Destination; n: number }>();
  const after = new Map<string, { d: Destination; n: number }>();
  let totalBefore = 0;
  let totalAfter = 0;
  for (const c of cells) {
    if (c.origin !== origin) continue;
    const inBefore = c.period >= windows.before.from && c.period <= windows.before.to;
    const inAfter = c.period >= windows.after.from && c.period <= windows.after.to;
    if (!inBefore && !inAfter) continue;
    let d = destinationOf(origin, c.destRegion, c.level);
    if (!detailOtherCounties && d.kind === 'OTHER_COUNTY') d = { key: 'OTHER_COUNTY', kind: 'OTHER_COUNTY', region: null };
    for (const [on, map] of [[inBefore, before], [inAfter, after]] as const) {
      if (!on) continue;
      const e = map.get(d.key);
      if (e) e.n += c.visits;
      else map.set(d.key, { d, n: c.visits });
    }
    if (inBefore) totalBefore += c.visits;
    if (inAfter) totalAfter += c.visits;
  }
  const keys = new Map<string, Destination>();
  for (const m of [before, after]) for (const [k, v] of m) keys.set(k, v.d);
  const rows: FlowRow[] = [...keys.values()].map((d) => {
    const vb = before.get(d.key)?.n ?? 0;
    const va = after.get(d.key)?.n ?? 0;
    const sb = share(vb, totalBefore);
    const sa = share(va, totalAfter);
    return { destination: d, visitsBefore: vb, visitsAfter: va, shareBefore: sb, shareAfter: sa, change: sb !== null && sa !== null ? sa - sb : null };
  });
  const kindOrder = (d: Destination) => DEST_KINDS.indexOf(d.kind);
  rows.sort((a, b) => kindOrder(a.destination) - kindOrder(b.destination) || b.visitsBefore + b.visitsAfter - (a.visitsBefore + a.visitsAfter));
  return { origin, before: windows.before, after: windows.after, totalBefore, totalAfter, rows };
}

export interface SankeyData {
  /** share: a destination's part of all the window's visits (registry visit_composition_share); null for origins */
  nodes: { name: string; kind: 'origin' | DestKind; share: number | null }[];
  links: { source: number; target: number; value: number }[];
}

/**
 * Sankey for one window: origin counties on the left, destinations on the right. Destinations are keyed by
 * kind and region, so the city matrix (one 外县 node) and a county view (one node per other county) share it.
 */
export function sankeyOf(tables: readonly FlowTable[], which: 'before' | 'after', names: (region: string) => string): SankeyData {
  const nodes: SankeyData['nodes'] = [];
  const index = new Map<string, number>();
  const node = (key: string, name: string, kind: SankeyData['nodes'][number]['kind']) => {
    let i = index.get(key);
    if (i === undefined) {
      i = nodes.length;
      index.set(key, i);
      nodes.push({ name, kind, share: null });
    }
    return i;
  };
  for (const t of tables) node(`origin:${t.origin}`, `${names(t.origin)}参保人`, 'origin');
  // Destinations in a stable order (kind, then size) so the right-hand column reads top to bottom the same way.
  const dests = new Map<string, { d: Destination; total: number }>();
  for (const t of tables) {
    for (const r of t.rows) {
      const v = which === 'before' ? r.visitsBefore : r.visitsAfter;
      const e = dests.get(r.destination.key);
      if (e) e.total += v;
      else dests.set(r.destination.key, { d: r.destination, total: v });
    }
  }
  const ordered = [...dests.values()].sort((a, b) => DEST_KINDS.indexOf(a.d.kind) - DEST_KINDS.indexOf(b.d.kind) || b.total - a.total);
  for (const { d } of ordered) {
    const name = d.kind === 'OTHER_COUNTY' && d.region ? `${names(d.region)}（外县）` : DEST_KIND_LABELS[d.kind];
    node(`dest:${d.key}`, name, d.kind);
  }
  const links: SankeyData['links'] = [];
  for (const t of tables) {
    const s = index.get(`origin:${t.origin}`)!;
    for (const r of t.rows) {
      const value = which === 'before' ? r.visitsBefore : r.visitsAfter;
      if (value > 0) links.push({ source: s, target: index.get(`dest:${r.destination.key}`)!, value });
    }
  }
  const total = links.reduce((a, l) => a + l.value, 0);
  const into = new Map<number, number>();
  for (const l of links) into.set(l.target, (into.get(l.target) ?? 0) + l.value);
  for (const [i, v] of into) nodes[i].share = share(v, total);
  return { nodes, links };
}

/** The city's matrix: every origin county's flows by destination kind, summed (each with its own windows). */
export function cityFlowTable(tables: readonly FlowTable[]): { rows: FlowRow[]; totalBefore: number; totalAfter: number } {
  const acc = new Map<DestKind, { b: number; a: number }>();
  let totalBefore = 0;
  let totalAfter = 0;
  for (const t of tables) {
    totalBefore += t.totalBefore;
    totalAfter += t.totalAfter;
    for (const r of t.rows) {
      const e = acc.get(r.destination.kind) ?? { b: 0, a: 0 };
      e.b += r.visitsBefore;
      e.a += r.visitsAfter;
      acc.set(r.destination.kind, e);
    }
  }
  const rows = DEST_KINDS.filter((k) => acc.has(k)).map((k) => {
    const e = acc.get(k)!;
    const sb = share(e.b, totalBefore);
    const sa = share(e.a, totalAfter);
    return {
      destination: { key: k, kind: k, region: null },
      visitsBefore: e.b,
      visitsAfter: e.a,
      shareBefore: sb,
      shareAfter: sa,
      change: sb !== null && sa !== null ? sa - sb : null,
    };
  });
  return { rows, totalBefore, totalAfter };
}
