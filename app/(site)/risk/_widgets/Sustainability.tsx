import EmptyState from '@/app/(site)/ui/EmptyState';
import ErrorState from '@/app/(site)/ui/ErrorState';
import { SCHEMES, type SchemeCode } from '@/lib/domain/codes';
import { getSustainability } from '@/lib/queries/risk/getSustainability';
import type { RiskFilters } from '@/lib/queries/risk/filters';
import type { Scope } from '@/lib/queries/scope';
import SustainabilityLazy from './SustainabilityLazy';
import s from '../risk.module.css';

/**
 * 基金可持续性 of the scheme chosen on the projection tabs (city-wide fund). The page says here whether there
 * is enough data; the panel and its data load when it comes into view (SustainabilityLazy).
 */
export default async function Sustainability({ scope, filters, pool = null }: { scope: Scope; filters: RiskFilters; pool?: string[] | null }) {
  const scheme: SchemeCode = filters.pscheme;
  let data;
  try {
    data = await getSustainability(scope, scheme, pool);
  } catch (err) {
    console.error('[risk] sustainability', err);
    return <ErrorState message="基金可持续性加载失败，请稍后重试。" />;
  }
  const name = SCHEMES.find((x) => x.code === scheme)!.short;
  if (!data) return <EmptyState reason={`${name}不足36个月的连续收支数据，无法做随机预测`} />;
  return (
    <div className="card">
      <SustainabilityLazy key={scheme} scheme={scheme} city={filters.city} schemeName={`全市${name}`} errorClass={s.msgErr} />
    </div>
  );
}
