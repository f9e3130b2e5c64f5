import TimeSeriesChart from '../ui/charts/TimeSeriesChart';
import ErrorState from '../ui/ErrorState';
import { indicators } from '@/lib/indicators/registry';
import { getFundTrend } from '@/lib/queries/overview/getFundTrend';
import type { SchemeFilter } from '@/lib/domain/codes';
import type { Scope } from '@/lib/queries/scope';

/** Months of reserve over every month, with the 6- and 3-month bands; and the selected year's monthly flows. */
export default async function FundTrend({ scope, cityCode, scheme, region, year, poolingPeriod }: {
  scope: Scope; cityCode: string; scheme: SchemeFilter; region: string | 'ALL'; year: number; poolingPeriod: number | null;
}) {
  let points;
  try {
    points = await getFundTrend(scope, cityCode, scheme, region);
  } catch (err) {
    console.error('[overview] trend', err);
    return <ErrorState message="基金收支趋势加载失败，请稍后重试。" />;
  }
  const mor = indicators.months_of_reserve;
  const reserve = points.filter((p) => p.monthsOfReserve !== null).map((p) => ({ period: p.period, months: p.monthsOfReserve }));
  const yearRows = points.filter((p) => Math.floor(p.period / 100) === year)
    .map((p) => ({ period: p.period, income: p.income, expense: p.expense, current: p.currentBalance }));
  const markers = poolingPeriod && reserve.some((r) => r.period === poolingPeriod) ? [{ x: poolingPeriod, label: '市级统筹' }] : [];
  return (
    <div className="grid-2">
      <div className="card">
        <TimeSeriesChart
          id="reserve"
          title={`${mor.name}（月）`}
          data={reserve}
          xKey="period"
          series={[{ key: 'months', label: mor.name }]}
          unit="months"
          markers={markers}
          targetLine={{ y: 6, label: '不足线' }}
          exportName="累计结余可支付月数"
        />
      </div>
      <div className="card">
        <TimeSeriesChart
          id="flows"
          title={`${year}年各月基金收入、支出与当期结余`}
          data={yearRows}
          xKey="period"
          kind="bar"
          series={[
            { key: 'income', label: '基金收入' },
            { key: 'expense', label: '基金支出' },
            { key: 'current', label: indicators.current_balance.name },
          ]}
          unit="yuan"
          exportName={`${year}年各月基金收支`}
        />
      </div>
    </div>
  );
}
