import DataTable, { type DataTableColumn } from '../ui/DataTable';
import ErrorState from '../ui/ErrorState';
import { indicators } from '@/lib/indicators/registry';
import { getOverview, type OverviewRequest } from '@/lib/queries/overview/getOverview';
import { OVERVIEW_CODES } from '@/lib/queries/overview/overviewKpis';
import type { Scope } from '@/lib/queries/scope';
import type { DatasetInfo } from '@/lib/queries/meta/getDatasetInfo';

/** One row per county (and the city total) on the same eight indicators, with drill-down links. */
export default async function CountyComparison({ scope, info, req }: { scope: Scope; info: DatasetInfo; req: OverviewRequest }) {
  let data;
  try {
    data = await getOverview(scope, info.cityCode, req);
  } catch (err) {
    console.error('[overview] counties', err);
    return <ErrorState message="县域对比加载失败，请稍后重试。" />;
  }
  const names = new Map([[info.cityCode, `${info.cityName}（全市）`], ...info.counties.map((c) => [c.code, c.name] as const)]);
  const order = [info.cityCode, ...info.counties.map((c) => c.code)];
  // A copy: the page data are shared between requests (lib/cache).
  const rows = [...data.counties]
    .sort((a, b) => order.indexOf(a.code) - order.indexOf(b.code))
    .map((c) => ({
      region: names.get(c.code) ?? c.code,
      regionHref: c.code === info.cityCode ? null : `/counties/${c.code}?year=${req.year}&scheme=${req.scheme}`,
      ...c.values,
    }));
  const columns: DataTableColumn[] = [
    { key: 'region', header: '地区', linkKey: 'regionHref' },
    ...OVERVIEW_CODES.map((code) => ({ key: code, header: indicators[code].name, unit: indicators[code].unit })),
  ];
  return (
    <DataTable
      id="counties"
      columns={columns}
      rows={rows}
      exportName={`${req.year}年各县（市、区）主要指标`}
      caption={`${req.year}年各县（市、区）主要指标（累计结余、可支付月数：市级统筹后为原统筹地区历年结余）`}
      emptyReason="所选年度无数据"
    />
  );
}
