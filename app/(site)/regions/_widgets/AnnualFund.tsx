import DataTable, { type DataTableColumn } from '../../ui/DataTable';
import EmptyState from '../../ui/EmptyState';
import SourceNote from '../../ui/SourceNote';
import { indicators as I } from '@/lib/indicators/registry';
import { annualSources, type AnnualFundLine } from '@/lib/regions/annualFund';

// The registry's names without the '（年度）' the section title already says.
const short = (name: string) => name.replace(/（(年度|年末)）$/, '');

/** 年度数据: per scheme and year, the annual facts and what the registry derives from them. */
export default function AnnualFund({ regionName, lines, batchIds }: { regionName: string; lines: AnnualFundLine[]; batchIds: number[] }) {
  if (lines.length === 0) {
    return <EmptyState title="暂无年度数据" reason={`${regionName}还没有导入年度基金收支。统计公报或年度决算的全年数字可用“年度基金收支”模板在“管理 → 数据导入”中导入。`} />;
  }
  // One table per scheme: 年度 leads (narrow, so the figures fit beside it on a phone).
  const columns: DataTableColumn[] = [
    { key: 'year', header: '年度' },
    { key: 'income', header: short(I.annual_fund_income.name), unit: 'yuan' },
    { key: 'expense', header: short(I.annual_fund_expense.name), unit: 'yuan' },
    { key: 'currentBalance', header: short(I.annual_current_balance.name), unit: 'yuan' },
    { key: 'incomeGrowth', header: short(I.annual_income_growth.name), unit: 'ratio' },
    { key: 'expenseGrowth', header: short(I.annual_expense_growth.name), unit: 'ratio' },
    { key: 'accumulatedBalance', header: short(I.annual_accumulated_balance.name), unit: 'yuan' },
    { key: 'monthsOfReserve', header: short(I.annual_months_of_reserve.name), unit: 'months' },
    { key: 'reserve', header: '结余水平' },
  ];
  const schemes = [...new Map(lines.map((l) => [l.schemeCode, l.schemeName])).entries()];
  const rowsOf = (scheme: string) => lines.filter((l) => l.schemeCode === scheme).map((l) => ({
    year: String(l.year), income: l.income, expense: l.expense, currentBalance: l.currentBalance,
    incomeGrowth: l.incomeGrowth, expenseGrowth: l.expenseGrowth, accumulatedBalance: l.accumulatedBalance,
    monthsOfReserve: l.monthsOfReserve, reserve: l.monthsOfReserve === null ? null : l.reserveLabel,
  }));
  const defs = [I.annual_current_balance, I.annual_income_growth, I.annual_expense_growth, I.annual_months_of_reserve];
  const sources = annualSources(lines);
  return (
    <>
      {schemes.map(([code, name]) => (
        <div key={code} className="card" style={{ marginBottom: 12 }}>
          <DataTable
            id={`annual-${code}`}
            columns={columns}
            rows={rowsOf(code)}
            exportName={`${regionName}${name}年度基金收支`}
            caption={`${regionName} · ${name}（年度数据）`}
          />
        </div>
      ))}
      <ul className="source-note" data-testid="annual-definitions">
        {defs.map((d) => <li key={d.code}>{short(d.name)}：{d.formula}。{d.definition}</li>)}
        <li>{I.annual_months_of_reserve.policyRef}。</li>
      </ul>
      <SourceNote text={`${sources.length ? sources.join('；') : '未注明'}（导入批次${batchIds.map((b) => `#${b}`).join('、')}）`} />
    </>
  );
}
