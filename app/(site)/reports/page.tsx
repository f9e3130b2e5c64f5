import ChooseCity from '@/app/(site)/ui/ChooseCity';
import type { Metadata } from 'next';
import Link from 'next/link';
import EmptyState from '../ui/EmptyState';
import ErrorState from '../ui/ErrorState';
import JobProgress from './_widgets/JobProgress';
import { generateReportsAction } from './actions';
import { getViewer } from '@/lib/auth/viewer';
import { getDb } from '@/lib/db';
import { formatPeriod } from '@/lib/format';
import { selectedDataset } from '@/lib/queries/context';
import { poolCodes } from '@/lib/regions/pools';
import { canGenerate, jobCity, readableEditions } from '@/lib/reports/access';
import { listVersions, TRIGGER_LABELS } from '@/lib/reports/store';
import { getReportJob, recentReportJobs } from '@/lib/reports/jobs';
import { formatDateTimeZh } from '@/lib/dates';

export const metadata: Metadata = { title: '月度报告' };
export const dynamic = 'force-dynamic';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const ERRORS: Record<string, string> = { forbidden: '只有市医保局可以生成月度报告', city: '无权为该地市生成报告（只能生成本账号所属地市的报告），或本库没有该地市', period: '月份无效', nodata: '该月尚无基金收支数据' };

/** 月度报告: the archive and the months of the city's editions; with several cities, `city=` selects whose (province level: 请选择地市). */
export default async function ReportsPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await getViewer();
  const params = await searchParams;
  const sel = await selectedDataset(params, viewer);
  if (!sel || sel.info.years.length === 0) return <EmptyState title="尚未装载数据" reason="请在“管理”中导入数据。" />;
  const { info, keep } = sel;
  if (info.level === 'province') return <><header className="page-header"><h1>月度报告</h1></header><ChooseCity info={info} path="/reports" page="月度基金运行分析报告" /></>;
  const editions = readableEditions(viewer, [info.cityCode, ...info.counties.map((c) => c.code)], info.cityCode);
  if (!editions.length) return <ErrorState title="无权查看" message="月度基金运行分析报告仅对市、县医保部门开放。" />;
  const db = getDb();
  // `city=…&` in the links when a city is selected among several; its months are those of its own rows.
  const cq = keep.city ? `city=${keep.city}&` : '';
  const pool = poolCodes(info.cities, keep.city ?? null);
  const nameOf = (code: string) => (code === info.cityCode ? `${info.cityName}（全市）` : info.counties.find((c) => c.code === code)?.name ?? code);
  const months = (await db.prisma.ledgerFact.groupBy({ by: ['period'], where: pool ? { regionCode: { in: pool } } : {}, orderBy: { period: 'desc' }, take: 24 })).map((r) => r.period);
  const versions = await listVersions(db, editions);
  const generate = canGenerate(viewer);
  const jobId = Number(params.job);
  // A city user bound to a city follows its own city's jobs only; province-level analysts every job.
  const jobsOf = generate ? jobCity(viewer, info.cities) : null;
  const jobs = generate ? await recentReportJobs(db, 3, jobsOf) : [];
  const focus = generate && Number.isInteger(jobId) ? await getReportJob(db, jobId, jobsOf) : null;
  const shown = focus ? [focus, ...jobs.filter((j) => j.id !== focus.id && j.state === 'RUNNING')] : jobs.filter((j) => j.state === 'RUNNING');
  const own = editions.length === 1 ? editions[0] : info.cityCode;
  const error = typeof params.error === 'string' ? ERRORS[params.error] : undefined;
  return (
    <>
      <header className="page-header">
        <h1>月度报告</h1>
        {pool && <p className="page-lead" data-testid="page-sub">{info.cityName}（全市）</p>}
        <p className="page-lead">月度基金运行分析报告：全市版与各县（市、区）版。某月数据导入齐全（各县均有基金收支）后自动生成并归档；数据更正后重新生成，数字有变化的报告形成新版本，旧版本保留可下载。</p>
      </header>
      {error && <ErrorState title="未能生成" message={error} />}
      {shown.length > 0 && (
        <section className="section" aria-labelledby="jobs-h">
          <h2 id="jobs-h" className="section-title">生成进度</h2>
          {shown.map((j) => <JobProgress key={j.id} initial={j} />)}
        </section>
      )}
      <section className="section" aria-labelledby="months-h">
        <h2 id="months-h" className="section-title">按月查看{editions.length === 1 ? `（${nameOf(own)}）` : ''}</h2>
        <ul className="report-months">
          {months.map((p) => (
            <li key={p}><Link href={`/reports/${p}${editions.length === 1 ? `?${cq}region=${own}` : keep.city ? `?city=${keep.city}` : ''}`}>{formatPeriod(p)}</Link></li>
          ))}
        </ul>
        {generate && (
          <form action={generateReportsAction} className="filter-bar report-generate">
            {keep.city && <input type="hidden" name="city" value={keep.city} />}
            <label className="filter-field">月份
              <select name="period" defaultValue={months[0]}>
                {months.map((p) => <option key={p} value={p}>{formatPeriod(p)}</option>)}
              </select>
            </label>
            <button type="submit" className="btn btn-primary">生成该月全部报告（PDF、DOCX）</button>
            <span className="report-hint">全市版及{info.counties.length}个县（市、区）版，约需数十秒，后台进行</span>
          </form>
        )}
      </section>
      <section className="section" aria-labelledby="archive-h">
        <h2 id="archive-h" className="section-title">归档版本</h2>
        {versions.length === 0 ? <EmptyState reason="尚无归档的月度报告。" /> : (
          <div className="table-scroll">
            <table className="data-table" data-testid="report-archive">
              <thead><tr><th>月份</th><th>地区</th><th>版本</th><th>生成时间（UTC）</th><th>生成方式</th><th>下载</th></tr></thead>
              <tbody>
                {versions.map((v) => (
                  <tr key={v.id} data-period={v.period} data-region={v.regionCode} data-version={v.version}>
                    <td><Link href={`/reports/${v.period}?${cq}region=${v.regionCode}&v=${v.version}`}>{formatPeriod(v.period)}</Link></td>
                    <td>{nameOf(v.regionCode)}</td>
                    <td className="num">第{v.version}版</td>
                    <td>{formatDateTimeZh(v.generatedAt)}</td>
                    <td title={v.generatedBy}>{TRIGGER_LABELS[v.trigger]}</td>
                    <td>
                      <a href={`/reports/${v.period}/download?${cq}region=${v.regionCode}&v=${v.version}&format=pdf`}>PDF</a>
                      {' · '}
                      <a href={`/reports/${v.period}/download?${cq}region=${v.regionCode}&v=${v.version}&format=docx`}>DOCX</a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
