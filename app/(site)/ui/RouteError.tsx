'use client';

import { startTransition, useEffect } from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';

/**
 * The error boundary of a route segment (its error.tsx): the header, navigation and other pages stay
 * usable, the message is for people (never a stack trace), and 重试 renders the segment again with fresh
 * server data.
 */
export default function RouteError({ error, reset, title = '本页加载失败' }: { error: Error & { digest?: string }; reset: () => void; title?: string }) {
  const router = useRouter();
  useEffect(() => {
    console.error('[route]', error);
  }, [error]);
  return (
    <section className="card route-state error-state" role="alert" data-testid="route-error">
      <h1 className="error-state-title">{title}</h1>
      <p>数据暂时无法读取，可能是网络中断或服务繁忙。其他页面不受影响。</p>
      {error.digest && <p>错误编号：{error.digest}（联系管理员时请提供）</p>}
      <div className="route-actions">
        <button
          type="button"
          className="btn btn-primary"
          onClick={() =>
            startTransition(() => {
              router.refresh();
              reset();
            })
          }
        >
          重试
        </button>
        <Link className="btn" href="/">
          返回总览
        </Link>
      </div>
    </section>
  );
}
