// 六统一 (six unifications) status against the deadlines of 《关于实施基本医疗保险和生育保险市级统筹的意见
// （征求意见稿）》: 一 six unifications from 2020-01-01 (居民医保 where truly difficult by 2021-12-31 at the latest);
// 三（二） a 1–2 year transition for benefit items whose standards differed too much; 三（六） the city-level
// information system by 2020-12-31. Pure: dates are 'YYYY-MM-DD' strings (calendar dates, no time zone).

export const UNIFICATION_ITEMS = {
  POLICY: '基本政策',
  BENEFIT: '待遇标准',
  FUND: '基金管理',
  OPERATION: '经办管理',
  DESIGNATION: '定点管理',
  IT: '信息系统',
} as const;
export type UnificationItem = keyof typeof UNIFICATION_ITEMS;
export const UNIFICATION_ITEM_CODES = Object.keys(UNIFICATION_ITEMS) as UnificationItem[];

/** The deadlines of the opinion, for display beside the stored per-row deadline. */
export const POLICY_DEADLINES = {
  pooling: { date: '2020-01-01', text: '2020年1月1日起实施“六统一”的市级统筹（意见 一）' },
  residentLatest: { date: '2021-12-31', text: '居民医保市级统筹确有困难的地区，2021年12月31日前全面实现“六统一”（意见 一）' },
  it: { date: '2020-12-31', text: '2020年12月31日前构建市级集中的业务信息系统（意见 三（六））' },
  transitionRules: { date: '2019-12-31', text: '2019年12月31日前制定出台过渡办法，待遇标准差距过大的项目可实行1至2年过渡期（意见 三（二））' },
} as const;

export interface UnificationRow {
  regionCode: string;
  schemeCode: string;
  item: string;
  status: string; // NOT_STARTED, IN_PROGRESS, DONE
  deadline: string;
  completedOn: string | null;
  note: string | null;
}

export type UnificationState = 'done_on_time' | 'done_late' | 'overdue' | 'in_progress' | 'not_started';

export const STATE_LABELS: Record<UnificationState, string> = {
  done_on_time: '按期完成',
  done_late: '逾期完成',
  overdue: '逾期未完成',
  in_progress: '推进中',
  not_started: '未启动',
};

/** The state of one item as of a date (YYYY-MM-DD). Completion after `asOf` is treated as not yet done. */
export function unificationState(r: UnificationRow, asOf: string): UnificationState {
  const done = r.status === 'DONE' && r.completedOn !== null && r.completedOn <= asOf;
  if (done) return r.completedOn! <= r.deadline ? 'done_on_time' : 'done_late';
  if (asOf > r.deadline) return 'overdue';
  return r.status === 'NOT_STARTED' ? 'not_started' : 'in_progress';
}

/** Days past the deadline: completion (or `asOf` when still open) minus deadline; 0 when on time. */
export function daysLate(r: UnificationRow, asOf: string): number {
  const end = r.status === 'DONE' && r.completedOn !== null && r.completedOn <= asOf ? r.completedOn : asOf;
  const d = (Date.parse(`${end}T00:00:00Z`) - Date.parse(`${r.deadline}T00:00:00Z`)) / 86_400_000;
  return Math.max(0, Math.round(d));
}

/**
 * Whether an item was overdue on some day of `year`: its deadline passed before the year's end, it was not
 * completed by the deadline, and it was still open on some day of the year (completed in the year or later,
 * or never). Feeds the registry's unification_overdue_items.
 */
export function overdueDuringYear(r: UnificationRow, year: number): boolean {
  const yearStart = `${year}-01-01`;
  const yearEnd = `${year}-12-31`;
  if (r.deadline >= yearEnd) return false;
  const done = r.status === 'DONE' && r.completedOn !== null;
  if (done && r.completedOn! <= r.deadline) return false;
  // first overdue day that falls in the year; overdue on it unless completed on or before it
  const dayAfter = new Date(Date.parse(`${r.deadline}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const first = dayAfter > yearStart ? dayAfter : yearStart;
  return !done || r.completedOn! >= first;
}

/** Overdue item count per region for a year; regions without rows are absent (missing, not 0). */
export function overdueCounts(rows: UnificationRow[], year: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) out.set(r.regionCode, (out.get(r.regionCode) ?? 0) + (overdueDuringYear(r, year) ? 1 : 0));
  return out;
}

export interface TransitionItem {
  regionCode: string;
  schemeCode: string;
  kind: 'benefit_transition' | 'resident_lag';
  label: string;
  start: string;
  /** the latest end the opinion allows */
  end: string;
  completedOn: string | null;
  state: 'ended' | 'running' | 'overrun';
}

function addYearsMinusDay(date: string, years: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Transition-period items: (1) 待遇标准 — at most 2 years from the county's pooling date (意见 三（二）: 1至2年过渡期),
 * ended by the item's completion; (2) 居民医保 pooling that lags 2020-01-01 — must be complete by 2021-12-31
 * (意见 一). `pooling` maps `${region}|${scheme}` to the YYYYMM pooling took effect.
 */
export function transitionItems(rows: UnificationRow[], pooling: Map<string, number>, asOf: string): TransitionItem[] {
  const out: TransitionItem[] = [];
  for (const r of rows) {
    const p = pooling.get(`${r.regionCode}|${r.schemeCode}`);
    if (p === undefined) continue;
    const start = `${Math.floor(p / 100)}-${String(p % 100).padStart(2, '0')}-01`;
    const state = (end: string): TransitionItem['state'] => {
      const done = r.completedOn !== null && r.completedOn <= asOf;
      if (done) return r.completedOn! <= end ? 'ended' : 'overrun';
      return asOf > end ? 'overrun' : 'running';
    };
    if (r.item === 'BENEFIT' && r.note?.includes('过渡')) {
      const end = addYearsMinusDay(start, 2);
      out.push({ regionCode: r.regionCode, schemeCode: r.schemeCode, kind: 'benefit_transition', label: '待遇标准过渡期（最长2年）', start, end, completedOn: r.completedOn, state: state(end) });
    }
    if (r.item === 'POLICY' && r.schemeCode === 'RESIDENT' && p > 202001) {
      const end = POLICY_DEADLINES.residentLatest.date;
      out.push({ regionCode: r.regionCode, schemeCode: r.schemeCode, kind: 'resident_lag', label: '居民医保市级统筹延后实施', start: POLICY_DEADLINES.pooling.date, end, completedOn: r.completedOn, state: state(end) });
    }
  }
  return out;
}
