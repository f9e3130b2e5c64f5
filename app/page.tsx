import { Suspense } from 'react';
import type { Metadata } from 'next';
import FilterBar from './ui/FilterBar';
import { ChartSkeleton, KpiGridSkeleton, TableSkeleton } from './ui/Skeleton';
import EmptyState from './ui/EmptyState';
import SourceNote from './ui/SourceNote';
import OverviewTiles from './_overview/OverviewTiles';
import CountyComparison from './_overview/CountyComparison';
import FundTrend from './_overview/FundTrend';
import OpenWarnings from './_overview/OpenWarnings';
import SustainabilityLine from './_overview/SustainabilityLine';
import { getDatasetInfo } from '@/lib/queries/meta/getDatasetInfo';
import { parseBaseFilters, tableSortParams } from '@/lib/queries/filters';
import { requireViewer } from '@/lib/auth/viewer';
import { SCHEMES } from '@/lib/domain/codes';

export const metadata: Metadata = { title: '总览' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function OverviewPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requireViewer();
  const info = await getDatasetInfo();
  if (!info || info.years.length === 0) return <EmptyState title="尚未装载数据" reason="请在“管理”中导入数据，或以空库启动以装载演示数据。" />;
  const params = await searchParams;
  const f = parseBaseFilters(params, { years: info.years, regionCodes: info.counties.map((c) => c.code) });
  const scope = viewer.scope;
  const req = { year: f.year, scheme: f.scheme, region: f.region };
  const key = `${f.year}-${f.scheme}-${f.region}`;
  const regionName = f.region === 'ALL' ? `${info.cityName}（全市）` : info.counties.find((c) => c.code === f.region)?.name;
  const schemeName = f.scheme === 'ALL' ? '全部险种' : SCHEMES.find((s) => s.code === f.scheme)?.name;
  return (
    <>
      <header className="page-header">
        <h1>总览</h1>
        <p className="page-sub">{regionName} · {schemeName} · {f.year}年</p>
      </header>
      <FilterBar year={f.year} scheme={f.scheme} region={f.region} years={info.years} regions={info.counties} extraHidden={tableSortParams(params)} />
      <section aria-labelledby="kpi-h">
        <h2 id="kpi-h" className="section-title">主要指标</h2>
        <Suspense key={key} fallback={<KpiGridSkeleton count={8} />}>
          <OverviewTiles scope={scope} cityCode={info.cityCode} req={req} />
        </Suspense>
      </section>
      <section aria-labelledby="warnings-h">
        <h2 id="warnings-h" className="section-title">风险预警</h2>
        <Suspense key={`w-${f.region}`} fallback={<KpiGridSkeleton count={4} />}>
          <OpenWarnings scope={scope} region={f.region} />
        </Suspense>
      </section>
      <section aria-labelledby="sustain-h">
        <h2 id="sustain-h" className="section-title">可持续性</h2>
        <Suspense fallback={<p>…</p>}>
          <SustainabilityLine scope={scope} />
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
      <SourceNote text={`${info.isDemo ? '演示数据（虚构城市，生成器 lib/demo）' : '医保信息平台导入数据'}；指标口径见各指标“口径”说明`} asOf={info.lastPeriod} />
    </>
  );
}
