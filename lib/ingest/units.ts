// Units written in headers (issue 12 §1): one table for every template. A unit in a column's header —
// '金额(万元)', '参保人数（万人）', '比例(%)' — or in a title line above the header ('单位：万元') is read, never
// stripped: amounts and counts are converted to the stored unit where the conversion is exact (a power of
// ten, done on the decimal digits, not in floating point), and a unit that does not belong to the column,
// or that cannot be read, refuses the file with the column named.

export type Dimension = 'money' | 'count' | 'ratio';

export interface UnitDef {
  /** As written (after full-width brackets are folded). */
  text: string;
  dimension: Dimension;
  /** Stored value = written value × 10^exp. */
  exp: number;
  /** The stored unit of this dimension. */
  base: string;
}

/** Every unit a header may carry, and what it converts to. */
export const UNITS: readonly UnitDef[] = [
  { text: '元', dimension: 'money', exp: 0, base: '元' },
  { text: '千元', dimension: 'money', exp: 3, base: '元' },
  { text: '万元', dimension: 'money', exp: 4, base: '元' },
  { text: '百万元', dimension: 'money', exp: 6, base: '元' },
  { text: '亿元', dimension: 'money', exp: 8, base: '元' },
  { text: '人', dimension: 'count', exp: 0, base: '人' },
  { text: '万人', dimension: 'count', exp: 4, base: '人' },
  { text: '人次', dimension: 'count', exp: 0, base: '人次' },
  { text: '万人次', dimension: 'count', exp: 4, base: '人次' },
  { text: '次', dimension: 'count', exp: 0, base: '次' },
  { text: '件', dimension: 'count', exp: 0, base: '件' },
  { text: '户', dimension: 'count', exp: 0, base: '户' },
  { text: '个', dimension: 'count', exp: 0, base: '个' },
  { text: '%', dimension: 'ratio', exp: 0, base: '%' },
];

const BY_TEXT = new Map(UNITS.map((u) => [u.text, u]));

/** The unit written at the end of a header in brackets (half- or full-width), e.g. '金额（单位：万元）' → '万元'. */
export function headerUnitText(header: string): string | null {
  const m = /[(（]\s*(?:单位\s*[:：]\s*)?([^()（）]*?)\s*[)）]\s*\*?\s*$/.exec(header);
  return m && m[1] !== '' ? m[1].replace(/％/g, '%') : null;
}

export function unitDef(text: string): UnitDef | undefined {
  return BY_TEXT.get(text.replace(/％/g, '%').trim());
}

/** The dimension of a template column, from its type and stored unit. */
export function columnDimension(type: string, unit?: string): Dimension | null {
  if (type === 'money' || type === 'signedMoney') return 'money';
  if (type === 'count' && unit) return 'count';
  if (unit === '%') return 'ratio';
  return null;
}

export type UnitResolution =
  | { ok: true; unit: UnitDef | null }
  | { ok: false; reason: string };

/**
 * What a written unit means for a column whose stored unit is `columnUnit` (dimension `dim`): the unit to
 * convert from (null = none written, values are in the stored unit), or why it cannot be accepted.
 */
export function resolveUnit(written: string | null, dim: Dimension | null, columnUnit: string | undefined, source: '表头' | '标题行'): UnitResolution {
  if (written === null) return { ok: true, unit: null };
  const u = unitDef(written);
  if (!dim) {
    // A column without a unit (codes, names, dates): a bracket in its header is not a unit.
    return u && source === '表头' ? { ok: false, reason: `此列没有单位，表头却写了“${written}”` } : { ok: true, unit: null };
  }
  if (!u) return { ok: false, reason: `无法识别表头中的单位“${written}”（应为${dim === 'money' ? '元、万元或亿元' : dim === 'count' ? `${columnUnit}或万${columnUnit}` : '%'}）` };
  if (u.dimension !== dim) return { ok: false, reason: `单位“${written}”不适用于此列（此列单位为${columnUnit}）` };
  if (dim === 'count' && u.base !== columnUnit) return { ok: false, reason: `单位“${written}”与此列的单位“${columnUnit}”不符` };
  return { ok: true, unit: u.exp === 0 ? null : u };
}

/**
 * Shifts a plain decimal ('27350.00', '-1.5') by 10^exp on its digits: exact, no floating point.
 * Returns the shifted decimal as text with trailing zeros of the fraction removed.
 */
export function shiftDecimal(s: string, exp: number): string {
  const neg = s.startsWith('-');
  const [int, frac = ''] = (neg ? s.slice(1) : s).split('.');
  let digits = int + frac;
  let point = int.length + exp;
  if (point > digits.length) digits = digits + '0'.repeat(point - digits.length);
  if (point < 0) { digits = '0'.repeat(-point) + digits; point = 0; }
  let i = digits.slice(0, point).replace(/^0+(?=\d)/, '') || '0';
  const f = digits.slice(point).replace(/0+$/, '');
  if (i === '') i = '0';
  return `${neg ? '-' : ''}${i}${f ? `.${f}` : ''}`;
}

/** 10000 → '×10,000'. */
export function factorLabel(exp: number): string {
  return `×${(10 ** exp).toLocaleString('en-US')}`;
}
