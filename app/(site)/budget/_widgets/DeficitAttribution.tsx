import DataTable, { type DataTableColumn } from '../../ui/DataTable';
import BarCompareChart from '../../ui/charts/BarCompareChart';
import ErrorState from '../../ui/ErrorState';
import EmptyState from '../../ui/EmptyState';
import { REASON_LABELS, type Attribution } from '@/lib/budget/deficit';
import { formatPeriod, formatValue } from '@/lib/format';
import { indicators } from '@/lib/indicators/registry';
import { getDeficitAttribution } from '@/lib/queries/budget/getDeficitAttribution';
import type { BudgetRequest } from '@/lib/queries/budget/request';
import type { Scope } from '@/lib/queries/scope';
import { byRegionOrder, chartName, drillHref, regionName, type PageContext } from '../../collection/_widgets/common';
import { cite } from '@/lib/indicators/sources';

function reasonText(a: Attribution, lateResidentPooling: number | null): string {
  const parts = a.reasons.map((r) => REASON_LABELS[r.code] + (r.amount !== null ? ` ${formatValue(r.amount, 'yuan')}` : ''));
  if (lateResidentPooling) parts.push(`居民医保${formatPeriod(lateResidentPooling)}纳入市级统筹`);
  return parts.join('；');
}

/**
 * 赤字归因 per county and year (市级统筹意见（征求意见稿）三(三)): the gap split into what the county must make up (unpaid
 * county subsidy, premiums short of plan) and what the city covers from surplus.
 */
export default async function DeficitAttribution({ scope, ctx, req }: { scope: Scope; ctx: PageContext; req: BudgetRequest }) {
  let data;
  try {
    data = await getDeficitAttribution(scope, ctx.cityCode, req);
  } catch (err) {
    console.error('[budget] attribution', err);
    return <ErrorState message="赤字归因加载失败，请稍后重试。" />;
  }
  if (!data.asOf || data.counties.length === 0) return <EmptyState reason={`${req.year}年尚无基金收支数据`} />;
  const I = indicators;
  const m = data.asOf % 100;
  const params = { year: req.year, scheme: req.scheme, month: req.month };
  const row = (a: (typeof data.counties)[number]) => ({
    code: a.code,
    region: regionName(ctx, a.code),
    regionHref: drillHref('/budget', params, a.code, ctx),
    year: a.year,
    regime: a.regime === 'city' ? '市级统筹' : '县级统筹（统筹前）',
    balance: a.balance,
    gap: a.gap,
    countySubsidyUnpaid: a.regime === 'city' ? a.countySubsidyUnpaid : null,
    premiumShortfall: a.regime === 'city' ? a.premiumShortfall : null,
    countyMakeup: a.regime === 'city' ? a.countyMakeup : null,
    countyGapShare: a.regime === 'city' ? a.countyGapShare : null,
    cityCovers: a.regime === 'city' ? a.cityCovers : null,
    metPlan: a.regime === 'city' ? (a.metPlan ? '是' : '否') : '—',
    reasons: reasonText(a, a.lateResidentPooling),
  });
  const rows = byRegionOrder(ctx, data.counties).map(row);
  const amountColumns: DataTableColumn[] = [
    { key: 'balance', header: I.current_balance.name, unit: 'yuan' },
    { key: 'gap', header: I.fund_gap.name, unit: 'yuan' },
    { key: 'countySubsidyUnpaid', header: '县级补助未到位', unit: 'yuan' },
    { key: 'premiumShortfall', header: I.premium_shortfall.name, unit: 'yuan' },
    { key: 'countyMakeup', header: I.county_makeup_amount.name, unit: 'yuan' },
    { key: 'countyGapShare', header: '其中：弥补当年缺口', unit: 'yuan' },
    { key: 'cityCovers', header: I.city_cover_amount.name, unit: 'yuan' },
    { key: 'metPlan', header: '完成收支计划' },
    { key: 'reasons', header: '原因' },
  ];
  const columns: DataTableColumn[] = [{ key: 'region', header: '地区', linkKey: 'regionHref' }, ...amountColumns];
  const yearColumns: DataTableColumn[] = [{ key: 'year', header: '年度' }, { key: 'regime', header: '统筹层次' }, ...amountColumns];
  const label = regionName(ctx, req.region === 'ALL' ? ctx.cityCode : req.region);
  const counties = rows.filter((r) => r.regionHref !== null);
  return (
    <>
      <div className="grid-2">
        <div className="card">
          <BarCompareChart
            id="attribution-chart"
            title={`各县（市、区）基金收支缺口的责任划分（${req.year}年1—${m}月）`}
            data={counties.map((r) => ({ region: chartName(ctx, r.code), countyGapShare: r.countyGapShare, cityCovers: r.cityCovers }))}
            categoryKey="region"
            series={[
              { key: 'countyGapShare', label: '县级补足', color: 'var(--chart-5)' },
              { key: 'cityCovers', label: '市级结余弥补', color: 'var(--chart-1)' },
            ]}
            unit="yuan"
            stacked
            exportName={`${req.year}年各县基金缺口责任划分`}
            emptyReason="所选年度尚未实行市级统筹"
          />
        </div>
        <div className="card">
          <h3 style={{ fontSize: '0.98rem' }}>口径（{cite('pooling-opinion', '三(三)')}）</h3>
          <ul className="source-note" style={{ paddingLeft: '1.2em', fontSize: '0.84rem', color: 'var(--text)' }}>
            <li>县（市、区）完成年度收支计划的，当年基金收支相抵出现的缺口由设区市通过结余基金补足（市级结余弥补）。</li>
            <li>县级财政补助未按规定到位、保费收入低于计划（未严格执行缴费政策）形成的收入缺口，由县级政府补足或追缴到位（县级应补足），不论当年是否出现缺口。</li>
            <li>{I.city_cover_amount.name} = max(0, {I.fund_gap.name} − {I.county_makeup_amount.name})；按县（市、区）和险种基金分别核算后相加，不以一个县或险种的结余抵另一个的缺口（全市合计的缺口因此可大于全市当期结余的赤字）。</li>
            <li>统筹前年度（县级统筹）由县级基金自求平衡，不作划分。年度未结束时，保费计划按该县历年季节性进度折算到统计月。</li>
          </ul>
        </div>
      </div>
      <div className="card" style={{ marginTop: 16 }}>
        <DataTable
          id="attribution"
          columns={columns}
          rows={rows}
          exportName={`${req.year}年各县赤字归因`}
          caption={`${req.year}年1—${m}月各县（市、区）赤字归因`}
        />
      </div>
      <div className="card" style={{ marginTop: 16 }}>
        <DataTable
          id="attribution-years"
          columns={yearColumns}
          rows={data.years.map(row)}
          exportName={`${label}历年赤字归因`}
          caption={`${label} 历年赤字归因（各年全年；所选年度截至统计月）`}
          defaultSort="year.desc"
        />
      </div>
    </>
  );
}
