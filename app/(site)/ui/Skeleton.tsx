/** Loading placeholders shaped like the widgets they stand for (Suspense fallbacks). Server-safe. */

function Bar({ width, height = 12 }: { width: string; height?: number }) {
  return <span className="skeleton" style={{ width, height }} />;
}

export function KpiTileSkeleton() {
  return (
    <div className="skeleton-tile" aria-hidden="true">
      <Bar width="45%" />
      <Bar width="65%" height={30} />
      <Bar width="80%" />
    </div>
  );
}

export function KpiGridSkeleton({ count = 4 }: { count?: number }) {
  return (
    <div className="kpi-grid" role="status" aria-label="加载中">
      {Array.from({ length: count }, (_, i) => (
        <KpiTileSkeleton key={i} />
      ))}
    </div>
  );
}

export function TableSkeleton({ rows = 6, columns = 4 }: { rows?: number; columns?: number }) {
  return (
    <div className="table-scroll" role="status" aria-label="加载中" style={{ padding: 12 }}>
      <div style={{ display: 'grid', gap: 12, gridTemplateColumns: `repeat(${columns}, 1fr)` }}>
        {Array.from({ length: (rows + 1) * columns }, (_, i) => (
          <Bar key={i} width={i < columns ? '60%' : i % columns === 0 ? '80%' : '50%'} />
        ))}
      </div>
    </div>
  );
}

const CHART_BARS = [42, 55, 48, 63, 58, 70, 66, 74, 69, 80, 77, 85];

/**
 * A chart's placeholder. `loading` false: the chart has not started loading yet (it loads when scrolled
 * near), so the placeholder does not announce 加载中 to screen readers or to tests waiting for the page.
 */
export function ChartSkeleton({ height = 280, loading = true }: { height?: number; loading?: boolean }) {
  return (
    <div {...(loading ? { role: 'status', 'aria-label': '加载中' } : { 'aria-hidden': true })}>
      <div className="skeleton-chart" style={{ height }}>
        {CHART_BARS.map((h, i) => (
          <span key={i} className="skeleton" style={{ height: `${h}%` }} />
        ))}
      </div>
    </div>
  );
}

/** Generic line/box placeholder. */
export default function Skeleton({ width = '100%', height = 14 }: { width?: string; height?: number }) {
  return <Bar width={width} height={height} />;
}
