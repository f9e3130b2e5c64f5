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
import { chooseYuanScales, formatPeriod, formatScaled, formatValue, roundScaled, type ColumnScale } from '@/lib/format';
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
  /**
   * Name of a row field that is truthy on total rows. Without it, a row whose first column reads
   * '全市', '合计' or '…（全市）' is the total. Total rows are pinned on top, styled as totals and left out
   * of sorting and of the row count.
   */
  totalKey?: string;
  /**
   * On a phone (≤ 640 px) each row is one block with every field under its column's name, instead of the
   * table scrolled sideways: for lists of records read one at a time (admin lists), not for figures compared
   * down a column. Sorting is then by the URL's sort only (the header row is hidden).
   */
  stackOnPhone?: boolean;
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

/** First-column labels that mark the city total of a county table. */
const TOTAL_LABEL = /^(全市|合计|总计|全市合计)$|（全市）$/;

export function isTotalRow(row: TableRow, columns: DataTableColumn[], totalKey?: string): boolean {
  if (totalKey) return Boolean(row[totalKey]);
  const first = columns[0] ? row[columns[0].key] : null;
  return typeof first === 'string' && TOTAL_LABEL.test(first.trim());
}

/** A header without a unit it may already carry, so the chosen scale is stated once: '支出预算（亿元）'. */
function scaledHeader(header: string, scale: ColumnScale): string {
  return `${header.replace(/\s*[（(](元|万元|亿元)[)）]\s*$/, '')}（${scale.scale}）`;
}

/**
 * The note for money columns whose shown parts visibly fail to add up to the shown total (the unrounded
 * figures do add up): said once per table, naming the columns.
 */
export function roundingNote(
  columns: DataTableColumn[],
  parts: TableRow[],
  totals: TableRow[],
  scales: Map<string, ColumnScale>,
): string | null {
  if (totals.length !== 1 || parts.length < 2) return null;
  const off: string[] = [];
  for (const col of columns) {
    const scale = scales.get(col.key);
    const total = totals[0][col.key];
    if (!scale || typeof total !== 'number') continue;
    const values = parts.map((r) => r[col.key]);
    if (!values.every((v): v is number => typeof v === 'number')) continue;
    const sum = values.reduce((a, b) => a + b, 0);
    if (Math.abs(sum - total) > Math.max(1, Math.abs(total) * 1e-9)) continue; // not a sum of its parts
    const shownSum = values.reduce((a, v) => a + roundScaled(v, scale), 0);
    if (Math.abs(shownSum - roundScaled(total, scale)) > 10 ** -scale.digits / 2) off.push(col.header);
  }
  if (off.length === 0) return null;
  return `注：金额四舍五入显示，${off.map((h) => `「${h}」`).join('、')}各行之和与合计可能相差末位数字。`;
}

function renderCell(value: CellValue | undefined, unit: ColumnUnit | undefined, scale?: ColumnScale): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'number') {
    if (scale) return formatScaled(value, scale);
    if (unit === 'period') return formatPeriod(value);
    if (unit) return formatValue(value, unit);
    return String(value);
  }
  return value;
}

function buildColumns(columns: DataTableColumn[], scales: Map<string, ColumnScale>): ColumnDef<TableRow>[] {
  return columns.map((col) => ({
    id: col.key,
    // undefined (not null) so TanStack's sortUndefined keeps missing values last in both directions.
    accessorFn: (row: TableRow) => row[col.key] ?? undefined,
    header: scales.has(col.key) ? scaledHeader(col.header, scales.get(col.key)!) : col.header,
    sortingFn: compareCells,
    sortUndefined: 'last',
    sortDescFirst: isNumericUnit(col.unit),
    cell: (ctx) => {
      const raw = ctx.getValue<CellValue | undefined>();
      const text = renderCell(raw, col.unit, scales.get(col.key));
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
  totalKey,
  stackOnPhone = false,
  sortParam,
  onSortChange,
}: ViewProps) {
  // One scale per money column, chosen from all its cells (total included) and stated in the header.
  const scales = useMemo(() => chooseYuanScales(new Map(columns.filter((c) => c.unit === 'yuan')
    .map((c) => [c.key, rows.map((r) => (typeof r[c.key] === 'number' ? (r[c.key] as number) : null))]))), [columns, rows]);
  const [bodyRows, totalRows] = useMemo(() => {
    const body: TableRow[] = [];
    const totals: TableRow[] = [];
    for (const r of rows) (rows.length > 1 && isTotalRow(r, columns, totalKey) ? totals : body).push(r);
    return [body, totals];
  }, [rows, columns, totalKey]);
  const note = useMemo(() => roundingNote(columns, bodyRows, totalRows, scales), [columns, bodyRows, totalRows, scales]);
  const columnDefs = useMemo(() => buildColumns(columns, scales), [columns, scales]);
  // Each cell's column name, shown beside the value when rows stack on a phone.
  const labels = useMemo(() => new Map(columns.map((c) => [c.key, scales.has(c.key) ? scaledHeader(c.header, scales.get(c.key)!) : c.header])), [columns, scales]);
  const label = (key: string) => (stackOnPhone ? labels.get(key) : undefined);
  const keys = useMemo(() => new Set(columns.map((c) => c.key)), [columns]);
  const sorting = useMemo(() => parseSort(sortParam, keys), [sortParam, keys]);
  const alignOf = useMemo(
    () => new Map(columns.map((c) => [c.key, c.align ?? (isNumericUnit(c.unit) ? 'right' : 'left')])),
    [columns],
  );

  const table = useReactTable<TableRow>({
    data: bodyRows,
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
                  downloadTable(f, exportName, columns, [...totalRows, ...sortedRows.map((r) => r.original)]).catch((err) => {
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
            <table className={stackOnPhone ? 'data-table table-stack' : 'data-table'}>
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
                            title={totalRows.length > 0 ? '点击排序（合计行固定在首行）' : '点击排序'}
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
                {totalRows.map((row, i) => (
                  <tr key={`total-${i}`} className="total-row">
                    {columns.map((col) => {
                      const raw = row[col.key];
                      const text = renderCell(raw ?? undefined, col.unit, scales.get(col.key));
                      return (
                        <td key={col.key} className={alignOf.get(col.key) === 'right' ? 'num' : undefined} data-label={label(col.key)}>
                          {raw === null || raw === undefined || raw === '' ? <span className="missing">{text}</span> : text}
                        </td>
                      );
                    })}
                  </tr>
                ))}
                {sortedRows.map((row) => (
                  <tr key={row.id}>
                    {row.getVisibleCells().map((cell) => (
                      <td key={cell.id} className={alignOf.get(cell.column.id) === 'right' ? 'num' : undefined} data-label={label(cell.column.id)}>
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="table-foot">
            共 {bodyRows.length} 行{totalRows.length > 0 ? '（另有合计行）' : ''}
            {note && <p className="table-note">{note}</p>}
          </div>
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
 * one scale per money column stated in its header, the 全市/合计 row pinned on top (out of sorting and
 * the row count), sticky header and first column, horizontal scroll on phones (or, `stackOnPhone`, one block
 * per row), CSV (with BOM) and XLSX export.
 */
export default function DataTable(props: DataTableProps) {
  return (
    // On a prerendered route useSearchParams suspends; the fallback is the same table in its default sort.
    <Suspense fallback={<DataTableView {...props} sortParam={props.defaultSort ?? null} />}>
      <DataTableWithUrl {...props} />
    </Suspense>
  );
}
