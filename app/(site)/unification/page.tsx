import ChooseCity from '@/app/(site)/ui/ChooseCity';
import { selectedDataset } from '@/lib/queries/context';
import type { Metadata } from 'next';
import Form from 'next/form';
import EmptyState from '../ui/EmptyState';
import ErrorState from '../ui/ErrorState';
import SourceNote from '../ui/SourceNote';
import FilterAutoSubmit from '../ui/FilterAutoSubmit';
import DataTable, { type DataTableColumn } from '../ui/DataTable';
import { requireViewer } from '@/lib/auth/viewer';
import { SCHEMES } from '@/lib/domain/codes';
import { formatPeriod } from '@/lib/format';
import { POLICY_DEADLINES, STATE_LABELS, UNIFICATION_ITEM_CODES, UNIFICATION_ITEMS } from '@/lib/assessment/unification';
import { getUnification, type UnificationView } from '@/lib/queries/assessment/getUnification';
import { parseAssessmentParams } from '@/lib/queries/assessment/params';
import { ScopeError } from '@/lib/queries/scope';
import s from '../assessment/assessment.module.css';

export const metadata: Metadata = { title: '六统一' };

const STATE_CLASS: Record<string, string | undefined> = { overdue: s.late, done_late: s.lateDone, done_on_time: s.onTime };
const TRANSITION_STATE = { ended: '已按期结束', running: '过渡期内', overrun: '超过过渡期' } as const;

/** 六统一进度 (《关于实施基本医疗保险和生育保险市级统筹的意见（征求意见稿）》一、三): counties × items per scheme, deadlines, late items. */
export default async function UnificationPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer();
  const sp = await searchParams;
  const sel = await selectedDataset(sp, viewer);
  const info = sel?.info;
  if (!sel || !info || info.years.length === 0) return <EmptyState title="尚未装载数据" reason="请在“管理”中导入数据，或以空库启动以装载演示数据。" />;
  // Each city's counties unify with it (its own 统筹区): the province level lists the cities.
  if (info.level === 'province') return <><header className="page-header"><h1>六统一</h1></header><ChooseCity info={info} path="/unification" page="六统一进度" /></>;
  const f = parseAssessmentParams(sp, info.years, info.counties.map((c) => c.code));
  let view: UnificationView;
  try {
    view = await getUnification(viewer.scope, info, f.year);
  } catch (e) {
    if (e instanceof ScopeError) return <ErrorState message={e.message} />;
    console.error('[unification] page', e);
    return <ErrorState message="六统一进度加载失败，请稍后重试。" />;
  }
  const late = view.cells.filter((c) => c.state === 'overdue' || c.state === 'done_late');
  const name = (code: string) => view.counties.find((c) => c.code === code)?.name ?? code;
  const schemeName = (code: string) => SCHEMES.find((x) => x.code === code)?.short ?? code;
  const lateColumns: DataTableColumn[] = [
    { key: 'county', header: '县（市、区）' },
    { key: 'scheme', header: '险种' },
    { key: 'item', header: '事项' },
    { key: 'deadline', header: '规定期限' },
    { key: 'completedOn', header: '完成日期' },
    { key: 'daysLate', header: '逾期天数', unit: 'count' },
    { key: 'state', header: '状态' },
    { key: 'note', header: '说明' },
  ];
  const lateRows = late.map((c) => ({
    county: name(c.regionCode), scheme: schemeName(c.schemeCode), item: UNIFICATION_ITEMS[c.item as keyof typeof UNIFICATION_ITEMS] ?? c.item,
    deadline: c.deadline, completedOn: c.completedOn && c.completedOn <= view.asOf ? c.completedOn : '未完成', daysLate: c.daysLate, state: STATE_LABELS[c.state], note: c.note ?? '',
  }));
  const transitionColumns: DataTableColumn[] = [
    { key: 'county', header: '县（市、区）' },
    { key: 'scheme', header: '险种' },
    { key: 'label', header: '过渡事项' },
    { key: 'start', header: '起始' },
    { key: 'end', header: '最迟结束' },
    { key: 'completedOn', header: '实际完成' },
    { key: 'state', header: '状态' },
  ];
  const transitionRows = view.transitions.map((t) => ({
    county: name(t.regionCode), scheme: schemeName(t.schemeCode), label: t.label, start: t.start, end: t.end, completedOn: t.completedOn ?? '未完成', state: TRANSITION_STATE[t.state],
  }));
  const schemes = SCHEMES.filter((sc) => view.cells.some((c) => c.schemeCode === sc.code));

  return (
    <>
      <header className="page-header">
        <h1>六统一进度</h1>
        <p className="page-lead" data-testid="page-sub">{info.cityName} · 截至{f.year}年12月31日</p>
      </header>
      <Form action="" replace scroll={false} id="unification-filter" className="filter-bar" aria-label="筛选条件">
        <label className="filter-field">
          截至年度
          <select name="year" defaultValue={String(f.year)} key={`y-${f.year}`}>
            {f.years.map((y) => (
              <option key={y} value={y}>{y}年末</option>
            ))}
          </select>
        </label>
        {Object.entries(sel.keep).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
        <noscript><button type="submit" className="btn">查看</button></noscript>
        <FilterAutoSubmit formId="unification-filter" />
      </Form>

      <section className="section" aria-labelledby="deadline-h">
        <h2 id="deadline-h">规定期限</h2>
        <div className="card">
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {Object.values(POLICY_DEADLINES).map((d) => (
              <li key={d.date + d.text}>{d.text}</li>
            ))}
          </ul>
          <p className="source-note">依据：《关于实施基本医疗保险和生育保险市级统筹的意见（征求意见稿）》。每项的规定期限取自各县（市、区）报送的六统一进度记录；居民医保延后实施的地区适用2021年12月31日。</p>
        </div>
      </section>

      {view.cells.length === 0 ? (
        <EmptyState reason="尚未导入六统一进度记录" />
      ) : (
        <>
          <section className="section" aria-labelledby="late-h">
            <h2 id="late-h">逾期事项（{late.length}项）</h2>
            <div className="card">
              <DataTable id="late" columns={lateColumns} rows={lateRows} exportName={`截至${f.year}年末六统一逾期事项`} caption={`截至${f.year}年12月31日逾期完成或逾期未完成的事项`} emptyReason="没有逾期事项" />
            </div>
          </section>

          {schemes.map((sc) => (
            <section className="section" aria-labelledby={`m-${sc.code}`} key={sc.code}>
              <h2 id={`m-${sc.code}`}>{sc.name}</h2>
              <div className="card">
                <div className="table-scroll" tabIndex={0} role="region" aria-label={`${sc.name}六统一进度`}>
                  <table className={`${s.scorecard} ${s.matrix}`} data-testid={`matrix-${sc.code}`}>
                    <thead>
                      <tr>
                        <th scope="col">县（市、区）</th>
                        <th scope="col">统筹实施月份</th>
                        {UNIFICATION_ITEM_CODES.map((it) => (
                          <th scope="col" key={it}>{UNIFICATION_ITEMS[it]}</th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {view.counties.map((c) => (
                        <tr key={c.code} data-county={c.code}>
                          <th scope="row">{c.name}</th>
                          <td>{view.pooling[`${c.code}|${sc.code}`] ? formatPeriod(view.pooling[`${c.code}|${sc.code}`]) : <span className="missing">无数据</span>}</td>
                          {UNIFICATION_ITEM_CODES.map((it) => {
                            const cell = view.cells.find((x) => x.regionCode === c.code && x.schemeCode === sc.code && x.item === it);
                            if (!cell) return <td key={it}><span className="missing">无数据</span></td>;
                            const done = cell.completedOn !== null && cell.completedOn <= view.asOf;
                            return (
                              <td key={it} className={STATE_CLASS[cell.state]} data-state={cell.state} title={`规定期限 ${cell.deadline}${cell.note ? `；${cell.note}` : ''}`}>
                                {STATE_LABELS[cell.state]}
                                <small style={{ display: 'block', fontSize: '0.72rem' }}>{done ? `完成 ${cell.completedOn}` : '未完成'}</small>
                                <small style={{ display: 'block', fontSize: '0.72rem' }}>期限 {cell.deadline}</small>
                                {cell.daysLate > 0 && <small style={{ display: 'block', fontSize: '0.72rem' }}>逾期{cell.daysLate}天</small>}
                              </td>
                            );
                          })}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </div>
            </section>
          ))}

          <section className="section" aria-labelledby="transition-h">
            <h2 id="transition-h">过渡期事项</h2>
            <div className="card">
              <DataTable id="transition" columns={transitionColumns} rows={transitionRows} exportName="六统一过渡期事项" caption="待遇标准差距过大的项目可实行1至2年过渡期（意见 三（二））；居民医保市级统筹确有困难的地区最迟2021年12月31日前实现（意见 一）" emptyReason="没有过渡期事项" />
            </div>
          </section>
        </>
      )}
      <SourceNote text={`${info.isDemo ? '演示数据（虚构城市）' : '各县（市、区）报送的六统一进度'}；逾期状态按所选年度12月31日判断`} />
    </>
  );
}
