'use client';

import { Component, Suspense, useEffect, useId, useState, type ReactNode } from 'react';
import DataTable, { type DataTableColumn } from '../DataTable';
import EmptyState from '../EmptyState';
import { ChartSkeleton } from '../Skeleton';
import type { TableRow } from '../tableExport';
import { emptyReasonOf } from '@/lib/charts/empty';

export interface ChartFrameProps {
  id: string;
  title?: string;
  /** e.g. '单位：亿元'. */
  unitText?: string;
  columns: DataTableColumn[];
  rows: TableRow[];
  exportName: string;
  /** Shown under the table view (marker and target explanations). */
  notes?: string[];
  height: number;
  /** Forces the empty state; without it the frame finds empty and all-zero data itself. */
  empty?: boolean;
  emptyReason?: string;
  /** The drawing is a lazyPlot chunk (marked on the figure for browser tests of a failed load). */
  lazyPlot?: boolean;
  children: ReactNode;
}

interface BoundaryState {
  error: Error | null;
}

/** Catches a chart that fails to draw or whose code fails to load; the frame keeps its table view. */
class ChartBoundary extends Component<{ children: ReactNode; onError: () => void }, BoundaryState> {
  state: BoundaryState = { error: null };
  static getDerivedStateFromError(error: Error): BoundaryState {
    return { error };
  }
  componentDidCatch(error: Error) {
    console.error('[chart]', error);
    this.props.onError();
  }
  render() {
    if (this.state.error) {
      return (
        <div className="error-state" role="alert">
          <p className="error-state-title">图表加载失败</p>
          <p>图表组件未能加载（网络中断或浏览器不支持）。请点“表格”查看同样的数据并导出，或刷新页面重试。</p>
        </div>
      );
    }
    return this.props.children;
  }
}

/**
 * The frame every chart shares: title, unit, and the 图表/表格 toggle — every chart has a table view with
 * the same numbers, sortable and exportable. The drawing itself (children, usually a lazily loaded plot)
 * is mounted in the browser only, inside an error boundary: if its code fails to load, the box says so and
 * the table view, exports and the rest of the page keep working. Empty and all-zero data show 「暂无数据」
 * with the reason instead of a blank plot.
 */
export default function ChartFrame({
  id,
  title,
  unitText,
  columns,
  rows,
  exportName,
  notes,
  height,
  empty,
  emptyReason,
  lazyPlot,
  children,
}: ChartFrameProps) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const [mounted, setMounted] = useState(false);
  const [failed, setFailed] = useState(false);
  const descId = useId();
  useEffect(() => setMounted(true), []);
  const found = emptyReasonOf(columns.filter((c) => c.unit !== undefined && c.unit !== 'period').map((c) => c.key), rows);
  const isEmpty = empty || found !== null;
  const reason = emptyReason ?? found ?? undefined;
  const name = title ?? exportName;
  return (
    <figure className="chart-block" style={{ margin: 0 }} aria-label={name} aria-describedby={descId} data-chart-failed={failed || undefined} data-lazy-plot={lazyPlot || undefined}>
      <div className="chart-toolbar">
        {title && <figcaption className="chart-title">{title}</figcaption>}
        {unitText && <span className="chart-unit">{unitText}</span>}
        {!isEmpty && (
          <div className="seg" role="group" aria-label="显示方式">
            <button type="button" aria-pressed={view === 'chart'} onClick={() => setView('chart')}>
              图表
            </button>
            <button type="button" aria-pressed={view === 'table'} onClick={() => setView('table')}>
              表格
            </button>
          </div>
        )}
      </div>
      <p id={descId} className="visually-hidden">
        {isEmpty ? `${name}：暂无数据。${reason ?? ''}` : `${name}。点“表格”按钮可查看与图表相同的数据表。`}
      </p>
      {isEmpty ? (
        <EmptyState reason={reason} />
      ) : view === 'chart' ? (
        <div className="chart-area" style={{ height }}>
          {mounted ? (
            <ChartBoundary onError={() => setFailed(true)}>
              <Suspense fallback={<ChartSkeleton height={height} />}>{children}</Suspense>
            </ChartBoundary>
          ) : (
            <ChartSkeleton height={height} />
          )}
        </div>
      ) : (
        <>
          <DataTable id={id} columns={columns} rows={rows} exportName={exportName} caption={title ? `${title}（数据表）` : undefined} />
          {notes && notes.length > 0 && (
            <ul className="chart-notes">
              {notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </figure>
  );
}
