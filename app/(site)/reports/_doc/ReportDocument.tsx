// The monthly report as a document: the same markup on /reports/[yyyymm], in print (A4) and in the PDF
// (rendered to static HTML and printed by Chromium). No hooks, no client code.
import { formatPeriod } from '@/lib/format';
import { reportTables, type ReportTable } from '@/lib/reports/tables';
import type { ReportFigures } from '@/lib/reports/types';
import { PrimaryShareChart, ReserveChart } from './charts';
import { REPORT_CSS } from './reportCss';

function Table({ t }: { t: ReportTable }) {
  return (
    <figure className="rpt-table" data-table={t.id}>
      <figcaption>{t.title}{t.note && <span className="rpt-note">{t.note}</span>}</figcaption>
      {t.rows.length === 0 ? <p className="rpt-empty">无</p> : (
        <table>
          <thead><tr>{t.columns.map((c) => <th key={c.header} className={c.align}>{c.header}</th>)}</tr></thead>
          <tbody>
            {t.rows.map((row, i) => (
              <tr key={i} className={t.strong?.includes(i) ? 'strong' : undefined}>
                {row.map((cell, j) => <td key={j} className={t.columns[j].align}>{cell}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </figure>
  );
}

export interface DocumentMeta {
  /** e.g. '第2版 · 2026-11-30 08:50 · 导入后自动生成', or '实时数据（未归档）' */
  versionLabel: string;
}

export default function ReportDocument({ r, meta }: { r: ReportFigures; meta: DocumentMeta }) {
  const tables = reportTables(r);
  const byId = (id: string) => tables.find((t) => t.id === id);
  const low = r.figures['band:months_of_reserve:low']?.value ?? null;
  const title = `${r.regionName}${formatPeriod(r.period)}基本医疗保险基金运行分析报告`;
  return (
    <article className="rpt" data-period={r.period} data-region={r.regionCode}>
      <style dangerouslySetInnerHTML={{ __html: REPORT_CSS }} />
      <header className="rpt-head">
        <p className="rpt-org">{r.cityName}医疗保障局{r.isDemo && <span className="rpt-demo">演示数据</span>}</p>
        <h1>{title}</h1>
        <p className="rpt-meta">数据截至{formatPeriod(r.period)}末 · {meta.versionLabel}</p>
      </header>
      {r.sections.map((s) => (
        <section key={s.id} className="rpt-section" data-section={s.id}>
          <h2>{s.title}</h2>
          <p className="rpt-text">
            {s.sentences.map((x, i) => (
              <span key={i} className="rpt-sentence" data-refs={x.refs.join(' ')} title={x.refs.map((k) => r.figures[k]?.label ?? k).join('；')}>{x.text}</span>
            ))}
          </p>
          {s.id === 'overall' && byId('kpis') && <Table t={byId('kpis')!} />}
          {s.id === 'reserve' && (
            <>
              <figure className="rpt-figure"><figcaption>图1 统筹基金可支付月数（近24个月，全市）</figcaption><ReserveChart r={r} low={low} /></figure>
              <Table t={byId('reserve')!} />
              <Table t={byId('projection')!} />
            </>
          )}
          {s.id === 'counties' && (<><Table t={byId('counties')!} /><Table t={byId('attribution')!} /></>)}
          {s.id === 'tiered' && <figure className="rpt-figure"><figcaption>图2 基层就诊占比：本年累计与统筹前12个月</figcaption><PrimaryShareChart r={r} /></figure>}
          {s.id === 'warnings' && (<><Table t={byId('warnings')!} />{byId('warning-changes') && <Table t={byId('warning-changes')!} />}</>)}
        </section>
      ))}
      {!r.sections.some((s) => s.id === 'counties') && (<section className="rpt-section"><Table t={byId('counties')!} /><Table t={byId('attribution')!} /></section>)}
      <footer className="rpt-foot">
        <p>说明：参保率为月末数，征缴率、预算执行率、当期结余、基层就诊占比、县域内就诊率为当年1月至本月累计数；可支付月数 = 累计结余 ÷ 近12个月月均基金支出，6—9个月为合理（人社部发〔2009〕67号及地方实践）；缺口责任划分依据《关于实施基本医疗保险和生育保险市级统筹的意见（征求意见稿）》三（三）。本报告数字与平台各页面同口径，由平台按月自动生成。</p>
      </footer>
    </article>
  );
}
