import Link from 'next/link';
import DataTable, { type DataTableColumn } from '../../ui/DataTable';
import EmptyState from '../../ui/EmptyState';
import ErrorState from '../../ui/ErrorState';
import { REGION_KINDS, type RegionKind } from '@/lib/domain/codes';
import { formatValue } from '@/lib/format';
import { indicators, type IndicatorCode } from '@/lib/indicators/registry';
import { getCountyList, type ProfileRequest } from '@/lib/queries/counties/getCountyProfile';
import { PEER_GROUP_LABELS } from '@/lib/queries/counties/profile';
import type { DatasetInfo } from '@/lib/queries/meta/getDatasetInfo';
import type { Scope } from '@/lib/queries/scope';
import styles from '../counties.module.css';

const KEY_CODES = ['coverage_rate', 'collection_rate', 'primary_visit_share', 'in_county_rate', 'family_doctor_signing_rate', 'remittance_timeliness_rate'] as const satisfies readonly IndicatorCode[];

/** Every county with a few key indicators and how many of the profile's indicators beat the city. */
export default async function CountyIndex({ scope, info, req }: { scope: Scope; info: DatasetInfo; req: ProfileRequest }) {
  let data;
  try {
    data = await getCountyList(scope, info, req);
  } catch (err) {
    console.error('[counties] index', err);
    return <ErrorState message="县（市、区）列表加载失败，请稍后重试。" />;
  }
  if (!data.asOf) return <EmptyState reason={`${req.year}年尚无数据`} />;
  const q = `?year=${req.year}&scheme=${req.scheme}`;
  const rows = data.rows.map((r) => {
    const c = info.counties.find((x) => x.code === r.code)!;
    return {
      name: c.name,
      href: `/counties/${r.code}${q}`,
      kind: REGION_KINDS[c.kind as RegionKind] ?? c.kind,
      peer: PEER_GROUP_LABELS[r.peerGroup],
      ...Object.fromEntries(KEY_CODES.map((k) => [k, r.values[k] ?? null])),
      better: r.better,
      worse: r.worse,
      best: r.best,
      worst: r.worst,
    };
  });
  const columns: DataTableColumn[] = [
    { key: 'name', header: '县（市、区）', linkKey: 'href' },
    { key: 'kind', header: '类型' },
    { key: 'peer', header: '同类组' },
    ...KEY_CODES.map((k) => ({ key: k, header: indicators[k].name, unit: indicators[k].unit })),
    { key: 'better', header: '优于全市指标数', unit: 'count' as const },
    { key: 'worse', header: '差于全市指标数', unit: 'count' as const },
    { key: 'best', header: '排名第一指标数', unit: 'count' as const },
    { key: 'worst', header: '排名末位指标数', unit: 'count' as const },
  ];
  return (
    <>
      <div className={styles.cards}>
        {data.rows.map((r) => {
          const c = info.counties.find((x) => x.code === r.code)!;
          return (
            <Link key={r.code} href={`/counties/${r.code}${q}`} className={styles.card} prefetch={false} data-testid={`county-card-${r.code}`}>
              <h3>{c.name}</h3>
              <div className={styles.tags}>
                {REGION_KINDS[c.kind as RegionKind] ?? c.kind} · 同类：{PEER_GROUP_LABELS[r.peerGroup]}
              </div>
              <dl>
                {KEY_CODES.slice(0, 4).map((k) => (
                  <div key={k} style={{ display: 'contents' }}>
                    <dt>{indicators[k].name}</dt>
                    <dd>
                      {formatValue(r.values[k] ?? null, indicators[k].unit)}
                      <span className={styles.muted}> / 全市 {formatValue(data.city[k] ?? null, indicators[k].unit)}</span>
                    </dd>
                  </div>
                ))}
                <dt>与全市比较</dt>
                <dd>
                  <span className={styles.better}>优 {r.better}</span> · <span className={styles.worse}>差 {r.worse}</span>（共{r.compared}项）
                </dd>
              </dl>
            </Link>
          );
        })}
      </div>
      <section className="card">
        <DataTable
          id="counties"
          columns={columns}
          rows={rows}
          exportName={`${req.year}年县域画像汇总`}
          caption={`${req.year}年1—${data.asOf % 100}月各县（市、区）主要指标及与全市比较`}
        />
      </section>
    </>
  );
}
