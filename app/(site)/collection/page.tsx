import { Suspense } from 'react';
import type { Metadata } from 'next';
import FilterBar from '../ui/FilterBar';
import ChooseCity from '../ui/ChooseCity';
import { ChartSkeleton, KpiGridSkeleton, TableSkeleton } from '../ui/Skeleton';
import EmptyState from '../ui/EmptyState';
import SourceNote from '../ui/SourceNote';
import CollectionTiles from './_widgets/CollectionTiles';
import CoverageByCounty from './_widgets/CoverageByCounty';
import CollectionProgressChart from './_widgets/CollectionProgressChart';
import SourceComposition from './_widgets/SourceComposition';
import SubsidisedEnrolment from './_widgets/SubsidisedEnrolment';
import DuplicateEnrolment from './_widgets/DuplicateEnrolment';
import ContributionStandards from './_widgets/ContributionStandards';
import EnrolmentTrend from './_widgets/EnrolmentTrend';
import { pageContext } from './_widgets/common';
import { requestContext } from '@/lib/queries/context';
import { requireViewer } from '@/lib/auth/viewer';

export const metadata: Metadata = { title: '参保征缴' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** 参保征缴 (市级统筹意见（征求意见稿）四(一), 五(二)): coverage and collection per county against targets, by source and level. */
export default async function CollectionPage({ searchParams }: { searchParams: SearchParams }) {
  await requireViewer();
  const rc = await requestContext(searchParams, { defaultScheme: 'RESIDENT' });
  if (!rc) return <EmptyState title="尚未装载数据" reason="请在“管理”中导入数据，或以空库启动以装载演示数据。" />;
  if (rc.info.level === 'province') return <><header className="page-header"><h1>参保征缴</h1></header><FilterBar year={rc.filters.year} scheme={rc.filters.scheme} region="ALL" years={rc.info.years} regions={[]} extraHidden={rc.sorts} {...rc.cityChoice} /><ChooseCity info={rc.info} path="/collection" page="参保征缴" query={{ year: String(rc.filters.year), scheme: rc.filters.scheme }} /></>;
  const { info, filters: f, scope, key, regionLabel, schemeLabel: schemeName } = rc;
  const ctx = pageContext(info);
  const req = { year: f.year, scheme: f.scheme, region: f.region };
  return (
    <>
      <header className="page-header">
        <h1>参保征缴</h1>
        <p className="page-lead" data-testid="page-sub">{regionLabel} · {schemeName} · {f.year}年</p>
      </header>
      <FilterBar year={f.year} scheme={f.scheme} region={f.region} years={info.years} regions={rc.regions} extraHidden={{ ...rc.sorts, ...rc.keep }} {...rc.cityChoice} />

      <section className="section" aria-labelledby="kpi-h">
        <h2 id="kpi-h">主要指标</h2>
        <Suspense key={key} fallback={<KpiGridSkeleton count={8} />}>
          <CollectionTiles scope={scope} cityCode={ctx.cityCode} req={req} />
        </Suspense>
      </section>

      <section className="section" aria-labelledby="county-h">
        <h2 id="county-h">各县（市、区）参保率与征缴率</h2>
        <Suspense key={key} fallback={<TableSkeleton rows={9} columns={8} />}>
          <CoverageByCounty scope={scope} ctx={ctx} req={req} />
        </Suspense>
      </section>

      <section className="section" aria-labelledby="progress-h">
        <h2 id="progress-h">月度征缴进度</h2>
        <div className="card">
          <Suspense key={key} fallback={<ChartSkeleton />}>
            <CollectionProgressChart scope={scope} cityCode={info.cityCode} req={req} regionLabel={regionLabel} />
          </Suspense>
        </div>
      </section>

      <section className="section" aria-labelledby="source-h">
        <h2 id="source-h">征缴来源构成与财政补助到位</h2>
        <Suspense key={key} fallback={<TableSkeleton rows={6} columns={6} />}>
          <SourceComposition scope={scope} ctx={ctx} req={req} />
        </Suspense>
      </section>

      <section className="section" aria-labelledby="trend-h">
        <h2 id="trend-h">参保人数变化与个人缴费</h2>
        <Suspense key={key} fallback={<ChartSkeleton />}>
          <EnrolmentTrend scope={scope} ctx={ctx} year={f.year} scheme={f.scheme} region={f.region} />
        </Suspense>
      </section>

      <section className="section" aria-labelledby="standard-h">
        <h2 id="standard-h">居民医保缴费标准</h2>
        <Suspense key={key} fallback={<ChartSkeleton />}>
          <ContributionStandards scope={scope} ctx={ctx} year={f.year} region={f.region} />
        </Suspense>
      </section>

      <section className="section" aria-labelledby="subsidised-h">
        <h2 id="subsidised-h">困难群众资助参保</h2>
        <Suspense key={key} fallback={<TableSkeleton rows={9} columns={8} />}>
          <SubsidisedEnrolment scope={scope} ctx={ctx} req={req} />
        </Suspense>
      </section>

      <section className="section" aria-labelledby="dup-h">
        <h2 id="dup-h">重复参保</h2>
        <Suspense key={key} fallback={<ChartSkeleton />}>
          <DuplicateEnrolment scope={scope} ctx={ctx} req={req} />
        </Suspense>
      </section>

      <SourceNote text={`${info.isDemo ? '演示数据（虚构城市，由平台的演示数据生成器生成）' : '医保信息平台导入数据'}；参保为月末时点数，征缴为年初至统计月累计；指标口径见各指标“口径”说明`} asOf={info.lastPeriod} />
    </>
  );
}
