// Status of an indicator value: from the definition's bands when it has them, otherwise from a
// target and the polarity. Thresholds passed in override the defaults (they are configurable).

import { isNum } from './compute';
import type { Band, IndicatorDef, Status } from './types';

/** Relative tolerance around a target that still counts as 'warn' rather than 'bad'. */
export const TARGET_WARN_TOLERANCE = 0.05;

// Values computed in floating point land a hair off their exact boundary (0.3 − 0.25 =
// 0.04999999999999999); compare with a tiny tolerance so edges behave as written.
const EPS = 1e-9;

export const STATUS_LABELS: Readonly<Record<Status, string>> = {
  good: '正常',
  warn: '关注',
  bad: '预警',
  none: '未判定',
};

/** True when min <= value < max (missing bounds are unbounded). */
export function bandContains(band: Band, value: number): boolean {
  if (band.min !== undefined && value < band.min - EPS) return false;
  if (band.max !== undefined && value >= band.max - EPS) return false;
  return true;
}

/** The first band containing the value, or undefined. */
export function matchBand(bands: readonly Band[], value: number): Band | undefined {
  return bands.find((b) => bandContains(b, value));
}

/**
 * Status by target and polarity.
 * higher_better: value >= target → good; value >= target − 5%·|target| → warn; else bad.
 * lower_better: mirrored. band polarity has no target rule → none.
 */
export function targetStatus(polarity: IndicatorDef['polarity'], value: number, target: number): Status {
  const tol = Math.abs(target) * TARGET_WARN_TOLERANCE;
  if (polarity === 'higher_better') {
    if (value >= target - EPS) return 'good';
    if (value >= target - tol - EPS) return 'warn';
    return 'bad';
  }
  if (polarity === 'lower_better') {
    if (value <= target + EPS) return 'good';
    if (value <= target + tol + EPS) return 'warn';
    return 'bad';
  }
  return 'none';
}

export interface StatusOptions {
  /** replaces the definition's default bands (configured thresholds) */
  bands?: readonly Band[];
}

export interface StatusDetail {
  status: Status;
  /** the band label (e.g. '合理'), or a generic label for target-based and missing statuses */
  label: string;
  band?: Band;
  /** the target used, when the status came from a target */
  target?: number;
}

/** Status with its label and the band or target that produced it. */
export function indicatorStatusDetail(
  def: Pick<IndicatorDef, 'polarity' | 'bands' | 'target'>,
  value: number | null | undefined,
  target?: number,
  options: StatusOptions = {},
): StatusDetail {
  if (!isNum(value)) return { status: 'none', label: '无数据' };
  const bands = options.bands ?? def.bands;
  if (bands && bands.length > 0) {
    const band = matchBand(bands, value);
    return band ? { status: band.status, label: band.label, band } : { status: 'none', label: '未判定' };
  }
  const t = target ?? def.target;
  if (t === undefined || !isNum(t)) return { status: 'none', label: '未设目标' };
  const status = targetStatus(def.polarity, value, t);
  const label = status === 'good' ? '达标' : status === 'warn' ? '接近目标' : status === 'bad' ? '未达标' : '未判定';
  return { status, label, target: t };
}

/**
 * Status of a value: bands if present (first match wins), else target (argument, or the default) and
 * polarity; 'none' for a missing value, or when there is neither a band nor a target.
 */
export function indicatorStatus(
  def: Pick<IndicatorDef, 'polarity' | 'bands' | 'target'>,
  value: number | null | undefined,
  target?: number,
  options?: StatusOptions,
): Status {
  return indicatorStatusDetail(def, value, target, options).status;
}

/**
 * The reason an indicator does not apply to a scheme filter (registry `notApplicable`), or null when it
 * applies. 'ALL' and unknown filters always apply: a total over several schemes has the applicable ones.
 */
export function notApplicableReason(def: { notApplicable?: { schemes: readonly string[]; reason: string } }, scheme: string): string | null {
  return def.notApplicable && def.notApplicable.schemes.includes(scheme) ? def.notApplicable.reason : null;
}
