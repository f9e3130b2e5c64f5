import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import DataTable, { type DataTableColumn } from '../../../ui/DataTable';
import EmptyState from '../../../ui/EmptyState';
import ErrorState from '../../../ui/ErrorState';
import { getViewer } from '@/lib/auth/viewer';
import { getImportBatch } from '@/lib/queries/admin';
import type { BatchDetail } from '@/lib/ingest/history';
import { TEMPLATE_LIST } from '@/lib/ingest/templates';
import { formatCount } from '@/lib/format';
import { parseRecordId } from '@/lib/params';
import { bytesLabel, durationLabel, formatDateTime, MODE_LABELS, periodRange } from '../../_widgets/format';
import styles from '../../admin.module.css';
import { requireViewer } from '@/lib/auth/viewer';

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id } = await params;
  return { title: `批次#${id} · 数据导入` };
}

const TABLE_LABELS: Record<string, string> = {
  ...Object.fromEntries(TEMPLATE_LIST.filter((t) => t.kind !== 'SETTLEMENT').map((t) => [t.table, `${t.name}（${t.table}）`])),
  UtilizationFact: '就诊结算单元（UtilizationFact，参保地 × 机构 × 险种 × 医疗类别 × 月）', SettlementKeySet: '结算流水号去重键组（SettlementKeySet，每个参保地 × 险种 × 月一组）',
  UtilizationRollup: '就诊结算汇总（UtilizationRollup）', BudgetVersion: '预算版本（BudgetVersion）', BudgetLine: '预算明细（BudgetLine）',
};

/** One batch: what happened, the validation report (problems by row, column and reason), what it replaced. */
export default async function BatchPage({ params }: { params: Params }) {
  await requireViewer({ roles: ['admin'] });
  const { id } = await params;
  const batchId = parseRecordId(id);
  if (batchId === null) notFound();
  let d: BatchDetail | null;
  try {
    d = await getImportBatch(await getViewer(), batchId);
  } catch (err) {
    console.error('[admin] batch', err);
    return <ErrorState message="批次信息加载失败，请稍后重试。" />;
  }
  if (!d) notFound();
  const b = d.batch;
  const r = d.report;
  const rows = r?.rows ?? 0;
  return (
    <>
      <p style={{ margin: '0 0 8px' }}><Link href="/admin">← 数据导入</Link></p>
      <header className="page-header">
        <h1>
          批次#{b.id} · {b.kindName} <span className={`${styles.pill} ${styles[`pill${b.status}`] ?? ''}`}>{b.statusLabel}</span>
        </h1>
        <p className="page-lead">{b.fileName}</p>
      </header>

      <div className={`${styles.result} ${styles[`status${b.status}`] ?? ''}`} data-testid="batch-note" style={{ marginBottom: 18 }}>
        <p><strong>{b.note ?? b.statusLabel}</strong></p>
        {b.status === 'REJECTED' && !r?.error && <p>整个文件都没有写入数据库。改正下列问题后重新提交整个文件{d.problemCount > 0 ? '（可下载被拒绝的行，在原文件中逐行改正）' : ''}。</p>}
        {b.status === 'REFUSED' && r?.refusedBecause && (
          <p>该文件已由<Link href={`/admin/batches/${r.refusedBecause.batchId}`}>批次#{r.refusedBecause.batchId}</Link>于{formatDateTime(r.refusedBecause.importedAt)}导入。如需改正已导入的数据，请导入改正后的文件并选择“更正（替换）”。</p>
        )}
        {b.replacedById && <p>本批次的数据已全部被<Link href={`/admin/batches/${b.replacedById}`}>批次#{b.replacedById}</Link>更正替换。</p>}
      </div>

      <section className="section card" aria-labelledby="facts-h">
        <h2 id="facts-h">批次信息</h2>
        <dl className={styles.facts}>
          <div><dt>模板</dt><dd>{b.kindName}</dd></div>
          <div><dt>导入方式</dt><dd>{MODE_LABELS[b.mode] ?? b.mode}</dd></div>
          <div><dt>导入时间</dt><dd>{formatDateTime(b.importedAt)}</dd></div>
          <div><dt>导入人</dt><dd>{b.importedBy}</dd></div>
          <div><dt>文件</dt><dd>{b.format ?? '—'}{b.encoding ? ` · ${b.encoding}` : ''} · {bytesLabel(b.fileBytes)}</dd></div>
          <div><dt>文件指纹（SHA-256）</dt><dd title={b.fileHash}>{b.fileHash.slice(0, 16)}…</dd></div>
          <div><dt>读取行数</dt><dd>{formatCount(rows)}</dd></div>
          <div><dt>导入行数</dt><dd>{formatCount(b.rowsAccepted)}</dd></div>
          {b.rowsRejected > 0 && <div><dt>有问题的行</dt><dd>{formatCount(b.rowsRejected)}</dd></div>}
          {b.rowsSkipped > 0 && <div><dt>跳过的重复结算</dt><dd>{formatCount(b.rowsSkipped)}</dd></div>}
          <div><dt>数据期间</dt><dd>{periodRange(b.periodFrom, b.periodTo) || '—'}</dd></div>
          <div><dt>用时</dt><dd>{durationLabel(b.durationMs)}</dd></div>
        </dl>
      </section>

      {b.status === 'REJECTED' && <Problems d={d} />}
      {b.status !== 'REJECTED' && b.status !== 'REFUSED' && <Loaded d={d} />}
      {d.replacedBy.length > 0 && (
        <section className="section" aria-labelledby="replacedby-h">
          <h2 id="replacedby-h">被后来的更正替换</h2>
          <Replacements groups={d.replacedBy} id="replaced-by" caption={(g) => `批次#${g.batchId}替换了本批次的${formatCount(g.rows)}行`} />
        </section>
      )}
    </>
  );
}

function Problems({ d }: { d: BatchDetail }) {
  const r = d.report;
  const summary = r?.problems?.summary ?? [];
  const kept = r?.problems?.kept ?? d.problemCount;
  const total = r?.problems?.total ?? d.problemCount;
  const cols: DataTableColumn[] = [
    { key: 'row', header: '行号', align: 'right' },
    { key: 'field', header: '列' },
    { key: 'reason', header: '原因' },
  ];
  return (
    <section className="section" aria-labelledby="problems-h">
      <h2 id="problems-h">校验报告</h2>
      {r?.error && <ErrorState title="导入失败" message={r.error} />}
      {total > 0 && (
        <>
          <p>
            共发现 <strong>{formatCount(total)}</strong> 处问题{r?.problems?.badRows ? `，涉及 ${formatCount(r.problems.badRows)} 行` : ''}
            {total > kept ? `（保存了前 ${formatCount(kept)} 处）` : ''}。{' '}
            {d.problemCount > 0 && <a className="btn" href={`/api/import/batches/${d.batch.id}/rejected`} download>下载被拒绝的行（CSV）</a>}
          </p>
          {summary.length > 1 && (
            <div className={styles.wrapCells} style={{ marginBottom: 14 }}>
              <DataTable
                id="summary"
                columns={[{ key: 'column', header: '列' }, { key: 'reason', header: '原因' }, { key: 'count', header: '次数', unit: 'count' }, { key: 'firstRow', header: '首次出现的行', align: 'right' }]}
                rows={summary.map((s) => ({ column: s.column || '（整行/整个文件）', reason: s.reason, count: s.count, firstRow: s.firstRow || null }))}
                exportName={`批次${d.batch.id}-问题汇总`}
                caption="按列和原因汇总"
              />
            </div>
          )}
          <div className={styles.wrapCells}>
            <DataTable
              id="problems"
              columns={cols}
              rows={d.problems.map((p) => ({ row: p.rowNumber > 0 ? p.rowNumber : null, field: p.field ?? '', reason: p.reason }))}
              exportName={`批次${d.batch.id}-校验问题`}
              caption={`问题清单（行号为文件中的行，表头为第1行${d.problems.length < d.problemCount ? `；显示前 ${d.problems.length} 条，完整清单请下载` : ''}）`}
              emptyReason="没有逐行的问题"
            />
          </div>
        </>
      )}
    </section>
  );
}

function Loaded({ d }: { d: BatchDetail }) {
  const r = d.report;
  if (!r) return <EmptyState reason="该批次没有导入报告（演示数据由生成器装载）" />;
  const written = Object.entries(r.written ?? {});
  return (
    <>
      <section className="section card" aria-labelledby="written-h">
        <h2 id="written-h">写入结果</h2>
        <ul style={{ margin: 0, paddingLeft: '1.2em' }}>
          {written.map(([t, n]) => <li key={t}>{TABLE_LABELS[t] ?? t}：{formatCount(n)} 行</li>)}
          {r.updated ? <li>更正覆盖已登记的行：{formatCount(r.updated)}</li> : null}
          {r.totalsChecked ? <li>合计行已核对（不入库）：{formatCount(r.totalsChecked)}</li> : null}
          {r.duplicates && (r.duplicates.inFile + r.duplicates.stored > 0) ? (
            <li>
              跳过重复的结算流水号 {formatCount(r.duplicates.inFile + r.duplicates.stored)} 个：文件内重复 {formatCount(r.duplicates.inFile)}，此前已导入 {formatCount(r.duplicates.stored)}
              {r.duplicates.lines.length > 0 ? `（如第${r.duplicates.lines.slice(0, 5).map((l) => l.line).join('、')}行）` : ''}
            </li>
          ) : null}
          {(r.derived ?? []).map((x) => <li key={x}>已刷新：{x}</li>)}
          {(r.hooks ?? []).map((h) => <li key={h.name}>已通知关联模块 {h.name}：{h.ok ? '完成' : `失败（${h.message ?? ''}）`}</li>)}
        </ul>
      </section>
      {d.replaced.length > 0 && (
        <section className="section" aria-labelledby="replaced-h">
          <h2 id="replaced-h">本批次替换的数据</h2>
          <Replacements groups={d.replaced} id="replaced" caption={(g) => `批次#${g.batchId}的${formatCount(g.rows)}行被本批次替换`} />
        </section>
      )}
    </>
  );
}

function Replacements({ groups, id, caption }: { groups: BatchDetail['replaced']; id: string; caption: (g: BatchDetail['replaced'][number]) => string }) {
  const rows = groups.flatMap((g) => g.scopes.map((s) => ({ batch: g.batchId, href: `/admin/batches/${g.batchId}`, file: g.fileName, scope: s.label, rows: s.rows })));
  return (
    <DataTable
      id={id}
      columns={[{ key: 'batch', header: '批次', linkKey: 'href' }, { key: 'file', header: '文件' }, { key: 'scope', header: '范围（地区 · 险种 · 月份）' }, { key: 'rows', header: '行数', unit: 'count' }]}
      rows={rows}
      exportName={`被替换的数据-${id}`}
      caption={groups.map(caption).join('；')}
    />
  );
}
