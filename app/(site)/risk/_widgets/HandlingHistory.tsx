import Link from 'next/link';
import DataTable from '@/app/(site)/ui/DataTable';
import EmptyState from '@/app/(site)/ui/EmptyState';
import ErrorState from '@/app/(site)/ui/ErrorState';
import { getHandlingHistoryPage } from '@/lib/queries/risk/getHandlingHistory';
import { riskHref, type RiskFilters } from '@/lib/queries/risk/filters';
import type { Scope } from '@/lib/queries/scope';
import { fmtDateTime } from './format';
import s from '../risk.module.css';

/** Rows per page: the page carries one page of the history, the pager (?hpage=) the rest. */
const PAGE_SIZE = 20;

/** Every handling step, newest first: who did what to which warning, when, with the note; a page at a time. */
export default async function HandlingHistory({ scope, filters, pool = null }: { scope: Scope; filters: RiskFilters; pool?: string[] | null }) {
  let data;
  try {
    data = await getHandlingHistoryPage(scope, { region: filters.region, page: filters.hpage ?? 1, pageSize: PAGE_SIZE, ...(pool ? { pool } : {}) });
  } catch (err) {
    console.error('[risk] history', err);
    return <ErrorState message="处理记录加载失败，请稍后重试。" />;
  }
  if (data.total === 0) return <EmptyState reason="尚无处理记录" />;
  const { page, pageCount } = data;
  return (
    <div>
      <DataTable
        id="history"
        caption={`处理记录（含系统自动解除、指标恢复等）：共 ${data.total} 条，第 ${page}/${pageCount} 页`}
        exportName={`预警处理记录_第${page}页`}
        columns={[
          { key: 'when', header: '时间' },
          { key: 'warning', header: '预警' },
          { key: 'action', header: '操作' },
          { key: 'change', header: '状态' },
          { key: 'actor', header: '操作人' },
          { key: 'note', header: '说明' },
        ]}
        rows={data.rows.map((r) => ({ when: fmtDateTime(r.at), warning: `#${r.warningId} ${r.rule}：${r.subject}`, action: r.action, change: r.change, note: r.note, actor: r.actor }))}
      />
      {pageCount > 1 && (
        <nav className={s.pager} aria-label="处理记录翻页">
          {page > 1 ? <Link href={riskHref(filters, { hpage: page - 1 }, '#history')} scroll={false}>上一页</Link> : <span className={s.hint}>上一页</span>}
          <span>{page} / {pageCount}</span>
          {page < pageCount ? <Link href={riskHref(filters, { hpage: page + 1 }, '#history')} scroll={false}>下一页</Link> : <span className={s.hint}>下一页</span>}
        </nav>
      )}
    </div>
  );
}
