'use client';

import { useState, type ReactNode } from 'react';
import DataTable, { type DataTableColumn } from '../DataTable';
import EmptyState from '../EmptyState';
import type { TableRow } from '../tableExport';

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
  empty: boolean;
  emptyReason?: string;
  children: ReactNode;
}

/**
 * The frame every chart shares: title, unit, and the 图表/表格 toggle — every chart has a table view with
 * the same numbers, sortable and exportable (DESIGN §6).
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
  children,
}: ChartFrameProps) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  return (
    <figure className="chart-block" style={{ margin: 0 }} aria-label={title}>
      <div className="chart-toolbar">
        {title && <figcaption className="chart-title">{title}</figcaption>}
        {unitText && <span className="chart-unit">{unitText}</span>}
        {!empty && (
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
      {empty ? (
        <EmptyState reason={emptyReason} />
      ) : view === 'chart' ? (
        <div className="chart-area" style={{ height }}>
          {children}
        </div>
      ) : (
        <>
          <DataTable id={id} columns={columns} rows={rows} exportName={exportName} />
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
