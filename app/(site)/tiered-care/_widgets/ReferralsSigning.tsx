import BarCompareChart from '../../ui/charts/BarCompareChart';
import TimeSeriesChart from '../../ui/charts/TimeSeriesChart';
import DataTable, { type DataTableColumn } from '../../ui/DataTable';
import EmptyState from '../../ui/EmptyState';
import ErrorState from '../../ui/ErrorState';
import { STATUS_LABEL } from '../../ui/status';
import { indicators } from '@/lib/indicators/registry';
import { getReferralsAndSigning } from '@/lib/queries/tieredCare/getReferralsAndSigning';
import type { TieredCareRequest } from '@/lib/queries/tieredCare/data';
import type { DatasetInfo } from '@/lib/queries/meta/getDatasetInfo';
import type { Scope } from '@/lib/queries/scope';
import { regionNamer, shortNamer } from './text';

/** Referrals up and down per year (下转 growth against ≥10%/year) and family-doctor signing per county. */
export default async function ReferralsSigning({
  scope,
  info,
  req,
  pooling,
}: {
  scope: Scope;
  info: DatasetInfo;
  req: TieredCareRequest;
  /** the selected region's pooling month, for the yearly markers */
  pooling: number | null;
}) {
  let data;
  try {
    data = await getReferralsAndSigning(scope, info.cityCode, req);
  } catch (err) {
    console.error('[tiered-care] referrals', err);
    return <ErrorState message="转诊与家庭医生签约数据加载失败，请稍后重试。" />;
  }
  if (data.referrals.every((r) => r.years.length === 0) && data.signing.length === 0) return <EmptyState reason="没有转诊或签约数据" />;
  const name = regionNamer(info);
  const short = shortNamer(info);
  const focus = req.region === 'ALL' ? info.cityCode : req.region;
  const cagr = indicators.referral_down_cagr;
  const yoy = indicators.referral_down_growth;
  const sr = indicators.family_doctor_signing_rate;
  const kr = indicators.key_population_signing_rate;
  const poolYear = pooling ? Math.floor(pooling / 100) : null;
  const focusRef = data.referrals.find((r) => r.region === focus);
  const refYears = focusRef?.years.map((y) => ({ year: y.year, down: y.down, up: y.up })) ?? [];
  const markers = poolYear && refYears.some((y) => y.year === poolYear) ? [{ x: poolYear, label: '统筹当年' }] : [];
  const latestRow = (r: (typeof data.referrals)[number]) => r.years.filter((y) => y.months === 12).at(-1) ?? null;
  const refRows = data.referrals.map((r) => {
    const last = latestRow(r);
    return {
      region: name(r.region),
      year: last?.year ?? null,
      down: last?.down ?? null,
      up: last?.up ?? null,
      yoy: last?.downGrowth ?? null,
      cagr: r.downCagr,
      span: r.cagrFrom && r.cagrTo ? `${r.cagrFrom}—${r.cagrTo}年` : null,
      status: STATUS_LABEL[r.cagrStatus],
    };
  });
  const refColumns: DataTableColumn[] = [
    { key: 'region', header: '地区' },
    { key: 'year', header: '最近完整年度' },
    { key: 'down', header: '下转人次', unit: 'count' },
    { key: 'yoy', header: yoy.name, unit: 'ratio' },
    { key: 'up', header: '上转人次', unit: 'count' },
    { key: 'cagr', header: cagr.name, unit: 'ratio' },
    { key: 'span', header: '年均增长区间' },
    { key: 'status', header: `对照目标${(cagr.target! * 100).toFixed(0)}%` },
  ];
  const signYear = data.signing.filter((s) => s.year === req.year);
  const signFocus = data.signing.filter((s) => s.region === focus);
  const signCity = data.signing.filter((s) => s.region === info.cityCode);
  const signSeries = signFocus.map((s) => ({
    year: s.year,
    rate: s.signingRate,
    key: s.keySigningRate,
    city: focus === info.cityCode ? null : signCity.find((c) => c.year === s.year)?.signingRate ?? null,
  }));
  const signRows = data.signing
    .filter((s) => s.year === req.year)
    .map((s) => ({
      region: name(s.region),
      rate: s.signingRate,
      rateStatus: STATUS_LABEL[s.signingStatus],
      key: s.keySigningRate,
      keyStatus: STATUS_LABEL[s.keySigningStatus],
    }));
  const signColumns: DataTableColumn[] = [
    { key: 'region', header: '地区' },
    { key: 'rate', header: sr.name, unit: 'ratio' },
    { key: 'rateStatus', header: `对照目标${(sr.target! * 100).toFixed(0)}%` },
    { key: 'key', header: kr.name, unit: 'ratio' },
    { key: 'keyStatus', header: `对照目标${(kr.target! * 100).toFixed(0)}%` },
  ];
  return (
    <div style={{ display: 'grid', gap: 16 }}>
      <div className="grid-2">
        <div className="card">
          <TimeSeriesChart
            id="ref-trend"
            title={`${name(focus)}上转与下转人次（年）`}
            data={refYears}
            xKey="year"
            kind="bar"
            series={[
              { key: 'down', label: '下转人次' },
              { key: 'up', label: '上转人次' },
            ]}
            unit="count"
            markers={markers}
            exportName={`${name(focus)}转诊人次`}
          />
        </div>
        <div className="card">
          <BarCompareChart
            id="ref-cagr"
            title={`各县${cagr.name}`}
            data={data.referrals.filter((r) => r.region !== info.cityCode).map((r) => ({ region: short(r.region), v: r.downCagr }))}
            categoryKey="region"
            series={[{ key: 'v', label: cagr.name }]}
            unit="ratio"
            referenceLine={{ value: cagr.target!, label: '目标' }}
            highlight={req.region === 'ALL' ? [] : [short(req.region)]}
            exportName={`各县${cagr.name}`}
          />
        </div>
      </div>
      <div className="card">
        <DataTable id="ref-table" columns={refColumns} rows={refRows} exportName="各县转诊情况" caption="各县（市、区）上下转诊（年均增长率按首末完整年度计算）" />
      </div>
      <div className="grid-2">
        <div className="card">
          <BarCompareChart
            id="sign-county"
            title={`${req.year}年各县${sr.name}`}
            data={signYear.filter((s) => s.region !== info.cityCode).map((s) => ({ region: short(s.region), v: s.signingRate }))}
            categoryKey="region"
            series={[{ key: 'v', label: sr.name }]}
            unit="ratio"
            referenceLine={{ value: sr.target!, label: '目标' }}
            highlight={req.region === 'ALL' ? [] : [short(req.region)]}
            exportName={`${req.year}年各县${sr.name}`}
            emptyReason={`${req.year}年无签约数据`}
          />
        </div>
        <div className="card">
          <TimeSeriesChart
            id="sign-trend"
            title={`${name(focus)}${sr.name}与${kr.name}（年）`}
            data={signSeries}
            xKey="year"
            series={[
              { key: 'rate', label: sr.name },
              { key: 'key', label: kr.name },
              ...(focus === info.cityCode ? [] : [{ key: 'city', label: `全市${sr.name}` }]),
            ]}
            unit="ratio"
            markers={poolYear && signSeries.some((s) => s.year === poolYear) ? [{ x: poolYear, label: '统筹当年' }] : []}
            targetLine={{ y: sr.target!, label: '签约率目标' }}
            exportName={`${name(focus)}家庭医生签约率`}
          />
        </div>
      </div>
      <div className="card">
        <DataTable id="sign-table" columns={signColumns} rows={signRows} exportName={`${req.year}年家庭医生签约`} caption={`${req.year}年各县（市、区）家庭医生签约`} emptyReason={`${req.year}年无签约数据`} />
      </div>
    </div>
  );
}
