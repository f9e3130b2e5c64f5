'use client';

import { Suspense, useMemo } from 'react';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type Row,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import { formatPeriod, formatValue } from '@/lib/format';
import EmptyState from './EmptyState';
import { EXPORTERS, downloadTable, type CellValue, type ColumnUnit, type ExportFormat, type TableRow } from './tableExport';

export interface DataTableColumn {
  key: string;
  header: string;
  /** Numbers are formatted with formatValue (or formatPeriod for 'period') and exported raw in this unit. */
  unit?: ColumnUnit;
  /** Defaults: right for numeric units, left otherwise. */
  align?: 'left' | 'right';
  /**
   * Name of a row field that holds a URL; the cell becomes a link to it (drill-down). A field name rather
   * than a function because functions cannot cross from a server component into this client component.
   */
  linkKey?: string;
}

export interface DataTableProps {
  /** Unique on the page; the URL carries the sort as `?<id>.sort=field.desc`. */
  id: string;
  columns: DataTableColumn[];
  rows: TableRow[];
  /** File name of the export without extension, e.g. '2024年各县参保率'. */
  exportName: string;
  caption?: string;
  /** 'field.desc', 'field.asc' or 'field' (ascending). */
  defaultSort?: string;
  /** Shown in the EmptyState when rows is empty. */
  emptyReason?: string;
  /** Export buttons to offer (default: CSV and XLSX). */
  formats?: ExportFormat[];
}

const collator = new Intl.Collator('zh-CN', { numeric: true });
const DEFAULT_FORMATS: ExportFormat[] = ['csv', 'xlsx'];

export function parseSort(param: string | null | undefined, keys: ReadonlySet<string>): SortingState {
  if (!param) return [];
  const m = /^(.+?)(?:\.(asc|desc))?$/.exec(param);
  if (!m || !keys.has(m[1])) return [];
  return [{ id: m[1], desc: m[2] === 'desc' }];
}

export function serializeSort(sorting: SortingState): string | null {
  const s = sorting[0];
  return s ? `${s.id}.${s.desc ? 'desc' : 'asc'}` : null;
}

function isNumericUnit(unit: ColumnUnit | undefined): boolean {
  return unit !== undefined && unit !== 'period';
}

function compareCells(a: Row<TableRow>, b: Row<TableRow>, columnId: string): number {
  const x = a.getValue<CellValue | undefined>(columnId);
  const y = b.getValue<CellValue | undefined>(columnId);
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  return collator.compare(String(x ?? ''), String(y ?? ''));
}

function renderCell(value: CellValue | undefined, unit: ColumnUnit | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'number') {
    if (unit === 'period') return formatPeriod(value);
    if (unit) return formatValue(value, unit);
    return String(value);
  }
  return value;
}

function buildColumns(columns: DataTableColumn[]): ColumnDef<TableRow>[] {
  return columns.map((col) => ({
    id: col.key,
    // undefined (not null) so TanStack's sortUndefined keeps missing values last in both directions.
    accessorFn: (row: TableRow) => row[col.key] ?? undefined,
    header: col.header,
    sortingFn: compareCells,
    sortUndefined: 'last',
    sortDescFirst: isNumericUnit(col.unit),
    cell: (ctx) => {
      const raw = ctx.getValue<CellValue | undefined>();
      const text = renderCell(raw, col.unit);
      const missing = raw === null || raw === undefined || raw === '';
      const href = col.linkKey ? ctx.row.original[col.linkKey] : null;
      if (typeof href === 'string' && href && !missing) {
        return (
          <Link href={href} prefetch={false}>
            {text}
          </Link>
        );
      }
      return missing ? <span className="missing">{text}</span> : text;
    },
  }));
}

interface ViewProps extends DataTableProps {
  sortParam: string | null;
  onSortChange?: (next: string | null) => void;
}

function DataTableView({
  id,
  columns,
  rows,
  exportName,
  caption,
  emptyReason,
  formats = DEFAULT_FORMATS,
  sortParam,
  onSortChange,
}: ViewProps) {
  const columnDefs = useMemo(() => buildColumns(columns), [columns]);
  const keys = useMemo(() => new Set(columns.map((c) => c.key)), [columns]);
  const sorting = useMemo(() => parseSort(sortParam, keys), [sortParam, keys]);
  const alignOf = useMemo(
    () => new Map(columns.map((c) => [c.key, c.align ?? (isNumericUnit(c.unit) ? 'right' : 'left')])),
    [columns],
  );

  const table = useReactTable<TableRow>({
    data: rows,
    columns: columnDefs,
    state: { sorting },
    onSortingChange: (updater: Updater<SortingState>) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      onSortChange?.(serializeSort(next));
    },
    enableSortingRemoval: false,
    enableMultiSort: false,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });

  const sortedRows = table.getRowModel().rows;

  return (
    <div className="table-block" id={`table-${id}`}>
      <div className="table-toolbar">
        {caption && <span className="table-caption">{caption}</span>}
        {rows.length > 0 && (
          <div className="table-actions">
            {formats.map((f) => (
              <button
                key={f}
                type="button"
                className="btn"
                onClick={() => {
                  downloadTable(f, exportName, columns, sortedRows.map((r) => r.original)).catch((err) => {
                    console.error('[export]', err);
                    window.alert('导出失败，请稍后重试。');
                  });
                }}
              >
                {EXPORTERS[f].label}
              </button>
            ))}
          </div>
        )}
      </div>
      {rows.length === 0 ? (
        <EmptyState reason={emptyReason} />
      ) : (
        <>
          <div className="table-scroll" tabIndex={0} role="region" aria-label={caption ?? exportName}>
            <table className="data-table">
              {caption && <caption className="visually-hidden">{caption}</caption>}
              <thead>
                {table.getHeaderGroups().map((hg) => (
                  <tr key={hg.id}>
                    {hg.headers.map((header) => {
                      const dir = header.column.getIsSorted();
                      const align = alignOf.get(header.column.id);
                      return (
                        <th
                          key={header.id}
                          scope="col"
                          className={align === 'right' ? 'num' : undefined}
                          aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : undefined}
                        >
                          <button
                            type="button"
                            className="sort-btn"
                            onClick={header.column.getToggleSortingHandler()}
                            title="点击排序"
                          >
                            {flexRender(header.column.columnDef.header, header.getContext())}
                            <span className="sort-icon" aria-hidden="true">
                              {dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : '↕'}
                            </span>
                          </button>
                        </th>
                      );
                    })}
                  </tr>
                ))}
              </thead>
              <tbody>
                {sortedRows.map((row) => (
                  <tr key={row.id}>
                    {row.getVisibleCells().map((cell) => (
                      <td key={cell.id} className={alignOf.get(cell.column.id) === 'right' ? 'num' : undefined}>
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="table-foot">共 {rows.length} 行</div>
        </>
      )}
    </div>
  );
}

function DataTableWithUrl(props: DataTableProps) {
  const searchParams = useSearchParams();
  const param = `${props.id}.sort`;
  const sortParam = searchParams.get(param) ?? props.defaultSort ?? null;

  // The sort lives in the URL so a view can be shared. history.replaceState is integrated with the Next
  // router (useSearchParams updates) and, unlike router.replace, does not refetch the server components.
  const onSortChange = (next: string | null) => {
    const params = new URLSearchParams(window.location.search);
    if (next === null || next === props.defaultSort) params.delete(param);
    else params.set(param, next);
    const qs = params.toString();
    window.history.replaceState(null, '', `${window.location.pathname}${qs ? `?${qs}` : ''}${window.location.hash}`);
  };

  return <DataTableView {...props} sortParam={sortParam} onSortChange={onSortChange} />;
}

/**
 * The product's one table. Sorting by header click (kept in the URL), formatted numbers right-aligned,
 * sticky header and first column, horizontal scroll on phones, CSV (with BOM) and XLSX export.
 */
export default function DataTable(props: DataTableProps) {
  return (
    // On a prerendered route useSearchParams suspends; the fallback is the same table in its default sort.
    <Suspense fallback={<DataTableView {...props} sortParam={props.defaultSort ?? null} />}>
      <DataTableWithUrl {...props} />
    </Suspense>
  );
}
