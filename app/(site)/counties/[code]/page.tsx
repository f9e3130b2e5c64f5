import { selectableCounties } from '@/lib/regions/selectCity';
import { Suspense } from 'react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import FilterBar from '../../ui/FilterBar';
import { KpiGridSkeleton, TableSkeleton } from '../../ui/Skeleton';
import EmptyState from '../../ui/EmptyState';
import SourceNote from '../../ui/SourceNote';
import CountyProfileView from '../_widgets/CountyProfileView';
import CountyPoolingEffect from '../_widgets/CountyPoolingEffect';
import { datasetOfCounty } from '@/lib/queries/context';
import { parseBaseFilters, tableSortParams } from '@/lib/queries/filters';
import { requireRegionAccess, requireViewer } from '@/lib/auth/viewer';
import { cachedPoolingMonths } from '@/lib/queries/tieredCare/inputs';
import { PEER_GROUP_LABELS, peerGroupOf } from '@/lib/queries/counties/profile';
import { REGION_KINDS, SCHEMES, type RegionKind } from '@/lib/domain/codes';
import { formatPeriod } from '@/lib/format';
import styles from '../counties.module.css';

type Params = Promise<{ code: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { code } = await params;
  const info = (await datasetOfCounty(code))?.info;
  const c = info?.counties.find((x) => x.code === code);
  return { title: c ? `${c.name} · 县域画像` : '县域画像' };
}

export default async function CountyPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const viewer = await requireViewer();
  const { code } = await params;
  const sel = await datasetOfCounty(code);
  const info = sel?.info;
  if (!sel || !info || info.years.length === 0) return <EmptyState title="尚未装载数据" reason="请在“管理”中导入数据，或以空库启动以装载演示数据。" />;
  const county = info.counties.find((c) => c.code === code);
  if (!county) notFound();
  // A county user asking for another county by URL gets the 403 page, not its numbers.
  await requireRegionAccess(viewer, code);
  const sp = await searchParams;
  const f = parseBaseFilters(sp, { years: info.years, regionCodes: info.counties.map((c) => c.code) });
  // The region select of the filter bar submits ?region=…: move to that county's page (全市 → the index).
  const asked = typeof sp.region === 'string' ? sp.region : undefined;
  const cityQ = sel.keep.city ? `&city=${sel.keep.city}` : '';
  if (asked && asked !== code) redirect(asked === 'ALL' || f.region === 'ALL' ? `/counties?year=${f.year}&scheme=${f.scheme}${cityQ}` : `/counties/${f.region}?year=${f.year}&scheme=${f.scheme}`);
  const scope = viewer.scope;
  const req = { year: f.year, scheme: f.scheme };
  const key = `${code}-${f.year}-${f.scheme}`;
  const schemeName = f.scheme === 'ALL' ? '全部险种' : SCHEMES.find((s) => s.code === f.scheme)?.name;
  const [resident, all] = await Promise.all([cachedPoolingMonths('RESIDENT', info.cityCode), cachedPoolingMonths('EMPLOYEE', info.cityCode)]);
  const group = peerGroupOf(county.kind);
  const peers = info.counties.filter((c) => peerGroupOf(c.kind) === group && c.code !== code);
  // The city stays in the form: 全市 in the region select means this county's city.
  const extra = { ...tableSortParams(sp), ...sel.keep };
  return (
    <>
      <p style={{ margin: '0 0 8px' }}>
        <Link href={`/counties?year=${f.year}&scheme=${f.scheme}${cityQ}`}>← 县域画像{sel.keep.city ? `（${info.cityName}）` : ''}</Link>
      </p>
      <header className="page-header">
        <h1>{county.name} · 县域画像</h1>
        <p className="page-sub">
          {REGION_KINDS[county.kind as RegionKind] ?? county.kind} · 同类：{PEER_GROUP_LABELS[group]}（{peers.map((p) => p.shortName).join('、') || '无'}） · 居民医保市级统筹{' '}
          {resident.get(code) ? formatPeriod(resident.get(code)!) : '—'}
          {all.get(code) && all.get(code) !== resident.get(code) ? `，职工医保 ${formatPeriod(all.get(code)!)}` : ''} · {schemeName} · {f.year}年
        </p>
      </header>
      <FilterBar year={f.year} scheme={f.scheme} region={code} years={info.years} regions={selectableCounties(info.counties, scope)} extraHidden={extra} />

      <section className={styles.section} aria-labelledby="pool-h">
        <h2 id="pool-h" className="section-title">
          市级统筹对分级诊疗的影响
        </h2>
        <Suspense key={`${key}-pool`} fallback={<KpiGridSkeleton count={2} />}>
          <CountyPoolingEffect scope={scope} info={info} code={code} scheme={f.scheme} year={f.year} />
        </Suspense>
      </section>

      <section className={styles.section} aria-labelledby="profile-h">
        <h2 id="profile-h" className="section-title">
          与全市及同类县比较
        </h2>
        <p className={styles.intro}>
          每项指标：本县值（绿色优于全市、红色差于全市）、上年同期、全市、同类县中位数、在{info.counties.length}个县（市、区）中的排名（1为最好）；右侧条形图以全市为中线，向右为较好。
        </p>
        <Suspense key={key} fallback={<TableSkeleton rows={12} columns={7} />}>
          <CountyProfileView scope={scope} info={info} code={code} req={req} />
        </Suspense>
      </section>
      <SourceNote text={`${info.isDemo ? '演示数据（虚构城市，由平台的演示数据生成器生成）' : '医保信息平台导入数据'}；指标口径见指标登记`} asOf={info.lastPeriod} />
    </>
  );
}
