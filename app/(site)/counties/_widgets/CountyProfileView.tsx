import DataTable, { type DataTableColumn } from '../../ui/DataTable';
import EmptyState from '../../ui/EmptyState';
import ErrorState from '../../ui/ErrorState';
import { STATUS_LABEL } from '../../ui/status';
import { AREAS, AREA_LABELS } from '@/lib/indicators/registry';
import { formatValue } from '@/lib/format';
import { getCountyProfile, type ProfileRequest } from '@/lib/queries/counties/getCountyProfile';
import { PEER_GROUP_LABELS } from '@/lib/queries/counties/profile';
import type { DatasetInfo } from '@/lib/queries/meta/getDatasetInfo';
import type { Scope } from '@/lib/queries/scope';
import SpineTable, { SpineLegend } from './SpineChart';
import styles from '../counties.module.css';

const VS_TEXT = { better: '优于全市', worse: '差于全市', similar: '相当', none: '—' } as const;

/** The county against the city and its peers on every profile indicator, area by area. */
export default async function CountyProfileView({ scope, info, code, req }: { scope: Scope; info: DatasetInfo; code: string; req: ProfileRequest }) {
  let p;
  try {
    p = await getCountyProfile(scope, info, code, req);
  } catch (err) {
    console.error('[counties] profile', err);
    return <ErrorState message="县域画像加载失败，请稍后重试。" />;
  }
  if (!p.asOf) return <EmptyState reason={`${req.year}年尚无数据`} />;
  const county = info.counties.find((c) => c.code === code)!;
  const names = new Map(info.counties.map((c) => [c.code, c.shortName]));
  const peerLabel = `同类县（${PEER_GROUP_LABELS[p.peerGroup]}：${p.peerCodes.map((c) => names.get(c)).join('、')}）`;
  const cmp = p.comparisons;
  const better = cmp.filter((c) => c.vsCity === 'better');
  const worse = cmp.filter((c) => c.vsCity === 'worse');
  const top = cmp.filter((c) => c.rank === 1);
  const bottom = cmp.filter((c) => c.rank !== null && c.rank === c.rankOf && c.rankOf > 1);
  const areas = AREAS.filter((a) => cmp.some((c) => c.area === a));
  const rows = cmp.map((c) => ({
    area: AREA_LABELS[c.area],
    name: c.name,
    value: c.value === null ? null : formatValue(c.value, c.unit, { displayUnit: c.displayUnit }),
    previous: c.previous === null ? null : formatValue(c.previous, c.unit, { displayUnit: c.displayUnit }),
    city: c.city === null ? null : formatValue(c.city, c.unit, { displayUnit: c.displayUnit }),
    peerMedian: c.peerMedian === null ? null : formatValue(c.peerMedian, c.unit, { displayUnit: c.displayUnit }),
    min: c.min === null ? null : formatValue(c.min, c.unit, { displayUnit: c.displayUnit }),
    max: c.max === null ? null : formatValue(c.max, c.unit, { displayUnit: c.displayUnit }),
    rank: c.rank,
    rankOf: c.rankOf,
    peerRank: c.peerRank,
    vs: VS_TEXT[c.vsCity],
    status: STATUS_LABEL[c.status],
    note: c.noRank,
    code: c.code,
  }));
  const columns: DataTableColumn[] = [
    { key: 'area', header: '领域' },
    { key: 'name', header: '指标' },
    { key: 'value', header: county.shortName, align: 'right' },
    { key: 'previous', header: '上年同期', align: 'right' },
    { key: 'city', header: '全市', align: 'right' },
    { key: 'peerMedian', header: '同类中位数', align: 'right' },
    { key: 'min', header: '各县最低', align: 'right' },
    { key: 'max', header: '各县最高', align: 'right' },
    { key: 'rank', header: '全市排名', unit: 'count' },
    { key: 'rankOf', header: '参与排名县数', unit: 'count' },
    { key: 'peerRank', header: '同类排名', unit: 'count' },
    { key: 'vs', header: '与全市比较' },
    { key: 'status', header: '状态' },
    { key: 'note', header: '说明' },
    { key: 'code', header: '指标编码' },
  ];
  const period = `${req.year}年1—${p.asOf % 100}月`;
  return (
    <>
      <div className={styles.summary} data-testid="profile-summary">
        <div className={styles.stat} data-tone="better">
          <strong>{better.length}</strong>
          <span>项指标优于全市（共{cmp.filter((c) => c.vsCity !== 'none').length}项可比）</span>
        </div>
        <div className={styles.stat} data-tone="worse">
          <strong>{worse.length}</strong>
          <span>项指标差于全市</span>
        </div>
        <div className={styles.stat}>
          <strong>{top.length}</strong>
          <span>项在{info.counties.length}个县（市、区）中排第一{top.length > 0 ? `：${top.slice(0, 4).map((c) => c.name).join('、')}${top.length > 4 ? '等' : ''}` : ''}</span>
        </div>
        <div className={styles.stat} data-tone={bottom.length > 0 ? 'worse' : undefined}>
          <strong>{bottom.length}</strong>
          <span>项排末位{bottom.length > 0 ? `：${bottom.slice(0, 4).map((c) => c.name).join('、')}${bottom.length > 4 ? '等' : ''}` : ''}</span>
        </div>
      </div>
      <SpineLegend countyName={county.shortName} peerLabel={peerLabel} />
      {areas.map((a) => (
        <section key={a} className={`card ${styles.section}`} aria-labelledby={`area-${a}`}>
          <h3 id={`area-${a}`} style={{ margin: '0 0 8px' }}>
            {AREA_LABELS[a]}
          </h3>
          <SpineTable rows={cmp.filter((c) => c.area === a)} caption={`${county.name}${AREA_LABELS[a]}指标与全市、同类县比较（${period}）`} />
        </section>
      ))}
      <section className="card" aria-label="指标明细">
        <DataTable
          id="profile"
          columns={columns}
          rows={rows}
          exportName={`${county.name}县域画像${req.year}`}
          caption={`${county.name}全部指标明细（${period}；排名1为最好，同值并列）`}
        />
      </section>
    </>
  );
}
