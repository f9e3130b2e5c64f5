import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import './globals.css';
import { connection } from 'next/server';
import AppShell, { PRODUCT_NAME } from './ui/AppShell';
import { getDatasetInfo } from '@/lib/queries/meta/getDatasetInfo';
import { getViewer } from '@/lib/auth/viewer';
import { ROLE_LABELS, type UserRole } from '@/lib/auth/users';

export const metadata: Metadata = {
  title: { default: PRODUCT_NAME, template: `%s · ${PRODUCT_NAME}` },
  description: '市级统筹后的医保基金运行监测、风险预警、县级考核与分级诊疗分析',
};

// Every page reads the warehouse per request (the connection() below); nothing is prerendered at build
// time (no database then). Not `dynamic = 'force-dynamic'` here: that would also forbid the public report
// pages (/open, `dynamic = 'force-static'`) from being cached per release.

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page reads the warehouse at request time (never at build time).
  await connection();
  const info = await getDatasetInfo().catch((err) => {
    console.error('[layout] dataset info', err);
    return null;
  });
  const viewer = await getViewer();
  const user = viewer.role === 'public' ? null : { name: viewer.name, role: viewer.role, roleLabel: ROLE_LABELS[viewer.role as UserRole] ?? viewer.role };
  return (
    <html lang="zh-CN">
      <body>
        <AppShell cityName={info?.cityName ?? '（未装载数据）'} isDemo={info?.isDemo ?? false} user={user}>
          {children}
        </AppShell>
      </body>
    </html>
  );
}
