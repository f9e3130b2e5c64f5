import { ChartSkeleton, KpiGridSkeleton, TableSkeleton } from './Skeleton';

/**
 * The loading state of a route segment (its loading.tsx): shown at once when navigation starts, so the
 * previous page's figures never stay on screen under the new address. Server-safe.
 */
export default function RouteLoading({ title }: { title?: string }) {
  return (
    <div className="route-loading" role="status" aria-live="polite" aria-label={title ? `${title}加载中` : '页面加载中'} data-testid="route-loading">
      <div className="route-loading-bar" aria-hidden="true" />
      <header className="page-header">
        <h1>{title ?? '加载中'}</h1>
        <p className="page-lead">正在读取数据……</p>
      </header>
      <KpiGridSkeleton count={4} />
      <div className="grid-2" style={{ marginTop: 16 }}>
        <div className="card">
          <ChartSkeleton height={220} />
        </div>
        <div className="card">
          <TableSkeleton rows={5} columns={4} />
        </div>
      </div>
    </div>
  );
}
