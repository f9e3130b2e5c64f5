// Wording shared by the 分级诊疗 widgets: estimates with their intervals, verdicts, region names.
import { regionDisplayName } from '@/lib/domain/codes';
import { formatPeriod } from '@/lib/format';
import type { Assessment, Direction } from '@/lib/tieredCare/poolingEffect';
import type { DatasetInfo } from '@/lib/queries/meta/getDatasetInfo';

/** Share difference in points, signed, with the typographic minus; −0.0 reads as 0.0. */
export const pp = (v: number, digits = 1) => {
  const s = (v * 100).toFixed(digits);
  if (Number(s) === 0) return (0).toFixed(digits);
  return (v > 0 ? '+' : '') + s.replace('-', '−');
};

/** '−9.1个百分点（95%置信区间 −14.0 至 −4.2）' */
export function estimateText(e: { estimate: number; ciLow: number; ciHigh: number }, level = 0.95): string {
  return `${pp(e.estimate)}个百分点（${Math.round(level * 100)}%置信区间 ${pp(e.ciLow)} 至 ${pp(e.ciHigh)}）`;
}

/** '−14.0 至 −4.2' */
export function ciText(e: { ciLow: number; ciHigh: number }): string {
  return `${pp(e.ciLow)} 至 ${pp(e.ciHigh)}`;
}

export const DIRECTION_LABEL: Record<Direction, string> = { down: '下降', up: '上升', unclear: '无明确变化' };
export const ASSESSMENT_LABEL: Record<Assessment, string> = { worse: '恶化', better: '改善', unclear: '无明确变化' };

export function pValueText(p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return '—';
  return p < 0.001 ? '<0.001' : p.toFixed(3);
}

export function regionNamer(info: DatasetInfo): (code: string) => string {
  const names = new Map(info.counties.map((c) => [c.code, c]));
  return (code: string) => regionDisplayName({ code: info.cityCode, name: info.cityName }, names, code);
}

export function shortNamer(info: DatasetInfo): (code: string) => string {
  const names = new Map(info.counties.map((c) => [c.code, c.shortName]));
  return (code: string) => (code === info.cityCode ? '全市' : names.get(code) ?? code);
}

/**
 * Pooling markers for a chart: the region's pooling month, or for the city every distinct pooling month
 * (city pooling began, then the counties whose resident pooling lagged).
 */
export function poolingMarkers(
  pooling: Record<string, number>,
  region: string,
  info: DatasetInfo,
): { x: number; label: string; position?: 'insideTopLeft' | 'insideTopRight' | 'insideBottomLeft' | 'insideBottomRight' }[] {
  const short = shortNamer(info);
  if (region !== info.cityCode) {
    const p = pooling[region];
    return p ? [{ x: p, label: `统筹 ${formatPeriod(p)}` }] : [];
  }
  const first = pooling[info.cityCode];
  const byMonth = new Map<number, string[]>();
  for (const [code, p] of Object.entries(pooling)) {
    if (code === info.cityCode || p === first) continue;
    byMonth.set(p, [...(byMonth.get(p) ?? []), short(code)]);
  }
  // Lagging counties pool months apart: the first label sits left of its line, the next ones right of
  // theirs, alternating top and bottom, so they do not overprint.
  const out: ReturnType<typeof poolingMarkers> = first ? [{ x: first, label: '市级统筹启动', position: 'insideTopRight' }] : [];
  [...byMonth.entries()]
    .sort((a, b) => a[0] - b[0])
    .forEach(([p, names], i) => out.push({ x: p, label: `${names.join('、')}统筹`, position: i % 2 === 0 ? 'insideTopLeft' : 'insideBottomLeft' }));
  return out;
}
