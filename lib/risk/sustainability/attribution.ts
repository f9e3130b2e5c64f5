// Why the projection moved (Trustees' reports: "reasons for change"): this month's central depletion month
// against last month's (the history truncated by one month), attributed to the new month of income data,
// the new month of expense data, and the rest — the recorded balance not explained by income − expense
// (interest, transfers, corrections) and any change of the model. Income and expense effects are the
// Shapley average over both orders, so the three parts add up to the total change.
import { addMonths } from '../../indicators/compute';
import { projectScenarios, type MonthlySeries } from '../projection';

export interface Attribution {
  previousPeriod: number;
  lastPeriod: number;
  /** central depletion month of last month's and this month's projection; null = not within the horizon */
  previous: number | null;
  current: number | null;
  /** months of change (later = positive) by cause; null when a depletion month is beyond the horizon */
  total: number | null;
  income: number | null;
  expense: number | null;
  other: number | null;
  horizon: number;
}

function monthsBetween(a: number, b: number): number {
  return (Math.floor(b / 100) - Math.floor(a / 100)) * 12 + (b % 100) - (a % 100);
}

function truncated(m: MonthlySeries, last: number): Map<number, number> {
  return new Map([...m].filter(([p]) => p <= last));
}

/**
 * Compares the central projections at lastPeriod and lastPeriod − 1. null when either cannot be made.
 * Depletion months are counted from lastPeriod − 1 so the parts are comparable.
 */
export function attributeChange(
  history: { income: MonthlySeries; expense: MonthlySeries; balance: MonthlySeries },
  lastPeriod: number,
  horizon = 240,
): Attribution | null {
  const prev = addMonths(lastPeriod, -1);
  const inc0 = truncated(history.income, prev), exp0 = truncated(history.expense, prev);
  const bal0 = history.balance.get(prev);
  const I = history.income.get(lastPeriod), E = history.expense.get(lastPeriod), B = history.balance.get(lastPeriod);
  if (bal0 === undefined || I === undefined || E === undefined || B === undefined) return null;
  const old = projectScenarios({ income: inc0, expense: exp0, balance: history.balance }, prev, { horizon: horizon + 1 });
  if (!old) return null;
  const fI = old.central.points[0].income, fE = old.central.points[0].expense;
  // depletion of the central projection made at lastPeriod from given data, as months after prev
  const at = (inc: Map<number, number>, exp: Map<number, number>, bal: number): number | null => {
    const s = projectScenarios({ income: inc, expense: exp, balance: new Map([[lastPeriod, bal]]) }, lastPeriod, { horizon });
    if (!s) return null;
    return s.central.exhaustedAt === null ? null : monthsBetween(prev, s.central.exhaustedAt);
  };
  const withI = new Map(inc0).set(lastPeriod, I), withIf = new Map(inc0).set(lastPeriod, fI);
  const withE = new Map(exp0).set(lastPeriod, E), withEf = new Map(exp0).set(lastPeriod, fE);
  const d0 = old.central.exhaustedAt === null ? null : monthsBetween(prev, old.central.exhaustedAt);
  // the old projection re-made at lastPeriod with its own forecast for the new month taken as data: what
  // differs from d0 is the model re-estimating on one more month, not new information
  const dF = at(withIf, withEf, bal0 + fI - fE);
  const dI = at(withI, withEf, bal0 + I - fE);
  const dE = at(withIf, withE, bal0 + fI - E);
  const dIE = at(withI, withE, bal0 + I - E);
  const d1 = at(withI, withE, B);
  const all = [d0, dF, dI, dE, dIE, d1];
  const ok = all.every((x) => x !== null);
  const income = ok ? ((dI! - dF!) + (dIE! - dE!)) / 2 : null;
  const expense = ok ? ((dE! - dF!) + (dIE! - dI!)) / 2 : null;
  return {
    previousPeriod: prev,
    lastPeriod,
    previous: old.central.exhaustedAt,
    current: d1 === null ? null : addMonths(prev, d1),
    total: ok ? d1! - d0! : null,
    income,
    expense,
    other: ok ? (dF! - d0!) + (d1! - dIE!) : null,
    horizon,
  };
}
