// Validation problems: each names the file, the row, the column and the reason (issue 3 §3), in Chinese.

export interface Problem {
  /** Line of the file as a spreadsheet shows it (header = 1); 0 for the file as a whole. */
  row: number;
  /** Column header as in the template (or as written in the file for an unknown column). */
  column?: string;
  reason: string;
  /** The offending cell. */
  value?: string;
  /** All cells of the row, to download with the rejected rows. */
  cells?: string[];
}

/** Problems kept per file; beyond this only the count grows (a wrong file can have millions). */
export const MAX_PROBLEMS = 10_000;

export class ProblemList {
  readonly items: Problem[] = [];
  total = 0;
  private rows = new Set<number>();
  /** Rows with at least one problem beyond what `rows` keeps (only counted). */
  private extraRows = 0;
  private lastRow = -1;

  constructor(private readonly max = MAX_PROBLEMS) {}

  add(p: Problem): void {
    this.total++;
    if (this.items.length < this.max) {
      this.items.push(p);
      this.rows.add(p.row);
    } else if (p.row !== this.lastRow && !this.rows.has(p.row)) {
      this.extraRows++;
    }
    this.lastRow = p.row;
  }

  get length(): number {
    return this.total;
  }

  /** Distinct data rows with a problem (file-level problems, row 0 or the header, are not rows). */
  get badRows(): number {
    let n = 0;
    for (const r of this.rows) if (r > 1) n++;
    return n + this.extraRows;
  }

  get truncated(): boolean {
    return this.total > this.items.length;
  }

  /** The list as plain data, to pass between threads (see append). */
  snapshot(): ProblemSnapshot {
    return { items: this.items, total: this.total, extraRows: this.extraRows };
  }

  /**
   * Adds the problems of a later part of the same file, read on its own (settlement/parallel.ts), its rows
   * moved by `rowOffset` (the lines before that part): the kept items are the same first ones, in file order.
   */
  append(o: ProblemSnapshot, rowOffset: number): void {
    for (const p of o.items) this.add(p.row > 0 ? { ...p, row: p.row + rowOffset } : p);
    this.total += o.total - o.items.length;
    this.extraRows += o.extraRows;
  }
}

export interface ProblemSnapshot {
  items: Problem[];
  total: number;
  extraRows: number;
}

/** 文件“a.csv”第12行“参保人数”列：应为非负整数（实际为“-5”） */
export function describeProblem(fileName: string, p: Problem): string {
  const where = p.row > 0 ? `第${p.row}行` : '';
  const col = p.column ? `“${p.column}”列` : '';
  const value = p.value !== undefined && p.value !== '' ? `（实际为“${p.value.length > 60 ? p.value.slice(0, 60) + '…' : p.value}”）` : '';
  return `文件“${fileName}”${where}${col}：${p.reason}${value}`;
}

/** Counts by column and reason, for the report's summary. */
export function summarizeProblems(items: Problem[]): { column: string; reason: string; count: number; firstRow: number }[] {
  const m = new Map<string, { column: string; reason: string; count: number; firstRow: number }>();
  for (const p of items) {
    const k = `${p.column ?? ''}\u0000${p.reason}`;
    const e = m.get(k);
    if (e) e.count++;
    else m.set(k, { column: p.column ?? '', reason: p.reason, count: 1, firstRow: p.row });
  }
  return [...m.values()].sort((a, b) => b.count - a.count || a.firstRow - b.firstRow);
}
