// Vector charts of the monthly report: plain SVG with fixed sizes, so the same markup renders on the page,
// in print and in the PDF (no client JavaScript). Colours are the product's chart palette (app/globals.css).
import { formatAxisTick, formatPeriod, formatValue } from '@/lib/format';
import type { ReportFigures } from '@/lib/reports/types';

const COLORS = { EMPLOYEE: '#1f6fb2', RESIDENT: '#e07b24', MATERNITY: '#2a9d8f', grid: '#e6ebf0', axis: '#6b7785', band: '#1b7f3b', bad: '#c2312b' };
const NAMES = { EMPLOYEE: '职工医保', RESIDENT: '居民医保', MATERNITY: '生育保险' } as const;

/** 可支付月数 by fund over the last 24 months, with the 6-month lower bound of the reasonable band. */
export function ReserveChart({ r, low }: { r: ReportFigures; low: number | null }) {
  const W = 640, H = 240, L = 40, RR = 92, T = 14, B = 30;
  const pts = r.reserveSeries;
  if (pts.length < 2) return <p className="rpt-empty">无数据</p>;
  const schemes = (['EMPLOYEE', 'RESIDENT', 'MATERNITY'] as const).filter((s) => pts.some((p) => p[s] !== null));
  const max = Math.max(low ?? 0, ...pts.flatMap((p) => schemes.map((s) => p[s] ?? 0)));
  const yMax = Math.ceil(max / 6) * 6 || 6;
  const x = (i: number) => L + (i * (W - L - RR)) / (pts.length - 1);
  const y = (v: number) => T + (H - T - B) * (1 - v / yMax);
  const ticks = Array.from({ length: 5 }, (_, i) => (yMax * i) / 4);
  return (
    <svg className="rpt-chart" viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label="统筹基金可支付月数（近24个月）">
      {ticks.map((t) => (
        <g key={t}>
          <line x1={L} x2={W - RR} y1={y(t)} y2={y(t)} stroke={COLORS.grid} />
          <text x={L - 6} y={y(t) + 4} fontSize="11" textAnchor="end" fill={COLORS.axis}>{formatAxisTick(t, 'months')}</text>
        </g>
      ))}
      {low !== null && (
        <g>
          <line x1={L} x2={W - RR} y1={y(low)} y2={y(low)} stroke={COLORS.band} strokeDasharray="5 4" />
          <text x={W - RR + 4} y={y(low) + 4} fontSize="11" fill={COLORS.band}>合理下限 {formatValue(low, 'months')}</text>
        </g>
      )}
      {pts.map((p, i) => (i % 6 === 0 || i === pts.length - 1 ? (
        <text key={p.period} x={x(i)} y={H - 10} fontSize="11" textAnchor="middle" fill={COLORS.axis}>{formatPeriod(p.period, 'short')}</text>
      ) : null))}
      {schemes.map((s) => {
        const d = pts.map((p, i) => (p[s] === null ? null : `${x(i).toFixed(1)},${y(p[s]!).toFixed(1)}`)).filter(Boolean).join(' L');
        const last = pts[pts.length - 1][s];
        return (
          <g key={s}>
            <path d={`M${d}`} fill="none" stroke={COLORS[s]} strokeWidth="2" />
            {last !== null && <text x={W - RR + 4} y={y(last) + 4} fontSize="11" fill={COLORS[s]}>{NAMES[s]} {formatValue(last, 'months')}</text>}
          </g>
        );
      })}
    </svg>
  );
}

/** 基层就诊占比 per county: this year to date against the 12 months before the county's pooling month. */
export function PrimaryShareChart({ r }: { r: ReportFigures }) {
  const rows = r.primaryShare.map((s) => ({ name: r.counties.find((c) => c.code === s.code)?.name ?? s.name, now: r.figures[s.now]?.value ?? null, base: s.baseline ? r.figures[s.baseline]?.value ?? null : null }));
  if (!rows.length) return <p className="rpt-empty">无数据</p>;
  const target = r.figures['target:primary_visit_share']?.value ?? null;
  const rowH = 26, W = 640, L = 150, RR = 60, T = 24;
  const H = T + rows.length * rowH + 10;
  const x = (v: number) => L + (W - L - RR) * v;
  return (
    <svg className="rpt-chart" viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label="基层就诊占比：本年与统筹前12个月">
      <rect x={L} y={4} width="10" height="10" fill={COLORS.EMPLOYEE} /><text x={L + 14} y={13} fontSize="11" fill={COLORS.axis}>本年累计</text>
      <rect x={L + 80} y={4} width="10" height="10" fill="#b9c6d3" /><text x={L + 94} y={13} fontSize="11" fill={COLORS.axis}>统筹前12个月</text>
      {[0, 0.25, 0.5, 0.75, 1].map((t) => (
        <g key={t}>
          <line x1={x(t)} x2={x(t)} y1={T} y2={H - 8} stroke={COLORS.grid} />
          <text x={x(t)} y={H} fontSize="10" textAnchor="middle" fill={COLORS.axis}>{formatAxisTick(t, 'ratio')}</text>
        </g>
      ))}
      {rows.map((row, i) => {
        const y0 = T + i * rowH;
        return (
          <g key={row.name}>
            <text x={L - 6} y={y0 + 15} fontSize="11" textAnchor="end" fill="#1d2733">{row.name}</text>
            {row.base !== null && <rect x={L} y={y0 + 13} width={x(row.base) - L} height="8" fill="#b9c6d3" />}
            {row.now !== null && <rect x={L} y={y0 + 3} width={x(row.now) - L} height="10" fill={COLORS.EMPLOYEE} />}
            <text x={x(Math.max(row.now ?? 0, row.base ?? 0)) + 4} y={y0 + 13} fontSize="10" fill={COLORS.axis}>{formatValue(row.now, 'ratio')}</text>
          </g>
        );
      })}
      {target !== null && <line x1={x(target)} x2={x(target)} y1={T - 4} y2={H - 8} stroke={COLORS.band} strokeDasharray="4 3" />}
      {target !== null && <text x={x(target) + 3} y={T - 6} fontSize="10" fill={COLORS.band}>目标 {formatValue(target, 'ratio')}</text>}
    </svg>
  );
}
