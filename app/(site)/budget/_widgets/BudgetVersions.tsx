import DataTable, { type DataTableColumn } from '../../ui/DataTable';
import ErrorState from '../../ui/ErrorState';
import EmptyState from '../../ui/EmptyState';
import { EXPENSE_ITEMS, INCOME_ITEMS, labelOf, SCHEMES } from '@/lib/domain/codes';
import { indicators } from '@/lib/indicators/registry';
import { getBudgetVersions } from '@/lib/queries/budget/getBudgetVersions';
import type { BudgetRequest } from '@/lib/queries/budget/request';
import type { Scope } from '@/lib/queries/scope';
import { regionName, type PageContext } from '../../collection/_widgets/common';

const ITEMS = [...INCOME_ITEMS, ...EXPENSE_ITEMS];

/** The approved budget of each year and every adjustment (文号, 日期, 原因, 金额), and what each changed. */
export default async function BudgetVersions({ scope, ctx, req }: { scope: Scope; ctx: PageContext; req: BudgetRequest }) {
  let data;
  try {
    data = await getBudgetVersions(scope, ctx.cityCode, req);
  } catch (err) {
    console.error('[budget] versions', err);
    return <ErrorState message="预算版本加载失败，请稍后重试。" />;
  }
  if (data.versions.length === 0) return <EmptyState reason="尚未导入预算" />;
  const I = indicators;
  const label = regionName(ctx, req.region === 'ALL' ? ctx.cityCode : req.region);
  const versionRows = [...data.versions].reverse().map((v) => ({
    year: v.year,
    kind: v.kind === 'APPROVED' ? '年初批准预算' : `调整方案（第${v.seq}次）`,
    docNo: v.docNo,
    approvedOn: v.approvedOn,
    reason: v.reason,
    income: v.income,
    expense: v.expense,
    incomeChange: v.incomeChange,
    expenseChange: v.expenseChange,
    inForce: v.inForce ? '执行中' : '',
  }));
  const versionColumns: DataTableColumn[] = [
    { key: 'year', header: '年度' },
    { key: 'kind', header: '版本' },
    { key: 'docNo', header: '文号' },
    { key: 'approvedOn', header: '批准日期' },
    { key: 'income', header: '收入预算', unit: 'yuan' },
    { key: 'expense', header: '支出预算', unit: 'yuan' },
    { key: 'incomeChange', header: `收入${I.budget_adjustment_amount.name}`, unit: 'yuan' },
    { key: 'expenseChange', header: `支出${I.budget_adjustment_amount.name}`, unit: 'yuan' },
    { key: 'inForce', header: `${req.year}年统计月` },
    { key: 'reason', header: '原因' },
  ];
  return (
    <>
      <div className="card">
        <DataTable
          id="versions"
          columns={versionColumns}
          rows={versionRows}
          exportName={`${label}预算版本与调整`}
          caption={`${label} 预算版本（批准预算与调整方案，从不覆盖）`}
        />
      </div>
      {data.adjustments.length === 0 ? (
        <p className="source-note">{req.year}年无预算调整方案。</p>
      ) : (
        data.adjustments.map((a) => (
          <div className="grid-2" key={a.version.id} style={{ marginTop: 16 }}>
            <div className="card">
              <DataTable
                id={`adj-items-${a.version.seq}`}
                columns={[
                  { key: 'item', header: '项目' },
                  { key: 'before', header: `调整前（${a.previous.docNo}）`, unit: 'yuan' },
                  { key: 'after', header: `调整后（${a.version.docNo}）`, unit: 'yuan' },
                  { key: 'change', header: I.budget_adjustment_amount.name, unit: 'yuan' },
                ]}
                rows={a.byItem.map((i) => ({ item: labelOf(ITEMS, i.item), before: i.before, after: i.after, change: i.change }))}
                exportName={`${a.version.docNo}分项目调整`}
                caption={`${a.version.docNo}（${a.version.approvedOn}）调整了什么：${a.version.reason}`}
              />
            </div>
            <div className="card">
              <DataTable
                id={`adj-lines-${a.version.seq}`}
                columns={[
                  { key: 'region', header: '地区' },
                  { key: 'scheme', header: '险种' },
                  { key: 'item', header: '项目' },
                  { key: 'before', header: '调整前', unit: 'yuan' },
                  { key: 'after', header: '调整后', unit: 'yuan' },
                  { key: 'change', header: I.budget_adjustment_amount.name, unit: 'yuan' },
                ]}
                rows={a.lines.map((l) => ({
                  region: regionName(ctx, l.regionCode),
                  scheme: SCHEMES.find((s) => s.code === l.schemeCode)?.short ?? l.schemeCode,
                  item: labelOf(ITEMS, l.item),
                  before: l.before, after: l.after, change: l.change,
                }))}
                exportName={`${a.version.docNo}调整明细`}
                caption={`${a.version.docNo} 调整明细（${a.lines.length}行）`}
                defaultSort="change.asc"
                emptyReason="该调整方案未改变所选范围的预算"
              />
            </div>
          </div>
        ))
      )}
    </>
  );
}
