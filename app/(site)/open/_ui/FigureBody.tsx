'use client';
// The markup of one public-report figure. A client component only so the page's RSC payload carries this
// figure's data (props) once instead of its whole element tree (every bar, gridline and table cell) a
// second time beside the HTML: the report page is what a crowd loads from a shared link, and its size is
// what limits how many readers a server can answer. It still renders on the server: the page reads,
// prints and works without JavaScript. Everything it shows is computed by OpenFigure on the server.
import type { SuppressionRule } from '@/lib/open/suppress';
import type { OpenChart } from '@/lib/open/view';
import { ChartView } from './Charts';
import styles from '../open.module.css';

export interface FigureDefinition {
  name: string;
  text: string;
}

export interface FigureBodyProps {
  chart: OpenChart;
  rule: SuppressionRule;
  /** on-screen text of every table cell, rows × columns (OpenFigure: tableTexts) */
  texts: string[][];
  /** registry definitions and plain-fact definitions under the chart */
  definitions: FigureDefinition[];
  source: string;
  downloads: { href: string; label: string }[];
  permalink: string;
}

// Cells are right-aligned by the stylesheet and only a hidden cell carries its state: every byte per cell
// is sent to every reader.
const stateAttr = (s: string | undefined) => (s === 'shown' ? undefined : s);

export default function FigureBody({ chart, rule, texts, definitions, source, downloads, permalink }: FigureBodyProps) {
  const headingId = `${chart.id}-h`;
  return (
    <figure id={chart.id} className={styles.figure} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.figureTitle}>{chart.title}</h3>
      <ChartView chart={chart} rule={rule} />
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
        {definitions.map((d, i) => (
          <div key={`${i}-${d.name}`}>
            <dt>{d.name}</dt>
            <dd>{d.text}</dd>
          </div>
        ))}
      </dl>
      <p className={styles.source}>{source}</p>
      <p className={styles.actions}>
        <span>下载本表：</span>
        {downloads.map((d) => (
          <a key={d.href} href={d.href} download>{d.label}</a>
        ))}
        <a href={`${permalink}#${chart.id}`}>本图永久链接</a>
      </p>
    </figure>
  );
}
