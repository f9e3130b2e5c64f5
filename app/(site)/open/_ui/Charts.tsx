// Server-rendered charts of the public report: plain HTML bars and inline SVG, so they read without
// JavaScript, print on A4 and scale to a 390 px phone. Each chart is one image with a text alternative
// (role="img" + aria-label); the table under it carries every number.
import { formatAxisTick, formatValue, pickYuanScale } from '@/lib/format';
import type { IndicatorUnit } from '@/lib/indicators/types';
import { cellText } from '@/lib/open/cells';
import type { OpenChart } from '@/lib/open/view';
import type { SuppressionRule } from '@/lib/open/suppress';
import styles from '../open.module.css';

/** Series colours with at least 3:1 contrast on white (WCAG 1.4.11), plus dash patterns so colour is not the only cue. */
const COLORS = ['#1f6fb2', '#c8453b', '#6f42c1', '#4d7a1b'];
const DASHES = ['', '6 4', '2 3', '10 3 2 3'];
/** Coordinates (px, %) to one decimal: finer digits change nothing on screen or paper and only lengthen the page. */
const r1 = (v: number) => Math.round(v * 10) / 10;

interface Point { label: string; own: boolean; values: (number | null)[]; missing: string[] }

// Hidden cells are not drawn; their place says why (「<10」「隐去」「无数据」), as in the table.
const RULE_FOR_TEXT: SuppressionRule = { threshold: 10, unstableBelow: 30 };
function pointsOf(chart: OpenChart, rule: SuppressionRule = RULE_FOR_TEXT): Point[] {
  const spec = chart.chart!;
  return chart.rows
    .filter((r) => !spec.omitRows?.includes(r.key))
    .map((r) => ({
      label: r.short ?? r.label,
      own: !!r.highlight,
      values: spec.series.map((k) => (r.cells[k]?.s === 'shown' ? r.cells[k].v : null)),
      missing: spec.series.map((k) => cellText(r.cells[k], spec.unit, rule)),
    }));
}

function seriesLabel(chart: OpenChart, key: string): string {
  return chart.columns.find((c) => c.key === key)?.header ?? key;
}

function niceDomain(values: number[], unit: IndicatorUnit, extra: number[] = []): [number, number] {
  const all = [...values, ...extra, 0];
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  if (unit === 'ratio' && hi <= 1 && lo >= 0) hi = Math.min(1, hi * 1.08 || 1);
  if (hi === lo) hi = lo + 1;
  return [lo, hi];
}

export function Legend({ chart }: { chart: OpenChart }) {
  const spec = chart.chart!;
  return (
    <ul className={styles.legend} aria-hidden="true">
      {spec.series.map((k, i) => (
          <li key={k}>
            <svg width="22" height="10" aria-hidden="true">
              <line x1="1" y1="5" x2="21" y2="5" stroke={COLORS[i % COLORS.length]} strokeWidth={spec.kind === 'lines' ? 2.5 : 8} strokeDasharray={spec.kind === 'lines' ? DASHES[i % DASHES.length] : undefined} />
            </svg>
            {seriesLabel(chart, k)}
          </li>
        ))}
      {spec.reference && (
        <li>
          <svg width="22" height="10" aria-hidden="true">
            <line x1="11" y1="0" x2="11" y2="10" stroke="#1b1f24" strokeWidth="2" strokeDasharray="3 2" />
          </svg>
          {spec.reference.label}（{formatValue(spec.reference.value, spec.unit)}）
        </li>
      )}
    </ul>
  );
}

/** Horizontal bars, one row per region; negative values extend left of the zero line. */
export function BarsChart({ chart, rule }: { chart: OpenChart; rule: SuppressionRule }) {
  const spec = chart.chart!;
  const pts = pointsOf(chart, rule);
  const vals = pts.flatMap((p) => p.values.filter((v): v is number => v !== null));
  const [lo, hi] = niceDomain(vals, spec.unit, spec.reference ? [spec.reference.value] : []);
  const pos = (v: number) => r1(((v - lo) / (hi - lo)) * 100);
  const zero = pos(0);
  const scale = spec.unit === 'yuan' ? pickYuanScale(Math.max(...vals.map(Math.abs), 0)) : undefined;
  return (
    <div className={styles.bars} role="img" aria-label={chart.summary}>
      {pts.map((p) => (
        <div key={p.label} className={styles.barRow} aria-hidden="true">
          <span className={p.own ? `${styles.barLabel} ${styles.barLabelOwn}` : styles.barLabel}>{p.own ? `▶ ${p.label}` : p.label}</span>
          <span className={styles.barTrack}>
            {p.values.map((v, i) =>
              v === null ? null : (
                <span
                  key={i}
                  className={styles.barFill}
                  style={{ left: `${Math.min(zero, pos(v))}%`, width: `${r1(Math.max(0.5, Math.abs(pos(v) - zero)))}%`, background: COLORS[i % COLORS.length], top: `${r1((i * 100) / p.values.length)}%`, height: `${r1(100 / p.values.length)}%` }}
                />
              ),
            )}
            {spec.reference && <span className={styles.barRef} style={{ left: `${pos(spec.reference.value)}%` }} />}
          </span>
          <span className={styles.barValue}>
            {p.values.map((v, i) => (v === null ? p.missing[i] : formatValue(v, spec.unit, scale ? { scale } : {}))).join(' / ')}
          </span>
        </div>
      ))}
    </div>
  );
}

const W = 640;
const H = 240;
const M = { top: 14, right: 28, bottom: 30, left: 76 };

function ticks(lo: number, hi: number, n = 4): number[] {
  const step = (hi - lo) / n;
  return Array.from({ length: n + 1 }, (_, i) => lo + step * i);
}

/** Vertical grouped columns (years), one colour per series. */
export function ColumnsChart({ chart }: { chart: OpenChart }) {
  const spec = chart.chart!;
  const pts = pointsOf(chart);
  const vals = pts.flatMap((p) => p.values.filter((v): v is number => v !== null));
  const [lo, hi] = niceDomain(vals, spec.unit);
  const scale = spec.unit === 'yuan' ? pickYuanScale(Math.max(...vals.map(Math.abs), 0)) : undefined;
  const iw = W - M.left - M.right;
  const ih = H - M.top - M.bottom;
  const y = (v: number) => r1(M.top + ih - ((v - lo) / (hi - lo)) * ih);
  const band = iw / Math.max(1, pts.length);
  const bw = (band * 0.7) / spec.series.length;
  return (
    <svg className={styles.svg} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={chart.summary}>
      {ticks(lo, hi).map((t) => (
        <g key={t}>
          <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} stroke="#e3e8ee" />
          <text x={M.left - 6} y={y(t) + 4} textAnchor="end" className={styles.axis}>{formatAxisTick(t, spec.unit, scale)}</text>
        </g>
      ))}
      <line x1={M.left} x2={W - M.right} y1={y(0)} y2={y(0)} stroke="#5b6878" />
      {pts.map((p, i) => (
        <g key={p.label}>
          {p.values.map((v, j) =>
            v === null ? null : (
              <rect key={j} x={r1(M.left + band * i + band * 0.15 + bw * j)} y={Math.min(y(v), y(0))} width={r1(bw - 1)} height={r1(Math.max(1, Math.abs(y(v) - y(0))))} fill={COLORS[j % COLORS.length]} />
            ),
          )}
          <text x={r1(M.left + band * i + band / 2)} y={H - 8} textAnchor="middle" className={styles.axis}>{p.label.replace('年', '')}</text>
        </g>
      ))}
    </svg>
  );
}

/** Lines over years, one per series, distinguished by colour and dash. */
export function LinesChart({ chart }: { chart: OpenChart }) {
  const spec = chart.chart!;
  const pts = pointsOf(chart);
  const vals = pts.flatMap((p) => p.values.filter((v): v is number => v !== null));
  let lo = Math.min(...vals);
  let hi = Math.max(...vals);
  const pad = (hi - lo) * 0.1 || 0.05;
  lo = spec.unit === 'ratio' ? Math.max(0, lo - pad) : lo - pad;
  hi = spec.unit === 'ratio' ? Math.min(1, hi + pad) : hi + pad;
  const iw = W - M.left - M.right;
  const ih = H - M.top - M.bottom;
  const x = (i: number) => r1(M.left + (pts.length === 1 ? iw / 2 : (iw * i) / (pts.length - 1)));
  const y = (v: number) => r1(M.top + ih - ((v - lo) / (hi - lo || 1)) * ih);
  return (
    <svg className={styles.svg} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={chart.summary}>
      {ticks(lo, hi).map((t) => (
        <g key={t}>
          <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} stroke="#e3e8ee" />
          <text x={M.left - 6} y={y(t) + 4} textAnchor="end" className={styles.axis}>{formatAxisTick(t, spec.unit)}</text>
        </g>
      ))}
      {spec.series.map((k, j) => {
        const d = pts
          .map((p, i) => (p.values[j] === null ? null : `${x(i)},${y(p.values[j]!)}`))
          .filter(Boolean)
          .join(' ');
        return (
          <g key={k}>
            <polyline points={d} fill="none" stroke={COLORS[j % COLORS.length]} strokeWidth={2.5} strokeDasharray={DASHES[j % DASHES.length] || undefined} />
            {pts.map((p, i) => (p.values[j] === null ? null : <circle key={i} cx={x(i)} cy={y(p.values[j]!)} r={3} fill={COLORS[j % COLORS.length]} />))}
          </g>
        );
      })}
      {pts.map((p, i) => (
        <text key={p.label} x={x(i)} y={H - 8} textAnchor="middle" className={styles.axis}>{p.label.replace('年', '')}</text>
      ))}
    </svg>
  );
}

export function ChartView({ chart, rule }: { chart: OpenChart; rule: SuppressionRule }) {
  if (!chart.chart) return null;
  const body = chart.chart.kind === 'bars' ? <BarsChart chart={chart} rule={rule} /> : chart.chart.kind === 'columns' ? <ColumnsChart chart={chart} /> : <LinesChart chart={chart} />;
  return (
    <div className={styles.chartBox}>
      <Legend chart={chart} />
      {body}
    </div>
  );
}
