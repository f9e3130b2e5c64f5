'use client';

import { useEffect, useMemo, useState } from 'react';
import ChartFrame from '@/app/(site)/ui/charts/ChartFrame';
import { lazyPlot } from '@/app/(site)/ui/charts/lazyPlot';
import { CHART_MARKER } from '@/app/(site)/ui/charts/palette';
import DataTable, { type DataTableColumn } from '@/app/(site)/ui/DataTable';
import { formatPercent, formatPeriod, formatValue, pickYuanScale, unitLabel } from '@/lib/format';
import type { Levers, Simulation } from '@/lib/risk/sustainability';
import { NO_LEVERS } from '@/lib/risk/sustainability/noLevers';
import type { ShownSummary, SustainabilityPanelData } from '@/lib/queries/risk/sustainabilityPanel';
import s from '../risk.module.css';

/** The panel's data (lib/queries/risk/sustainabilityPanel, fetched when the panel comes into view) and its title. */
export type SustainabilityPanelProps = SustainabilityPanelData & { schemeName: string };

// Both load after the page is shown (the page ships no chart library and no simulation code): the fan chart
// as a lazy plot inside its ChartFrame (a failed load leaves the table), the simulation on first use.
const Fan = lazyPlot(() => import('./SustainabilityFan'));
type SimModule = typeof import('@/lib/risk/sustainability');

const LEVEL_NAMES = { PRIMARY: '基层医疗机构', COUNTY: '县级医院', CITY: '市级医院' } as const;
const pct = (v: number) => formatPercent(v, 1);
const when = (p: number | null) => (p === null ? '5年内不耗尽' : formatPeriod(p));
const shortWhen = (p: number | null) => (p === null ? '5年后' : formatPeriod(p, 'short'));
const signedMonths = (v: number | null) => (v === null ? '无法比较' : v === 0 ? '不变' : `${v > 0 ? '推后' : '提前'}${Math.abs(v).toFixed(Number.isInteger(v) ? 0 : 1)}个月`);

/**
 * 基金可持续性: fan chart of the balance and of 可支付月数 (percentile bands of the simulated paths), the
 * figures leadership asks for, policy levers and why the projection moved. Runs the same pure, seeded
 * simulation as the server (lib/risk/sustainability) once, then every lever move re-summarises the paths.
 */
export default function SustainabilityPanel(p: SustainabilityPanelProps) {
  const { context: ctx } = p;
  const [lev, setLev] = useState<Levers>(NO_LEVERS);
  const [eps, setEps] = useState<number>(() => round(ctx.elasticity, 3));
  const [ready, setReady] = useState(false);
  const [clientMs, setClientMs] = useState<number | null>(null);
  // The simulation takes about a second: run it after hydration (not during render), so the page's
  // filters and links respond at once; until then the server's figures (same seed) are shown.
  const [sim, setSim] = useState<{ sim: Simulation | null; ms: number; mod: SimModule } | null>(null);
  useEffect(() => {
    let live = true;
    import('@/lib/risk/sustainability').then((mod) => {
      if (!live) return;
      const t0 = performance.now();
      const r = mod.simulateFund({ income: new Map(p.history.income), expense: new Map(p.history.expense), balance: new Map(p.history.balance) }, p.lastPeriod, { paths: p.paths, seed: p.seed });
      setSim({ sim: r, ms: performance.now() - t0, mod });
      setClientMs(performance.now() - t0);
      setReady(true);
    });
    return () => { live = false; };
  }, [p.history, p.lastPeriod, p.paths, p.seed]);
  const effect = useMemo(() => (sim?.sim ? sim.mod.applyLevers(sim.sim, ctx, { ...lev, elasticity: eps }) : null), [sim, ctx, lev, eps]);
  const base = useMemo<ShownSummary>(() => (sim?.sim ? sim.mod.summarize(sim.sim) : p.initial), [sim, p.initial]);
  const sum = useMemo<ShownSummary>(() => (sim?.sim && effect ? sim.mod.summarize(sim.sim, effect.adjustment) : p.initial), [sim, effect, p.initial]);
  const growthExpense = sim?.sim?.growth.expense ?? null;
  const fitMonths = sim?.sim?.fitMonths ?? null;
  const blockLength = sim?.sim?.blockLength ?? null;
  const moved = lev !== NO_LEVERS;

  const shown = p.months;
  const rows = sum.balance.slice(0, shown).map((b, k) => {
    const m = sum.monthsOfReserve[k];
    return {
      period: b.period, p025: b.p025, p10: b.p10, p50: b.p50, p90: b.p90, p975: b.p975,
      m025: m.p025, m10: m.p10, m50: m.p50, m90: m.p90, m975: m.p975,
    };
  });
  const last = p.history.balance[p.history.balance.length - 1];
  const past = p.history.balance.slice(-24).map(([period, v]) => ({ period, actual: v }));
  const chartData = [
    ...past.map((r) => ({ ...r, outer: null, inner: null, p50: r.period === last[0] ? r.actual : null })),
    ...rows.map((r) => ({ period: r.period, actual: null, outer: [r.p025, r.p975], inner: [r.p10, r.p90], p50: r.p50 })),
  ];
  const scale = pickYuanScale(Math.max(...rows.flatMap((r) => [Math.abs(r.p025), Math.abs(r.p975)]), ...past.map((r) => Math.abs(r.actual))));
  const columns: DataTableColumn[] = [
    { key: 'period', header: '期间', unit: 'period' },
    { key: 'p025', header: '累计结余 2.5%', unit: 'yuan' },
    { key: 'p10', header: '累计结余 10%', unit: 'yuan' },
    { key: 'p50', header: '累计结余 中位数', unit: 'yuan' },
    { key: 'p90', header: '累计结余 90%', unit: 'yuan' },
    { key: 'p975', header: '累计结余 97.5%', unit: 'yuan' },
    { key: 'm025', header: '可支付月数 2.5%', unit: 'months' },
    { key: 'm10', header: '可支付月数 10%', unit: 'months' },
    { key: 'm50', header: '可支付月数 中位数', unit: 'months' },
    { key: 'm90', header: '可支付月数 90%', unit: 'months' },
    { key: 'm975', header: '可支付月数 97.5%', unit: 'months' },
  ];
  const ticks = chartData.map((r) => r.period).filter((x) => x % 100 === 1);
  const d = sum.depletion;
  const a = p.attribution;
  const setReimb = (level: 'PRIMARY' | 'COUNTY' | 'CITY', v: number) => setLev((l) => ({ ...l, reimbursement: { ...l.reimbursement, [level]: v } }));

  return (
    <div data-ready={ready ? 'true' : undefined} data-testid="sustainability-panel" data-client-ms={clientMs?.toFixed(0)}>
      <div className={s.outcomes} data-testid="sustainability-figures">
        <div className={s.outcome}>12个月内可支付月数低于3个月的概率<strong data-testid="p3-12">{pct(sum.probBelow.below3.within12)}</strong>24个月内：{pct(sum.probBelow.below3.within24)}</div>
        <div className={s.outcome}>12个月内低于6个月的概率<strong data-testid="p6-12">{pct(sum.probBelow.below6.within12)}</strong>24个月内：{pct(sum.probBelow.below6.within24)}</div>
        <div className={s.outcome}>累计结余耗尽（中位数）<strong data-testid="depletion-median">{when(d.median)}</strong>80%区间 {shortWhen(d.p10)}—{shortWhen(d.p90)}；95%区间 {shortWhen(d.p025)}—{shortWhen(d.p975)}</div>
        <div className={s.outcome}>耗尽后当期收入可支付支出的比例<strong>{d.payableShareAfter === null ? '无数据' : pct(d.payableShareAfter)}</strong>耗尽后12个月，各路径中位数</div>
        <div className={s.outcome} style={{ borderColor: sum.adequacy.pass ? 'var(--good, #2e7d32)' : CHART_MARKER }}>
          充足性检验（未来24个月每月可支付月数≥3）
          <strong data-testid="adequacy">{sum.adequacy.pass ? '通过' : '未通过'}</strong>
          {sum.adequacy.pass ? `最低${formatValue(sum.adequacy.lowest, 'months')}` : `${formatPeriod(sum.adequacy.firstFailing)}起低于3个月`}
        </div>
      </div>

      <ChartFrame
        id="sustainability"
        title={`${p.schemeName}累计结余：随机预测的分位区间（未来${shown}个月）`}
        unitText={`单位：${unitLabel('yuan', scale)}`}
        columns={columns}
        rows={rows}
        exportName={`${p.schemeName}累计结余随机预测`}
        notes={[
          `${p.paths}条模拟路径（随机种子${p.seed}，同一数据同一种子结果可复现）：收入、支出取近${fitMonths ?? 96}个月（至多）对数值的趋势＋月份效应，残差按${blockLength ?? 6}个月分块自助重抽（收支同块，保留相关），每条路径在重抽的历史上重新估计水平、季节分布和增长率（含增长率本身的不确定性）。`,
          '可支付月数按指标库“累计结余可支付月数”公式：累计结余 ÷（近12个月基金支出 ÷ 12）。',
          moved ? '当前显示的是调整政策参数后的结果。' : '当前为不调整政策的结果。',
        ]}
        height={320}
        empty={rows.length === 0}
      >
        <Fan data={chartData} ticks={ticks} scale={scale} depletion={d.median !== null && d.median <= rows[rows.length - 1].period ? d.median : null} />
      </ChartFrame>

      <h3 className={s.sectionTitle} style={{ fontSize: '1rem' }}>政策参数（假设）</h3>
      <p className={s.sectionLead}>
        {effect ? <>自{formatPeriod(effect.effectiveFrom)}起生效（按缴费年度调整）。</> : '模拟中…'}
        {ctx.contribution !== null && <>个人缴费标准现为{formatValue(ctx.contribution, 'yuan')}/人·年，</>}
        {ctx.subsidyStandard !== null && <>财政补助标准{formatValue(ctx.subsidyStandard, 'yuan')}/人·年；</>}
        近12个月基金收入中保险费占{pct(ctx.premiumShare)}、财政补贴占{pct(ctx.subsidyShare)}。
        参保弹性（缴费标准每提高1%参保率变化的百分比）：
        {p.elasticity
          ? <>本市数据估计 <strong data-testid="elasticity">{p.elasticity.estimate.toFixed(3)}</strong>（95%区间 {p.elasticity.ciLow.toFixed(3)} 至 {p.elasticity.ciHigh.toFixed(3)}；{p.elasticity.fromYear}—{p.elasticity.toYear}年{p.elasticity.clusters}个县区{p.elasticity.n}个县年，其中{p.elasticity.roseAndFell}个县年缴费上调而参保率下降）。</>
          : <>无法估计（{p.elasticityError ?? '无缴费标准'}），按0计。</>}
        退出参保者人均支出按平均水平的{pct(ctx.leaverCostRatio)}计（假设：选择性参保者多为健康人群）；报销比例差每扩大1个百分点，基层就诊占比上升{ctx.primaryShift}个百分点（假设）。
      </p>
      <div className={s.whatif} data-testid="levers">
        {ctx.contribution !== null && (
          <label>
            <span>个人缴费标准提高 <strong data-testid="lever-contribution-value">{lev.contributionRise}元/人·年</strong></span>
            <input type="range" disabled={!ready} min={0} max={400} step={10} value={lev.contributionRise} onChange={(e) => setLev((l) => ({ ...l, contributionRise: Number(e.target.value) }))} aria-label="个人缴费标准提高（元/人·年）" />
          </label>
        )}
        {ctx.contribution !== null && (
          <label>
            <span>参保弹性（分析人员可改） <strong>{eps.toFixed(3)}</strong></span>
            <input type="range" disabled={!ready} min={-0.5} max={0} step={0.005} value={eps} onChange={(e) => setEps(Number(e.target.value))} aria-label="参保弹性" />
          </label>
        )}
        {ctx.subsidyStandard !== null && (
          <label>
            <span>财政补助标准提高 <strong>{lev.subsidyRise}元/人·年</strong></span>
            <input type="range" disabled={!ready} min={0} max={400} step={10} value={lev.subsidyRise} onChange={(e) => setLev((l) => ({ ...l, subsidyRise: Number(e.target.value) }))} aria-label="财政补助标准提高（元/人·年）" />
          </label>
        )}
        {ctx.levels.map((l) => (
          <label key={l.level}>
            <span>{LEVEL_NAMES[l.level]}报销比例（现{pct(l.fundPaid / l.policyCost)}）变化 <strong>{(lev.reimbursement[l.level] ?? 0).toFixed(1)}个百分点</strong></span>
            <input type="range" disabled={!ready} min={-15} max={10} step={0.5} value={lev.reimbursement[l.level] ?? 0} onChange={(e) => setReimb(l.level, Number(e.target.value))} aria-label={`${LEVEL_NAMES[l.level]}报销比例变化（个百分点）`} />
          </label>
        ))}
        <label>
          <span>支出年增长率降低 <strong>{(lev.growthCut * 100).toFixed(1)}个百分点</strong>{growthExpense !== null && <>（现{pct(growthExpense)}）</>}</span>
          <input type="range" disabled={!ready} min={0} max={10} step={0.5} value={lev.growthCut * 100} onChange={(e) => setLev((l) => ({ ...l, growthCut: Number(e.target.value) / 100 }))} aria-label="支出年增长率降低（个百分点）" />
        </label>
        <div style={{ alignSelf: 'end' }}>
          <button type="button" className="btn" onClick={() => { setLev(NO_LEVERS); setEps(round(ctx.elasticity, 3)); }}>恢复为不调整</button>
        </div>
      </div>
      <div className={s.outcomes} data-testid="lever-effect">
        <div className={s.outcome}>中位耗尽月份<strong data-testid="lever-depletion">{when(d.median)}</strong>不调整：{when(base.depletion.median)}</div>
        <div className={s.outcome}>12个月内低于3个月的概率<strong data-testid="lever-p3">{pct(sum.probBelow.below3.within12)}</strong>不调整：{pct(base.probBelow.below3.within12)}</div>
        {effect && <div className={s.outcome}>参保人数变化<strong>{formatPercent(effect.enrolmentRatio - 1, 2, true)}</strong>基金收入 ×{effect.incomeFactor.toFixed(3)}，支出 ×{effect.expenseFactor.toFixed(3)}</div>}
        {effect?.primaryShare && <div className={s.outcome}>基层就诊占比<strong>{pct(effect.primaryShare.after)}</strong>现为{pct(effect.primaryShare.before)}</div>}
      </div>

      <h3 className={s.sectionTitle} style={{ fontSize: '1rem' }}>通过充足性检验所需的最小调整（单项）</h3>
      <div data-testid="smallest-levers">
        <DataTable
          id="smallest-levers"
          columns={[
            { key: 'name', header: '政策参数' },
            { key: 'value', header: '最小调整' },
            { key: 'without', header: '不计参保下降时' },
          ]}
          rows={p.smallest.map((x) => ({
            name: x.name,
            value: x.value === null ? '范围内无法通过' : x.value === 0 ? '无需调整' : `${x.value}${x.unit}`,
            without: x.key === 'contributionRise' && p.smallestContributionNoResponse !== null ? `${p.smallestContributionNoResponse}${x.unit}` : '—',
          }))}
          exportName={`${p.schemeName}通过充足性检验所需的最小调整`}
        />
      </div>

      <h3 className={s.sectionTitle} style={{ fontSize: '1rem' }}>与上月预测相比</h3>
      {a ? (
        <p data-testid="attribution">
          上月（数据截至{formatPeriod(a.previousPeriod)}）中情景耗尽月份为{when(a.previous)}，本月（截至{formatPeriod(a.lastPeriod)}）为{when(a.current)}，{signedMonths(a.total)}。
          其中：新的收入数据{signedMonths(a.income)}，新的支出数据{signedMonths(a.expense)}，模型重估与余额核对（利息、上解下拨等未计入收支的变动）{signedMonths(a.other)}。
        </p>
      ) : <p>无上月可比数据。</p>}
      <p className={s.sub}>计算耗时：服务器 {p.serverMs.toFixed(0)} 毫秒（数据导入后首次计算，之后读缓存）；本页浏览器内模拟 {clientMs === null ? '…' : `${clientMs.toFixed(0)} 毫秒`}。</p>
    </div>
  );
}

function round(v: number, digits: number) {
  const f = Math.pow(10, digits);
  return Math.round(v * f) / f;
}
