import DataTable, { type DataTableColumn } from '../../ui/DataTable';
import EmptyState from '../../ui/EmptyState';
import ErrorState from '../../ui/ErrorState';
import { getPatientFlows, type FlowType } from '@/lib/queries/tieredCare/getPatientFlows';
import type { TieredCareRequest } from '@/lib/queries/tieredCare/data';
import type { DatasetInfo } from '@/lib/queries/meta/getDatasetInfo';
import type { Scope } from '@/lib/queries/scope';
import { DEST_KINDS, DEST_KIND_LABELS, type FlowRow, type SankeyData } from '@/lib/tieredCare/patientFlow';
import FlowSankey from './FlowSankey';
import { regionNamer, shortNamer } from './text';
import styles from '../tieredCare.module.css';

const FLOW_LABEL: Record<FlowType, string> = { ALL: '全部就诊', INPATIENT: '住院' };

function sankeyTable(s: SankeyData) {
  const rows = s.links.map((l) => ({ from: s.nodes[l.source].name, to: s.nodes[l.target].name, visits: l.value, share: s.nodes[l.target].share }));
  const columns: DataTableColumn[] = [
    { key: 'from', header: '参保地' },
    { key: 'to', header: '就医去向' },
    { key: 'visits', header: '人次', unit: 'count' },
    { key: 'share', header: '去向占比（全部参保人）', unit: 'ratio' },
  ];
  return { rows, columns };
}

/** Where the county's (or every county's) insured were treated before and after pooling. */
export default async function PatientFlows({ scope, info, req, flow }: { scope: Scope; info: DatasetInfo; req: TieredCareRequest; flow: FlowType }) {
  const name = regionNamer(info);
  const short = shortNamer(info);
  let data;
  try {
    data = await getPatientFlows(scope, info.cityCode, req, flow, short);
  } catch (err) {
    console.error('[tiered-care] flows', err);
    return <ErrorState message="患者流向加载失败，请稍后重试。" />;
  }
  if (data.before.links.length === 0 && data.after.links.length === 0) {
    return <EmptyState reason="统筹前后没有可比较的就诊数据（需要统筹前12个月和统筹后的数据）" />;
  }
  const county = data.county;
  const beforeLabel = county ? county.before.label : '统筹前12个月（各县按各自统筹月份）';
  const afterLabel = county ? county.after.label : data.counties[0]?.after.label.startsWith(String(req.year)) ? `${req.year}年` : '统筹后';
  const b = sankeyTable(data.before);
  const a = sankeyTable(data.after);
  const height = county ? 300 : 380;

  let table;
  if (county) {
    const rows = county.rows.map((r: FlowRow) => ({
      dest: r.destination.kind === 'OTHER_COUNTY' && r.destination.region ? `${name(r.destination.region)}（外县）` : DEST_KIND_LABELS[r.destination.kind],
      before: r.visitsBefore,
      shareBefore: r.shareBefore,
      after: r.visitsAfter,
      shareAfter: r.shareAfter,
      change: r.change,
    }));
    rows.push({ dest: '合计', before: county.totalBefore, shareBefore: 1, after: county.totalAfter, shareAfter: 1, change: null });
    const columns: DataTableColumn[] = [
      { key: 'dest', header: '就医去向' },
      { key: 'before', header: '统筹前人次', unit: 'count' },
      { key: 'shareBefore', header: '统筹前占比', unit: 'ratio' },
      { key: 'after', header: '统筹后人次', unit: 'count' },
      { key: 'shareAfter', header: '统筹后占比', unit: 'ratio' },
      { key: 'change', header: '占比变化', unit: 'pp' },
    ];
    table = (
      <DataTable
        id="flow-table"
        columns={columns}
        rows={rows}
        exportName={`${name(data.regionCode)}参保人就医流向`}
        caption={`${name(data.regionCode)}参保人${FLOW_LABEL[flow]}去向：${county.before.label} 对比 ${county.after.label}`}
      />
    );
  } else {
    const rows = data.counties.map((t) => {
      const row: Record<string, string | number | null> = { region: name(t.origin), before: t.before.label, after: t.after.label };
      for (const k of DEST_KINDS) {
        const r = t.rows.find((x) => x.destination.kind === k);
        row[`${k}_b`] = r?.shareBefore ?? 0;
        row[`${k}_a`] = r?.shareAfter ?? 0;
      }
      const c = t.rows.find((x) => x.destination.kind === 'CITY');
      row.cityChange = c?.change ?? null;
      return row;
    });
    if (data.city) {
      const row: Record<string, string | number | null> = { region: name(info.cityCode), before: '各县统筹前12个月', after: '' };
      for (const k of DEST_KINDS) {
        const r = data.city.rows.find((x) => x.destination.kind === k);
        row[`${k}_b`] = r?.shareBefore ?? 0;
        row[`${k}_a`] = r?.shareAfter ?? 0;
      }
      row.cityChange = data.city.rows.find((x) => x.destination.kind === 'CITY')?.change ?? null;
      rows.unshift(row);
    }
    const columns: DataTableColumn[] = [
      { key: 'region', header: '参保地' },
      ...DEST_KINDS.flatMap((k) => [
        { key: `${k}_b`, header: `${DEST_KIND_LABELS[k]}·前`, unit: 'ratio' as const },
        { key: `${k}_a`, header: `${DEST_KIND_LABELS[k]}·后`, unit: 'ratio' as const },
      ]),
      { key: 'cityChange', header: '市级医院占比变化', unit: 'pp' },
      { key: 'before', header: '统筹前时段' },
      { key: 'after', header: '统筹后时段' },
    ];
    table = (
      <DataTable
        id="flow-table"
        columns={columns}
        rows={rows}
        exportName="各县参保人就医流向"
        caption={`各县参保人${FLOW_LABEL[flow]}去向构成：统筹前（前）与统筹后（后）`}
      />
    );
  }
  return (
    <div style={{ display: 'grid', gap: 16 }}>
      <div className="grid-2">
        <div className="card">
          <FlowSankey id="flow-before" title={`统筹前：${beforeLabel}`} nodes={data.before.nodes} links={data.before.links} columns={b.columns} rows={b.rows} height={height} />
        </div>
        <div className="card">
          <FlowSankey id="flow-after" title={`统筹后：${afterLabel}`} nodes={data.after.nodes} links={data.after.links} columns={a.columns} rows={a.rows} height={height} />
        </div>
      </div>
      <div className="card">
        {table}
        <p className={styles.note}>
          统筹前 = 统筹月份前12个月；统筹后 = 所选年度（该年全部在统筹之后时），否则为统筹后第2年（第13—24个月，第1年为过渡期）。市级医院无论坐落在哪个区，均计为“市级医院”。
        </p>
      </div>
    </div>
  );
}
