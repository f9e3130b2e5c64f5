// 审计日志 export (admins only): every event matching the page's filters as CSV (UTF-8 with BOM) or XLSX.
import { getDb } from '@/lib/db';
import { viewerFor } from '@/lib/auth/viewer';
import { exportAudit, parseAuditFilter } from '@/lib/audit/query';
import { buildXlsx, type ExportColumn } from '../../../ui/tableExport';
import { buildCsv } from '../../../ui/tableCsv';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const COLUMNS: ExportColumn[] = [
  { key: 'at', header: '时间' }, { key: 'actorName', header: '操作人' }, { key: 'actorRole', header: '角色' },
  { key: 'actionLabel', header: '操作' }, { key: 'action', header: '操作代码' }, { key: 'target', header: '对象' },
  { key: 'before', header: '修改前' }, { key: 'after', header: '修改后' }, { key: 'detail', header: '说明' }, { key: 'ip', header: '来源地址' },
];

export async function GET(req: Request): Promise<Response> {
  const viewer = await viewerFor(['admin']);
  if (viewer instanceof Response) return viewer;
  const sp = Object.fromEntries(new URL(req.url).searchParams);
  const rows = (await exportAudit(getDb(), { ...parseAuditFilter(sp), page: 1 })).map((r) => ({
    ...r, id: r.id, at: r.at.toISOString(),
  }));
  const xlsx = sp.format === 'xlsx';
  const body = xlsx ? new Uint8Array(await buildXlsx(COLUMNS, rows, '审计日志')) : buildCsv(COLUMNS, rows);
  const name = `审计日志.${xlsx ? 'xlsx' : 'csv'}`;
  return new Response(body, {
    headers: {
      'Content-Type': xlsx ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="audit.${xlsx ? 'xlsx' : 'csv'}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      'Cache-Control': 'no-store',
    },
  });
}
