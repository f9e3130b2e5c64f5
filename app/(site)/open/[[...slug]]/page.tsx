// 公开: the public annual fund report (医保函〔2020〕135号 三: 每年向社会公开基金运行情况，接受社会监督).
// No login, ever: it reads only published releases through the public scope and never asks who is
// visiting. The view (county, year, scheme) is in the path, so each view is a static page generated on
// first request and cached until a report is published or withdrawn (revalidateTag/revalidatePath).
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getOpenView, getPublishedCities } from '@/lib/open/data';
import EmptyState from '../../ui/EmptyState';
import { openPath, parseOpenSlug } from '@/lib/open/url';
import { SCHEME_LABEL, type OpenView } from '@/lib/open/view';
import { OPEN_SCHEMES } from '@/lib/open/types';
import { formatPeriod } from '@/lib/format';
import OpenFigure from '../_ui/OpenFigure';
import styles from '../open.module.css';

// Static per view: rendered once, then served from the cache (a shared report link brings many readers at once).
export const dynamic = 'force-static';
export const revalidate = 3600;
export const dynamicParams = true;
// No view is rendered at build time (there is no database then): each is generated on its first request.
export function generateStaticParams(): { slug: string[] }[] {
  return [];
}

type Params = Promise<{ slug?: string[] }>;

async function load(params: Params) {
  const v = parseOpenSlug((await params).slug);
  if (!v) return null;
  return getOpenView(v);
}

function title(view: OpenView): string {
  return `${view.isCity ? view.cityName : view.region.name}${view.year}年医疗保障基金运行情况`;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const r = await load(params).catch(() => null);
  return { title: r ? `${title(r.view)}（公开）` : '基金运行情况公开' };
}

/** '2025年3月1日' in China time. */
function chinaDate(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(new Date(iso));
  const get = (t: string) => parts.find((p) => p.type === t)?.value;
  return `${get('year')}年${get('month')}月${get('day')}日`;
}

export default async function OpenReportPage({ params }: { params: Params }) {
  const r = await load(params);
  if (!r) {
    if ((await params).slug === undefined) {
      const { several, cities } = await getPublishedCities();
      // Several cities (a province): each publishes its own report; the reader chooses the city.
      if (several && cities.length > 0) {
        return (
          <article className={styles.report} lang="zh-CN">
            <header className={styles.head}>
              <p className={styles.kicker}>基金运行情况公开 · 无需登录</p>
              <h1>医疗保障基金运行情况年度公开报告</h1>
              <p className={styles.lead}>各设区市分别公开本市基金运行情况（依据医保函〔2020〕135号 三）。请选择地市：</p>
            </header>
            <ul className={styles.notes} data-testid="open-cities">
              {cities.map((c) => (
                <li key={c.cityCode}>
                  <Link href={openPath({ code: c.cityCode, year: null, scheme: 'ALL' })} prefetch={false}>{c.cityName}</Link>
                  （已发布：{c.reports.map((x) => `${x.year}年`).join('、')}）
                </li>
              ))}
            </ul>
          </article>
        );
      }
      // Nothing published yet (a fresh installation without the demo city): say so instead of 404 on /open.
      if (cities.length === 0) {
        return <EmptyState title="尚未发布年度公开报告" reason="基金运行情况年度公开报告由管理员在数据完整后发布，发布后即在此公开。" />;
      }
    }
    notFound();
  }
  const { view, cityKey } = r;
  const regions = r.reports.find((x) => x.year === view.year)!.payload.regions;
  const cityCode = regions[0].code;
  // The city's own report: /open with one city, /open/<city code> among several (cityKey).
  const code = view.isCity ? cityKey : view.region.code;
  const permalink = openPath({ code, year: view.year, scheme: view.scheme }, cityKey ? undefined : cityCode);
  const released = chinaDate(view.release.publishedAt);
  const source = `数据来源：${view.cityName}医疗保障局基金财务专户、医保结算和参保登记数据；${view.year}年度公开报告第${view.release.version}版，${released}发布${view.release.dataThrough ? `，数据截至${formatPeriod(view.release.dataThrough)}` : ''}。`;
  const place = view.isCity ? view.cityName : view.region.name;
  return (
    <article className={styles.report} lang="zh-CN">
      <header className={styles.head}>
        <p className={styles.kicker}>基金运行情况公开 · 无需登录</p>
        <h1>{title(view)}</h1>
        <p className={styles.lead}>
          {view.schemeName}（{view.scheme === 'ALL' ? '职工医保、居民医保和生育保险合计' : '单一险种'}）· 第{view.release.version}版，{released}发布 · 依据医保函〔2020〕135号 三，每年向社会公开基金运行情况，接受社会监督。
          {view.isDemo && <strong className={styles.demo}> 本报告为演示数据，城市和全部数字均为虚构。</strong>}
        </p>
      </header>

      <nav className={styles.picker} aria-label="选择地区、年度和险种">
        <form action="/api/open/view" method="get" className={styles.pickerForm}>
          <label>
            地区
            <select name="code" defaultValue={view.region.code}>
              {regions.map((x) => (
                <option key={x.code} value={x.code}>{x.code === cityCode ? `${x.name}（全市）` : x.name}</option>
              ))}
            </select>
          </label>
          <label>
            年度
            <select name="year" defaultValue={String(view.year)}>
              {[...view.years].reverse().map((y) => <option key={y} value={y}>{y}年</option>)}
            </select>
          </label>
          <label>
            险种
            <select name="scheme" defaultValue={view.scheme}>
              {OPEN_SCHEMES.map((s) => <option key={s} value={s}>{SCHEME_LABEL[s]}</option>)}
            </select>
          </label>
          <button type="submit">查看</button>
        </form>
        <p className={styles.quick}>
          {view.isCity ? '各县（市、区）：' : <><Link href={openPath({ code: cityKey, year: view.year, scheme: view.scheme })} prefetch={false}>返回全市报告</Link>{' · 其他县（市、区）：'}</>}
          {regions.filter((x) => x.code !== cityCode && x.code !== code).map((x, i) => (
            <span key={x.code}>{i > 0 && '、'}<Link href={openPath({ code: x.code, year: view.year, scheme: view.scheme })} prefetch={false}>{x.shortName}</Link></span>
          ))}
        </p>
      </nav>

      <section className={styles.section} aria-labelledby="kpi-h">
        <h2 id="kpi-h">{view.year}年主要数字</h2>
        <dl className={styles.kpis}>
          {view.kpis.map((k) => (
            <div key={k.code} className={styles.kpi} data-code={k.code}>
              <dt>{k.name}</dt>
              <dd className={styles.kpiValue}>{k.value}</dd>
              {k.status && <dd className={styles.kpiMeta}>区间：{k.status}</dd>}
              {k.change && <dd className={styles.kpiMeta}>{k.change}</dd>}
              {k.city && <dd className={styles.kpiMeta}>全市：{k.city}</dd>}
            </div>
          ))}
        </dl>
      </section>

      <section className={styles.section} aria-labelledby="hl-h">
        <h2 id="hl-h">本年主要变化</h2>
        <ul className={styles.highlights}>
          {view.highlights.map((h) => <li key={h}>{h}</li>)}
        </ul>
        <p className={styles.source}>以上文字由已发布的年度数字自动生成，与上一个已发布年度比较。</p>
      </section>

      <nav className={styles.toc} aria-label="报告目录">
        <h2 id="toc-h">目录</h2>
        <ol>
          {view.sections.map((s) => <li key={s.id}><a href={`#${s.id}`}>{s.title}</a></li>)}
          <li><a href="#about">关于本报告</a></li>
        </ol>
      </nav>

      {view.sections.map((s) => (
        <section key={s.id} id={s.id} className={styles.section} aria-labelledby={`${s.id}-title`}>
          <h2 id={`${s.id}-title`}>{s.title}</h2>
          <p className={styles.intro}>{s.intro}</p>
          {s.explanations.length > 0 && (
            <dl className={styles.explain}>
              {s.explanations.map((e) => (
                <div key={e.name}>
                  <dt>{e.name}</dt>
                  <dd>{e.text}</dd>
                </div>
              ))}
            </dl>
          )}
          {s.charts.map((c) => <OpenFigure key={c.id} chart={c} view={view} permalink={permalink} source={source} cityKey={cityKey} />)}
        </section>
      ))}

      <section id="about" className={styles.section} aria-labelledby="about-h">
        <h2 id="about-h">关于本报告</h2>
        <ul className={styles.notes}>
          <li>本页只显示已发布的年度报告：发布后数据如有更正，将以新版本发布，已发布的数字不会悄然改变。{place}{view.year}年报告当前为第{view.release.version}版。</li>
          <li>只公布县（市、区）及以上的汇总数，不含任何个人和定点医药机构的明细。数量为1至{view.rule.threshold - 1}的格子显示为「&lt;{view.rule.threshold}」，为防止推算而一并隐去的格子显示为「隐去」；分母少于{view.rule.unstableBelow}的比率标注「（不稳定）」。</li>
          <li>金额单位为元、万元或亿元，比率保留一位小数；“无数据”表示没有该项数据，不等于0。</li>
          <li>本页地址即永久链接：地址中依次为地区代码、年度和险种，例如 <code>{openPath({ code: regions[1]?.code ?? null, year: view.year, scheme: 'RESIDENT' })}</code>。</li>
        </ul>
        <p className={styles.source}>{source}</p>
      </section>
    </article>
  );
}
