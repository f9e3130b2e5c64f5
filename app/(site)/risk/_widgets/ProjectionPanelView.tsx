'use client';

import { useMemo, useState, useSyncExternalStore } from 'react';
import { Area, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import ChartFrame from '@/app/(site)/ui/charts/ChartFrame';
import { AXIS_TICK, CHART_GRID, CHART_MARKER } from '@/app/(site)/ui/charts/palette';
import type { DataTableColumn } from '@/app/(site)/ui/DataTable';
import { chooseTicks, chooseYuanScale, formatPercent, formatPeriod, formatTick, formatValue, unitLabel } from '@/lib/format';
import { projectBalance, type Projection, type ProjectionBase } from '@/lib/risk/projection';
import s from '../risk.module.css';

export interface ProjectionPanelProps {
  schemeName: string;
  history: { period: number; balance: number; monthsOfReserve: number | null }[];
  base: ProjectionBase;
  pastExpense: [number, number][];
  growth: { income: { low: number; central: number; high: number }; expense: { low: number; central: number; high: number }; window: { from: number; to: number } };
}

const HORIZON = 120;

function when(p: Projection): string {
  if (p.exhaustedAt === null) return `${HORIZON / 12}年内不会耗尽`;
  return `${formatPeriod(p.exhaustedAt)}（${p.monthsUntilExhausted}个月后）`;
}

/** Hydration flag without an effect: false in the server HTML, true once the browser has rendered. */
const noSubscribe = () => () => {};

/**
 * Balance projection with its low–high band, and the what-if for leadership: move contribution (income)
 * growth and expense growth and see when the accumulated balance would run out. Runs the same pure
 * functions as the server (lib/risk/projection.ts).
 */
export default function ProjectionPanel({ schemeName, history, base, pastExpense, growth }: ProjectionPanelProps) {
  const [inc, setInc] = useState(() => round1(growth.income.central * 100));
  const [exp, setExp] = useState(() => round1(growth.expense.central * 100));
  const past = useMemo(() => new Map(pastExpense), [pastExpense]);
  // The what-if only works once this has hydrated; say so to the browser tests (and to nothing else).
  const ready = useSyncExternalStore(noSubscribe, () => true, () => false);
  const scen = useMemo(() => ({
    low: projectBalance(base, { income: growth.income.low, expense: growth.expense.high }, HORIZON, past),
    central: projectBalance(base, { income: growth.income.central, expense: growth.expense.central }, HORIZON, past),
    high: projectBalance(base, { income: growth.income.high, expense: growth.expense.low }, HORIZON, past),
  }), [base, growth, past]);
  const whatIf = useMemo(() => projectBalance(base, { income: inc / 100, expense: exp / 100 }, HORIZON, past), [base, inc, exp, past]);

  // Show up to a year past the latest scenario exhaustion (at least 2 years, at most 5): a balance far
  // below zero says nothing more and would flatten the part that matters.
  const shownMonths = Math.min(60, Math.max(24, (scen.high.monthsUntilExhausted ?? 60) + 12));
  const rows = useMemo(() => {
    const out: Record<string, number | null | string>[] = history.map((h) => ({ period: h.period, actual: h.balance, low: null, central: null, high: null, whatIf: null }));
    const last = out[out.length - 1];
    if (last) Object.assign(last, { low: base.balance, central: base.balance, high: base.balance, whatIf: base.balance });
    for (let k = 0; k < shownMonths; k++) {
      out.push({
        period: scen.central.points[k].period, actual: null,
        low: scen.low.points[k].balance, central: scen.central.points[k].balance, high: scen.high.points[k].balance, whatIf: whatIf.points[k].balance,
      });
    }
    return out;
  }, [history, base, scen, whatIf, shownMonths]);
  const chartData = rows.map((r) => ({ ...r, band: r.low === null ? null : [r.low, r.high] }));
  const plotted = rows.flatMap((r) => [r.actual, r.low, r.high, r.whatIf]).filter((v): v is number => typeof v === 'number');
  const scale = chooseYuanScale(plotted).scale;
  // One scale and round ticks for the axis, zero included (the exhaustion line): labels equal gridlines.
  const axis = chooseTicks(Math.min(0, ...plotted), Math.max(0, ...plotted), 'yuan', { scale });
  const columns: DataTableColumn[] = [
    { key: 'period', header: '期间', unit: 'period' },
    { key: 'actual', header: '实际累计结余', unit: 'yuan' },
    { key: 'low', header: '悲观情景', unit: 'yuan' },
    { key: 'central', header: '中情景', unit: 'yuan' },
    { key: 'high', header: '乐观情景', unit: 'yuan' },
    { key: 'whatIf', header: '假设情景', unit: 'yuan' },
  ];
  const end = rows[rows.length - 1]?.period as number;
  const markers: { x: number; label: string }[] = [];
  if (scen.central.exhaustedAt !== null && scen.central.exhaustedAt <= end) {
    markers.push({ x: scen.central.exhaustedAt, label: `中情景耗尽 ${formatPeriod(scen.central.exhaustedAt, 'short')}` });
  }
  if (whatIf.exhaustedAt !== null && whatIf.exhaustedAt <= end && whatIf.exhaustedAt !== scen.central.exhaustedAt) {
    markers.push({ x: whatIf.exhaustedAt, label: `假设耗尽 ${formatPeriod(whatIf.exhaustedAt, 'short')}` });
  }
  const ticks = rows.map((r) => r.period as number).filter((p) => p % 100 === 1);

  return (
    <div data-ready={ready ? 'true' : undefined} data-testid="projection-panel">
      <div className={s.outcomes} data-testid="projection-outcomes">
        <div className={s.outcome}>悲观情景<strong data-testid="exhaust-low">{when(scen.low)}</strong>收入增长{formatPercent(growth.income.low)}，支出增长{formatPercent(growth.expense.high)}</div>
        <div className={s.outcome}>中情景（当前趋势）<strong data-testid="exhaust-central">{when(scen.central)}</strong>收入增长{formatPercent(growth.income.central)}，支出增长{formatPercent(growth.expense.central)}</div>
        <div className={s.outcome}>乐观情景<strong data-testid="exhaust-high">{when(scen.high)}</strong>收入增长{formatPercent(growth.income.high)}，支出增长{formatPercent(growth.expense.low)}</div>
        <div className={s.outcome} style={{ borderColor: 'var(--chart-2)' }}>假设情景<strong data-testid="exhaust-whatif">{when(whatIf)}</strong>收入增长{formatPercent(inc / 100)}，支出增长{formatPercent(exp / 100)}</div>
      </div>
      <div className={s.whatif}>
        <label>
          <span>假设：缴费（基金收入）年增长 <strong>{formatPercent(inc / 100)}</strong></span>
          <input type="range" min={-5} max={20} step={0.1} value={inc} onChange={(e) => setInc(Number(e.target.value))} aria-label="缴费（基金收入）年增长率" />
        </label>
        <label>
          <span>假设：基金支出年增长 <strong>{formatPercent(exp / 100)}</strong></span>
          <input type="range" min={-5} max={25} step={0.1} value={exp} onChange={(e) => setExp(Number(e.target.value))} aria-label="基金支出年增长率" />
        </label>
        <div style={{ alignSelf: 'end' }}>
          <button type="button" className="btn" onClick={() => { setInc(round1(growth.income.central * 100)); setExp(round1(growth.expense.central * 100)); }}>恢复为当前趋势</button>
        </div>
      </div>
      <ChartFrame
        id="projection"
        title={`${schemeName}累计结余：实际与预测（未来${shownMonths}个月）`}
        unitText={`单位：${unitLabel('yuan', scale)}`}
        columns={columns}
        rows={rows as Record<string, number | string | null>[]}
        exportName={`${schemeName}累计结余预测`}
        notes={[
          `情景增长率取${formatPeriod(growth.window.from)}至${formatPeriod(growth.window.to)}各月滚动12个月同比增速的中位数、最低与最高值；各月按近3年季节分布分摊。`,
          '耗尽：预测累计结余首次降至0及以下的月份。',
        ]}
        height={320}
        empty={rows.length === 0}
      >
        <ComposedChart responsive style={{ width: '100%', height: 320 }} data={chartData} margin={{ top: 16, right: 16, bottom: 0, left: 4 }}>
          <CartesianGrid stroke={CHART_GRID} vertical={false} />
          <XAxis dataKey="period" type="category" ticks={ticks} tickFormatter={(p: number) => `${Math.floor(p / 100)}年`} tick={AXIS_TICK} tickLine={false} axisLine={{ stroke: CHART_GRID }} minTickGap={12} />
          <YAxis width={56} tick={AXIS_TICK} tickLine={false} axisLine={false} ticks={axis.ticks} domain={axis.domain} interval={0} allowDataOverflow tickFormatter={(v: number) => formatTick(v, 'yuan', axis)} />
          <Tooltip content={(p) => <BandTooltip {...p} />} />
          <Legend wrapperStyle={{ fontSize: 13, paddingTop: 4 }} />
          <Area dataKey="band" name="悲观—乐观区间" stroke="none" fill="var(--chart-1)" fillOpacity={0.15} isAnimationActive={false} connectNulls={false} />
          <Line dataKey="actual" name="实际累计结余" stroke="var(--chart-8)" strokeWidth={2} dot={false} isAnimationActive={false} connectNulls={false} />
          <Line dataKey="central" name="中情景" stroke="var(--chart-1)" strokeWidth={2} dot={false} isAnimationActive={false} connectNulls={false} />
          <Line dataKey="whatIf" name="假设情景" stroke="var(--chart-2)" strokeWidth={2} strokeDasharray="6 4" dot={false} isAnimationActive={false} connectNulls={false} />
          <ReferenceLine y={0} stroke={CHART_MARKER} strokeWidth={1} />
          <ReferenceLine x={base.lastPeriod} stroke="var(--chart-axis)" strokeDasharray="3 3" label={{ value: '预测起点', position: 'insideTopLeft', fontSize: 11, fill: 'var(--chart-axis)' }} />
          {markers.map((m, i) => (
            <ReferenceLine key={`${m.x}-${i}`} x={m.x} stroke={i === 0 ? CHART_MARKER : 'var(--chart-2)'} strokeDasharray="4 3"
              label={{ value: m.label, position: i === 0 ? 'insideTopRight' : 'insideBottomLeft', fontSize: 11, fill: i === 0 ? CHART_MARKER : 'var(--chart-2)' }} />
          ))}
        </ComposedChart>
      </ChartFrame>
    </div>
  );
}

/** Growth in percent to one decimal (the slider's step). */
function round1(v: number) {
  return Math.round(v * 10) / 10;
}

function BandTooltip({ active, payload, label }: Partial<TooltipContentProps>) {
  if (!active || !payload || payload.length === 0) return null;
  return (
    <div className="chart-tooltip">
      <div className="chart-tooltip-title">{formatPeriod(typeof label === 'number' ? label : Number(label))}</div>
      <ul>
        {payload.filter((p) => p.value !== null && p.value !== undefined).map((p) => (
          <li key={String(p.dataKey)}>
            <span className="swatch" style={{ background: p.color ?? p.stroke }} />
            <span>{p.name}</span>
            <span className="val">
              {Array.isArray(p.value) ? `${formatValue(p.value[0], 'yuan')}—${formatValue(p.value[1], 'yuan')}` : formatValue(typeof p.value === 'number' ? p.value : null, 'yuan')}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
