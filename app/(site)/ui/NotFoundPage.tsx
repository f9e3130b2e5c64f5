import Link from 'next/link';

/** Chinese not-found page (not-found.tsx of each segment); the response status is 404. */
export default function NotFoundPage({
  title = '页面不存在',
  message = '您访问的地址不存在，可能已被移动或输入有误。',
  back = { href: '/', label: '返回总览' },
}: {
  title?: string;
  message?: string;
  back?: { href: string; label: string };
}) {
  return (
    <section className="card route-state" data-testid="not-found">
      <p className="badge">404</p>
      <h1>{title}</h1>
      <p>{message}</p>
      <div className="route-actions">
        <Link className="btn btn-primary" href={back.href}>
          {back.label}
        </Link>
        {back.href !== '/' && (
          <Link className="btn" href="/">
            返回总览
          </Link>
        )}
      </div>
    </section>
  );
}
