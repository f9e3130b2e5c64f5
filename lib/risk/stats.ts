// Robust statistics for peer comparison (institution cost anomalies) and for growth spreads
// (projection scenarios). Pure.

/** Median of the finite values; null for none. */
export function median(values: readonly number[]): number | null {
  const xs = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const mid = xs.length >> 1;
  return xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
}

/** Median absolute deviation from the median (unscaled); null for none. */
export function mad(values: readonly number[]): number | null {
  const m = median(values);
  if (m === null) return null;
  return median(values.filter((v) => Number.isFinite(v)).map((v) => Math.abs(v - m)));
}

/**
 * Iglewicz–Hoaglin modified z-score: 0.6745 · (x − median) / MAD. 0.6745 makes it comparable to a
 * z-score for normal data (MAD ≈ 0.6745 σ); |z| > 3.5 is their suggested outlier cut-off.
 * null when MAD is 0 (half the peers identical: no spread to judge by).
 */
export function modifiedZ(x: number, med: number, madValue: number): number | null {
  if (!Number.isFinite(x) || !Number.isFinite(med) || !Number.isFinite(madValue) || madValue <= 0) return null;
  return (0.6745 * (x - med)) / madValue;
}

/** Linear-interpolated quantile (type 7, as R's default); q in [0, 1]; null for none. */
export function quantile(values: readonly number[], q: number): number | null {
  const xs = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const h = (xs.length - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return xs[lo] + (h - lo) * (xs[hi] - xs[lo]);
}
