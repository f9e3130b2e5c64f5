/**
 * Placement of reference-line labels (pooling months, exhaustion dates) so they never overprint each
 * other on a narrow chart: labels go right of their line when they fit, else left; a label that would
 * touch one already placed drops to the next row. Pure; positions in px of the plot area.
 */
export interface MarkerBox {
  /** x of the reference line in px. */
  x: number;
  /** Estimated label width in px. */
  width: number;
}

export interface MarkerPlacement {
  row: number;
  anchor: 'start' | 'end';
}

const GAP = 6;

/** Rough width of a label at the given font size: CJK characters are square, others about half. */
export function labelWidth(text: string, fontSize = 12): number {
  let w = 0;
  for (const ch of text) w += /[\u2E80-\uFFFF]/.test(ch) ? fontSize : fontSize * 0.6;
  return Math.ceil(w);
}

export function layoutMarkerLabels(boxes: MarkerBox[], plotLeft: number, plotRight: number): MarkerPlacement[] {
  const rows: [number, number][][] = [];
  const out: MarkerPlacement[] = new Array(boxes.length);
  const order = boxes.map((b, i) => i).sort((a, b) => boxes[a].x - boxes[b].x);
  for (const i of order) {
    const b = boxes[i];
    const anchor: 'start' | 'end' = b.x + 4 + b.width <= plotRight || b.x - 4 - b.width < plotLeft ? 'start' : 'end';
    const from = anchor === 'start' ? b.x + 4 : b.x - 4 - b.width;
    const span: [number, number] = [from, from + b.width];
    let row = 0;
    while (rows[row]?.some(([l, r]) => span[0] < r + GAP && span[1] + GAP > l)) row++;
    (rows[row] ??= []).push(span);
    out[i] = { row, anchor };
  }
  return out;
}
