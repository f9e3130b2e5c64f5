import IndicatorTile from '../ui/IndicatorTile';
import DataTable, { type DataTableColumn } from '../ui/DataTable';
import BarCompareChart from '../ui/charts/BarCompareChart';
import ErrorState from '../ui/ErrorState';
import EmptyState from '../ui/EmptyState';
import { formatPeriod } from '@/lib/format';
import { indicators } from '@/lib/indicators/registry';
import { indicatorStatus } from '@/lib/indicators/status';
import { getProvinceOverview } from '@/lib/queries/overview/getOverview';
import { CITY_COMPARISON_CODES, OVERVIEW_CODES, statusOf, type OverviewCode } from '@/lib/queries/overview/overviewKpis';
import type { SchemeFilter } from '@/lib/domain/codes';
import type { Scope } from '@/lib/queries/scope';
import type { DatasetInfo } from '@/lib/queries/meta/getDatasetInfo';

const isOverview = (c: string): c is OverviewCode => (OVERVIEW_CODES as readonly string[]).includes(c);

/**
 * 总览 at province level: the province's totals (the sum of its cities' facts, ratios from the sums) as
 * tiles, each city's figures as a chart and a table, each city linking to its own 总览 (`/?city=`).
 */
export default async function CityComparison({ scope, info, scheme, year, path = '/', tiles = true }: {
  scope: Scope; info: DatasetInfo; scheme: SchemeFilter; year: number;
  /** the page each city links to (its 总览 '/', or its county list '/counties') */
  path?: string;
  /** show the province's totals as tiles (总览) */
  tiles?: boolean;
}) {
  let data;
  try {
    data = await getProvinceOverview(scope, info.cities.map((c) => ({ code: c.code, counties: c.counties })), scheme, year);
  } catch (err) {
    console.error('[overview] cities', err);
    return <ErrorState message="各地市对比加载失败，请稍后重试。" />;
  }
  if (!data.asOf) return <EmptyState reason={`${year}年尚无基金收支数据`} />;
  const ytd = `${year}年1—${data.asOf % 100}月`;
  const endOf = `截至${formatPeriod(data.asOf)}末`;
  const pointInTime = (c: string) => c === 'accumulated_balance' || c === 'months_of_reserve' || c === 'coverage_rate';
  const names = new Map(info.cities.map((c) => [c.code, c.name]));
  const nameOf = (code: string) => names.get(code) ?? code;
  // Each city is measured at its own latest month: a city whose data end earlier is shown at its month (named
  // on its row and bar), never as missing at another city's later month nor silently beside it.
  const months = data.cities.map((c) => c.asOf).filter((m): m is number => m !== null);
  const latest = Math.max(...months);
  const sameMonth = months.every((m) => m === latest);
  const earlier = data.cities.filter((c) => c.asOf !== null && c.asOf !== latest);
  const monthNote = sameMonth ? null
    : `各地市数据截至月份不同：${earlier.map((c) => `${nameOf(c.code)}数据截至${formatPeriod(c.asOf)}`).join('，')}，其余地市截至${formatPeriod(latest)}；各地市按各自的最近月份计算，全省合计按各地市均有数据的最近月份（${formatPeriod(data.asOf)}）计算。`;
  const lackingNote = data.lacking.length ? `${data.lacking.map(nameOf).join('、')}${year}年无数据，不计入全省合计。` : null;
  const rows = [
    { region: `${info.cityName}（全省合计）`, regionHref: null, total: 1, asOf: data.asOf, ...data.province.values },
    ...data.cities.map((c) => ({
      region: nameOf(c.code),
      regionHref: `${path}?${new URLSearchParams({ city: c.code, year: String(year), scheme }).toString()}`,
      total: null,
      asOf: c.asOf,
      ...c.values,
    })),
  ];
  const columns: DataTableColumn[] = [
    { key: 'region', header: '地市', linkKey: 'regionHref' },
    { key: 'asOf', header: '数据截至', unit: 'period' },
    ...CITY_COMPARISON_CODES.map((code) => ({ key: code, header: indicators[code].name, unit: indicators[code].unit })),
  ];
  // A bar of a city measured at an earlier month says so in its label.
  const chartRows = data.cities.map((c) => ({ region: c.asOf !== null && c.asOf !== latest ? `${nameOf(c.code)}（截至${c.asOf % 100}月）` : nameOf(c.code), ...c.values }));
  const cityEndOf = `截至${formatPeriod(latest)}末`;
  const cityYtd = `${year}年1—${latest % 100}月`;
  const caption = sameMonth
    ? `${year}年各地市主要指标（收入、支出、当期结余为${ytd}；累计结余、可支付月数、参保率为${endOf}；全省合计为各地市之和，比率由合计数计算）`
    : `${year}年各地市主要指标（各地市按“数据截至”月份计算：收入、支出、当期结余为1月至该月，累计结余、可支付月数、参保率为该月末；全省合计为各地市${formatPeriod(data.asOf)}之和，比率由合计数计算）`;
  return (
    <>
      {tiles && <section aria-labelledby="province-kpi-h">
        <h2 id="province-kpi-h" className="section-title">全省主要指标（各地市合计）</h2>
        {(monthNote || lackingNote) && <p className="page-lead" data-testid="province-months">{[monthNote, lackingNote].filter(Boolean).join('')}</p>}
        <div className="kpi-grid" data-testid="kpi-grid" data-as-of={data.asOf}>
          {CITY_COMPARISON_CODES.map((code) => {
            const value = data.province.values[code];
            const label = pointInTime(code) ? endOf
              : (code === 'income_execution_rate' || code === 'expense_execution_rate') && data.timeProgress !== null
                ? `${ytd} · 序时进度 ${(data.timeProgress * 100).toFixed(1)}%`
                : ytd;
            return (
              <IndicatorTile
                key={code}
                code={code}
                value={value}
                previous={data.province.previous[code]}
                status={isOverview(code) ? statusOf(code, value, data.timeProgress) : indicatorStatus(indicators[code], value)}
                periodLabel={label}
              />
            );
          })}
        </div>
      </section>}
      <section aria-labelledby="city-compare-h">
        <h2 id="city-compare-h" className="section-title">各地市对比</h2>
        {!tiles && (monthNote || lackingNote) && <p className="page-lead" data-testid="province-months">{[monthNote, lackingNote].filter(Boolean).join('')}</p>}
        <div className="grid-2">
          <div className="card">
            <BarCompareChart
              id="city-reserve-chart"
              title={`各地市${indicators.months_of_reserve.name}（${cityEndOf}${sameMonth ? '' : '；注明月份的地市截至该月末'}）`}
              data={chartRows.map((r) => ({ region: r.region, months: r.months_of_reserve }))}
              categoryKey="region"
              categoryLabel="地市"
              series={[{ key: 'months', label: indicators.months_of_reserve.name }]}
              unit="months"
              exportName={`${year}年各地市可支付月数`}
            />
          </div>
          <div className="card">
            <BarCompareChart
              id="city-fund-chart"
              title={`各地市基金收入与支出（${cityYtd}${sameMonth ? '' : '；注明月份的地市至该月'}）`}
              data={chartRows.map((r) => ({ region: r.region, income: r.fund_income_ytd, expense: r.fund_expense_ytd }))}
              categoryKey="region"
              categoryLabel="地市"
              series={[{ key: 'income', label: indicators.fund_income_ytd.name }, { key: 'expense', label: indicators.fund_expense_ytd.name }]}
              unit="yuan"
              valueLabels={false}
              exportName={`${year}年各地市基金收支`}
            />
          </div>
        </div>
        <div className="card" style={{ marginTop: 16 }}>
          <DataTable
            id="cities"
            columns={columns}
            rows={rows}
            totalKey="total"
            exportName={`${year}年各地市主要指标`}
            caption={caption}
            emptyReason="所选年度无数据"
          />
        </div>
      </section>
    </>
  );
}
