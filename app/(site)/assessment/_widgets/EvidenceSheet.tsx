import { Fragment } from 'react';
import { formatValue } from '@/lib/format';
import { describeRequirement, describeRule, MISSING_RULE_TEXT } from '@/lib/assessment/describe';
import type { AssessmentScheme } from '@/lib/assessment/scheme';
import type { IndicatorScore, PathToTarget } from '@/lib/assessment/results';
import { getIndicator } from '@/lib/indicators/registry';
import type { EvidenceSheet as Sheet } from '@/lib/queries/assessment/getAssessment';
import s from '../assessment.module.css';

const pts = (v: number | null) => (v === null ? '—' : formatValue(v, 'count', { digits: 1 }));
const val = (i: Pick<IndicatorScore, 'value' | 'unit' | 'displayUnit'>) =>
  i.value === null ? <span className="missing">无数据</span> : formatValue(i.value, i.unit, { displayUnit: i.displayUnit, digits: i.unit === 'count' && !Number.isInteger(i.value) ? 1 : undefined });

function PathBox({ title, p }: { title: string; p: PathToTarget | null }) {
  return (
    <div className="card" data-testid={`path-${p?.kind ?? 'none'}`}>
      <h3>{title}</h3>
      {!p ? (
        <p>已处于最高{title.includes('等级') ? '等级' : '名次'}。</p>
      ) : (
        <>
          <p>
            达到“{p.target}”还差 <strong>{pts(p.gap)}分</strong>；各指标尚可争取的分数合计 {pts(p.available)}分
            {p.available + 1e-9 < p.gap ? '，本年度已无法达到。' : '。'}
          </p>
          {p.options.length > 0 ? (
            <>
              <p>单项指标即可补足差距的办法（其他指标不变）：</p>
              <ul>
                {p.options.map((o) => (
                  <li key={o.key}>
                    {o.label}：由 {formatValue(o.current, o.unit, { displayUnit: o.displayUnit, digits: o.unit === 'count' && !Number.isInteger(o.current) ? 1 : undefined })} 改进到 {describeRequirement(o.requirement, o.unit, o.displayUnit)}
                  </li>
                ))}
              </ul>
            </>
          ) : p.available + 1e-9 >= p.gap ? (
            <p>没有单项指标能独自补足差距，需多项同时改进（失分最多的指标见上表）。</p>
          ) : null}
        </>
      )}
    </div>
  );
}

/** One county's evidence sheet: every indicator's value, the numbers behind it, the rule, the points. */
export default function EvidenceSheet({ sheet, scheme, year, schemeVersion, published }: { sheet: Sheet; scheme: AssessmentScheme; year: number; schemeVersion: number; published: boolean }) {
  const r = sheet.result;
  const prev = new Map(sheet.previous?.indicators.map((i) => [i.key, i]) ?? []);
  return (
    <div className={s.sheet} data-testid="evidence-sheet" data-county={sheet.code}>
      <div className={s.sheetHead}>
        <h3 style={{ margin: 0 }}>
          {sheet.name} · {year}年度考核计分表
        </h3>
        <p style={{ margin: 0 }}>
          总分 <span className={s.sheetTotal}>{pts(r.total)}</span> / {pts(r.max)} · {r.grade} · 第{r.rank}名
          {sheet.previous && <> · 上年 {pts(sheet.previous.total)}分（第{sheet.previous.rank}名）</>}
        </p>
      </div>
      <p className="source-note">
        {scheme.name}（第{schemeVersion}版）；{published ? '已发布的冻结结果' : '未发布：按当前数据实时计算'}。依据：{scheme.basis}。
      </p>
      <div className="table-scroll" style={{ maxHeight: 'none' }} tabIndex={0} role="region" aria-label={`${sheet.name}计分表`}>
      <table>
        <thead>
          <tr>
            <th scope="col">指标</th>
            <th scope="col">指标值</th>
            <th scope="col">依据数据</th>
            <th scope="col">计分规则</th>
            <th scope="col">得分 / 权重</th>
            <th scope="col">上年</th>
          </tr>
        </thead>
        <tbody>
          {scheme.areas.map((a) => {
            const area = r.areas.find((x) => x.code === a.code)!;
            const inds = r.indicators.filter((i) => i.area === a.code);
            return (
              <Fragment key={a.code}>
                <tr className={s.areaRow}>
                  <td colSpan={4}>{a.name}</td>
                  <td className="num">{pts(area.points)} / {pts(area.max)}</td>
                  <td />
                </tr>
                {inds.map((i) => {
                  const def = getIndicator(i.code);
                  const p = prev.get(i.key);
                  return (
                    <tr key={i.key} className={i.lost > 0.05 ? s.lostRow : undefined} data-indicator={i.key}>
                      <td>
                        {i.label}
                        <ul className={s.evidence}>
                          <li>{def.formula}</li>
                        </ul>
                      </td>
                      <td className="num">
                        {val(i)}
                        {i.band && <div className={s.evidence}>{i.band}</div>}
                      </td>
                      <td>
                        <ul className={s.evidence}>
                          {i.evidence.map((e) => (
                            <li key={e.label}>
                              {e.label}：{e.value === null ? <span className="missing">无数据</span> : formatValue(e.value, e.unit, { displayUnit: e.displayUnit, digits: e.unit === 'count' && !Number.isInteger(e.value) ? 1 : undefined })}
                            </li>
                          ))}
                        </ul>
                      </td>
                      <td>
                        {describeRule(i.rule, i.unit, i.displayUnit)}
                        <div className={s.evidence}>{MISSING_RULE_TEXT[i.missingRule]}</div>
                      </td>
                      <td className="num">
                        {i.status === 'missing_reweighted' ? '不计分' : `${pts(i.points)} / ${pts(i.effectiveWeight)}`}
                        {i.status === 'missing_zero' && <div className={s.evidence}>无数据·不得分</div>}
                        {i.lost > 0.05 && <div className={s.evidence}>失{pts(i.lost)}分</div>}
                      </td>
                      <td className="num">
                        {p ? (
                          <>
                            {val(p)}
                            <div className={s.evidence}>{p.points === null ? '不计分' : `${pts(p.points)}分`}</div>
                          </>
                        ) : (
                          '—'
                        )}
                      </td>
                    </tr>
                  );
                })}
              </Fragment>
            );
          })}
        </tbody>
      </table>
      </div>
      <div className={s.paths}>
        <PathBox title="升至上一等级" p={sheet.grade} />
        <PathBox title="提升一个名次" p={sheet.rank} />
      </div>
    </div>
  );
}
