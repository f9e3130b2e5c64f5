// Limits on what an import will read, checked before the work they would cost is done (issue 12 §8): a
// file that breaks one is refused at once with the limit named, and nothing of it is stored beyond the
// refusal itself. Excel's own limits are used where Excel has one (a real export cannot exceed them).

const envNumber = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};

export const LIMITS = {
  /** Bytes of one uploaded or imported file (a month of a city's settlement records is a few hundred MB). */
  get fileBytes() { return envNumber('YIBAO_IMPORT_MAX_BYTES', 4 * 1024 ** 3); },
  /** Data rows of one settlement file; the aggregate templates have their own, lower limit (general.ts). */
  settlementRows: 50_000_000,
  /** Columns of a row: the widest template has 11; room for annotation and stray columns. */
  columns: 200,
  /** Characters of one cell: Excel's own limit (32,767). */
  cellChars: 32_767,
  /** Characters of one header cell: a column name, not a document. */
  headerChars: 200,
  /** Rows and columns of an XLSX sheet: Excel's own limits. */
  xlsxRows: 1_048_576,
  xlsxColumns: 16_384,
  /** Uncompressed bytes of one part of an XLSX (a sheet, the shared strings). */
  get xlsxPartBytes() { return envNumber('YIBAO_IMPORT_MAX_XLSX_PART_BYTES', 2 * 1024 ** 3); },
  /** Compression ratio beyond which a large XLSX part is a compression bomb, not a table (tables: ~5-20×). */
  xlsxRatio: 200,
  xlsxRatioFloorBytes: 8 * 1024 ** 2,
  /** Characters kept of a rejected row's cells and of a quoted value (RejectedRow storage is bounded). */
  storedCellChars: 200,
  storedCells: 64,
} as const;

/** 1,048,576 → '1,048,576'. */
export const n = (v: number) => v.toLocaleString('en-US');

/** 2147483648 → '2 GB'. */
export function bytesLabel(b: number): string {
  if (b >= 1024 ** 3) return `${+(b / 1024 ** 3).toFixed(1)} GB`;
  if (b >= 1024 ** 2) return `${+(b / 1024 ** 2).toFixed(1)} MB`;
  return `${Math.ceil(b / 1024)} KB`;
}
