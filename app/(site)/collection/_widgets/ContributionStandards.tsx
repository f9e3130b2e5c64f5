import DataTable, { type DataTableColumn } from '../../ui/DataTable';
import TimeSeriesChart from '../../ui/charts/TimeSeriesChart';
import ErrorState from '../../ui/ErrorState';
import EmptyState from '../../ui/EmptyState';
import { indicators } from '@/lib/indicators/registry';
import { getContributionStandards } from '@/lib/queries/collection/getContributionStandards';
import type { Scope } from '@/lib/queries/scope';
import { byRegionOrder, regionName, statusText, type PageContext } from './common';

/** Resident individual contribution standard against the national minimum by year (益阳市医疗保障局答复). */
export default async function ContributionStandards({ scope, ctx, year, region }: { scope: Scope; ctx: PageContext; year: number; region: string | 'ALL' }) {
  let data;
  try {
    data = await getContributionStandards(scope, ctx.cityCode, year, region);
  } catch (err) {
    console.error('[collection] standards', err);
    return <ErrorState message="缴费标准加载失败，请稍后重试。" />;
  }
  if (data.years.length === 0) return <EmptyState reason="尚未导入居民医保缴费标准（PolicyStandard）" />;
  const I = indicators;
  const yearRows = data.years.map((y) => ({
    year: y.year, standard: y.standard, nationalMinimum: y.nationalMinimum, gap: y.gap, gapStatus: y.gap !== null && y.gap < 0 ? '低于国家最低标准' : statusText(y.gapStatus),
    growth: y.growth, subsidyStandard: y.subsidyStandard, ratio: y.ratio,
  }));
  const yearColumns: DataTableColumn[] = [
    { key: 'year', header: '年度' },
    { key: 'standard', header: '本地个人缴费标准', unit: 'yuan_per_person' },
    { key: 'nationalMinimum', header: '国家最低个人缴费标准', unit: 'yuan_per_person' },
    { key: 'gap', header: I.resident_contribution_gap.name, unit: 'yuan_per_person' },
    { key: 'gapStatus', header: '判断' },
    { key: 'growth', header: I.contribution_standard_growth.name, unit: 'ratio' },
    { key: 'subsidyStandard', header: '人均财政补助标准', unit: 'yuan_per_person' },
    { key: 'ratio', header: I.subsidy_individual_ratio.name, unit: 'multiple' },
  ];
  const incomeRows = byRegionOrder(ctx, data.counties).map((c) => ({ region: regionName(ctx, c.code), income: c.disposableIncome, share: c.share }));
  const incomeColumns: DataTableColumn[] = [
    { key: 'region', header: '地区' },
    { key: 'income', header: '城乡居民人均可支配收入', unit: 'yuan_per_person' },
    { key: 'share', header: I.contribution_income_share.name, unit: 'ratio' },
  ];
  const below = data.years.filter((y) => y.gap !== null && y.gap < 0).map((y) => y.year);
  return (
    <>
      <div className="grid-2">
        <div className="card">
          <TimeSeriesChart
            id="standards-chart"
            title="居民医保个人缴费标准与国家最低标准"
            data={data.years.map((y) => ({ year: y.year, standard: y.standard, nationalMinimum: y.nationalMinimum }))}
            xKey="year"
            series={[
              { key: 'standard', label: '本地个人缴费标准' },
              { key: 'nationalMinimum', label: '国家最低个人缴费标准' },
            ]}
            unit="yuan_per_person"
            exportName="居民医保个人缴费标准与国家最低标准"
          />
          <p className="source-note" data-testid="standards-note">
            {below.length > 0 ? `${below[0]}年起本地标准低于国家最低标准（${below.join('、')}年）。` : '各年本地标准不低于国家最低标准。'}
            {I.resident_contribution_gap.policyRef}
          </p>
        </div>
        <div className="card">
          <DataTable
            id="income-share"
            columns={incomeColumns}
            rows={incomeRows}
            exportName={`${year}年个人缴费占可支配收入比重`}
            caption={`${year}年个人缴费占人均可支配收入比重（全国2022年为0.95%，医保函〔2023〕73号）`}
            emptyReason="所选年度无人均可支配收入数据"
          />
        </div>
      </div>
      <div className="card" style={{ marginTop: 16 }}>
        <DataTable id="standards" columns={yearColumns} rows={yearRows} exportName="居民医保筹资标准" caption="居民医保筹资标准（元/人·年）" />
      </div>
    </>
  );
}
