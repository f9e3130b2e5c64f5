import { Suspense } from 'react';
import type { Metadata } from 'next';
import FilterBar from '../ui/FilterBar';
import { ChartSkeleton, KpiGridSkeleton, TableSkeleton } from '../ui/Skeleton';
import EmptyState from '../ui/EmptyState';
import SourceNote from '../ui/SourceNote';
import OverviewTiles from '../_overview/OverviewTiles';
import CountyComparison from '../_overview/CountyComparison';
import CityComparison from '../_overview/CityComparison';
import FundTrend from '../_overview/FundTrend';
import OpenWarnings from '../_overview/OpenWarnings';
import { requestContext } from '@/lib/queries/context';
import SustainabilityLine from '../_overview/SustainabilityLine';
import { requireViewer } from '@/lib/auth/viewer';
import { poolCodes } from '@/lib/regions/pools';

export const metadata: Metadata = { title: '总览' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function OverviewPage({ searchParams }: { searchParams: SearchParams }) {
  await requireViewer();
  const ctx = await requestContext(searchParams);
  if (!ctx) return <EmptyState title="尚未装载数据" reason="请在“管理”中导入数据，或以空库启动以装载演示数据。" />;
  const { info, filters: f, scope, key, regionLabel: regionName, schemeLabel: schemeName } = ctx;
  const req = { year: f.year, scheme: f.scheme, region: f.region };
  const source = <SourceNote text={`${info.isDemo ? '演示数据（虚构地区，由平台的演示数据生成器生成）' : '医保信息平台导入数据'}；指标口径见各指标“口径”说明`} asOf={info.lastPeriod} />;
  // With several cities: the selected city's warnings and fund only (its code and its counties').
  const pool = poolCodes(info.cities, ctx.keep.city ?? null);
  const city = pool ? { code: info.cityCode, pool } : undefined;
  if (info.level === 'province') {
    // The province compares its cities; each city's 总览 (with its counties) is one click away.
    return (
      <>
        <header className="page-header">
          <h1>总览</h1>
          <p className="page-sub">{regionName} · {schemeName} · {f.year}年</p>
        </header>
        <FilterBar year={f.year} scheme={f.scheme} region="ALL" years={info.years} regions={[]} extraHidden={{ ...ctx.sorts, ...ctx.keep }} {...ctx.cityChoice} />
        <Suspense key={key} fallback={<TableSkeleton rows={9} columns={9} />}>
          <CityComparison scope={scope} info={info} scheme={f.scheme} year={f.year} />
        </Suspense>
        {source}
      </>
    );
  }
  return (
    <>
      <header className="page-header">
        <h1>总览</h1>
        <p className="page-sub">{regionName} · {schemeName} · {f.year}年</p>
      </header>
      <FilterBar year={f.year} scheme={f.scheme} region={f.region} years={info.years} regions={ctx.regions} extraHidden={{ ...ctx.sorts, ...ctx.keep }} {...ctx.cityChoice} />
      <section aria-labelledby="kpi-h">
        <h2 id="kpi-h" className="section-title">主要指标</h2>
        <Suspense key={key} fallback={<KpiGridSkeleton count={8} />}>
          <OverviewTiles scope={scope} cityCode={info.cityCode} req={req} />
        </Suspense>
      </section>
      <section aria-labelledby="warnings-h">
        <h2 id="warnings-h" className="section-title">风险预警</h2>
        <Suspense key={`w-${info.cityCode}-${f.region}`} fallback={<KpiGridSkeleton count={4} />}>
          <OpenWarnings scope={scope} region={f.region} city={city} />
        </Suspense>
      </section>
      <section aria-labelledby="sustain-h">
        <h2 id="sustain-h" className="section-title">可持续性</h2>
        <Suspense key={`s-${info.cityCode}`} fallback={<p>…</p>}>
          <SustainabilityLine scope={scope} city={city} />
        </Suspense>
      </section>
      <section aria-labelledby="trend-h">
        <h2 id="trend-h" className="section-title">基金运行</h2>
        <Suspense key={key} fallback={<ChartSkeleton />}>
          <FundTrend scope={scope} cityCode={info.cityCode} scheme={f.scheme} region={f.region} year={f.year} poolingPeriod={202001} />
        </Suspense>
      </section>
      <section aria-labelledby="county-h">
        <h2 id="county-h" className="section-title">县域对比</h2>
        <Suspense key={key} fallback={<TableSkeleton rows={9} columns={9} />}>
          <CountyComparison scope={scope} info={info} req={req} />
        </Suspense>
      </section>
      {info.cities.length > 1 ? source : <SourceNote text={`${info.isDemo ? '演示数据（虚构城市，由平台的演示数据生成器生成）' : '医保信息平台导入数据'}；指标口径见各指标“口径”说明`} asOf={info.lastPeriod} />}
    </>
  );
}
