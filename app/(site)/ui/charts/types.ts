export interface ChartSeries {
  /** Field of each data row holding this series' value. */
  key: string;
  /** Legend / tooltip / table header in Chinese. */
  label: string;
  /** Any CSS colour; defaults to the palette in order. */
  color?: string;
}

export type ChartRow = Record<string, number | string | null>;
