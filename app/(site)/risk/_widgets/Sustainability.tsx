import EmptyState from '@/app/(site)/ui/EmptyState';
import ErrorState from '@/app/(site)/ui/ErrorState';
import { SCHEMES, type SchemeCode } from '@/lib/domain/codes';
import { getSustainability } from '@/lib/queries/risk/getSustainability';
import type { RiskFilters } from '@/lib/queries/risk/filters';
import type { Scope } from '@/lib/queries/scope';
import SustainabilityPanel from './SustainabilityPanel';

/** 基金可持续性 of the scheme chosen on the projection tabs (city-wide fund). */
export default async function Sustainability({ scope, filters }: { scope: Scope; filters: RiskFilters }) {
  const scheme: SchemeCode = filters.pscheme;
  let data;
  try {
    data = await getSustainability(scope, scheme);
  } catch (err) {
    console.error('[risk] sustainability', err);
    return <ErrorState message="基金可持续性加载失败，请稍后重试。" />;
  }
  const name = SCHEMES.find((x) => x.code === scheme)!.short;
  if (!data) return <EmptyState reason={`${name}不足36个月的连续收支数据，无法做随机预测`} />;
  return (
    <div className="card">
      <SustainabilityPanel
        schemeName={`全市${name}`}
        history={data.history}
        lastPeriod={data.lastPeriod}
        context={data.context}
        elasticity={data.elasticity}
        elasticityError={data.elasticityError}
        smallest={data.smallest}
        smallestContributionNoResponse={data.smallestContributionNoResponse}
        attribution={data.attribution}
        serverMs={data.computeMs}
        paths={data.paths}
        seed={data.seed}
        initial={data.summary}
      />
    </div>
  );
}
