import type { ReactNode } from 'react';
import Link from 'next/link';
import NavLinks from './NavLinks';
import UserMenu from './UserMenu';
import { FAULT_META, faultsEnabled } from './faults';

export const PRODUCT_NAME = '医保基金运行与分级诊疗分析平台';

export interface AppShellProps {
  cityName: string;
  /** True when the loaded dataset is the generated demo city: always labelled 演示数据. */
  isDemo: boolean;
  /** the signed-in user (null: the anonymous public) */
  user?: { name: string; role: string; roleLabel: string } | null;
  children: ReactNode;
}

export default function AppShell({ cityName, isDemo, user = null, children }: AppShellProps) {
  return (
    <>
      {/* Test servers only (E2E_FAULTS=1): lets ?e2e-fail=… break one widget on purpose (app/(site)/ui/faults.ts). */}
      {faultsEnabled() && <meta name={FAULT_META} content="on" />}
      <a className="skip-link" href="#main">
        跳到主要内容
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <Link href="/" className="brand">
            {PRODUCT_NAME}
          </Link>
          <span className="brand-city">{cityName}</span>
          {isDemo && (
            <span className="badge-demo" title="本平台当前载入的是生成的演示数据，城市与数字均为虚构">
              演示数据
            </span>
          )}
          {user && <UserMenu name={user.name} roleLabel={user.roleLabel} />}
        </div>
      </header>
      <NavLinks role={user?.role ?? 'public'} />
      <main id="main" className="app-main">
        <p className="page-pending" role="status" aria-live="polite">
          正在按新的筛选条件加载……
        </p>
        {children}
      </main>
      <footer className="app-footer">
        {PRODUCT_NAME} · {cityName}
        {isDemo && ' · 当前为演示数据，城市名称与全部数字均为虚构，不代表任何真实地区'}
      </footer>
    </>
  );
}
