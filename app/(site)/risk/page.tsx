import { Suspense } from 'react';
import type { Metadata } from 'next';
import EmptyState from '../ui/EmptyState';
import SourceNote from '../ui/SourceNote';
import { ChartSkeleton, KpiGridSkeleton, TableSkeleton } from '../ui/Skeleton';
import { selectedDataset } from '@/lib/queries/context';
import { parseRiskFilters } from '@/lib/queries/risk/filters';
import { poolCodes } from '@/lib/regions/pools';
import { selectableCounties } from '@/lib/regions/selectCity';
import EvaluationStatus from './_widgets/EvaluationStatus';
import HandlingHistory from './_widgets/HandlingHistory';
import Projection from './_widgets/Projection';
import Sustainability from './_widgets/Sustainability';
import ReevaluateForm from './_widgets/ReevaluateLazy';
import RiskFilterBar from './_widgets/RiskFilterBar';
import RuleDefinitions from './_widgets/RuleDefinitions';
import Summary from './_widgets/Summary';
import WarningList from './_widgets/WarningList';
import CityRiskComparison from './_widgets/CityRiskComparison';
import { requireViewer } from '@/lib/auth/viewer';
import s from './risk.module.css';

export const metadata: Metadata = { title: '风险预警' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * 风险预警 (市级统筹意见（征求意见稿）四(二): 基金运行风险预警机制和处置预案): open warnings by severity, region and rule;
 * each warning with its trend, the figures behind it and its handling; the balance projection with a
 * what-if; the rule definitions and their thresholds; the handling history. Warnings are stored by the
 * evaluation (lib/risk/evaluate.ts, after every import and on demand); this page only reads them.
 * A warehouse of several cities: `city=` selects one city's pool (its warnings, fund and history); without
 * one, the cities compared (open warnings, months of reserve), each linking to its own page.
 */
export default async function RiskPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requireViewer();
  const params = await searchParams;
  // The selected city (a county user: its own; another city is the 403 page).
  const sel = await selectedDataset(params, viewer);
  if (!sel || sel.info.years.length === 0) return <EmptyState title="尚未装载数据" reason="请在“管理”中导入数据，或以空库启动以装载演示数据。" />;
  const { info, keep } = sel;
  const scope = viewer.scope;
  if (info.level === 'province') {
    return (
      <>
        <header className="page-header">
          <h1>风险预警</h1>
          <p className="page-lead" data-testid="page-sub">{info.cityName}（全省）· 各地市分别评估</p>
        </header>
        <Suspense fallback={<TableSkeleton rows={info.cities.length} columns={7} />}>
          <CityRiskComparison scope={scope} info={info} />
        </Suspense>
        <SourceNote text={`${info.isDemo ? '演示数据（虚构省份，由平台的演示数据生成器生成）' : '医保信息平台导入数据'}；预警由规则引擎按地市（统筹区）评估后存储；可支付月数口径见指标库`} asOf={info.lastPeriod} />
      </>
    );
  }
  // One city among several: every read narrowed to its own code and its counties' (null: one city, no narrowing).
  const pool = poolCodes(info.cities, keep.city ?? null);
  const f = parseRiskFilters(params, { regionCodes: [info.cityCode, ...info.counties.map((c) => c.code)], city: keep.city });
  const key = `${f.status}-${f.severity}-${f.region}-${f.rule}`;
  // A county user's select: its own county only (the city's row and another county are a 403).
  const regions = scope.kind === 'county'
    ? selectableCounties(info.counties, scope).map((c) => ({ code: c.code, name: c.name }))
    : [{ code: info.cityCode, name: `${info.cityName}（全市）` }, ...info.counties.map((c) => ({ code: c.code, name: c.name }))];
  return (
    <>
      <header className="page-header">
        <div className={s.headerRow}>
          <div>
            <h1>风险预警</h1>
            {pool && <p className="page-lead" data-testid="page-sub">{info.cityName}（全市）</p>}
            <Suspense fallback={<p className={s.sub}>…</p>}>
              <EvaluationStatus scope={scope} pool={pool} />
            </Suspense>
          </div>
          {scope.kind === 'city' && <ReevaluateForm city={pool ? info.cityCode : undefined} />}
        </div>
      </header>
      <RiskFilterBar filters={f} regions={regions} />

      <section aria-labelledby="summary-h" id="summary">
        <h2 id="summary-h" className={s.sectionTitle}>未处理预警</h2>
        <Suspense key={`s-${f.region}-${f.rule}-${f.severity}`} fallback={<KpiGridSkeleton count={4} />}>
          <Summary scope={scope} filters={f} pool={pool} />
        </Suspense>
      </section>

      <section aria-labelledby="list-h" id="list">
        <h2 id="list-h" className={s.sectionTitle}>预警清单</h2>
        <p className={s.sectionLead}>每条预警是一段持续触发的情形：条件持续则始终是同一条预警并随每次评估更新，条件解除后自动关闭并留有说明。处理流程：新发 → 已核实 → 已处置，或标记为误报；每一步须填写说明，记录操作人和时间。</p>
        <Suspense key={`l-${key}-${f.page}`} fallback={<TableSkeleton rows={6} columns={4} />}>
          <WarningList scope={scope} filters={f} pool={pool} />
        </Suspense>
      </section>

      <section aria-labelledby="projection-h" id="projection">
        <h2 id="projection-h" className={s.sectionTitle}>累计结余预测</h2>
        <p className={s.sectionLead}>按当前趋势推算累计结余何时耗尽：低、中、高三种情景来自近24个月收入、支出增速的波动范围，月度分布按近3年季节规律。拖动滑块可假设缴费和支出的年增长率。</p>
        <Suspense key={`p-${f.pscheme}`} fallback={<ChartSkeleton height={320} />}>
          <Projection scope={scope} filters={f} pool={pool} />
        </Suspense>
      </section>

      <section aria-labelledby="sustainability-h" id="sustainability">
        <h2 id="sustainability-h" className={s.sectionTitle}>基金可持续性（随机预测）</h2>
        <p className={s.sectionLead}>上方险种的累计结余按数千条模拟路径给出分位区间：可支付月数低于3个月、6个月的概率，耗尽月份及其区间，短期充足性检验（未来24个月每月可支付月数不低于3个月），以及调整缴费、补助、报销比例和支出增长的效果。当累计结余不足时，按《关于实施基本医疗保险和生育保险市级统筹的意见（征求意见稿）》第三部分第（三）项“以收定支、收支平衡”调整政策。</p>
        <Suspense key={`su-${f.pscheme}`} fallback={<ChartSkeleton height={320} />}>
          <Sustainability scope={scope} filters={f} pool={pool} />
        </Suspense>
      </section>

      <section aria-labelledby="rules-h" id="rules">
        <h2 id="rules-h" className={s.sectionTitle}>预警规则</h2>
        <p className={s.sectionLead}>规则读取指标库中的指标，阈值可由管理员调整：每次调整保存为新版本（记录调整人、时间和说明）并立即重新评估，每条预警记录其所依据的规则版本。</p>
        <Suspense fallback={<TableSkeleton rows={8} columns={3} />}>
          <RuleDefinitions scope={scope} canEdit={viewer.role === 'admin'} />
        </Suspense>
      </section>

      <section aria-labelledby="history-h" id="history">
        <h2 id="history-h" className={s.sectionTitle}>处理记录</h2>
        <Suspense key={`h-${f.region}-${f.hpage ?? 1}`} fallback={<TableSkeleton rows={8} columns={6} />}>
          <HandlingHistory scope={scope} filters={f} pool={pool} />
        </Suspense>
      </section>

      <SourceNote text={`${info.isDemo ? '演示数据（虚构城市，由平台的演示数据生成器生成）' : '医保信息平台导入数据'}；预警由规则引擎按月评估后存储，本页读取已存储的预警`} asOf={info.lastPeriod} />
    </>
  );
}
