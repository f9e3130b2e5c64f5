import Link from 'next/link';
import EmptyState from '@/app/(site)/ui/EmptyState';
import ErrorState from '@/app/(site)/ui/ErrorState';
import { getWarnings } from '@/lib/queries/risk/getWarnings';
import { riskHref, type RiskFilters } from '@/lib/queries/risk/filters';
import type { Scope } from '@/lib/queries/scope';
import WarningCard from './WarningCard';
import s from '../risk.module.css';

/** The filtered warnings, most severe and most recent first, a page at a time. */
export default async function WarningList({ scope, filters, pool = null }: { scope: Scope; filters: RiskFilters; pool?: string[] | null }) {
  let data;
  try {
    data = await getWarnings(scope, filters, pool);
  } catch (err) {
    console.error('[risk] list', err);
    return <ErrorState message="预警清单加载失败，请稍后重试。" />;
  }
  if (data.total === 0) {
    return (
      <EmptyState
        title="没有符合条件的预警"
        reason={filters.status === 'open' ? '当前筛选条件下没有未处理的预警。可在“状态”中选择“全部”查看已处置、误报或已解除的预警。' : '请调整筛选条件。'}
      />
    );
  }
  return (
    <div>
      <p className={s.hint} data-testid="warning-count">共 {data.total} 条，第 {data.page}/{data.pageCount} 页（按严重程度、最近触发月份排序）</p>
      <div className={s.cards}>
        {data.items.map((w) => <WarningCard key={w.id} w={w} />)}
      </div>
      {data.pageCount > 1 && (
        <nav className={s.pager} aria-label="翻页">
          {data.page > 1 ? <Link href={riskHref(filters, { page: data.page - 1 }, '#list')} scroll={false}>上一页</Link> : <span className={s.hint}>上一页</span>}
          <span>{data.page} / {data.pageCount}</span>
          {data.page < data.pageCount ? <Link href={riskHref(filters, { page: data.page + 1 }, '#list')} scroll={false}>下一页</Link> : <span className={s.hint}>下一页</span>}
        </nav>
      )}
    </div>
  );
}
