import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import ErrorState from '../../ui/ErrorState';
import AnnualFund from '../_widgets/AnnualFund';
import { requireViewer } from '@/lib/auth/viewer';
import { REGION_KINDS, type RegionKind } from '@/lib/domain/codes';
import { isCountyLevel } from '@/lib/domain/regionLevels';
import { getRegionAnnual, type RegionAnnualView, type RegionRef } from '@/lib/queries/regions/getRegionAnnual';
import { ScopeError } from '@/lib/queries/scope';
import { getDatasetInfo } from '@/lib/queries/meta/getDatasetInfo';
import { cityOverviewHref } from '@/lib/regions/selectCity';

type Params = Promise<{ code: string }>;

export const metadata: Metadata = { title: '地区 · 年度数据' };

const kindName = (kind: string) => REGION_KINDS[kind as RegionKind] ?? kind;

/** Where a region's own page is: county-level units have their 县域画像, the city its 总览, others this page. */
function hrefOf(r: RegionRef): string {
  if (isCountyLevel(r.kind) || r.kind === 'ZONE') return `/counties/${r.code}`;
  return `/regions/${r.code}`;
}

/** One region of any level (国家/省/设区市/县级): its place in the hierarchy and its 年度数据. */
export default async function RegionPage({ params }: { params: Params }) {
  const viewer = await requireViewer({ roles: ['city'] });
  const code = decodeURIComponent((await params).code);
  let view: RegionAnnualView | null;
  try {
    view = await getRegionAnnual(viewer.scope, code);
  } catch (e) {
    // Another city's region for a city user bound to a city: the 403 page with its status (no loading state here).
    if (e instanceof ScopeError) forbidden();
    console.error('[regions] page', e);
    return <ErrorState message="地区数据加载失败，请稍后重试。" />;
  }
  if (!view) notFound();
  const { region, ancestors, children } = view;
  // With several cities the plain 总览 is the province level: the link names this city.
  const cities = region.kind === 'CITY' ? (await getDatasetInfo())?.cities ?? [] : [];
  return (
    <>
      <nav aria-label="地区层级" style={{ margin: '0 0 8px' }}>
        <Link href="/regions">地区层级</Link>
        {ancestors.map((a) => <span key={a.code}> › <Link href={hrefOf(a)}>{a.name}</Link></span>)}
        <span> › {region.name}</span>
      </nav>
      <header className="page-header">
        <h1>{region.name}</h1>
        <p className="page-sub" data-testid="region-sub">
          {kindName(region.kind)} · 区划代码 {region.code}{region.isLocalCode ? '（本地代码）' : ''}
          {ancestors.length ? ` · 上级：${ancestors[ancestors.length - 1].name}` : ''}
          {region.kind === 'CITY' ? <> · <Link href={cityOverviewHref(cities, region.code)}>本市月度数据见总览</Link></> : null}
        </p>
      </header>

      <section className="section" aria-labelledby="annual-h">
        <h2 id="annual-h">年度数据：基金收支与结余</h2>
        <p className="page-lead" data-testid="annual-note">
          年度数据：以下数字只有全年数，没有月度数据（如统计公报、年度决算），不拆分到各月，也不参与序时进度、近12个月等月度指标；可支付月数按全年支出 ÷ 12 计算。缺少的数字显示为“—”（无数据），不按0计。
        </p>
        <AnnualFund regionName={region.name} lines={view.lines} batchIds={view.batchIds} />
      </section>

      <section className="section" aria-labelledby="children-h">
        <h2 id="children-h">下级区划</h2>
        {children.length === 0 ? (
          <p>尚未登记下级区划。</p>
        ) : (
          <ul data-testid="region-children">
            {children.map((c) => <li key={c.code}><Link href={hrefOf(c)}>{c.name}</Link>（{kindName(c.kind)}，{c.code}）</li>)}
          </ul>
        )}
      </section>
    </>
  );
}
