import BarCompareChart from '../../ui/charts/BarCompareChart';
import DataTable, { type DataTableColumn } from '../../ui/DataTable';
import EmptyState from '../../ui/EmptyState';
import ErrorState from '../../ui/ErrorState';
import { STATUS_LABEL } from '../../ui/status';
import { indicators } from '@/lib/indicators/registry';
import { getShareByCounty } from '@/lib/queries/tieredCare/getShareByCounty';
import type { TieredCareRequest } from '@/lib/queries/tieredCare/data';
import type { DatasetInfo } from '@/lib/queries/meta/getDatasetInfo';
import type { Scope } from '@/lib/queries/scope';
import { regionNamer, shortNamer } from './text';

/** Each county's shares in the selected year against the targets and against the 12 months before pooling. */
export default async function CountyShares({ scope, info, req }: { scope: Scope; info: DatasetInfo; req: TieredCareRequest }) {
  let data;
  try {
    data = await getShareByCounty(scope, info.cityCode, req);
  } catch (err) {
    console.error('[tiered-care] counties', err);
    return <ErrorState message="各县分级诊疗指标加载失败，请稍后重试。" />;
  }
  if (!data.asOf) return <EmptyState reason={`${req.year}年尚无就诊结算数据`} />;
  const name = regionNamer(info);
  const short = shortNamer(info);
  const p = indicators.primary_visit_share;
  const c = indicators.in_county_rate;
  const o = indicators.out_of_city_share;
  const ca = indicators.city_admission_share;
  const diff = (a: number | null, b: number | null) => (a !== null && b !== null ? a - b : null);
  const rows = data.rows.map((r) => ({
    region: name(r.code),
    regionHref: r.code === info.cityCode ? null : `/counties/${r.code}?year=${req.year}&scheme=${req.scheme}`,
    pooling: r.poolingPeriod,
    primary: r.values.primary_visit_share,
    primaryBase: r.baseline.primary_visit_share,
    primaryChange: diff(r.values.primary_visit_share, r.baseline.primary_visit_share),
    primaryStatus: STATUS_LABEL[r.status.primary_visit_share],
    inCounty: r.values.in_county_rate,
    inCountyBase: r.baseline.in_county_rate,
    inCountyChange: diff(r.values.in_county_rate, r.baseline.in_county_rate),
    inCountyStatus: STATUS_LABEL[r.status.in_county_rate],
    outOfCity: r.values.out_of_city_share,
    outOfCityChange: diff(r.values.out_of_city_share, r.baseline.out_of_city_share),
    cityAdm: r.values.city_admission_share,
    cityAdmChange: diff(r.values.city_admission_share, r.baseline.city_admission_share),
  }));
  const columns: DataTableColumn[] = [
    { key: 'region', header: '地区', linkKey: 'regionHref' },
    { key: 'pooling', header: '统筹月份', unit: 'period' },
    { key: 'primary', header: `${p.name}`, unit: 'ratio' },
    { key: 'primaryBase', header: '统筹前12个月', unit: 'ratio' },
    { key: 'primaryChange', header: '变化', unit: 'pp' },
    { key: 'primaryStatus', header: `对照目标${(p.target! * 100).toFixed(0)}%` },
    { key: 'inCounty', header: c.name, unit: 'ratio' },
    { key: 'inCountyBase', header: '统筹前12个月', unit: 'ratio' },
    { key: 'inCountyChange', header: '变化', unit: 'pp' },
    { key: 'inCountyStatus', header: `对照目标${(c.target! * 100).toFixed(0)}%` },
    { key: 'outOfCity', header: o.name, unit: 'ratio' },
    { key: 'outOfCityChange', header: '较统筹前', unit: 'pp' },
    { key: 'cityAdm', header: ca.name, unit: 'ratio' },
    { key: 'cityAdmChange', header: '较统筹前', unit: 'pp' },
  ];
  const selected = req.region === 'ALL' ? [] : [short(req.region)];
  const counties = data.rows.filter((r) => r.code !== info.cityCode);
  return (
    <div className="stack" style={{ display: 'grid', gap: 16 }}>
      <div className="grid-2">
        <div className="card">
          <BarCompareChart
            id="tc-county-primary"
            title={`${req.year}年各县${p.name}`}
            data={counties.map((r) => ({ region: short(r.code), v: r.values.primary_visit_share }))}
            categoryKey="region"
            series={[{ key: 'v', label: p.name }]}
            unit="ratio"
            referenceLine={{ value: p.target!, label: '目标' }}
            highlight={selected}
            exportName={`${req.year}年各县${p.name}`}
          />
        </div>
        <div className="card">
          <BarCompareChart
            id="tc-county-incounty"
            title={`${req.year}年各县${c.name}`}
            data={counties.map((r) => ({ region: short(r.code), v: r.values.in_county_rate }))}
            categoryKey="region"
            series={[{ key: 'v', label: c.name }]}
            unit="ratio"
            referenceLine={{ value: c.target!, label: '目标' }}
            highlight={selected}
            exportName={`${req.year}年各县${c.name}`}
          />
        </div>
      </div>
      <div className="card">
        <DataTable
          id="tc-counties"
          columns={columns}
          rows={rows}
          exportName={`${req.year}年各县分级诊疗指标`}
          caption={`${req.year}年1—${data.asOf % 100}月各县（市、区）分级诊疗指标，与各自统筹前12个月比较`}
        />
      </div>
    </div>
  );
}
