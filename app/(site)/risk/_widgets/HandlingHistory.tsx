import DataTable from '@/app/(site)/ui/DataTable';
import EmptyState from '@/app/(site)/ui/EmptyState';
import ErrorState from '@/app/(site)/ui/ErrorState';
import { getHandlingHistory } from '@/lib/queries/risk/getHandlingHistory';
import type { Scope } from '@/lib/queries/scope';
import { fmtDateTime } from './format';

/** Every handling step, newest first: who did what to which warning, when, with the note. */
export default async function HandlingHistory({ scope, region }: { scope: Scope; region: string | 'ALL' }) {
  let rows;
  try {
    rows = await getHandlingHistory(scope, { region, limit: 60 });
  } catch (err) {
    console.error('[risk] history', err);
    return <ErrorState message="处理记录加载失败，请稍后重试。" />;
  }
  if (rows.length === 0) return <EmptyState reason="尚无处理记录" />;
  return (
    <DataTable
      id="history"
      caption="最近60条处理记录（含系统自动解除、指标恢复等）"
      exportName="预警处理记录"
      columns={[
        { key: 'when', header: '时间' },
        { key: 'warning', header: '预警' },
        { key: 'action', header: '操作' },
        { key: 'change', header: '状态' },
        { key: 'actor', header: '操作人' },
        { key: 'note', header: '说明' },
      ]}
      rows={rows.map((r) => ({ when: fmtDateTime(r.at), warning: `#${r.warningId} ${r.rule}：${r.subject}`, action: r.action, change: r.change, note: r.note, actor: r.actor }))}
    />
  );
}
