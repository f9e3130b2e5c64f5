/**
 * The one number formatter of the product. Pure: no React, no DB, no locale of the host.
 *
 * Conventions: money is stored in 元 and shown as 万元 / 亿元; percentages to one decimal.
 * - `ratio` values are fractions (0.953 → '95.3%').
 * - `pp` values are differences of two ratios, also as fractions (0.025 → '+2.5个百分点'),
 *   so `a − b` of two `ratio` indicators can be shown as `pp` without rescaling.
 * - Negative numbers on screen use the typographic minus '−' (U+2212); CSV export uses plain numbers.
 */
import type { IndicatorUnit } from '@/lib/indicators/types';
import { changeOf } from '@/lib/indicators/compute';

export type YuanScale = 'auto' | '元' | '万元' | '亿元';

export interface FormatOptions {
  /** Decimal places; each unit has its own default. */
  digits?: number;
  /** Only for `yuan`: force a scale instead of choosing by magnitude. */
  scale?: YuanScale;
  /** Prefix positive numbers with '+' (pp is always signed). */
  signed?: boolean;
  /**
   * Suffix replacing the unit's own for count / months / yuan_per_person when the unit alone does not say
   * it, e.g. '天' for an average delay counted in days (IndicatorDef.displayUnit).
   */
  displayUnit?: string;
}

/** What is shown for a missing value (null, undefined, NaN, ±Infinity). */
export const MISSING = '—';
const MINUS = '−';

const YI = 1e8;
const WAN = 1e4;

const numberFormats = new Map<number, Intl.NumberFormat>();
function nf(digits: number): Intl.NumberFormat {
  let f = numberFormats.get(digits);
  if (!f) {
    // en-US and zh-CN both group with ',' and use '.'; en-US keeps output independent of ICU data.
    f = new Intl.NumberFormat('en-US', {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      useGrouping: true,
    });
    numberFormats.set(digits, f);
  }
  return f;
}

export function isPresent(v: number | null | undefined): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** Fixed decimals with thousands separators and a typographic minus; never shows '−0.0'. */
function num(v: number, digits: number, signed = false): string {
  const s = nf(digits).format(Math.abs(v));
  const isZero = Number(s.replace(/,/g, '')) === 0;
  if (isZero) return s;
  if (v < 0) return MINUS + s;
  return signed ? '+' + s : s;
}

/** Picks the 元 scale a value (or the largest value of a series) is best read in. */
export function pickYuanScale(maxAbs: number): Exclude<YuanScale, 'auto'> {
  const a = Math.abs(maxAbs);
  if (a >= YI) return '亿元';
  if (a >= WAN) return '万元';
  return '元';
}

const YUAN_DIVISOR: Record<Exclude<YuanScale, 'auto'>, number> = { 元: 1, 万元: WAN, 亿元: YI };
const YUAN_DIGITS: Record<Exclude<YuanScale, 'auto'>, number> = { 元: 0, 万元: 1, 亿元: 2 };

/** 123 → '123元', 45_678_000 → '4,567.8万元', 123_000_000 → '1.23亿元'. */
export function formatYuan(
  v: number | null | undefined,
  scale: YuanScale = 'auto',
  opts: Omit<FormatOptions, 'scale'> = {},
): string {
  if (!isPresent(v)) return MISSING;
  const s = scale === 'auto' ? pickYuanScale(v) : scale;
  return num(v / YUAN_DIVISOR[s], opts.digits ?? YUAN_DIGITS[s], opts.signed) + s;
}

/** A fraction as a percentage: 0.953 → '95.3%'. */
export function formatPercent(v: number | null | undefined, digits = 1, signed = false): string {
  if (!isPresent(v)) return MISSING;
  return num(v * 100, digits, signed) + '%';
}

/** A difference of two fractions in percentage points: 0.025 → '+2.5个百分点'. */
export function formatPp(v: number | null | undefined, digits = 1): string {
  if (!isPresent(v)) return MISSING;
  return num(v * 100, digits, true) + '个百分点';
}

/** An integer count with separators: 1234 → '1,234'. */
export function formatCount(v: number | null | undefined, digits = 0): string {
  if (!isPresent(v)) return MISSING;
  return num(v, digits);
}

export function formatValue(
  value: number | null | undefined,
  unit: IndicatorUnit,
  opts: FormatOptions = {},
): string {
  if (!isPresent(value)) return MISSING;
  const { digits, signed } = opts;
  switch (unit) {
    case 'ratio':
      return formatPercent(value, digits ?? 1, signed);
    case 'pp':
      return formatPp(value, digits ?? 1);
    case 'yuan':
      return formatYuan(value, opts.scale ?? 'auto', { digits, signed });
    case 'yuan_per_person':
      return num(value, digits ?? 0, signed) + (opts.displayUnit ?? '元');
    case 'months':
      return num(value, digits ?? 1, signed) + (opts.displayUnit ?? '个月');
    case 'count':
      return num(value, digits ?? 0, signed) + (opts.displayUnit ?? '');
    case 'multiple':
      return num(value, digits ?? 2, signed) + ' : 1';
    default: {
      const never: never = unit;
      return String(never);
    }
  }
}

/**
 * Short labels for chart axes: '95%', '1.2亿', '4,500万', '6个月'. For money pass the scale chosen once
 * for the whole axis (pickYuanScale(max)) so ticks are comparable.
 */
export function formatAxisTick(
  value: number | null | undefined,
  unit: IndicatorUnit,
  scale?: Exclude<YuanScale, 'auto'>,
): string {
  if (!isPresent(value)) return '';
  if (value === 0) return '0';
  const trim = (s: string) => s.replace(/\.0+$/, '').replace(/(\.\d*?)0+$/, '$1');
  switch (unit) {
    case 'ratio':
      return trim(num(value * 100, 1)) + '%';
    case 'pp':
      return trim(num(value * 100, 1, true));
    case 'yuan': {
      const s = scale ?? pickYuanScale(value);
      const short = s === '元' ? '' : s.slice(0, 1);
      return trim(num(value / YUAN_DIVISOR[s], s === '元' ? 0 : 1)) + short;
    }
    case 'months':
      return trim(num(value, 1));
    case 'multiple':
      return trim(num(value, 2));
    case 'yuan_per_person':
    case 'count':
      return num(value, 0);
    default: {
      const never: never = unit;
      return String(never);
    }
  }
}

/** The unit written next to an axis or column header, e.g. '亿元', '%'. */
export function unitLabel(unit: IndicatorUnit, scale?: Exclude<YuanScale, 'auto'>): string {
  switch (unit) {
    case 'ratio':
      return '%';
    case 'pp':
      return '个百分点';
    case 'yuan':
      return scale ?? '万元';
    case 'yuan_per_person':
      return '元/人';
    case 'months':
      return '个月';
    case 'count':
      return '';
    case 'multiple':
      return '倍';
    default: {
      const never: never = unit;
      return String(never);
    }
  }
}

// ---------------------------------------------------------------- column and axis scales

export type FixedYuanScale = Exclude<YuanScale, 'auto'>;

export interface ColumnScale {
  scale: FixedYuanScale;
  /** Decimal places every cell of the column is shown with. */
  digits: number;
}

/**
 * One 元 scale for a whole table column (or chart axis), so that 「9,947.7万元」 never sits under
 * 「1.14亿元」: the scale is read off the largest magnitude *as it would be shown* (99,999,999 元 shows as
 * 10,000.0万元, so it goes to 亿元), and the decimals grow (up to 4) until the smallest non-zero value still
 * shows two significant digits in that scale. Negative values count by magnitude; missing values are
 * ignored; a column with no values at all gets 万元 with one decimal.
 */
export function chooseYuanScale(values: Iterable<number | null | undefined>): ColumnScale {
  let max = 0;
  let minNonZero = Infinity;
  for (const v of values) {
    if (!isPresent(v)) continue;
    const a = Math.abs(v);
    if (a > max) max = a;
    if (a > 0 && a < minNonZero) minNonZero = a;
  }
  if (max === 0) return { scale: '万元', digits: YUAN_DIGITS['万元'] };
  let scale: FixedYuanScale = pickYuanScale(max);
  // Near a unit boundary the rounded figure may reach the next unit (9,999.96万 → 10,000.0万): move up.
  if (scale === '元' && Math.round(max) >= WAN) scale = '万元';
  if (scale === '万元' && roundTo(max / WAN, YUAN_DIGITS['万元']) >= WAN) scale = '亿元';
  let digits = YUAN_DIGITS[scale];
  const smallest = minNonZero / YUAN_DIVISOR[scale];
  while (digits < 4 && smallest < 10 ** (1 - digits)) digits++;
  return { scale, digits };
}

/**
 * One scale per money column of a table (chooseYuanScale on each column's values). A column with no figure
 * at all (every cell missing) takes the scale most of the table's other money columns use, so an empty
 * column's header does not announce a unit none of its neighbours uses (累计结余（万元） beside 亿元 columns).
 */
export function chooseYuanScales(columns: Map<string, (number | null | undefined)[]>): Map<string, ColumnScale> {
  const out = new Map<string, ColumnScale>();
  const empty: string[] = [];
  const votes = new Map<FixedYuanScale, number>();
  for (const [key, values] of columns) {
    if (!values.some(isPresent)) { empty.push(key); continue; }
    const s = chooseYuanScale(values);
    out.set(key, s);
    votes.set(s.scale as FixedYuanScale, (votes.get(s.scale as FixedYuanScale) ?? 0) + 1);
  }
  const common = [...votes].sort((a, b) => b[1] - a[1])[0]?.[0];
  for (const key of empty) out.set(key, common ? { scale: common, digits: YUAN_DIGITS[common] } : chooseYuanScale([]));
  return out;
}

/** A value in a column's scale, without the unit (the header states it): 114_000_000 in 亿元 → '1.14'. */
export function formatScaled(v: number | null | undefined, col: ColumnScale): string {
  if (!isPresent(v)) return MISSING;
  return num(v / YUAN_DIVISOR[col.scale], col.digits);
}

/** The number as shown by formatScaled, back as a number (for checking whether rounded parts add up). */
export function roundScaled(v: number, col: ColumnScale): number {
  return roundTo(v / YUAN_DIVISOR[col.scale], col.digits);
}

export interface AxisTicks {
  /** Tick values in the data's own unit (元, fraction, …): give them to the chart as gridlines. */
  ticks: number[];
  /** [first tick, last tick]: the axis domain, so no gridline lacks a label. */
  domain: [number, number];
  /** Decimal places of every label, taken from the step so labels equal the gridline values. */
  decimals: number;
  /** Display multiplier: data value × factor = the number in the label (1e-8 for 亿元, 100 for %). */
  factor: number;
}

/** The number a label shows per data unit: money in the chosen scale, fractions in per cent. */
export function displayFactor(unit: IndicatorUnit, scale?: FixedYuanScale): number {
  if (unit === 'yuan') return 1 / YUAN_DIVISOR[scale ?? '万元'];
  if (unit === 'ratio' || unit === 'pp') return 100;
  return 1;
}

const NICE_STEPS = [1, 2, 2.5, 5, 10];

function decimalsOf(step: number): number {
  for (let d = 0; d <= 10; d++) if (Math.abs(Math.round(step * 10 ** d) - step * 10 ** d) < 1e-9 * 10 ** d) return d;
  return 10;
}

/**
 * Tick chooser for a value axis. Works in display units (亿元, %) so every label is a round number that
 * equals its gridline exactly: the step is 1, 2, 2.5 or 5 × 10^k, the decimals are the step's, and the
 * domain runs from the tick at or below the minimum to the tick at or above the maximum. Includes zero
 * when `includeZero` (bars) or when the data straddle it; counts and per-person yuan never get a
 * fractional step. `min`/`max` are in the data's unit; equal or missing bounds give a small range around
 * the value (or [0, 1] display units when there is nothing).
 */
export function chooseTicks(
  min: number,
  max: number,
  unit: IndicatorUnit,
  opts: { scale?: FixedYuanScale; maxTicks?: number; includeZero?: boolean } = {},
): AxisTicks {
  const factor = displayFactor(unit, opts.scale);
  const maxTicks = Math.max(2, opts.maxTicks ?? 6);
  let lo = isPresent(min) ? min * factor : 0;
  let hi = isPresent(max) ? max * factor : 0;
  if (lo > hi) [lo, hi] = [hi, lo];
  if (opts.includeZero || (lo < 0 && hi > 0)) {
    lo = Math.min(lo, 0);
    hi = Math.max(hi, 0);
  }
  if (hi === lo) {
    // One value (or none): a range around it, keeping zero as the base when it is one.
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    if (lo !== 0) lo -= pad;
    hi += pad;
  }
  const integerOnly = unit === 'count' || unit === 'yuan_per_person';
  const raw = (hi - lo) / (maxTicks - 1);
  const mag = 10 ** Math.floor(Math.log10(raw));
  let step = NaN;
  for (const m of NICE_STEPS) {
    const s = m * mag;
    if (integerOnly && s < 1) continue;
    // 2.5 × 10^k would need one more decimal than its neighbours for small k; allowed only from 25 up.
    if (m === 2.5 && s < 25) continue;
    const first = Math.floor(lo / s + 1e-9);
    const last = Math.ceil(hi / s - 1e-9);
    if (last - first + 1 <= maxTicks) {
      step = s;
      break;
    }
  }
  if (!Number.isFinite(step)) step = 10 * mag;
  const decimals = decimalsOf(step);
  const first = Math.floor(lo / step + 1e-9);
  const last = Math.ceil(hi / step - 1e-9);
  const shown: number[] = [];
  for (let i = first; i <= last; i++) shown.push(roundTo(i * step, decimals));
  const ticks = shown.map((t) => (t === 0 ? 0 : t / factor));
  return { ticks, domain: [ticks[0], ticks[ticks.length - 1]], decimals, factor };
}

/** The label of one tick chosen by chooseTicks: 250_000_000 at 亿元 step 0.5 → '2.5'; 0.95 → '95%'. */
export function formatTick(value: number, unit: IndicatorUnit, axis: Pick<AxisTicks, 'decimals' | 'factor'>): string {
  if (!isPresent(value)) return '';
  const s = num(value * axis.factor, axis.decimals, unit === 'pp');
  return unit === 'ratio' ? s + '%' : s;
}

// ---------------------------------------------------------------- periods

export type PeriodStyle = 'long' | 'short' | 'iso';

/**
 * 202401 → '2024年1月' (long), '24年1月' (short), '2024-01' (iso). A bare year (2024) → '2024年'.
 * Accepts the string form '202401' as rows from the server may carry either.
 */
export function formatPeriod(period: number | string | null | undefined, style: PeriodStyle = 'long'): string {
  if (period === null || period === undefined || period === '') return MISSING;
  const p = typeof period === 'string' ? Number(period) : period;
  if (!Number.isInteger(p) || p <= 0) return MISSING;
  if (p < 10000) return style === 'iso' ? String(p) : `${style === 'short' ? String(p).slice(-2) : p}年`;
  const year = Math.floor(p / 100);
  const month = p % 100;
  if (month < 1 || month > 12) return MISSING;
  if (style === 'iso') return `${year}-${String(month).padStart(2, '0')}`;
  if (style === 'short') return `${String(year).slice(-2)}年${month}月`;
  return `${year}年${month}月`;
}

// ---------------------------------------------------------------- trend

export type DeltaDirection = 'up' | 'down' | 'flat';

export interface Delta {
  /** null when either side is missing or a relative change has a zero base. */
  direction: DeltaDirection | null;
  /** Change as a number: fraction-point difference for ratio/pp, relative change for money/counts, absolute otherwise. */
  value: number | null;
  /** 'amount': a money or count change on a zero or negative base, shown as an amount (lib/indicators/compute changeOf) */
  kind: 'pp' | 'relative' | 'absolute' | 'amount';
  /**
   * Formatted change without label, e.g. '+2.5个百分点', '+3.2%', '−0.4个月', '减少13.97亿元' (kind 'amount'),
   * or '持平' / '—'. Put a label on it with deltaText.
   */
  text: string;
}

/**
 * A delta with its label: '同比 +3.2%', but '比上年减少13.97亿元' (or '比上月…' for 环比) for a change on a
 * zero or negative base, which has no percentage.
 */
export function deltaText(d: Delta, label = '同比'): string {
  if (d.kind === 'amount' && d.direction !== 'flat' && d.direction !== null) return `${label === '环比' ? '比上月' : '比上年'}${d.text}`;
  return label ? `${label} ${d.text}` : d.text;
}

function deltaKind(unit: IndicatorUnit): Delta['kind'] {
  switch (unit) {
    case 'ratio':
    case 'pp':
      return 'pp';
    case 'yuan':
    case 'yuan_per_person':
    case 'count':
      return 'relative';
    default:
      return 'absolute';
  }
}

/**
 * How `current` moved against `previous`. Ratios compare in 个百分点 (a change from 92.8% to 95.3% is
 * +2.5个百分点, not +2.7%); money and counts compare as a relative change; months and multiples as an
 * absolute difference in their own unit.
 */
export function computeDelta(
  current: number | null | undefined,
  previous: number | null | undefined,
  unit: IndicatorUnit,
): Delta {
  const kind = deltaKind(unit);
  if (!isPresent(current) || !isPresent(previous)) return { direction: null, value: null, kind, text: MISSING };
  let value: number;
  let text: string;
  if (kind === 'pp') {
    value = current - previous;
    text = formatPp(value);
  } else if (kind === 'relative') {
    const c = changeOf(current, previous)!;
    if (c.kind === 'amount') {
      // zero or negative base: the change as an amount, never a percentage
      const shown = formatValue(Math.abs(c.value), unit);
      if (!/[1-9]/.test(shown)) return { direction: 'flat', value: c.value, kind: 'amount', text: '持平' };
      return { direction: c.value > 0 ? 'up' : 'down', value: c.value, kind: 'amount', text: `${c.value > 0 ? '增加' : '减少'}${shown}` };
    }
    value = c.value;
    text = formatPercent(value, 1, true);
  } else {
    value = current - previous;
    text =
      unit === 'months'
        ? num(value, 1, true) + '个月'
        : num(value, unit === 'multiple' ? 2 : 1, true);
  }
  // "flat" means the change disappears at the precision we show.
  const shownZero = !/[1-9]/.test(text);
  if (shownZero) return { direction: 'flat', value, kind, text: '持平' };
  return { direction: value > 0 ? 'up' : 'down', value, kind, text };
}

/** Trend text such as '同比 +3.2%' or '同比 −1.0个百分点'; label may be '环比', '较上年', ''. */
export function formatDelta(
  current: number | null | undefined,
  previous: number | null | undefined,
  unit: IndicatorUnit,
  label = '同比',
): string {
  return deltaText(computeDelta(current, previous, unit), label);
}

// ---------------------------------------------------------------- export (CSV / XLSX)

const EXPORT_DIGITS: Record<IndicatorUnit, number> = {
  ratio: 1,
  pp: 1,
  yuan: 2,
  yuan_per_person: 2,
  months: 1,
  count: 0,
  multiple: 2,
};

function roundTo(v: number, digits: number): number {
  const f = 10 ** digits;
  const r = Math.round((v + Math.sign(v) * Number.EPSILON * Math.abs(v)) * f) / f;
  return Object.is(r, -0) ? 0 : r;
}

/**
 * The plain number written to CSV/XLSX for a value: ratio/pp as percent numbers (95.3), yuan as 万元 with
 * 2 decimals, per-person yuan as 元. Missing → null (an empty cell). Pair with exportHeaderSuffix.
 */
export function exportValue(value: number | null | undefined, unit: IndicatorUnit): number | null {
  if (!isPresent(value)) return null;
  switch (unit) {
    case 'ratio':
    case 'pp':
      return roundTo(value * 100, EXPORT_DIGITS[unit]);
    case 'yuan':
      return roundTo(value / WAN, EXPORT_DIGITS.yuan);
    default:
      return roundTo(value, EXPORT_DIGITS[unit]);
  }
}

/** Header suffix stating the unit of exportValue's numbers: '(%)', '(万元)'; '' for plain counts. */
export function exportHeaderSuffix(unit: IndicatorUnit): string {
  switch (unit) {
    case 'ratio':
      return '(%)';
    case 'pp':
      return '(个百分点)';
    case 'yuan':
      return '(万元)';
    case 'yuan_per_person':
      return '(元/人)';
    case 'months':
      return '(月)';
    case 'count':
      return '';
    case 'multiple':
      return '(倍)';
    default: {
      const never: never = unit;
      return String(never);
    }
  }
}
