/**
 * 差异化支付 check (市级统筹意见（征求意见稿）四(三): 合理拉开基层、县级和城市医疗机构间报销水平差距). Differentiated payment
 * holds when the fund payment ratio falls with the facility level: PRIMARY > COUNTY > CITY.
 *
 * The check is made per visit type: comparing levels over all visit types mixes case-mix (city hospitals
 * see more inpatients, whose ratio is higher), which can hide a county hospital paying less than a city
 * hospital for the same kind of visit. OUT_OF_CITY is not part of the rule (异地就医 has its own reimbursement policy).
 */
import { indicators } from '../indicators/registry';
import type { Level, VisitType } from '../domain/codes';
import type { UtilizationCell } from './series';
import { VISIT_TYPE_CODES } from './series';

export const PAYMENT_ORDER: readonly Level[] = ['PRIMARY', 'COUNTY', 'CITY'];
/** Below this many visits in a year a level's ratio is too noisy to judge (a handful of cases). */
export const MIN_VISITS_FOR_CHECK = 30;

export interface OrderViolation {
  higher: Level;
  lower: Level;
  /** Fund payment ratio of the level that should pay more, and of the one that should pay less. */
  higherRatio: number;
  lowerRatio: number;
}

export interface OrderCheck {
  /** null when fewer than two levels could be compared. */
  holds: boolean | null;
  violations: OrderViolation[];
}

/**
 * PRIMARY > COUNTY > CITY on the levels that have a ratio (a level without enough visits is skipped, and
 * its neighbours are compared directly). Equal ratios are a violation: there is no gap to steer patients.
 */
export function checkPaymentOrder(ratios: Partial<Record<Level, number | null>>): OrderCheck {
  const present = PAYMENT_ORDER.filter((l) => typeof ratios[l] === 'number' && Number.isFinite(ratios[l] as number));
  if (present.length < 2) return { holds: null, violations: [] };
  const violations: OrderViolation[] = [];
  for (let i = 0; i + 1 < present.length; i++) {
    const hi = present[i];
    const lo = present[i + 1];
    const a = ratios[hi] as number;
    const b = ratios[lo] as number;
    if (!(a > b)) violations.push({ higher: hi, lower: lo, higherRatio: a, lowerRatio: b });
  }
  return { holds: violations.length === 0, violations };
}

export interface LevelPayment {
  level: Level;
  visits: number;
  totalCost: number;
  fundPaid: number;
  /** registry fund_payment_ratio = fundPaid ÷ totalCost */
  fundPaymentRatio: number | null;
  /** registry cost_per_visit = totalCost ÷ visits */
  costPerVisit: number | null;
}

export interface PaymentRow {
  region: string;
  year: number;
  visitType: VisitType;
  levels: LevelPayment[];
  check: OrderCheck;
}

/**
 * Per region × year × visit type: fund payment ratio and cost per visit by level, and the order check.
 * Cells of every region in `regions` are used; the city (cityCode) is the sum of all of them.
 */
export function paymentByLevel(cells: readonly UtilizationCell[], cityCode: string, minVisits = MIN_VISITS_FOR_CHECK): PaymentRow[] {
  type Acc = { visits: number; totalCost: number; fundPaid: number };
  const acc = new Map<string, Acc>();
  const add = (key: string, c: UtilizationCell) => {
    let a = acc.get(key);
    if (!a) acc.set(key, (a = { visits: 0, totalCost: 0, fundPaid: 0 }));
    a.visits += c.visits;
    a.totalCost += c.totalCost;
    a.fundPaid += c.fundPaid;
  };
  const keys = new Set<string>();
  for (const c of cells) {
    if (c.region === cityCode) continue;
    const y = Math.floor(c.period / 100);
    for (const r of [c.region, cityCode]) {
      add(`${r}|${y}|${c.visitType}|${c.level}`, c);
      keys.add(`${r}|${y}|${c.visitType}`);
    }
  }
  const rows: PaymentRow[] = [];
  for (const k of keys) {
    const [region, ys, vt] = k.split('|');
    const levels: LevelPayment[] = [];
    for (const level of ['PRIMARY', 'COUNTY', 'CITY', 'OUT_OF_CITY'] as Level[]) {
      const a = acc.get(`${k}|${level}`);
      if (!a) continue;
      levels.push({
        level,
        visits: a.visits,
        totalCost: a.totalCost,
        fundPaid: a.fundPaid,
        fundPaymentRatio: indicators.fund_payment_ratio.compute({ fundPaid: a.fundPaid, totalCost: a.totalCost }),
        costPerVisit: indicators.cost_per_visit.compute({ totalCost: a.totalCost, visits: a.visits }),
      });
    }
    const ratios: Partial<Record<Level, number | null>> = {};
    for (const l of levels) if (l.visits >= minVisits) ratios[l.level] = l.fundPaymentRatio;
    rows.push({ region, year: Number(ys), visitType: vt as VisitType, levels, check: checkPaymentOrder(ratios) });
  }
  const vtOrder = (v: VisitType) => VISIT_TYPE_CODES.indexOf(v);
  return rows.sort((a, b) => (a.region < b.region ? -1 : a.region > b.region ? 1 : a.year - b.year || vtOrder(a.visitType) - vtOrder(b.visitType)));
}

/** Per region × year: whether any visit type breaks the order, and which. */
export interface PaymentFlag {
  region: string;
  year: number;
  holds: boolean | null;
  failing: { visitType: VisitType; violations: OrderViolation[] }[];
}

export function paymentFlags(rows: readonly PaymentRow[]): PaymentFlag[] {
  const by = new Map<string, PaymentFlag>();
  for (const r of rows) {
    const k = `${r.region}|${r.year}`;
    let f = by.get(k);
    if (!f) by.set(k, (f = { region: r.region, year: r.year, holds: null, failing: [] }));
    if (r.check.holds === null) continue;
    if (r.check.holds) f.holds = f.holds ?? true;
    else {
      f.holds = false;
      f.failing.push({ visitType: r.visitType, violations: r.check.violations });
    }
  }
  return [...by.values()];
}
