import DataTable, { type DataTableColumn } from '../../ui/DataTable';
import BarCompareChart from '../../ui/charts/BarCompareChart';
import ErrorState from '../../ui/ErrorState';
import EmptyState from '../../ui/EmptyState';
import { EXPENSE_ITEMS, INCOME_ITEMS, labelOf } from '@/lib/domain/codes';
import { indicators } from '@/lib/indicators/registry';
import { formatValue } from '@/lib/format';
import { getBudgetExecution } from '@/lib/queries/budget/getBudgetExecution';
import type { BudgetRequest } from '@/lib/queries/budget/request';
import type { Scope } from '@/lib/queries/scope';
import { byRegionOrder, chartName, drillHref, regionName, statusText, type PageContext } from '../../collection/_widgets/common';

/**
 * Per county: income and expense against the plan in force, execution rate, 序时进度 and the deviation
 * (also against the county's own seasonal profile); for the selected region: the same per item.
 */
export default async function ExecutionByCounty({ scope, ctx, req }: { scope: Scope; ctx: PageContext; req: BudgetRequest }) {
  let data;
  try {
    data = await getBudgetExecution(scope, ctx.cityCode, req);
  } catch (err) {
    console.error('[budget] execution', err);
    return <ErrorState message="预算执行数据加载失败，请稍后重试。" />;
  }
  if (!data.asOf) return <EmptyState reason={`${req.year}年尚无基金收支数据`} />;
  const I = indicators;
  const m = data.asOf % 100;
  const params = { year: req.year, scheme: req.scheme, month: req.month };
  const rows = byRegionOrder(ctx, data.counties).map((c) => ({
    code: c.code,
    region: regionName(ctx, c.code),
    regionHref: drillHref('/budget', params, c.code, ctx),
    incomePlan: c.income.plan, incomeActual: c.income.actual, incomeRate: c.income.rate,
    incomeDeviation: c.income.deviation, incomeExpected: c.income.expected, incomeSeasonalDeviation: c.income.seasonalDeviation,
    incomeStatus: statusText(c.income.status),
    expensePlan: c.expense.plan, expenseActual: c.expense.actual, expenseRate: c.expense.rate,
    expenseDeviation: c.expense.deviation, expenseExpected: c.expense.expected, expenseSeasonalDeviation: c.expense.seasonalDeviation,
    expenseStatus: statusText(c.expense.status),
    fundIncome: c.fundIncome,
    balance: c.balance,
  }));
  const columns: DataTableColumn[] = [
    { key: 'region', header: '地区', linkKey: 'regionHref' },
    { key: 'incomePlan', header: '收入预算', unit: 'yuan' },
    { key: 'incomeActual', header: I.fund_income_plan_basis_ytd.name, unit: 'yuan' },
    { key: 'incomeRate', header: I.income_execution_rate.name, unit: 'ratio' },
    { key: 'incomeDeviation', header: '收入偏差（对序时）', unit: 'pp' },
    { key: 'incomeExpected', header: '收入季节性进度', unit: 'ratio' },
    { key: 'incomeSeasonalDeviation', header: '收入偏差（对季节性）', unit: 'pp' },
    { key: 'incomeStatus', header: '收入状态' },
    { key: 'expensePlan', header: '支出预算', unit: 'yuan' },
    { key: 'expenseActual', header: '支出累计', unit: 'yuan' },
    { key: 'expenseRate', header: I.expense_execution_rate.name, unit: 'ratio' },
    { key: 'expenseDeviation', header: '支出偏差（对序时）', unit: 'pp' },
    { key: 'expenseExpected', header: '支出季节性进度', unit: 'ratio' },
    { key: 'expenseSeasonalDeviation', header: '支出偏差（对季节性）', unit: 'pp' },
    { key: 'expenseStatus', header: '支出状态' },
    { key: 'fundIncome', header: I.fund_income_ytd.name, unit: 'yuan' },
    { key: 'balance', header: I.current_balance.name, unit: 'yuan' },
  ];
  const label = regionName(ctx, data.regionCode);
  const itemRows = data.items.map((it) => ({
    kind: it.kind === 'income' ? '收入' : '支出',
    item: labelOf(it.kind === 'income' ? INCOME_ITEMS : EXPENSE_ITEMS, it.item),
    plan: it.plan, actual: it.actual, rate: it.rate, deviation: it.deviation,
    expected: it.expected, seasonalDeviation: it.seasonalDeviation, status: statusText(it.status),
  }));
  const itemColumns: DataTableColumn[] = [
    { key: 'item', header: '项目' },
    { key: 'kind', header: '收支' },
    { key: 'plan', header: '年度预算', unit: 'yuan' },
    { key: 'actual', header: '年初至今实际', unit: 'yuan' },
    { key: 'rate', header: '执行率', unit: 'ratio' },
    { key: 'deviation', header: '偏差（对序时）', unit: 'pp' },
    { key: 'expected', header: '季节性进度', unit: 'ratio' },
    { key: 'seasonalDeviation', header: '偏差（对季节性）', unit: 'pp' },
    { key: 'status', header: '状态' },
  ];
  const counties = rows.filter((r) => r.regionHref !== null);
  return (
    <>
      <p className="source-note" style={{ marginTop: 0 }} data-testid="execution-note">
        截至{req.year}年{m}月末，序时进度 {formatValue(data.timeProgress, 'ratio')}；预算为截至该月已批准的最新版本：
        {data.version ? `${data.version.docNo}（${data.version.kind === 'APPROVED' ? '年初批准预算' : '调整方案'}，${data.version.approvedOn}）` : '无'}。
        状态按对近3年季节性进度的偏差判定（无历史时对序时进度）。执行率按{I.fund_income_plan_basis_ytd.name}计算（只计收入预算已编列的地区和险种，不含市级专户利息）；{I.current_balance.name}按{I.fund_income_ytd.name}（含利息）计算，与总览、县域画像同一口径。
      </p>
      <div className="grid-2">
        <div className="card">
          <BarCompareChart
            id="execution-chart"
            title={`各县（市、区）收支预算执行率（1—${m}月）`}
            data={counties.map((r) => ({ region: chartName(ctx, r.code), incomeRate: r.incomeRate, expenseRate: r.expenseRate }))}
            categoryKey="region"
            series={[
              { key: 'incomeRate', label: I.income_execution_rate.name },
              { key: 'expenseRate', label: I.expense_execution_rate.name },
            ]}
            unit="ratio"
            referenceLine={data.timeProgress !== null ? { value: data.timeProgress, label: '序时进度' } : undefined}
            valueLabels
            exportName={`${req.year}年1-${m}月各县收支预算执行率`}
          />
        </div>
        <div className="card">
          <DataTable
            id="items"
            columns={itemColumns}
            rows={itemRows}
            exportName={`${req.year}年1-${m}月${label}分项目预算执行`}
            caption={`${label} 分项目预算执行（1—${m}月）`}
            emptyReason="所选条件无预算或收支"
          />
        </div>
      </div>
      <div className="card" style={{ marginTop: 16 }}>
        <DataTable
          id="execution"
          columns={columns}
          rows={rows}
          exportName={`${req.year}年1-${m}月各县收支预算执行`}
          caption={`各县（市、区）收支预算执行（1—${m}月；市级专户利息不列入县级计划，不计入执行）`}
        />
      </div>
    </>
  );
}
