import { formatValue } from '@/lib/format';
import type { IndicatorComparison } from '@/lib/queries/counties/profile';
import { spineGeometry } from '@/lib/queries/counties/profile';
import styles from '../counties.module.css';

const VS_LABEL = { better: '优于全市', worse: '差于全市', similar: '与全市相当', none: '不比较' } as const;
const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

export function SpineLegend({ countyName, peerLabel }: { countyName: string; peerLabel: string }) {
  return (
    <div className={styles.legend} aria-hidden="true">
      <span>
        <i className={styles.lgDot} style={{ background: 'var(--good)' }} /> {countyName}优于全市
      </span>
      <span>
        <i className={styles.lgDot} style={{ background: 'var(--bad)' }} /> 差于全市
      </span>
      <span>
        <i className={styles.lgDot} style={{ background: 'var(--warn)' }} /> 相当（±0.5%）
      </span>
      <span>
        <i className={styles.lgLine} /> 全市（中线）
      </span>
      <span>
        <i className={styles.lgBar} style={{ background: '#dfe6ee' }} /> 各县范围
      </span>
      <span>
        <i className={styles.lgBar} style={{ background: '#b8c6d6' }} /> 中间50%
      </span>
      <span>
        <i className={styles.lgLine} style={{ borderColor: 'var(--chart-4)' }} /> {peerLabel}
      </span>
    </div>
  );
}

function Spine({ c }: { c: IndicatorComparison }) {
  const g = spineGeometry(c);
  if (!g) return <span className={styles.muted}>{c.cityWide ? '全市统一' : c.sizeDependent ? '规模指标，不作图' : '—'}</span>;
  return (
    <div>
      <div
        className={styles.spine}
        role="img"
        aria-label={`${c.name}：本县 ${formatValue(c.value, c.unit, { displayUnit: c.displayUnit })}，全市 ${formatValue(c.city, c.unit, { displayUnit: c.displayUnit })}，${VS_LABEL[c.vsCity]}`}
      >
        {g.min !== null && g.max !== null && <span className={styles.spineRange} style={{ left: pct(g.min), width: pct(g.max - g.min) }} />}
        {g.q1 !== null && g.q3 !== null && <span className={styles.spineIqr} style={{ left: pct(g.q1), width: pct(g.q3 - g.q1) }} />}
        {g.peers.map((x, i) => (
          <span key={i} className={styles.spinePeer} style={{ left: pct(x) }} />
        ))}
        <span className={styles.spineCity} />
        {g.county !== null && <span className={styles.spineDot} data-vs={c.vsCity} style={{ left: pct(g.county) }} />}
      </div>
    </div>
  );
}

/**
 * One area's indicators for a county: its value (coloured against the city), last year, the city, the
 * peers' median, its rank among all counties and among peers, and the spine: the city in the middle, the
 * range of all counties, their middle half, the peers as ticks and the county as the dot — better to the
 * right (Fingertips spine chart).
 */
export default function SpineTable({ rows, caption }: { rows: (IndicatorComparison & { previous: number | null })[]; caption: string }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className={styles.spineTable}>
        <caption className="visually-hidden">{caption}</caption>
        <colgroup>
          <col className={styles.cName} />
          <col className={styles.cNum} />
          <col className={`${styles.cNum} ${styles.hideSm}`} />
          <col className={`${styles.cNum} ${styles.hideSm}`} />
          <col className={`${styles.cNum} ${styles.hideSm}`} />
          <col className={styles.cRank} />
          <col className={`${styles.cRank} ${styles.hideSm}`} />
          <col className={styles.cSpine} />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">指标</th>
            <th scope="col">本县</th>
            <th scope="col" className={styles.hideSm}>
              上年
            </th>
            <th scope="col" className={styles.hideSm}>
              全市
            </th>
            <th scope="col" className={styles.hideSm}>
              同类中位数
            </th>
            <th scope="col">排名</th>
            <th scope="col" className={styles.hideSm}>
              同类排名
            </th>
            <th scope="col" style={{ textAlign: 'center' }} title="以全市为中线；结构性（区间）指标向右为较高">
              <span className={styles.spineEnds}>
                <span>← 较差</span>
                <span className={styles.hideSm}>与全市及各县比较</span>
                <span>较好 →</span>
              </span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => {
            const f = (v: number | null) => formatValue(v, c.unit, { displayUnit: c.displayUnit });
            return (
              <tr key={c.code} data-code={c.code}>
                <th scope="row">{c.name}</th>
                <td className={styles.valueCell} data-vs={c.vsCity} title={VS_LABEL[c.vsCity]}>
                  {f(c.value)}
                </td>
                <td className={`${styles.num} ${styles.hideSm}`}>{f(c.previous)}</td>
                <td className={`${styles.num} ${styles.hideSm}`}>{f(c.city)}</td>
                <td className={`${styles.num} ${styles.hideSm}`}>{f(c.peerMedian)}</td>
                <td className={styles.num} title={c.noRank ?? undefined}>
                  {c.rank === null ? (
                    <span className={styles.muted}>—</span>
                  ) : (
                    <span className={styles.rank} data-top={c.rank === 1 ? 'true' : undefined} data-bottom={c.rank === c.rankOf ? 'true' : undefined}>
                      {c.rank}/{c.rankOf}
                    </span>
                  )}
                </td>
                <td className={`${styles.num} ${styles.hideSm}`}>{c.peerRank === null ? <span className={styles.muted}>—</span> : `${c.peerRank}/${c.peerRankOf}`}</td>
                <td className={styles.spineCell}>
                  <Spine c={c} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
