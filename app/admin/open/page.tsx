import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/lib/db';
import { getViewer } from '@/lib/auth/viewer';
import { listReleases } from '@/lib/release';
import { publishableYears } from '@/lib/open/build';
import { publishOpenReportAction, withdrawOpenReportAction } from './actions';

export const metadata: Metadata = { title: '年度公开报告发布' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// 管理 · 年度公开报告: publish a complete year's report as a frozen release, withdraw a version. The public
// pages (/open) read only what is published here. Administrators only (checked again in the actions).
export default async function AdminOpenPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await getViewer();
  const sp = await searchParams;
  const db = getDb();
  const [releases, years] = await Promise.all([listReleases(db, 'OPEN_REPORT'), publishableYears(db)]);
  const isAdmin = viewer.role === 'admin';
  const msg = typeof sp.done === 'string' ? sp.done : null;
  const err = typeof sp.error === 'string' ? sp.error : null;
  return (
    <>
      <header className="page-header">
        <h1>管理 · 年度公开报告</h1>
        <p className="page-lead">
          按医保函〔2020〕135号 三，每年向社会公开基金运行情况。发布即冻结该年度的汇总数字（含小数隐去规则），公众在
          <Link href="/open">公开页面</Link>看到的只有已发布的版本；更正数据后重新发布为新版本，旧版本保留可查。
        </p>
      </header>
      {msg && <p role="status" className="card" style={{ padding: 10 }}>{msg}</p>}
      {err && <p role="alert" className="card error-state" style={{ padding: 10 }}>{err}</p>}
      {!isAdmin && <p role="note" className="card" style={{ padding: 10 }}>只有管理员可以发布或撤回年度公开报告。当前身份：{viewer.name}。</p>}

      {isAdmin && (
        <section className="section" aria-labelledby="pub-h">
          <h2 id="pub-h">发布</h2>
          <form action={publishOpenReportAction} className="card" style={{ padding: 12, display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'flex-end' }}>
            <label>
              年度（只能发布数据完整的年度）
              <br />
              <select name="year" defaultValue={String(years.at(-1) ?? '')}>
                {[...years].reverse().map((y) => <option key={y} value={y}>{y}年</option>)}
              </select>
            </label>
            <label>
              说明（可选）
              <br />
              <input name="note" maxLength={200} />
            </label>
            <button type="submit" className="btn">发布新版本</button>
          </form>
        </section>
      )}

      <section className="section" aria-labelledby="list-h">
        <h2 id="list-h">已发布的版本</h2>
        <div className="table-scroll" tabIndex={0} role="region" aria-label="已发布的版本">
          <table className="data-table">
            <thead>
              <tr><th scope="col">年度</th><th scope="col">版本</th><th scope="col">状态</th><th scope="col">发布人</th><th scope="col">发布时间</th><th scope="col">说明</th>{isAdmin && <th scope="col">撤回</th>}</tr>
            </thead>
            <tbody>
              {releases.map((r) => (
                <tr key={r.id}>
                  <td><Link href={`/open/${r.year}`}>{r.year}年</Link></td>
                  <td>第{r.version}版</td>
                  <td>{r.status === 'PUBLISHED' ? '已发布' : '已撤回'}</td>
                  <td>{r.publishedBy}</td>
                  <td>{r.publishedAt.toISOString().slice(0, 16).replace('T', ' ')}</td>
                  <td>{r.note ?? '—'}</td>
                  {isAdmin && (
                    <td>
                      {r.status === 'PUBLISHED' && (
                        <form action={withdrawOpenReportAction} style={{ display: 'flex', gap: 6 }}>
                          <input type="hidden" name="id" value={r.id} />
                          <input name="reason" required maxLength={200} aria-label={`撤回${r.year}年第${r.version}版的理由`} placeholder="理由" />
                          <button type="submit" className="btn">撤回</button>
                        </form>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
