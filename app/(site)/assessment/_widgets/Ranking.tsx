import DataTable, { type DataTableColumn } from '../../ui/DataTable';
import { METHODS } from '@/lib/assessment/uncertainty';
import type { AssessmentScheme } from '@/lib/assessment/scheme';
import type { ScorecardRow } from '@/lib/queries/assessment/getAssessment';
import { formatValue } from '@/lib/format';
import s from '../assessment.module.css';

function labelOf(scheme: AssessmentScheme, key: string): string {
  if (key === 'method') return '标准化与加总方法的选择';
  for (const a of scheme.areas) for (const i of a.indicators) if (i.code === key) return i.label ?? key;
  return key;
}

/** Level and improvement ranking with the 90% rank interval (a bar) and the main driver of each county. */
export default function Ranking({ scheme, rows, year, draws, n, indicatorNames }: { scheme: AssessmentScheme; rows: ScorecardRow[]; year: number; draws: number; n: number; indicatorNames: Record<string, string> }) {
  const name = (k: string) => (k === 'method' ? labelOf(scheme, k) : (indicatorNames[k] ?? labelOf(scheme, k)));
  const tableRows = [...rows]
    .sort((a, b) => a.result.rank - b.result.rank)
    .map((r) => {
      const u = r.uncertainty;
      return {
        county: r.name,
        // points to one decimal, as shown everywhere (a plain number: the count unit would round to integers)
        total: Math.round(r.result.total * 10) / 10,
        rank: r.result.rank,
        median: u?.medianRank ?? null,
        interval: u ? (u.interval[0] === u.interval[1] ? `${u.interval[0]}` : `${u.interval[0]}—${u.interval[1]}`) : null,
        uncertain: u ? (u.interval[1] - u.interval[0] >= 2 ? '不确定' : u.interval[0] === u.interval[1] ? '稳定' : '较稳定') : null,
        driver: u?.driver ? `${name(u.driver.key)}（${formatValue(u.driver.index, 'ratio', { digits: 0 })}）` : u ? '—（排名不随权重和方法变化）' : null,
        position: r.position ? `${r.position.label}（${r.position.diff >= 0 ? '高于' : '低于'}均值${formatValue(Math.abs(r.position.diff), 'count', { digits: 1 })}分）` : null,
        previousRank: r.previousRank,
        change: r.change === null ? null : Math.round(r.change * 10) / 10,
        improvementRank: r.improvementRank,
      };
    });
  const columns: DataTableColumn[] = [
    { key: 'county', header: '县（市、区）' },
    { key: 'total', header: '总分', align: 'right' },
    { key: 'rank', header: '排名', unit: 'count' },
    { key: 'median', header: '模拟排名中位数', unit: 'count' },
    { key: 'interval', header: '90%排名区间', align: 'right' },
    { key: 'uncertain', header: '排名稳定性' },
    { key: 'driver', header: '排名不确定性主因（一阶敏感度）' },
    { key: 'position', header: '位置主因（与各县均值相比）' },
    { key: 'previousRank', header: '上年排名', unit: 'count' },
    { key: 'change', header: '较上年得分变化', align: 'right' },
    { key: 'improvementRank', header: '进步排名', unit: 'count' },
  ];
  return (
    <>
      <div className="card">
        <h3>排名区间（{draws}次模拟的5%—95%分位，点为中位数）</h3>
        <div className="table-scroll">
        <table className={`data-table ${s.intervals}`} data-testid="rank-intervals">
          <tbody>
            {tableRows.map((r, i) => {
              const row = rows.find((x) => x.name === r.county)!;
              const u = row.uncertainty;
              return (
                <tr key={i}>
                  <th scope="row">{r.county}</th>
                  <td className={s.intervalCell}>
                    {u ? (
                      <div className={s.interval} aria-label={`${r.county}：中位数第${u.medianRank}名，90%区间第${r.interval}名`} role="img">
                        <div className={s.intervalBar} style={{ left: `${((u.interval[0] - 1) / n) * 100}%`, width: `${((u.interval[1] - u.interval[0] + 1) / n) * 100}%` }} />
                        <div className={s.intervalMedian} style={{ left: `calc(${((u.medianRank - 0.5) / n) * 100}% - 1px)` }} />
                      </div>
                    ) : (
                      <span className="missing">无数据</span>
                    )}
                  </td>
                  <td className={`num ${r.uncertain === '不确定' ? s.uncertain : ''}`}>第{r.interval ?? '—'}名</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        </div>
        <p className="source-note">
          方法：经合组织/欧盟联合研究中心《构建综合指标手册》（OECD/JRC Handbook on Constructing Composite Indicators, 2008）的不确定性与敏感性分析。
          每次模拟从以方案权重为中心的狄利克雷分布（集中度100）抽取一组权重，并在{Object.values(METHODS).join('、')}中随机选一种，计算各县排名（并列取较好名次）；
          固定随机种子{year}，结果可复现。“排名不确定性主因”是一阶敏感度指数最大的输入（该输入解释的排名方差比例）。
        </p>
      </div>
      <div className="card" style={{ marginTop: 16 }}>
        <DataTable id="ranking" columns={columns} rows={tableRows} exportName={`${year}年县级医保工作考核排名`} caption={`${year}年排名、排名区间与进步排名（较上年按同一考核方案计算）`} />
      </div>
    </>
  );
}
