import { Suspense } from 'react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { TableSkeleton } from '../ui/Skeleton';
import ImportForm from './_widgets/ImportForm';
import BatchHistory from './_widgets/BatchHistory';
import TemplateDownloads from './_widgets/TemplateDownloads';
import { TEMPLATE_LIST } from '@/lib/ingest/templates';
import styles from './admin.module.css';
import { requireViewer } from '@/lib/auth/viewer';

export const metadata: Metadata = { title: '数据导入' };

// 管理: imports with the validation report and batch history. Users and roles, reference
// tables and rule configuration come with login.
export default async function AdminImportPage() {
  await requireViewer({ roles: ['admin'] });
  return (
    <>
      <header className="page-header">
        <h1>管理 · 数据导入</h1>
        <p className="page-lead">
          导入医保信息平台导出的结算明细和各县（市、区）报送的报表。整个文件一起校验：有任何问题都不写入，并指出所在的行、列和原因；
          同一文件不会导入两次；更正文件替换其所含月份的数据。导入后受影响月份的汇总数据随即刷新。
          命令行：<code>npm run import -- 文件 [--kind 模板] [--replace]</code>。
        </p>
        <p className="page-lead" style={{ marginTop: 6 }}>
          其他管理：<Link href="/admin/users">用户</Link> · <Link href="/admin/audit">审计日志</Link>
        </p>
      </header>

      <section className="section" aria-labelledby="upload-h">
        <h2 id="upload-h">上传文件</h2>
        <div className="card">
          <ImportForm templates={TEMPLATE_LIST.map((t) => ({ kind: t.kind, name: t.name, scopeNote: t.scopeNote }))} />
        </div>
      </section>

      <section className="section" aria-labelledby="batches-h">
        <h2 id="batches-h">导入批次</h2>
        <Suspense fallback={<TableSkeleton rows={8} columns={8} />}>
          <BatchHistory />
        </Suspense>
      </section>

      <section className="section" aria-labelledby="templates-h">
        <h2 id="templates-h">模板下载</h2>
        <p className="page-lead" style={{ marginBottom: 10 }}>
          每个模板的列、类型、单位、代码和示例见<Link href="/admin/templates">模板说明</Link>。县级考核方案见<Link href="/admin/assessment">考核方案</Link>。
        </p>
        <TemplateDownloads />
      </section>
    </>
  );
}
