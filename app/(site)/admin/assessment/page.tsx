import type { Metadata } from 'next';
import Link from 'next/link';
import { getViewer } from '@/lib/auth/viewer';
import { getDb } from '@/lib/db';
import { describeRule, MISSING_RULE_TEXT } from '@/lib/assessment/describe';
import { areaMax, maxTotal } from '@/lib/assessment/scheme';
import { getIndicator } from '@/lib/indicators/registry';
import { listSchemeVersions } from '@/lib/queries/assessment/store';
import { FEEDABLE_CODES } from '@/lib/assessment/feed';
import { SchemeForm } from '../../assessment/_widgets/ActionForms';
import { formatDateTimeZh } from '@/lib/dates';

export const metadata: Metadata = { title: '考核方案' };
export const dynamic = 'force-dynamic';

/** 管理 · 考核方案: the scheme in force, its versions (who/when/why), and the administrator's editor. */
export default async function AdminAssessmentPage() {
  const viewer = await getViewer();
  const versions = await listSchemeVersions(getDb());
  const current = versions[0];
  const isAdmin = viewer.role === 'admin';
  return (
    <>
      <header className="page-header">
        <h1>管理 · 考核方案</h1>
        <p className="page-lead">
          县（市、区）人民政府医疗保障工作责任制考核方案：考核领域、指标库中的指标、权重、计分规则（线性、分档、扣分）和缺失数据规则。
          每次修改保存为新版本并记录修改人、时间和理由；已发布年度的考核结果按发布时的版本冻结，不受修改影响。
          查看结果：<Link href="/assessment">考核</Link>。
        </p>
      </header>

      <section className="section" aria-labelledby="cur-h">
        <h2 id="cur-h">现行方案（第{current.version}版，满分{maxTotal(current.scheme)}分）</h2>
        <div className="card">
          <p>{current.scheme.name}。依据：{current.scheme.basis}。</p>
          <div className="table-scroll">
            <table className="data-table" data-testid="scheme-table">
              <thead>
                <tr><th scope="col">考核领域</th><th scope="col">指标</th><th scope="col" className="num">权重</th><th scope="col">计分规则</th><th scope="col">缺失数据</th><th scope="col">设定依据</th></tr>
              </thead>
              <tbody>
                {current.scheme.areas.flatMap((a) =>
                  a.indicators.map((i, k) => {
                    const def = getIndicator(i.code);
                    return (
                      <tr key={a.code + i.code}>
                        <td>{k === 0 ? `${a.name}（${areaMax(a)}分）` : ''}</td>
                        <td>{i.label ?? def.name}<div className="source-note" style={{ margin: 0 }}>{i.code}{FEEDABLE_CODES.includes(i.code) ? '' : '（暂无考核数据来源，按缺失数据规则处理）'}</div></td>
                        <td className="num">{i.weight}</td>
                        <td>{describeRule(i.rule, def.unit, def.displayUnit)}</td>
                        <td>{MISSING_RULE_TEXT[i.missing]}</td>
                        <td>{i.basis ?? ''}</td>
                      </tr>
                    );
                  }),
                )}
              </tbody>
            </table>
          </div>
          <p className="source-note">等级：{current.scheme.grades.map((g) => `${g.label} ≥${g.min}分`).join('；')}。可用于计分的指标代码：{FEEDABLE_CODES.join('、')}。</p>
        </div>
      </section>

      <section className="section" aria-labelledby="ver-h">
        <h2 id="ver-h">版本记录</h2>
        <div className="card">
          <table className="data-table" data-testid="scheme-versions">
            <thead><tr><th scope="col">版本</th><th scope="col">修改人</th><th scope="col">时间</th><th scope="col">理由</th></tr></thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.version}><td>第{v.version}版</td><td>{v.changedBy}</td><td>{formatDateTimeZh(v.changedAt)}</td><td>{v.reason}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="section" aria-labelledby="edit-h">
        <h2 id="edit-h">修改方案</h2>
        <div className="card">
          {!isAdmin && <p role="note" data-testid="admin-only">只有管理员可以修改考核方案（当前用户：{viewer.name}）。</p>}
          <SchemeForm body={JSON.stringify(current.scheme, null, 2)} disabled={!isAdmin} />
        </div>
      </section>
    </>
  );
}
