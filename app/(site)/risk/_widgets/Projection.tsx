import Link from 'next/link';
import EmptyState from '@/app/(site)/ui/EmptyState';
import ErrorState from '@/app/(site)/ui/ErrorState';
import { SCHEMES, type SchemeCode } from '@/lib/domain/codes';
import { getProjection } from '@/lib/queries/risk/getProjection';
import { riskHref, type RiskFilters } from '@/lib/queries/risk/filters';
import type { Scope } from '@/lib/queries/scope';
import ProjectionPanel from './ProjectionPanel';
import s from '../risk.module.css';

/** 结余预测: scheme tabs, the three scenarios with their band, and the what-if panel. */
export default async function Projection({ scope, filters, pool = null }: { scope: Scope; filters: RiskFilters; pool?: string[] | null }) {
  const scheme: SchemeCode = filters.pscheme;
  let data;
  try {
    data = await getProjection(scope, scheme, pool);
  } catch (err) {
    console.error('[risk] projection', err);
    return <ErrorState message="结余预测加载失败，请稍后重试。" />;
  }
  const name = SCHEMES.find((x) => x.code === scheme)!.short;
  return (
    <div className="card">
      <nav className={s.tabs} aria-label="险种">
        {SCHEMES.map((x) => (
          <Link key={x.code} href={riskHref(filters, { pscheme: x.code }, '#projection')} scroll={false} aria-current={x.code === scheme ? 'page' : undefined}>{x.short}</Link>
        ))}
      </nav>
      {data ? (
        <ProjectionPanel schemeName={`全市${name}`} history={data.history} base={data.base} pastExpense={data.pastExpense} growth={data.growth} />
      ) : (
        <EmptyState reason={`${name}不足24个月的收支数据，无法预测`} />
      )}
    </div>
  );
}
