import type { Metadata } from 'next';
import Link from 'next/link';
import { getViewer } from '@/lib/auth/viewer';
import LoginForm from './LoginForm';

export const metadata: Metadata = { title: '登录' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Anyone may open it. 市医保局、县（市、区）和管理员的账号登录；公开页面无需登录。 */
export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const next = typeof sp.next === 'string' && sp.next.startsWith('/') && !sp.next.startsWith('//') ? sp.next : '/';
  const viewer = await getViewer();
  return (
    <>
      <header className="page-header">
        <h1>登录</h1>
        <p className="page-lead">
          市医保局、县（市、区）医保部门和管理员使用本单位分配的账号登录；县级账号只能查看本县（市、区）的明细、全市汇总和其他县已公布的考核得分。
          公众可直接查看<Link href="/open">基金运行情况公开</Link>，无需登录。
        </p>
      </header>
      <section className="card" style={{ maxWidth: '30em' }}>
        {viewer.role !== 'public' && (
          <p style={{ marginTop: 0 }} role="status">
            当前已登录：{viewer.name}（{viewer.username}）。<Link href="/">进入总览</Link>，或以其他账号重新登录。
          </p>
        )}
        <LoginForm next={next} />
        <p style={{ marginBottom: 0, fontSize: '0.82rem', color: 'var(--muted)' }}>
          连续 5 次密码错误，账号锁定 15 分钟。忘记密码请联系管理员重置。
        </p>
      </section>
    </>
  );
}
