import DataTable, { type DataTableColumn } from '@/app/(site)/ui/DataTable';
import ErrorState from '@/app/(site)/ui/ErrorState';
import { indicators } from '@/lib/indicators/registry';
import { getProvinceOverview, type ProvinceOverviewData } from '@/lib/queries/overview/getOverview';
import { getWarningsByCity, type CityWarningCounts } from '@/lib/queries/risk/getWarningSummary';
import type { DatasetInfo } from '@/lib/queries/meta/getDatasetInfo';
import type { Scope } from '@/lib/queries/scope';
import { SEVERITIES } from '@/lib/risk/types';

const FUNDS = [{ code: 'EMPLOYEE', name: '职工医保' }, { code: 'RESIDENT', name: '居民医保' }] as const;

/**
 * 风险预警 at province level: each city's open warnings by severity (its own and its counties', as stored by
 * the per-pool evaluation) and its 累计结余可支付月数 per fund (the 总览 comparison's figures, from the indicator
 * registry), each city linking to its own 风险预警 (`?city=`). Cities are not summed: each is its own pool.
 */
export default async function CityRiskComparison({ scope, info }: { scope: Scope; info: DatasetInfo }) {
  const cities = info.cities.map((c) => ({ code: c.code, counties: c.counties }));
  let data: [CityWarningCounts[], ProvinceOverviewData[]];
  try {
    data = await Promise.all([
      getWarningsByCity(scope, cities),
      // each city at its own latest month with data (not the warehouse's latest year or month)
      Promise.all(FUNDS.map((f) => getProvinceOverview(scope, cities, f.code, 'latest'))),
    ]);
  } catch (err) {
    console.error('[risk] cities', err);
    return <ErrorState message="各地市风险预警加载失败，请稍后重试。" />;
  }
  const [warnings, funds] = data;
  // A city's month is that of its ledger rows, whatever the fund: the same in both funds' reads.
  const monthOf = (code: string) => funds[0].cities.find((x) => x.code === code)?.asOf ?? null;
  const rows = info.cities.map((c) => {
    const w = warnings.find((x) => x.code === c.code)!.counts;
    return {
      city: c.name,
      href: `/risk?city=${c.code}`,
      asOf: monthOf(c.code),
      ...Object.fromEntries(SEVERITIES.map((s) => [s.code, w[s.code]])),
      total: w.total,
      ...Object.fromEntries(FUNDS.map((f, i) => [`mor_${f.code}`, funds[i].cities.find((x) => x.code === c.code)?.values.months_of_reserve ?? null])),
    };
  });
  const columns: DataTableColumn[] = [
    { key: 'city', header: '地市', linkKey: 'href' },
    ...SEVERITIES.map((s) => ({ key: s.code, header: `${s.name}（未处理）`, unit: 'count' as const })),
    { key: 'total', header: '未处理合计', unit: 'count' },
    ...FUNDS.map((f) => ({ key: `mor_${f.code}`, header: `${f.name}${indicators.months_of_reserve.name}`, unit: indicators.months_of_reserve.unit })),
    { key: 'asOf', header: '数据截至', unit: 'period' },
  ];
  return (
    <section className="section" aria-labelledby="risk-cities-h" data-testid="risk-cities">
      <h2 id="risk-cities-h">各地市风险预警</h2>
      <p className="page-lead">每个设区市是一个统筹区，预警按地市分别评估，各地市不合并计算。点击地市名称查看该地市的预警清单、结余预测和基金可持续性。</p>
      <div className="card">
        <DataTable
          id="risk-cities"
          columns={columns}
          rows={rows}
          exportName="各地市风险预警"
          caption={`各地市未处理预警（新发、已核实）与${indicators.months_of_reserve.name}（各地市截至其“数据截至”月末）；无数据的显示为“—”`}
        />
      </div>
    </section>
  );
}
