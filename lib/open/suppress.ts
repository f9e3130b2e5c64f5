// Small-number suppression for the public annual report (医保函〔2020〕135号 三: the bureau publishes fund
// operation data to society; person- and institution-level detail must not be identifiable from it).
// Pure: no I/O. The rule in force is stored in each release, so a published year never changes with config.
//
// - Primary suppression: a count of 1 … threshold−1 (default 1–9) is shown as 「<10」. Zero is shown: it
//   identifies nobody.
// - Secondary (complementary) suppression: where a total and its parts are published, one hidden part could
//   be recovered as total − the other parts; another cell of the same sum is hidden too (shown as 「隐去」),
//   repeated until every sum with a hidden cell has at least two unknown cells.
// - Amounts whose contributors (e.g. institutions with money recovered) are 1 … threshold−1 are hidden the
//   same way (threshold rule of statistical disclosure control): otherwise the amount would be one
//   institution's figure.
// - Rates: hidden when their numerator or denominator is hidden (rate × shown part = hidden part); flagged
//   unstable (「数据不稳定」) when the denominator is below `unstableBelow`.

/** The configurable rule. threshold = 10 hides counts 1–9; unstableBelow = 30 flags rates on < 30 cases. */
export interface SuppressionRule {
  threshold: number;
  unstableBelow: number;
}

export const DEFAULT_SUPPRESSION: SuppressionRule = { threshold: 10, unstableBelow: 30 };

/** shown; primary = small count (「<10」); secondary = hidden so a small count cannot be derived (「隐去」); missing = no data. */
export type CellState = 'shown' | 'primary' | 'secondary' | 'missing';

export class SuppressionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SuppressionError';
  }
}

/** Throws SuppressionError unless threshold is an integer ≥ 2 and unstableBelow an integer ≥ 0. */
export function checkRule(rule: SuppressionRule): SuppressionRule {
  if (!Number.isInteger(rule.threshold) || rule.threshold < 2) throw new SuppressionError(`小数隐去阈值应为不小于2的整数：${rule.threshold}`);
  if (!Number.isInteger(rule.unstableBelow) || rule.unstableBelow < 0) throw new SuppressionError(`不稳定分母阈值应为非负整数：${rule.unstableBelow}`);
  return rule;
}

/** A count in 1 … threshold−1. */
export function isSmallCount(value: number | null | undefined, rule: SuppressionRule = DEFAULT_SUPPRESSION): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value >= 1 && value < rule.threshold;
}

/** One additive relation the public can see: total = Σ parts (e.g. the city = Σ its counties). */
export interface SumConstraint {
  total: string;
  parts: string[];
}

export const isHidden = (s: CellState | undefined): boolean => s === 'primary' || s === 'secondary';

/**
 * States of a set of count (or amount) cells after primary and secondary suppression.
 * `values`: cell id → value (null = missing). `forced`: ids hidden regardless of their value (e.g. an amount
 * with few contributors), recorded as 'primary'. Secondary picks, in each sum with exactly one unknown cell
 * that is hidden, the smallest positive shown part (least information lost), else a zero part, else the total.
 * Deterministic: ties broken by id.
 */
export function suppressCells(
  values: Readonly<Record<string, number | null>>,
  constraints: readonly SumConstraint[],
  rule: SuppressionRule = DEFAULT_SUPPRESSION,
  forced: ReadonlySet<string> = new Set(),
): Record<string, CellState> {
  checkRule(rule);
  const state: Record<string, CellState> = {};
  for (const [id, v] of Object.entries(values)) {
    state[id] = v === null || !Number.isFinite(v) ? 'missing' : forced.has(id) || isSmallCount(v, rule) ? 'primary' : 'shown';
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (const c of constraints) {
      const members = [c.total, ...c.parts].filter((id) => id in state);
      const unknown = members.filter((id) => state[id] !== 'shown');
      if (unknown.length !== 1 || !isHidden(state[unknown[0]])) continue;
      const shownParts = c.parts.filter((id) => state[id] === 'shown').sort((a, b) => values[a]! - values[b]! || (a < b ? -1 : 1));
      const pick = shownParts.find((id) => values[id]! > 0) ?? shownParts[0] ?? (state[c.total] === 'shown' ? c.total : undefined);
      if (pick === undefined) continue;
      state[pick] = 'secondary';
      changed = true;
    }
  }
  return state;
}

/** A rate after suppression: hidden with its inputs; unstable on a small denominator. */
export interface RateState {
  state: CellState;
  unstable: boolean;
}

/**
 * State of a rate = numerator ÷ denominator whose parts have states `num`/`den` (undefined = the part is not
 * published, so it cannot be used to derive anything). `value` null → missing.
 */
export function rateState(
  value: number | null,
  denominator: number | null,
  num: CellState | undefined,
  den: CellState | undefined,
  rule: SuppressionRule = DEFAULT_SUPPRESSION,
): RateState {
  if (value === null || !Number.isFinite(value)) return { state: 'missing', unstable: false };
  if (isHidden(num) || isHidden(den)) return { state: 'secondary', unstable: false };
  return { state: 'shown', unstable: denominator !== null && denominator < rule.unstableBelow };
}

/** What a hidden cell reads as on screen and in downloads. */
export function hiddenText(state: CellState, rule: SuppressionRule = DEFAULT_SUPPRESSION): string | null {
  if (state === 'primary') return `<${rule.threshold}`;
  if (state === 'secondary') return '隐去';
  if (state === 'missing') return '无数据';
  return null;
}

/** The notes printed under every table that has hidden or unstable cells. */
export function suppressionNotes(rule: SuppressionRule, has: { primary: boolean; secondary: boolean; unstable: boolean }): string[] {
  const out: string[] = [];
  if (has.primary) out.push(`「<${rule.threshold}」：数量为1至${rule.threshold - 1}（或金额涉及的机构少于${rule.threshold}家），为保护个人和机构信息不公布具体数字。`);
  if (has.secondary) out.push('「隐去」：为防止由合计减去其他各项推算出上述小数而一并不公布的数字，或由其计算的比率。');
  if (has.unstable) out.push(`「（不稳定）」：比率的分母少于${rule.unstableBelow}，偶然波动大，请谨慎解读。`);
  return out;
}
