import { formatPeriod } from '@/lib/format';

export interface SourceNoteProps {
  /** e.g. '医保结算系统、基金财务专户' */
  text: string;
  /** Optional data cut-off period (YYYYMM), rendered as '截至 2024年12月'. */
  asOf?: number | null;
}

export default function SourceNote({ text, asOf }: SourceNoteProps) {
  return (
    <p className="source-note">
      数据来源：{text}
      {asOf ? ` 截至 ${formatPeriod(asOf)}` : ''}
    </p>
  );
}
