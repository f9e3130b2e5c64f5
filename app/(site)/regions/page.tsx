import type { Metadata } from 'next';
import Link from 'next/link';
import ErrorState from '../ui/ErrorState';
import EmptyState from '../ui/EmptyState';
import { requireViewer } from '@/lib/auth/viewer';
import { REGION_KINDS, type RegionKind } from '@/lib/domain/codes';
import { isCountyLevel } from '@/lib/domain/regionLevels';
import { getRegionTree, type RegionNode } from '@/lib/queries/regions/getRegionTree';

export const metadata: Metadata = { title: '地区层级' };

const yearsLabel = (ys: number[]) => (ys.length === 0 ? '' : ys.length === 1 ? `${ys[0]}年` : `${ys[0]}—${ys[ys.length - 1]}年`);

/** 地区层级: every registered region (国家 › 省 › 设区市 › 县级), and which hold 年度数据. */
export default async function RegionsPage() {
  const viewer = await requireViewer({ roles: ['city'] });
  let nodes: RegionNode[];
  try {
    nodes = await getRegionTree(viewer.scope);
  } catch (e) {
    console.error('[regions] tree', e);
    return <ErrorState message="地区层级加载失败，请稍后重试。" />;
  }
  return (
    <>
      <header className="page-header">
        <h1>地区层级</h1>
        <p className="page-lead">已登记的国家、省、设区市和县（市、区）。国家和省只有年度数据（如统计公报），本市及各县另有月度数据。</p>
      </header>
      {nodes.length === 0 ? <EmptyState title="尚未登记地区" /> : (
        <ul className="section" data-testid="region-tree" style={{ listStyle: 'none', paddingLeft: 0 }}>
          {nodes.map((n) => (
            <li key={n.code} style={{ paddingLeft: `${n.depth * 1.5}em`, margin: '4px 0' }}>
              <Link href={isCountyLevel(n.kind) || n.kind === 'ZONE' ? `/counties/${n.code}` : `/regions/${n.code}`}>{n.name}</Link>
              {'（'}{REGION_KINDS[n.kind as RegionKind] ?? n.kind}，{n.code}{'）'}
              {n.annualYears.length > 0 && <span className="badge">年度数据 {yearsLabel(n.annualYears)}</span>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
