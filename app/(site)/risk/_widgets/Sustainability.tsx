import EmptyState from '@/app/(site)/ui/EmptyState';
import ErrorState from '@/app/(site)/ui/ErrorState';
import { SCHEMES, type SchemeCode } from '@/lib/domain/codes';
import { getSustainability } from '@/lib/queries/risk/getSustainability';
import type { RiskFilters } from '@/lib/queries/risk/filters';
import type { Scope } from '@/lib/queries/scope';
import type { SustainabilitySummary } from '@/lib/risk/sustainability';
import SustainabilityLazy from './SustainabilityLazy';
import type { ShownSummary } from './SustainabilityPanel';

/** Months of the forecast the panel's chart and table show. */
const SHOWN_MONTHS = 36;

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

/**
 * The server's summary as the panel shows it before the browser's simulation is ready: the months shown,
 * balances to the yuan and months of reserve to 1/1000 (the panel shows 亿元/万元 and one decimal), so the
 * page does not carry five years of 17-digit percentiles it never draws.
 */
function shownSummary(s: SustainabilitySummary): ShownSummary {
  const band = (b: SustainabilitySummary['balance'][number], digits: number) => ({
    period: b.period, p025: round(b.p025, digits), p10: round(b.p10, digits), p50: round(b.p50, digits), p90: round(b.p90, digits), p975: round(b.p975, digits),
  });
  return {
    balance: s.balance.slice(0, SHOWN_MONTHS).map((b) => band(b, 0)),
    monthsOfReserve: s.monthsOfReserve.slice(0, SHOWN_MONTHS).map((b) => band(b, 3)),
    probBelow: s.probBelow, depletion: s.depletion, adequacy: s.adequacy,
  };
}

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
      <SustainabilityLazy
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
        initial={shownSummary(data.summary)}
        months={SHOWN_MONTHS}
      />
    </div>
  );
}
