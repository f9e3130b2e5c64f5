import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/lib/db';
import { requireViewer } from '@/lib/auth/viewer';
import { AUDIT_ACTIONS } from '@/lib/audit/record';
import { listAudit, parseAuditFilter } from '@/lib/audit/query';
import f from '../../ui/forms.module.css';
import { formatDateTimeZh } from '@/lib/dates';

export const metadata: Metadata = { title: '审计日志' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const PAGE = 100;
const fmt = formatDateTimeZh; // Beijing time, as every page shows instants

/** Admins only: who did what and when, with before/after; filter by action, person and days; export. */
export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  await requireViewer({ roles: ['admin'] });
  const filter = parseAuditFilter(await searchParams);
  const { rows, total } = await listAudit(getDb(), filter, PAGE);
  const qs = new URLSearchParams(Object.entries({ action: filter.action, actor: filter.actor, from: filter.from, to: filter.to }).filter((e): e is [string, string] => !!e[1]));
  const pages = Math.max(1, Math.ceil(total / PAGE));
  const pageLink = (p: number) => `/admin/audit?${new URLSearchParams({ ...Object.fromEntries(qs), page: String(p) })}`;
  return (
    <>
      <header className="page-header">
        <h1>管理 · 审计日志</h1>
        <p className="page-lead">
          登录与登录失败、数据导入与更正、用户变更、预警规则阈值修改、预警处理状态变化，记录操作人、时间、对象和修改前后的内容。日志只增不改。
          命令行操作记为“cli:操作系统用户名”。
        </p>
      </header>
      <form method="get" className={`filter-bar ${f.inline}`} aria-label="筛选审计日志" style={{ marginBottom: 14 }}>
        <label className={f.field}><span>操作</span>
          <select name="action" defaultValue={filter.action ?? ''}>
            <option value="">全部</option>
            {Object.entries(AUDIT_ACTIONS).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
          </select>
        </label>
        <label className={f.field}><span>操作人</span><input name="actor" defaultValue={filter.actor ?? ''} maxLength={60} /></label>
        <label className={f.field}><span>起始日期</span><input name="from" type="date" defaultValue={filter.from ?? ''} /></label>
        <label className={f.field}><span>截止日期</span><input name="to" type="date" defaultValue={filter.to ?? ''} /></label>
        <button type="submit" className="btn btn-primary">筛选</button>
        <a className="btn" href={`/api/admin/audit?${new URLSearchParams({ ...Object.fromEntries(qs), format: 'csv' })}`}>导出 CSV</a>
        <a className="btn" href={`/api/admin/audit?${new URLSearchParams({ ...Object.fromEntries(qs), format: 'xlsx' })}`}>导出 XLSX</a>
      </form>
      <p className="page-lead" role="status">共 {total.toLocaleString('zh-CN')} 条{pages > 1 ? `，第 ${filter.page}/${pages} 页` : ''}</p>
      <div className="card" style={{ overflowX: 'auto', padding: 0 }}>
        <table className="data-table table-stack" style={{ width: '100%', borderCollapse: 'collapse', fontSize: '0.86rem' }}>
          <caption className="visually-hidden">审计日志</caption>
          <thead>
            <tr>{['时间', '操作人', '操作', '对象', '修改前', '修改后', '说明', '来源'].map((h) => <th key={h} scope="col" style={{ textAlign: 'left', padding: '6px 8px', borderBottom: '1px solid var(--border)' }}>{h}</th>)}</tr>
          </thead>
          <tbody>
            {rows.length === 0 && <tr><td colSpan={8} style={{ padding: 12 }}>没有符合条件的记录</td></tr>}
            {rows.map((r) => (
              <tr key={r.id} style={{ borderBottom: '1px solid var(--border)', verticalAlign: 'top' }}>
                <td data-label="时间" style={{ padding: '5px 8px', whiteSpace: 'nowrap' }}>{fmt(r.at)}</td>
                <td data-label="操作人" style={{ padding: '5px 8px' }}>{r.actorName}{r.actorRole ? <span style={{ color: 'var(--muted)' }}>（{r.actorRole}）</span> : null}</td>
                <td data-label="操作" style={{ padding: '5px 8px', whiteSpace: 'nowrap' }}>{r.actionLabel}</td>
                <td data-label="对象" style={{ padding: '5px 8px' }}>{r.target ?? '—'}</td>
                <td data-label="修改前" style={{ padding: '5px 8px', minWidth: '10em', maxWidth: '18em' }}><code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{r.before ?? '—'}</code></td>
                <td data-label="修改后" style={{ padding: '5px 8px', minWidth: '10em', maxWidth: '18em' }}><code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{r.after ?? '—'}</code></td>
                <td data-label="说明" style={{ padding: '5px 8px', minWidth: '12em', maxWidth: '20em', wordBreak: 'break-word' }}>{r.detail ?? '—'}</td>
                <td data-label="来源" style={{ padding: '5px 8px' }}>{r.ip ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <p>
          {filter.page > 1 && <Link href={pageLink(filter.page - 1)}>← 上一页</Link>} {filter.page < pages && <Link href={pageLink(filter.page + 1)}>下一页 →</Link>}
        </p>
      )}
    </>
  );
}
