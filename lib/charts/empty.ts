/**
 * Why a chart has nothing to draw, or null when it has something: no rows, no numbers at all (never
 * imported), or only zeros (nothing happened yet). A chart of zeros is a flat line that reads as data;
 * the frame shows 「暂无数据」 with this reason instead.
 */
export function emptyReasonOf(valueKeys: string[], rows: Record<string, unknown>[]): string | null {
  if (rows.length === 0) return '所选条件下没有数据。';
  let any = false;
  for (const r of rows)
    for (const k of valueKeys) {
      const v = r[k];
      if (typeof v === 'number' && Number.isFinite(v)) {
        if (v !== 0) return null;
        any = true;
      }
    }
  return any ? '所选条件下各项数值均为 0（尚未发生或尚未导入），不作图。' : '所选条件下各项数值均缺失（尚未导入数据）。';
}
