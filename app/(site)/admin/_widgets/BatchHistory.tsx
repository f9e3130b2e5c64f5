import DataTable, { type DataTableColumn } from '../../ui/DataTable';
import ErrorState from '../../ui/ErrorState';
import { getViewer } from '@/lib/auth/viewer';
import { getImportBatches } from '@/lib/queries/admin';
import { formatDateTime, MODE_LABELS, periodRange } from './format';

const COLUMNS: DataTableColumn[] = [
  { key: 'id', header: '批次', linkKey: 'href' },
  { key: 'importedAt', header: '导入时间' },
  { key: 'kindName', header: '模板' },
  { key: 'fileName', header: '文件' },
  { key: 'mode', header: '方式' },
  { key: 'status', header: '状态' },
  { key: 'rowsAccepted', header: '导入行数', unit: 'count' },
  { key: 'rowsRejected', header: '问题行数', unit: 'count' },
  { key: 'rowsSkipped', header: '跳过重复', unit: 'count' },
  { key: 'periods', header: '数据期间' },
  { key: 'importedBy', header: '导入人' },
  { key: 'note', header: '说明' },
];

/** Every import with its outcome, newest first; the batch number opens its report. */
export default async function BatchHistory() {
  let data;
  try {
    data = await getImportBatches(await getViewer(), { limit: 300 });
  } catch (err) {
    console.error('[admin] batches', err);
    return <ErrorState message="导入批次加载失败，请稍后重试。" />;
  }
  const rows = data.items.map((b) => ({
    id: b.id,
    href: `/admin/batches/${b.id}`,
    importedAt: formatDateTime(b.importedAt),
    kindName: b.kindName,
    fileName: b.fileName,
    mode: MODE_LABELS[b.mode] ?? b.mode,
    status: b.replacedById ? `${b.statusLabel}（批次#${b.replacedById}）` : b.statusLabel,
    rowsAccepted: b.rowsAccepted,
    rowsRejected: b.rowsRejected || null,
    rowsSkipped: b.rowsSkipped || null,
    periods: periodRange(b.periodFrom, b.periodTo),
    importedBy: b.importedBy,
    note: b.note,
  }));
  return (
    <DataTable
      id="batches"
      columns={COLUMNS}
      rows={rows}
      exportName="导入批次"
      caption={`共 ${data.total} 个批次${data.total > rows.length ? `，显示最近 ${rows.length} 个` : ''}；点批次号查看校验报告`}
      defaultSort="id.desc"
      emptyReason="还没有导入过文件"
      stackOnPhone
    />
  );
}
