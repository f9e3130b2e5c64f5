import Link from 'next/link';
import { formatValue } from '@/lib/format';
import type { AssessmentScheme } from '@/lib/assessment/scheme';
import { areaMax, gradeOf, maxTotal } from '@/lib/assessment/scheme';
import type { ScorecardRow } from '@/lib/queries/assessment/getAssessment';
import s from '../assessment.module.css';

const CLASSES = [s.g0, s.g1, s.g2, s.g3];
export function gradeClass(scheme: AssessmentScheme, label: string): string {
  const i = scheme.grades.findIndex((g) => g.label === label);
  return CLASSES[Math.min(CLASSES.length - 1, Math.max(0, i))];
}
const pts = (v: number) => formatValue(v, 'count', { digits: 1 });

/** Counties × areas: points out of the area's maximum, coloured by the grade the share would earn. */
/** `city`: the selected city among several, kept in the county links. */
export default function Scorecard({ scheme, rows, year, city }: { scheme: AssessmentScheme; rows: ScorecardRow[]; year: number; city?: string }) {
  const total = maxTotal(scheme);
  const sorted = [...rows].sort((a, b) => a.result.rank - b.result.rank);
  return (
    <>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={`${year}年考核计分卡`}>
        <table className={s.scorecard} data-testid="scorecard">
          <thead>
            <tr>
              <th scope="col">县（市、区）</th>
              {scheme.areas.map((a) => (
                <th scope="col" key={a.code}>
                  {a.name}
                  <span className={s.sub}>满分{pts(areaMax(a))}</span>
                </th>
              ))}
              <th scope="col">
                总分<span className={s.sub}>满分{pts(total)}</span>
              </th>
              <th scope="col">等级</th>
              <th scope="col">排名</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((r) => (
              <tr key={r.code} data-county={r.code}>
                <th scope="row">
                  {r.detail ? (
                    <Link href={`/assessment?${city ? `city=${city}&` : ''}year=${year}&county=${r.code}#sheet`} prefetch={false}>
                      {r.name}
                    </Link>
                  ) : (
                    r.name
                  )}
                </th>
                {r.result.areas.map((a) => {
                  const g = a.max > 0 ? gradeOf(scheme, a.points, a.max).label : null;
                  return (
                    <td key={a.code} className={`${s.cell} ${g ? gradeClass(scheme, g) : ''}`} title={g ? `${a.name}：${pts(a.points)}/${pts(a.max)}（${g}）` : '无数据'}>
                      {a.max > 0 ? pts(a.points) : <span className="missing">无数据</span>}
                      {g && <small>{g}</small>}
                    </td>
                  );
                })}
                <td className={`${s.cell} ${gradeClass(scheme, r.result.grade)}`}>
                  <strong>{pts(r.result.total)}</strong>
                  {r.liveTotal !== null && (
                    <small data-testid="live-total" title="已发布值冻结；按当前数据重算的总分">
                      现{r.liveTotal === null ? '—' : pts(r.liveTotal)}（{formatValue(r.liveTotal - r.result.total, 'count', { digits: 1, signed: true })}）
                    </small>
                  )}
                </td>
                <td className={gradeClass(scheme, r.result.grade)}>{r.result.grade}</td>
                <td className={s.cell}>{r.result.rank}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className={s.legend} aria-label="颜色说明">
        {scheme.grades.map((g, i) => (
          <li key={g.label}>
            <span className={CLASSES[Math.min(3, i)]}>{g.label}</span>
            {i === 0 ? `≥${g.min}分` : `${g.min}—${scheme.grades[i - 1].min}分`}
          </li>
        ))}
        <li>领域得分按其占该领域满分的比例套用同一等级线（如≥90%为优秀）</li>
      </ul>
    </>
  );
}
