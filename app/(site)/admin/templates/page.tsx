import type { Metadata } from 'next';
import Link from 'next/link';
import { TEMPLATE_LIST, allowedValues, columnTypeLabel, headerWithUnit } from '@/lib/ingest/templates';
import styles from '../admin.module.css';
import { requireViewer } from '@/lib/auth/viewer';

export const metadata: Metadata = { title: '模板说明 · 数据导入' };

// The same content as lib/ingest/TEMPLATES.md, rendered from the template definitions.
export default async function TemplatesPage() {
  await requireViewer({ roles: ['admin'] });
  return (
    <div className={styles.doc}>
      <p style={{ margin: '0 0 8px' }}><Link href="/admin">← 数据导入</Link></p>
      <header className="page-header">
        <h1>数据导入模板说明</h1>
        <p className="page-lead">
          CSV（UTF-8 或 GBK，自动识别）或 Excel .xlsx（读第一个工作表），第一行为表头，列的顺序不限。代码列可填代码或中文名称；
          年月可写 202403、2024-03 或 2024年3月；金额单位为元，最多两位小数。任何一行有问题，整个文件都不写入。
        </p>
        <ul className={styles.toc}>
          {TEMPLATE_LIST.map((t) => <li key={t.kind}><a href={`#${t.slug}`}>{t.name}</a></li>)}
        </ul>
      </header>
      {TEMPLATE_LIST.map((t) => (
        <section key={t.kind} className="section card" aria-labelledby={t.slug}>
          <h2 id={t.slug}>{t.name} <span className="badge">{t.kind}</span></h2>
          <p style={{ margin: '0 0 6px' }}>{t.description}</p>
          <ul>
            <li>一行是：{t.grain}</li>
            <li>不得重复：{t.key.map((k) => t.columns.find((c) => c.key === k)?.header ?? k).join(' + ')}</li>
            <li>更正：{t.scopeNote}</li>
            <li>
              下载：<a href={`/api/import/templates/${t.slug}.xlsx`} download>空白模板 .xlsx</a>、
              <a href={`/api/import/templates/${t.slug}.csv`} download>.csv</a>、
              <a href={`/api/import/templates/${t.slug}.csv?example=1`} download>示例 .csv</a>
            </li>
          </ul>
          <div className="table-scroll" tabIndex={0} role="region" aria-label={`${t.name}的列`}>
            <table className={`data-table ${styles.docTable}`}>
              <thead>
                <tr><th scope="col">列名</th><th scope="col">类型</th><th scope="col">单位</th><th scope="col">必填</th><th scope="col">可填的值</th><th scope="col">说明</th><th scope="col">示例</th></tr>
              </thead>
              <tbody>
                {t.columns.map((c) => (
                  <tr key={c.key}>
                    <td>{headerWithUnit(c)}</td>
                    <td>{columnTypeLabel(c)}</td>
                    <td>{c.unit ?? ''}</td>
                    <td>{c.optional ? '否' : '是'}</td>
                    <td>{allowedValues(c)}</td>
                    <td>{c.note}{c.aliases?.length ? `（也可用列名：${c.aliases.join('、')}）` : ''}</td>
                    <td>{c.example}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <pre className={styles.example} aria-label="示例">
            {[t.columns.map(headerWithUnit).join(','), ...t.examples.map((e) => e.map((v) => (/[",]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(','))].join('\n')}
          </pre>
        </section>
      ))}
    </div>
  );
}
