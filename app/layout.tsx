import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import './globals.css';
import AppShell, { PRODUCT_NAME } from './ui/AppShell';

export const metadata: Metadata = {
  title: { default: PRODUCT_NAME, template: `%s · ${PRODUCT_NAME}` },
  description: '市级统筹后的医保基金运行监测、风险预警、县级考核与分级诊疗分析',
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
};

// TODO(lead): read from getDatasetInfo() (city name, demo flag). Keep lib/db and prisma out of this file's
// static imports until then; the shell itself only needs these two values.
const CITY_NAME = '演示市';
const IS_DEMO = true;

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="zh-CN">
      <body>
        <AppShell cityName={CITY_NAME} isDemo={IS_DEMO}>
          {children}
        </AppShell>
      </body>
    </html>
  );
}
