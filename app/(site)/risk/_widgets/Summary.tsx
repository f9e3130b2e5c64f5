import Link from 'next/link';
import DataTable, { type DataTableColumn } from '@/app/(site)/ui/DataTable';
import EmptyState from '@/app/(site)/ui/EmptyState';
import ErrorState from '@/app/(site)/ui/ErrorState';
import { getWarningSummary } from '@/lib/queries/risk/getWarningSummary';
import { riskHref, type RiskFilters } from '@/lib/queries/risk/filters';
import type { Scope } from '@/lib/queries/scope';
import { SEVERITIES } from '@/lib/risk/types';
import s from '../risk.module.css';

/** Open warnings by severity (tiles that filter the list), by region and by rule. */
/** `pool`: the selected city's region codes among several cities (null: the one city's, every warning). */
export default async function Summary({ scope, filters, pool = null }: { scope: Scope; filters: RiskFilters; pool?: string[] | null }) {
  let data;
  try {
    data = await getWarningSummary(scope, filters.region, filters.rule, pool);
  } catch (err) {
    console.error('[risk] summary', err);
    return <ErrorState message="预警汇总加载失败，请稍后重试。" />;
  }
  if (!data.latest) {
    return <EmptyState title="尚未评估" reason="点击右上角“重新评估”运行全部预警规则；每次导入数据后也会自动评估。" />;
  }
  const countCols: DataTableColumn[] = [
    ...SEVERITIES.map((x) => ({ key: x.code, header: x.name, unit: 'count' as const })),
    { key: 'total', header: '合计', unit: 'count' as const },
  ];
  const regionRows = data.byRegion.map((r) => ({ region: r.name, href: riskHref(filters, { region: r.code, page: 1 }, '#list'), ...r.counts }));
  const ruleRows = data.byRule.map((r) => ({ rule: r.name, href: riskHref(filters, { rule: r.code, page: 1 }, '#list'), ...r.counts }));
  return (
    <div>
      <div className={s.tiles} data-testid="severity-tiles">
        {SEVERITIES.map((x) => (
          <Link key={x.code} href={riskHref(filters, { severity: filters.severity === x.code ? 'ALL' : x.code, status: 'open', page: 1 }, '#list')}
            className={s.tile} data-severity={x.code} aria-current={filters.severity === x.code ? 'true' : undefined}>
            <div className={s.tileLabel}>{x.name}预警（未处理）</div>
            <div className={s.tileValue} data-testid={`open-${x.code}`}>{data.bySeverity[x.code]}</div>
            <div className={s.tileHint}>{filters.severity === x.code ? '已筛选，点击取消' : '点击筛选'}</div>
          </Link>
        ))}
        <div className={s.tile}>
          <div className={s.tileLabel}>未处理合计</div>
          <div className={s.tileValue} data-testid="open-total">{data.bySeverity.total}</div>
          <div className={s.tileHint}>新发与已核实</div>
        </div>
      </div>
      {data.bySeverity.total > 0 && (
        <div className="grid-2">
          <div className="card">
            <DataTable id="by-region" caption="按地区（未处理）" columns={[{ key: 'region', header: '地区', linkKey: 'href' }, ...countCols]} rows={regionRows} exportName="未处理预警_按地区" />
          </div>
          <div className="card">
            <DataTable id="by-rule" caption="按规则（未处理）" columns={[{ key: 'rule', header: '规则', linkKey: 'href' }, ...countCols]} rows={ruleRows} exportName="未处理预警_按规则" />
          </div>
        </div>
      )}
    </div>
  );
}
