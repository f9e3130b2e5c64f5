import Link from 'next/link';
import ErrorState from '../ui/ErrorState';
import EmptyState from '../ui/EmptyState';
import { formatPeriod } from '@/lib/format';
import { getWarningSummary } from '@/lib/queries/risk/getWarningSummary';
import type { Scope } from '@/lib/queries/scope';
import { SEVERITIES } from '@/lib/risk/types';

const STATUS = { SEVERE: 'bad', WARNING: 'warn', NOTICE: 'none' } as const;

/**
 * Open fund-risk warnings by severity (stored by the evaluation, lib/risk), each linking to 风险预警. `city`: the
 * selected city among several (its warnings only, and kept in the links); absent: the one city's.
 */
export default async function OpenWarnings({ scope, region, city }: { scope: Scope; region: string | 'ALL'; city?: { code: string; pool: string[] } }) {
  let data;
  try {
    data = await getWarningSummary(scope, region, 'ALL', city?.pool ?? null);
  } catch (err) {
    console.error('[overview] warnings', err);
    return <ErrorState message="风险预警加载失败，请稍后重试。" />;
  }
  if (!data.latest) return <EmptyState title="尚未评估风险预警" reason="在“风险预警”页点击“重新评估”，或导入数据后自动评估。" />;
  const q = `${city ? `&city=${city.code}` : ''}${region === 'ALL' ? '' : `&region=${region}`}`;
  return (
    <div className="kpi-grid" data-testid="open-warnings">
      {SEVERITIES.map((s) => (
        <article key={s.code} className="kpi-tile" data-status={data.bySeverity[s.code] > 0 ? STATUS[s.code] : 'good'} aria-label={`${s.name}预警：${data.bySeverity[s.code]}条`}>
          <div className="kpi-head">
            <h3 className="kpi-name"><Link href={`/risk?severity=${s.code}${q}#list`}>{s.name}预警</Link></h3>
            <span className="kpi-status">未处理</span>
          </div>
          <div className="kpi-value">{data.bySeverity[s.code]}条</div>
          <div className="kpi-period">数据截至{formatPeriod(data.latest!.dataThrough)}</div>
        </article>
      ))}
      <article className="kpi-tile" data-status="none" aria-label={`未处理预警合计：${data.bySeverity.total}条`}>
        <div className="kpi-head">
          <h3 className="kpi-name"><Link href={`/risk${q ? `?${q.slice(1)}` : ''}`}>未处理预警合计</Link></h3>
        </div>
        <div className="kpi-value">{data.bySeverity.total}条</div>
        <div className="kpi-period">{data.byRule.slice().sort((a, b) => b.counts.total - a.counts.total).slice(0, 2).map((r) => `${r.name} ${r.counts.total}`).join('，') || '—'}</div>
      </article>
    </div>
  );
}
