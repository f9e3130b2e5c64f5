import { Suspense } from 'react';
import type { Metadata } from 'next';
import FilterBar from '../ui/FilterBar';
import ChooseCity from '../ui/ChooseCity';
import { ChartSkeleton, KpiGridSkeleton, TableSkeleton } from '../ui/Skeleton';
import EmptyState from '../ui/EmptyState';
import SourceNote from '../ui/SourceNote';
import MonthPicker from './_widgets/MonthPicker';
import BudgetTiles from './_widgets/BudgetTiles';
import ExecutionByCounty from './_widgets/ExecutionByCounty';
import PacingCharts from './_widgets/PacingCharts';
import DeficitAttribution from './_widgets/DeficitAttribution';
import BudgetVersions from './_widgets/BudgetVersions';
import Remittances from './_widgets/Remittances';
import AccumulatedBalance from './_widgets/AccumulatedBalance';
import { pageContext } from '../collection/_widgets/common';
import { requestContext } from '@/lib/queries/context';
import { requireViewer } from '@/lib/auth/viewer';

export const metadata: Metadata = { title: '预算执行' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** 预算执行 (市级统筹意见（征求意见稿）三(三), 五(二)): each county's execution of the plan the city handed it. */
export default async function BudgetPage({ searchParams }: { searchParams: SearchParams }) {
  await requireViewer();
  // The last month with data in the selected year bounds the as-of month (request context).
  const rc = await requestContext(searchParams, { defaultScheme: 'RESIDENT' });
  if (!rc) return <EmptyState title="尚未装载数据" reason="请在“管理”中导入数据，或以空库启动以装载演示数据。" />;
  if (rc.info.level === 'province') return <><header className="page-header"><h1>预算执行</h1></header><FilterBar year={rc.filters.year} scheme={rc.filters.scheme} region="ALL" years={rc.info.years} regions={[]} extraHidden={rc.sorts} {...rc.cityChoice} /><ChooseCity info={rc.info} path="/budget" page="预算执行" query={{ year: String(rc.filters.year), scheme: rc.filters.scheme }} /></>;
  const { info, filters: f, scope, key, regionLabel, schemeLabel: schemeName, month, lastMonth, sorts } = rc;
  const ctx = pageContext(info);
  const req = { year: f.year, scheme: f.scheme, region: f.region, month };
  return (
    <>
      <header className="page-header">
        <h1>预算执行</h1>
        <p className="page-lead" data-testid="page-sub">{regionLabel} · {schemeName} · {f.year}年1—{month ?? lastMonth}月</p>
      </header>
      <FilterBar year={f.year} scheme={f.scheme} region={f.region} years={info.years} regions={rc.regions}
        extraHidden={{ ...sorts, ...rc.keep, ...(month ? { month: String(month) } : {}) }} {...rc.cityChoice} />
      <MonthPicker month={month ?? lastMonth} lastMonth={lastMonth}
        hidden={{ year: String(f.year), scheme: f.scheme, ...(f.region === 'ALL' ? {} : { region: f.region }), ...sorts, ...rc.keep }} />

      <section className="section" aria-labelledby="kpi-h">
        <h2 id="kpi-h">主要指标</h2>
        <Suspense key={key} fallback={<KpiGridSkeleton count={8} />}>
          <BudgetTiles scope={scope} cityCode={ctx.cityCode} req={req} />
        </Suspense>
      </section>

      <section className="section" aria-labelledby="exec-h">
        <h2 id="exec-h">收支预算执行（计划、实际、执行率与序时进度）</h2>
        <Suspense key={key} fallback={<TableSkeleton rows={9} columns={8} />}>
          <ExecutionByCounty scope={scope} ctx={ctx} req={req} />
        </Suspense>
      </section>

      <section className="section" aria-labelledby="pace-h">
        <h2 id="pace-h">执行进度曲线</h2>
        <Suspense key={key} fallback={<ChartSkeleton />}>
          <PacingCharts scope={scope} cityCode={ctx.cityCode} req={req} regionLabel={regionLabel} />
        </Suspense>
      </section>

      <section className="section" aria-labelledby="deficit-h">
        <h2 id="deficit-h">赤字归因（市级结余弥补与县级补足）</h2>
        <Suspense key={key} fallback={<TableSkeleton rows={9} columns={8} />}>
          <DeficitAttribution scope={scope} ctx={ctx} req={req} />
        </Suspense>
      </section>

      <section className="section" aria-labelledby="versions-h">
        <h2 id="versions-h">预算版本与调整</h2>
        <Suspense key={key} fallback={<TableSkeleton rows={6} columns={8} />}>
          <BudgetVersions scope={scope} ctx={ctx} req={req} />
        </Suspense>
      </section>

      <section className="section" aria-labelledby="remit-h">
        <h2 id="remit-h">统收统支：上解与下拨</h2>
        <Suspense key={key} fallback={<ChartSkeleton />}>
          <Remittances scope={scope} ctx={ctx} req={req} />
        </Suspense>
      </section>

      <section className="section" aria-labelledby="balance-h">
        <h2 id="balance-h">累计结余</h2>
        <Suspense key={key} fallback={<ChartSkeleton />}>
          <AccumulatedBalance scope={scope} ctx={ctx} req={req} />
        </Suspense>
      </section>

      <SourceNote text={`${info.isDemo ? '演示数据（虚构城市，由平台的演示数据生成器生成）' : '医保信息平台与基金财务专户导入数据'}；统筹基金账户（职工医保个人账户不列入预算执行）；指标口径见各指标“口径”说明`} asOf={info.lastPeriod} />
    </>
  );
}
