import type { Metadata } from 'next';
import KpiTile from '../ui/KpiTile';
import DataTable from '../ui/DataTable';
import TimeSeriesChart from '../ui/charts/TimeSeriesChart';
import BarCompareChart from '../ui/charts/BarCompareChart';
import FilterBar, { DEFAULT_YEARS } from '../ui/FilterBar';
import { ChartSkeleton, KpiGridSkeleton, TableSkeleton } from '../ui/Skeleton';
import EmptyState from '../ui/EmptyState';
import ErrorState from '../ui/ErrorState';
import SourceNote from '../ui/SourceNote';
import { requireViewer } from '@/lib/auth/viewer';
import { cite } from '@/lib/indicators/sources';

export const metadata: Metadata = { title: '组件预览', robots: { index: false } };

// Everything below is invented sample data for checking the shared components. Not the demo city, not real.

const REGIONS = [
  { code: 'P01', name: '示例甲区' },
  { code: 'P02', name: '示例乙县' },
  { code: 'P03', name: '示例丙县' },
  { code: 'P04', name: '示例丁市' },
  { code: 'P05', name: '示例戊县' },
  { code: 'P06', name: '示例己县' },
  { code: 'P07', name: '示例高新区' },
  { code: 'P08', name: '示例管理区' },
];

function monthly(): Record<string, number | null>[] {
  const rows: Record<string, number | null>[] = [];
  for (let y = 2017; y <= 2024; y++)
    for (let m = 1; m <= 12; m++) {
      const t = (y - 2017) * 12 + (m - 1);
      const season = Math.sin((m / 12) * 2 * Math.PI) * 0.012;
      const covid = y === 2020 && m >= 2 && m <= 4 ? -0.05 : 0;
      const after = t >= 36 ? 1 : 0;
      rows.push({
        period: y * 100 + m,
        a: 0.66 + season + covid - after * 0.0018 * (t - 36),
        b: 0.64 + season + covid + 0.0004 * t,
        c: y === 2017 && m < 4 ? null : 0.6 + season * 1.5 + covid - 0.0006 * t,
      });
    }
  return rows;
}

const ANNUAL = [2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024].map((y, i) => ({
  period: y,
  income: 3_180_000_000 * 1.07 ** i,
  expense: 2_950_000_000 * 1.11 ** i,
}));

const COUNTY_ROWS = REGIONS.map((r, i) => ({
  code: r.code,
  name: r.name,
  href: `/counties/${r.code}`,
  coverage: i === 5 ? null : 0.9 + ((i * 37) % 9) / 100,
  coverageDelta: ((i * 13) % 7) / 1000 - 0.003,
  income: 180_000_000 + i * 61_234_567,
  perCapita: 490 + i * 15,
  reserve: i === 6 ? null : 3 + ((i * 29) % 11) * 0.9,
  insured: 210_000 + i * 33_456,
}));

export default async function UiPreviewPage() {
  await requireViewer({ roles: ['admin'] });
  return (
    <>
      <div className="preview-banner" role="note">
        <strong>组件预览</strong>：本页仅用于检查共享组件的外观，所有数字均为随意编造的示例，不是演示城市数据，也不代表任何真实地区。
      </div>

      <header className="page-header">
        <h1>组件预览</h1>
        <p className="page-lead">KPI 卡片、数据表、时间序列图、对比条形图、筛选栏及加载/空/错误状态。</p>
      </header>

      <section className="section">
        <h2>FilterBar 筛选栏</h2>
        <FilterBar year={2024} scheme="RESIDENT" region="ALL" years={[...DEFAULT_YEARS]} regions={REGIONS} />
      </section>

      <section className="section">
        <h2>KpiTile 指标卡片</h2>
        <div className="kpi-grid">
          <KpiTile
            name="居民医保参保率"
            code="coverage_rate"
            value={0.953}
            previous={0.961}
            unit="ratio"
            status="good"
            target={0.95}
            periodLabel="2024年（示例）"
            definition="实际参保人数占全民参保登记库应参保人数的比例。"
            formula="参保人数 ÷ 应参保人数"
            sources={['EnrollmentFact.enrolled', 'EnrollmentFact.shouldEnroll']}
            policyRef={cite('yiyang-reply', undefined, '居民医保参保率稳定在95%以上')}
            href="/collection"
          />
          <KpiTile
            name="累计结余可支付月数"
            code="months_of_reserve"
            value={5.4}
            previous={6.3}
            unit="months"
            status="warn"
            target={6}
            periodLabel="截至 2024年12月（示例）"
            definition="累计结余除以近12个月月均支出。"
            formula="累计结余 ÷（近12个月支出 ÷ 12）"
            sources={['FundLedgerFact.balance', 'FundLedgerFact.expense']}
            policyRef="人社部发〔2009〕67号：6—9个月为合理区间"
          />
          <KpiTile
            name="基金当期结余"
            code="current_surplus"
            value={-123_456_789}
            previous={85_000_000}
            unit="yuan"
            status="bad"
            periodLabel="2024年（示例）"
            definition="当期基金收入减当期基金支出。"
            formula="基金收入 − 基金支出"
            sources={['FundLedgerFact.income', 'FundLedgerFact.expense']}
          />
          <KpiTile
            name="财政补助与个人缴费之比"
            code="subsidy_individual_ratio"
            value={1.91}
            previous={1.91}
            unit="multiple"
            status="none"
            definition="居民医保人均财政补助与人均个人缴费之比。"
            formula="人均财政补助 ÷ 人均个人缴费"
            sources={['ContributionFact.collected']}
            policyRef={cite('yiyang-reply', undefined, '湖南 2021 年为 1.91 : 1')}
          />
          <KpiTile
            name="支出预算执行偏差"
            code="expense_execution_gap"
            value={0.025}
            previous={-0.01}
            unit="pp"
            status="warn"
            definition="支出预算执行率减序时进度。"
            formula="支出预算执行率 − 序时进度"
            sources={['BudgetPlan.amount', 'FundLedgerFact.expense']}
          />
          <KpiTile
            name="参保人数"
            code="enrolled"
            value={3_412_345}
            previous={3_456_789}
            unit="count"
            status="none"
            definition="年末参保人数。"
            formula="∑ 参保人数"
            sources={[]}
          />
        </div>
        <SourceNote text="示例数据（组件预览）" asOf={202412} />
      </section>

      <section className="section card">
        <TimeSeriesChart
          id="pv-primary"
          title="基层就诊占比（月度，示例）"
          data={monthly()}
          xKey="period"
          unit="ratio"
          series={[
            { key: 'a', label: '示例甲区' },
            { key: 'b', label: '示例乙县' },
            { key: 'c', label: '示例丙县' },
          ]}
          markers={[{ x: 202001, label: '市级统筹启动' }]}
          targetLine={{ y: 0.65, label: '目标' }}
        />
        <SourceNote text="示例数据（组件预览）" asOf={202412} />
      </section>

      <div className="grid-2 section">
        <section className="card">
          <TimeSeriesChart
            id="pv-fund"
            title="基金收入与支出（年度，示例）"
            data={ANNUAL}
            xKey="period"
            unit="yuan"
            kind="bar"
            series={[
              { key: 'income', label: '基金收入' },
              { key: 'expense', label: '基金支出' },
            ]}
            markers={[{ x: 2020, label: '统筹' }]}
          />
        </section>
        <section className="card">
          <BarCompareChart
            id="pv-coverage"
            title="各县（市、区）参保率（示例）"
            data={COUNTY_ROWS}
            categoryKey="name"
            series={[{ key: 'coverage', label: '参保率' }]}
            unit="ratio"
            referenceLine={{ value: 0.95, label: '目标' }}
            highlight={['示例乙县']}
          />
        </section>
      </div>

      <section className="section card">
        <BarCompareChart
          id="pv-income"
          title="各县（市、区）征缴收入（柱形，示例）"
          data={COUNTY_ROWS}
          categoryKey="name"
          series={[{ key: 'income', label: '征缴收入' }]}
          unit="yuan"
          orientation="vertical"
          height={260}
        />
      </section>

      <section className="section card">
        <DataTable
          id="pv-counties"
          caption="各县（市、区）概况（示例）"
          exportName="组件预览_各县概况"
          defaultSort="coverage.desc"
          columns={[
            { key: 'name', header: '地区', linkKey: 'href' },
            { key: 'code', header: '代码' },
            { key: 'coverage', header: '参保率', unit: 'ratio' },
            { key: 'coverageDelta', header: '参保率变化', unit: 'pp' },
            { key: 'insured', header: '参保人数', unit: 'count' },
            { key: 'income', header: '征缴收入', unit: 'yuan' },
            { key: 'perCapita', header: '人均财政补助', unit: 'yuan_per_person' },
            { key: 'reserve', header: '可支付月数', unit: 'months' },
          ]}
          rows={COUNTY_ROWS}
        />
        <SourceNote text="示例数据（组件预览）" />
      </section>

      <section className="section">
        <h2>状态</h2>
        <div className="grid-2">
          <div className="card">
            <h3>KpiGridSkeleton / ChartSkeleton / TableSkeleton</h3>
            <KpiGridSkeleton count={2} />
            <div style={{ height: 12 }} />
            <ChartSkeleton height={140} />
            <div style={{ height: 12 }} />
            <TableSkeleton rows={3} columns={4} />
          </div>
          <div className="card" style={{ display: 'grid', gap: 12, alignContent: 'start' }}>
            <h3>EmptyState / ErrorState</h3>
            <EmptyState reason="该县 2024 年尚未导入结算数据。" />
            <ErrorState message="预算执行数据暂时无法读取，请稍后重试。" />
            <DataTable id="pv-empty" caption="空表（示例）" exportName="empty" columns={[{ key: 'x', header: 'X' }]} rows={[]} emptyReason="所选条件下没有记录。" />
            <TimeSeriesChart id="pv-empty-chart" title="空图（示例）" data={[]} xKey="period" unit="ratio" series={[{ key: 'a', label: 'A' }]} emptyReason="暂无月度数据。" />
          </div>
        </div>
      </section>
    </>
  );
}
