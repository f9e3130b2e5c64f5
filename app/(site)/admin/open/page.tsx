import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/lib/db';
import { requireViewer } from '@/lib/auth/viewer';
import { listReleases } from '@/lib/release';
import { publishableYears } from '@/lib/open/build';
import { loadDatasetInfo } from '@/lib/queries/meta/getDatasetInfo';
import { parseCityParam } from '@/lib/regions/selectCity';
import { PublishForm, WithdrawForm } from './OpenReleaseForms';
import { formatDateTimeZh } from '@/lib/dates';

export const metadata: Metadata = { title: '年度公开报告发布' };

const COLUMNS = ['年度', '版本', '状态', '发布人', '发布时间', '说明', '撤回'];

// 管理 · 年度公开报告: publish a complete year's report as a frozen release, withdraw a version. The public
// pages (/open) read only what is published here. Administrators only (checked again in the actions).
// Each city (设区市) publishes its own report: with several cities in the warehouse, `city=` selects whose.
export default async function AdminOpenPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireViewer({ roles: ['admin'] });
  const db = getDb();
  const info = await loadDatasetInfo(db);
  const cities = info?.cities ?? [];
  const asked = parseCityParam(await searchParams);
  const several = cities.length > 1;
  const city = several ? cities.find((c) => c.code === asked) ?? null : cities[0] ?? null;
  const [releases, years] = city ? await Promise.all([listReleases(db, 'OPEN_REPORT', city.code), publishableYears(db, city.code)]) : [[], []];
  // The city's public pages: /open with one city, /open/<city code> among several.
  const openBase = several && city ? `/open/${city.code}` : '/open';
  return (
    <>
      <header className="page-header">
        <h1>管理 · 年度公开报告</h1>
        <p className="page-lead">
          按医保函〔2020〕135号 三，每年向社会公开基金运行情况。发布即冻结该年度的汇总数字（含小数隐去规则），公众在
          <Link href="/open">公开页面</Link>看到的只有已发布的版本；更正数据后重新发布为新版本，旧版本保留可查。
        </p>
      </header>
      {several && (
        <nav className="section" aria-label="选择地市">
          <p>本库含多个地市，各市分别发布本市的年度公开报告。请选择地市：</p>
          <ul style={{ display: 'flex', flexWrap: 'wrap', gap: 12, listStyle: 'none', padding: 0 }}>
            {cities.map((c) => (
              <li key={c.code}>{c.code === city?.code ? <strong>{c.name}</strong> : <Link href={`/admin/open?city=${c.code}`}>{c.name}</Link>}</li>
            ))}
          </ul>
        </nav>
      )}
      {city && (
      <section className="section" aria-labelledby="pub-h">
          <h2 id="pub-h">发布{several ? `（${city.name}）` : ''}</h2>
          <PublishForm years={years} city={several ? city.code : undefined} />
        </section>
      )}

      <section className="section" aria-labelledby="list-h">
        <h2 id="list-h">已发布的版本</h2>
        {/* On a phone each release is one block, its fields under their names (globals.css table-stack). */}
        <div className="table-scroll" tabIndex={0} role="region" aria-label="已发布的版本">
          <table className="data-table table-stack" data-testid="releases">
            <thead>
              <tr>{COLUMNS.map((h) => <th key={h} scope="col">{h}</th>)}</tr>
            </thead>
            <tbody>
              {releases.length === 0 && <tr><td colSpan={COLUMNS.length}>尚未发布</td></tr>}
              {releases.map((r) => (
                <tr key={r.id}>
                  <td data-label="年度"><Link href={`${openBase}/${r.year}`}>{r.year}年</Link></td>
                  <td data-label="版本">第{r.version}版</td>
                  <td data-label="状态">{r.status === 'PUBLISHED' ? '已发布' : '已撤回'}</td>
                  <td data-label="发布人">{r.publishedBy}</td>
                  <td data-label="发布时间">{formatDateTimeZh(r.publishedAt)}</td>
                  <td data-label="说明">{r.note ?? '—'}</td>
                  <td data-label="撤回">{r.status === 'PUBLISHED' ? <WithdrawForm id={r.id} label={`${r.year}年第${r.version}版`} city={several && city ? city.code : undefined} /> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
