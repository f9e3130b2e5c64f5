// One chart of the public report with everything a reader needs beside it (Our World in Data / Fingertips
// practice): the chart, its data table, the definitions from the indicator registry, the source and release
// date, downloads of exactly this table, and a permalink that restores the view.
import { getIndicator } from '@/lib/indicators/registry';
import { DOWNLOAD_LABELS, OPEN_DOWNLOAD_FORMATS } from '@/lib/open/export';
import { downloadHref } from '@/lib/open/url';
import { policyCitation, tableTexts, type OpenChart, type OpenView } from '@/lib/open/view';
import { ChartView } from './Charts';
import styles from '../open.module.css';

// Cells are right-aligned by the stylesheet and only a hidden cell carries its state: the page is sent to
// every reader of a shared link, so every byte per cell counts (twice: HTML and the RSC payload).
const stateAttr = (s: string | undefined) => (s === 'shown' ? undefined : s);

export default function OpenFigure({ chart, view, permalink, source }: { chart: OpenChart; view: OpenView; permalink: string; source: string }) {
  const texts = tableTexts(chart, view.rule);
  const headingId = `${chart.id}-h`;
  const code = view.isCity ? null : view.region.code;
  return (
    <figure id={chart.id} className={styles.figure} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.figureTitle}>{chart.title}</h3>
      <ChartView chart={chart} rule={view.rule} />
      <div className={styles.tableScroll} role="region" aria-label={`${chart.title}（数据表）`} tabIndex={0}>
        <table className={styles.table}>
          <caption className="visually-hidden">{chart.title}（数据表）</caption>
          <thead>
            <tr>
              <th scope="col">{chart.labelHeader}</th>
              {chart.columns.map((c) => (
                <th key={c.key} scope="col" className={styles.num}>{c.header}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {chart.rows.map((r, i) => (
              <tr key={r.key} data-row={r.key} className={r.highlight ? styles.highlight : r.total ? styles.total : undefined}>
                <th scope="row">{r.label}</th>
                {texts[i].map((t, j) => (
                  <td key={chart.columns[j].key} data-col={chart.columns[j].key} data-state={stateAttr(r.cells[chart.columns[j].key]?.s)}>{t}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {chart.notes.length > 0 && (
        <ul className={styles.notes}>
          {chart.notes.map((n) => <li key={n}>{n}</li>)}
        </ul>
      )}
      <dl className={styles.defs}>
        {chart.indicators.map((c) => {
          const d = getIndicator(c);
          const cite = policyCitation(d.policyRef);
          return (
            <div key={c}>
              <dt>{d.name}</dt>
              <dd>
                {d.definition} 计算方法：{d.formula}。{cite ? `依据：${cite}。` : ''}
              </dd>
            </div>
          );
        })}
        {chart.facts.map((f) => (
          <div key={f.name}>
            <dt>{f.name}</dt>
            <dd>{f.definition}</dd>
          </div>
        ))}
      </dl>
      <p className={styles.source}>{source}</p>
      <p className={styles.actions}>
        <span>下载本表：</span>
        {OPEN_DOWNLOAD_FORMATS.map((f) => (
          <a key={f} href={downloadHref({ code, year: view.year, scheme: view.scheme }, chart.id, f)} download>
            {DOWNLOAD_LABELS[f]}
          </a>
        ))}
        <a href={`${permalink}#${chart.id}`}>本图永久链接</a>
      </p>
    </figure>
  );
}
