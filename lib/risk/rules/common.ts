// Shared pieces of the rules: severity from bands (the registry's band semantics: lower bound
// inclusive, upper bound exclusive, a hair of tolerance for floating point), subjects, labels.
import { regionDisplayName, schemeLabel, SCHEMES } from '../../domain/codes';
import { formatValue } from '../../format';
import { matchBand } from '../../indicators/status';
import type { Band, IndicatorUnit } from '../../indicators/types';
import { key, type Flows, type RiskData } from '../data';
import type { ParamSpec, Point, Severity, InputFigure } from '../types';

/** A band that maps to a severity (null: the condition does not hold). */
export interface SeverityBand extends Band {
  severity: Severity | null;
  /** the threshold this band stands for (reported on the warning) */
  threshold: number | null;
}

export function classify(bands: readonly SeverityBand[], value: number): SeverityBand | undefined {
  return matchBand(bands, value) as SeverityBand | undefined;
}

export const EPISODE_PARAMS: ParamSpec[] = [
  { key: 'minMonths', label: '连续几个月触发才发出预警', unit: 'count', min: 1, max: 12, step: 1, integer: true },
  { key: 'clearMonths', label: '连续几个月未触发视为解除', unit: 'count', min: 1, max: 24, step: 1, integer: true },
];

export const schemeShort = (code: string | null): string => schemeLabel(code, 'short');

export function regionName(data: RiskData, code: string): string {
  return regionDisplayName({ code: data.cityCode, name: data.cityName }, data.regions, code);
}

export const fmt = (v: number | null | undefined, unit: IndicatorUnit, digits?: number) => formatValue(v, unit, { digits });
/** A size in percentage points without a sign, for sentences like “下降超过1.0个百分点”. */
export const ppSize = (v: number) => formatValue(Math.abs(v), 'pp').replace('+', '');

/**
 * A point the rule could evaluate. The sentence and the figures behind it are built only when asked
 * for (a warning's latest and current month): formatting them for every month of every subject would
 * dominate the evaluation time.
 */
export function point(period: number, value: number, band: SeverityBand | undefined, explain: () => [string, InputFigure[]]): Point {
  let cached: [string, InputFigure[]] | null = null;
  const get = () => (cached ??= explain());
  return {
    period, value, severity: band?.severity ?? null, threshold: band?.threshold ?? null,
    get detail() { return get()[0]; },
    get inputs() { return get()[1]; },
  };
}

/** One fund: the city pool (with legacy and not-yet-pooled county balances), or a county pooling on its own. */
export interface Fund {
  key: string;
  regionCode: string;
  schemeCode: string;
  label: string;
  income: Map<number, number>;
  expense: Map<number, number>;
  /** accumulated balance by month; the months present are the months the fund existed */
  balance: Map<number, number>;
  /** for the city: its pool and the legacy/county balances apart (accumulated_balance inputs) */
  cityPool?: Map<number, number>;
  other?: Map<number, number>;
}

const SCHEME_ORDER = SCHEMES.map((s) => s.code as string);

function addInto(target: Map<number, number>, source: Map<number, number> | undefined) {
  if (!source) return;
  for (const [p, v] of source) target.set(p, (target.get(p) ?? 0) + v);
}

/**
 * The funds of the city: per scheme, the city as a whole (every POOL balance: the city pool, counties'
 * legacy balances and the pools of counties not yet in city pooling; income and expense of every county
 * plus the city account's own interest), and each county for the months it pooled on its own.
 */
export function funds(data: RiskData): Fund[] {
  const schemes = new Set<string>();
  for (const k of data.flows.keys()) schemes.add(k.split('|')[1]);
  const out: Fund[] = [];
  for (const s of [...schemes].sort((a, b) => SCHEME_ORDER.indexOf(a) - SCHEME_ORDER.indexOf(b))) {
    const income = new Map<number, number>();
    const expense = new Map<number, number>();
    for (const [k, f] of data.flows) {
      if (k.split('|')[1] !== s) continue;
      addInto(income, f.income);
      addInto(expense, f.expense);
    }
    const balance = new Map<number, number>();
    const cityPool = new Map<number, number>();
    const other = new Map<number, number>();
    for (const [k, m] of data.balances) {
      const [, scheme, kind] = k.split('|');
      if (scheme !== s) continue;
      addInto(balance, m);
      addInto(kind === 'CITY_POOL' ? cityPool : other, m);
    }
    if (balance.size > 0) {
      out.push({ key: key(data.cityCode, s), regionCode: data.cityCode, schemeCode: s, label: `${regionName(data, data.cityCode)} · ${schemeShort(s)}`, income, expense, balance, cityPool, other });
    }
  }
  for (const c of data.counties) {
    for (const s of SCHEME_ORDER) {
      const own = data.balances.get(key(c, s, 'COUNTY_POOL'));
      const f: Flows | undefined = data.flows.get(key(c, s));
      if (!own || own.size === 0 || !f) continue;
      out.push({ key: key(c, s), regionCode: c, schemeCode: s, label: `${regionName(data, c)} · ${schemeShort(s)}（县级统筹期间）`, income: f.income, expense: f.expense, balance: own });
    }
  }
  return out;
}

/** Months present in a map, ascending. */
export function monthsOf(m: Map<number, unknown>): number[] {
  return [...m.keys()].sort((a, b) => a - b);
}
