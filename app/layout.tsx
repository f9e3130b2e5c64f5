import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import './globals.css';
import { PRODUCT_NAME } from './(site)/ui/AppShell';

export const metadata: Metadata = {
  title: { default: PRODUCT_NAME, template: `%s · ${PRODUCT_NAME}` },
  description: '市级统筹后的医保基金运行监测、风险预警、县级考核与分级诊疗分析',
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
};

// The document only. The shell (header, navigation, who is signed in) is drawn one level down: by
// app/(site)/layout.tsx from the request's session for the pages rendered per request, and by
// app/v/[token]/layout.tsx for the dashboards kept rendered per scope (lib/auth/pageCache.ts), which
// cannot read the session.
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="zh-CN">
      <body>{children}</body>
    </html>
  );
}
