import { selectableCounties } from '@/lib/regions/selectCity';
import { Suspense } from 'react';
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import FilterBar from '../../ui/FilterBar';
import { TableSkeleton } from '../../ui/Skeleton';
import EmptyState from '../../ui/EmptyState';
import SourceNote from '../../ui/SourceNote';
import CountyIndex from '../_widgets/CountyIndex';
import { selectedDataset } from '@/lib/queries/context';
import CityComparison from '../../_overview/CityComparison';
import { parseBaseFilters, tableSortParams } from '@/lib/queries/filters';
import { requireViewer } from '@/lib/auth/viewer';
import { SCHEMES } from '@/lib/domain/codes';
import { isProvinceWide } from '@/lib/queries/scope';

export const metadata: Metadata = { title: '县域画像' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function CountiesPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requireViewer();
  const sp = await searchParams;
  const sel = await selectedDataset(sp, viewer);
  const info = sel?.info;
  if (!sel || !info || info.years.length === 0) return <EmptyState title="尚未装载数据" reason="请在“管理”中导入数据，或以空库启动以装载演示数据。" />;
  const f = parseBaseFilters(sp, { years: info.years, regionCodes: info.counties.map((c) => c.code) });
  // Choosing a county in the filter bar opens its profile.
  if (f.region !== 'ALL') redirect(`/counties/${f.region}?year=${f.year}&scheme=${f.scheme}`);
  const scope = viewer.scope;
  const schemeName = f.scheme === 'ALL' ? '全部险种' : SCHEMES.find((s) => s.code === f.scheme)?.name;
  const extra = { ...tableSortParams(sp), ...sel.keep };
  const cityChoice = info.cities.length > 1 && isProvinceWide(scope) ? { cities: info.cities.map((c) => ({ code: c.code, name: c.name })), city: sel.keep.city ?? '' } : {};
  if (info.level === 'province') {
    // The province's units are its cities: each links to its own county list.
    return (
      <>
        <header className="page-header">
          <h1>县域画像</h1>
          <p className="page-sub">{info.cityName}各地市 · {schemeName} · {f.year}年</p>
        </header>
        <FilterBar year={f.year} scheme={f.scheme} region="ALL" years={info.years} regions={[]} extraHidden={extra} {...cityChoice} />
        <Suspense key={`${f.year}-${f.scheme}`} fallback={<TableSkeleton rows={8} columns={9} />}>
          <CityComparison scope={scope} info={info} scheme={f.scheme} year={f.year} path="/counties" tiles={false} />
        </Suspense>
        <SourceNote text={`${info.isDemo ? '演示数据（虚构地区，由平台的演示数据生成器生成）' : '医保信息平台导入数据'}；指标口径见指标登记`} asOf={info.lastPeriod} />
      </>
    );
  }
  return (
    <>
      <header className="page-header">
        <h1>县域画像</h1>
        <p className="page-sub">
          {info.cityName}各县（市、区） · {schemeName} · {f.year}年
        </p>
      </header>
      <FilterBar year={f.year} scheme={f.scheme} region="ALL" years={info.years} regions={selectableCounties(info.counties, scope)} extraHidden={extra} {...cityChoice} />
      <Suspense key={`${f.year}-${f.scheme}`} fallback={<TableSkeleton rows={8} columns={9} />}>
        <CountyIndex scope={scope} info={info} req={{ year: f.year, scheme: f.scheme }} />
      </Suspense>
      <SourceNote text={`${info.isDemo ? '演示数据（虚构城市，由平台的演示数据生成器生成）' : '医保信息平台导入数据'}；指标口径见指标登记`} asOf={info.lastPeriod} />
    </>
  );
}
