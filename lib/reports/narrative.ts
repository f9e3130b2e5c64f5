// The text of the monthly report, written from its figures in the plain style of a bureau report
// (同比/环比, against 序时进度 and targets, which counties drive a change, new and cleared warnings).
// Pure: figures in, sentences out. Every number a sentence states goes through `Pen.v`/`Pen.p`, which
// formats it from a figure and records that figure's key on the sentence, so each sentence can say where
// its numbers came from; a figure that is missing (无数据) drops the sentence or the clause rather than
// being written as 0. Differences and shares are derived figures, recorded with what they came from.
import { formatPeriod, formatValue, type FormatOptions } from '../format';
import type { IndicatorUnit } from '../indicators/types';
import { SEVERITY_LABELS, type Severity } from '../risk/types';
import type { Figure, ReportFigures, Section, Sentence } from './types';

type Base = Omit<ReportFigures, 'sections'>;

/** Collects the refs of one sentence. */
class Pen {
  refs: string[] = [];
  constructor(private readonly book: Book) {}
  /** The figure's value formatted in its unit; records the ref. Throws when the key is unknown. */
  v(key: string, opts: FormatOptions = {}): string {
    const f = this.book.get(key);
    if (!this.refs.includes(key)) this.refs.push(key);
    return formatValue(f.value, f.unit, opts);
  }
  /** Absolute value of a signed figure (after a direction word such as 增加/减少). */
  abs(key: string): string {
    const f = this.book.get(key);
    if (!this.refs.includes(key)) this.refs.push(key);
    const v = f.value === null ? null : Math.abs(f.value);
    return f.unit === 'pp' ? formatValue(v, 'pp').replace(/^\+/, '') : formatValue(v, f.unit);
  }
  /** A figure holding a month (YYYYMM), written as a date. */
  p(key: string): string {
    const f = this.book.get(key);
    if (!this.refs.includes(key)) this.refs.push(key);
    return formatPeriod(f.value);
  }
}

class Book {
  readonly derived: Record<string, Figure> = {};
  constructor(private readonly figures: Record<string, Figure>) {}
  get(key: string): Figure {
    const f = this.derived[key] ?? this.figures[key];
    if (!f) throw new Error(`report figure not found: ${key}`);
    return f;
  }
  has(key: string | null | undefined): key is string {
    if (!key) return false;
    const f = this.derived[key] ?? this.figures[key];
    return !!f && f.value !== null && Number.isFinite(f.value);
  }
  value(key: string): number | null {
    return this.has(key) ? this.get(key).value : null;
  }
  /** a − b as a derived figure (ratio differences in percentage points); null when either is missing. */
  diff(a: string | null, b: string | null, label: string): string | null {
    if (!this.has(a) || !this.has(b)) return null;
    const fa = this.get(a);
    const fb = this.get(b);
    const key = `diff(${a},${b})`;
    this.derived[key] = {
      key, label, value: fa.value! - fb.value!, unit: fa.unit === 'ratio' ? 'pp' : fa.unit, regionCode: fa.regionCode, period: fa.period,
      scheme: fa.scheme, source: `${fa.label} − ${fb.label}`, derivedFrom: [a, b],
    };
    return key;
  }
  /** A derived figure from others (sums, shares). */
  derive(key: string, f: Omit<Figure, 'key'>): string {
    this.derived[key] = { ...f, key };
    return key;
  }
}

/** '上升'/'下降'/'持平' by the sign of a difference as shown (a change that rounds to zero is 持平). */
function direction(book: Book, key: string, up: string, down: string): string {
  const f = book.get(key);
  const shown = formatValue(Math.abs(f.value ?? 0), f.unit === 'pp' ? 'pp' : f.unit).replace(/^\+/, '');
  if (!/[1-9]/.test(shown)) return '持平';
  return (f.value ?? 0) > 0 ? up : down;
}

/** '上升0.3个百分点' / '持平' */
function change(pen: Pen, book: Book, key: string | null, up = '上升', down = '下降'): string | null {
  if (!key) return null;
  const d = direction(book, key, up, down);
  if (d === '持平') { pen.refs.push(key); return '持平'; }
  return `${d}${pen.abs(key)}`;
}

function say(book: Book, write: (pen: Pen) => string | null): Sentence | null {
  const pen = new Pen(book);
  const text = write(pen);
  return text ? { text, refs: pen.refs } : null;
}

const compact = (xs: (Sentence | null)[]): Sentence[] => xs.filter((x): x is Sentence => x !== null);
const join = (xs: string[]) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join('、')}和${xs[xs.length - 1]}`);

/** The report's sections and the derived figures they state. */
export function writeSections(r: Base): { sections: Section[]; derived: Record<string, Figure> } {
  const book = new Book(r.figures);
  const month = r.period % 100;
  const ytd = month === 1 ? `${formatPeriod(r.period)}` : `1—${month}月`;
  const monthEnd = `截至${formatPeriod(r.period)}末`;
  const region = r.edition === 'city' ? '全市' : r.regionName;
  const kpi = (code: string) => r.kpis.find((k) => k.code === code);
  const ref = (code: string, regionCode: string) => `${code}@${regionCode}:${r.period}`;
  const sections: Section[] = [];

  // 一、总体情况
  {
    const cov = kpi('coverage_rate');
    const col = kpi('collection_rate');
    const inc = kpi('income_execution_rate');
    const exp = kpi('expense_execution_rate');
    const acc = kpi('accumulated_balance');
    const mor = kpi('months_of_reserve');
    const tp = `time_progress@${r.cityCode}:${r.period}`;
    sections.push({
      id: 'overall', title: '一、基金运行总体情况',
      sentences: compact([
        cov && book.has(cov.now) ? say(book, (p) => {
          const yoy = change(p, book, book.diff(cov.now, cov.yoy, `${region}参保率同比变化`));
          const target = book.has('target:coverage_rate')
            ? `，${book.value(cov.now)! >= book.value('target:coverage_rate')! ? '达到' : '低于'}${p.v('target:coverage_rate')}的目标`
            : '';
          return `${monthEnd}，${region}基本医疗保险参保率${p.v(cov.now)}${yoy ? `，同比${yoy}` : ''}${target}。`;
        }) : null,
        col && book.has(col.now) ? say(book, (p) => {
          const yoy = change(p, book, book.diff(col.now, col.yoy, `${region}征缴率同比变化`));
          return `${ytd}基金征缴率${p.v(col.now)}${yoy ? `，同比${yoy}` : ''}。`;
        }) : null,
        inc && exp && book.has(inc.now) && book.has(exp.now) && book.has(tp) ? say(book, (p) => {
          const dev = `expense_execution_deviation@${r.regionCode}:${r.period}`;
          const pace = book.has(dev) ? `，支出执行${direction(book, dev, '快于', '慢于') === '持平' ? '与序时进度持平' : `${direction(book, dev, '快于', '慢于')}序时进度${p.abs(dev)}`}` : '';
          return `${ytd}基金收入预算执行率${p.v(inc.now)}，支出预算执行率${p.v(exp.now)}，序时进度${p.v(tp)}${pace}。`;
        }) : null,
        book.has(ref('current_balance', r.regionCode)) ? say(book, (p) => {
          const key = ref('current_balance', r.regionCode);
          const v = book.value(key)!;
          return `${ytd}基金当期结余${p.v(key)}${v < 0 ? '，当期收不抵支' : ''}。`;
        }) : null,
        acc && mor && book.has(acc.now) ? say(book, (p) => {
          const accYoy = change(p, book, book.diff(acc.now, acc.yoy, `${region}累计结余同比变化`), '增加', '减少');
          const months = book.has(mor.now) ? (() => {
            const y = change(p, book, book.diff(mor.now, mor.yoy, `${region}可支付月数同比变化`), '增加', '减少');
            const m = change(p, book, book.diff(mor.now, mor.mom, `${region}可支付月数环比变化`), '增加', '减少');
            return `；可支付月数${p.v(mor.now)}${y ? `，较上年同期${y}` : ''}${m ? `，较上月${m}` : ''}`;
          })() : '';
          return `${monthEnd}，累计结余${p.v(acc.now)}${accYoy ? `，较上年同期${accYoy}` : ''}${months}。`;
        }) : null,
      ]),
    });
  }

  // 二、结余与可支付能力（分险种，全市统筹基金）
  {
    const low = 'band:months_of_reserve:low';
    const sentences: (Sentence | null)[] = r.reserve.map((s) => (book.has(s.now) ? say(book, (p) => {
      const y = change(p, book, book.diff(s.now, s.yoy, `${s.name}可支付月数同比变化`), '增加', '减少');
      const m = change(p, book, book.diff(s.now, s.mom, `${s.name}可支付月数环比变化`), '增加', '减少');
      const lowV = book.value(low);
      const band = lowV !== null && book.value(s.now)! < lowV ? `，低于${p.v(low)}的合理下限` : '';
      return `全市${s.name}统筹基金累计结余可支付${p.v(s.now)}${y ? `，较上年同期${y}` : ''}${m ? `，较上月${m}` : ''}${band}。`;
    }) : null));
    for (const pr of r.projection) {
      const c = pr.exhausted.central;
      const inc = `income_growth_rate@${r.cityCode}/${pr.scheme}:${pr.lastPeriod}`;
      const exp = `expense_growth_rate@${r.cityCode}/${pr.scheme}:${pr.lastPeriod}`;
      if (!book.has(inc) || !book.has(exp)) continue;
      if (c === null) {
        sentences.push(say(book, (p) => `按近两年收支增速（收入年增速${p.v(inc)}、支出年增速${p.v(exp)}）测算，${pr.name}累计结余在测算期内不会耗尽。`));
        continue;
      }
      const k = (s: 'low' | 'central' | 'high') => {
        const v = pr.exhausted[s];
        return v === null ? null : book.derive(`exhausted_${s}@${r.cityCode}/${pr.scheme}:${pr.lastPeriod}`, {
          label: `${pr.name}累计结余耗尽月份（${s === 'low' ? '悲观' : s === 'high' ? '乐观' : '中位'}情景）`, value: v, unit: 'count', regionCode: r.cityCode,
          period: pr.lastPeriod, scheme: pr.scheme, source: '风险预警 · 结余测算（lib/risk/projection projectScenarios）',
        });
      };
      const [kl, kc, kh] = [k('low'), k('central'), k('high')];
      sentences.push(say(book, (p) => {
        const range = kl && kh ? `（悲观情景${p.p(kl)}，乐观情景${p.p(kh)}）` : '';
        return `按近两年收支增速（收入年增速${p.v(inc)}、支出年增速${p.v(exp)}）测算，若不采取措施，${pr.name}累计结余预计于${p.p(kc!)}耗尽${range}。`;
      }));
    }
    // The stochastic projection beside the scenarios: how likely the shortfall is, not only when.
    for (const pr of r.projection) {
      const st = pr.stochastic;
      if (!st || !book.has(st.probBelow3Within12)) continue;
      const src = `风险预警 · 基金可持续性（lib/risk/sustainability，${st.paths}条模拟路径）`;
      const month = (q: 'median' | 'p10' | 'p90', v: number | null) => (v === null ? null : book.derive(`depletion_${q}@${r.cityCode}/${pr.scheme}:${st.lastPeriod}`, {
        label: `${pr.name}累计结余耗尽月份（随机测算${q === 'median' ? '中位数' : q === 'p10' ? '第10百分位' : '第90百分位'}）`, value: v, unit: 'count',
        regionCode: r.cityCode, period: st.lastPeriod, scheme: pr.scheme, source: src,
      }));
      const [km, k10, k90] = [month('median', st.depletionMedian), month('p10', st.depletionP10), month('p90', st.depletionP90)];
      sentences.push(say(book, (p) => {
        // The 80% interval's upper end may lie beyond the horizon: say so rather than drop the interval.
        const interval = k10 && k90 ? `（80%区间${p.p(k10)}至${p.p(k90)}）` : k10 ? `（80%区间自${p.p(k10)}起，上限超出${st.horizon}个月测算期）` : '';
        const when = km
          ? `，累计结余耗尽时间的中位数为${p.p(km)}${interval}`
          : `，${st.horizon}个月测算期内半数以上模拟路径不耗尽`;
        return `随机测算（${st.paths}条模拟路径）显示，未来12个月内${pr.name}可支付月数低于3个月的概率为${p.v(st.probBelow3Within12)}${when}。`;
      }));
    }
    sections.push({ id: 'reserve', title: '二、基金结余与可支付能力', sentences: compact(sentences) });
  }

  // 三、分县情况
  {
    const counties = r.counties.filter((c) => c.code !== r.cityCode);
    const sentences: (Sentence | null)[] = [];
    const deficits = counties.filter((c) => c.currentBalance !== null && c.currentBalance < 0).sort((a, b) => a.currentBalance! - b.currentBalance!);
    if (r.edition === 'city' && deficits.length > 0) {
      const top = deficits.slice(0, 3);
      // Share of the counties' deficits taken together (surplus counties do not offset them here).
      const all = deficits.reduce((a, c) => a + c.currentBalance!, 0);
      const sum = top.reduce((a, c) => a + c.currentBalance!, 0);
      const share = deficits.length > top.length ? book.derive(`share(top_deficits@${r.cityCode}:${r.period})`, {
        label: `${top.map((c) => c.name).join('、')}当期缺口占收不抵支县（市、区）缺口合计之比`, value: sum / all, unit: 'ratio',
        regionCode: r.cityCode, period: r.period, source: '所列县当期结余之和 ÷ 当期结余为负的县当期结余之和',
        derivedFrom: deficits.map((c) => ref('current_balance', c.code)),
      }) : null;
      const n = book.derive(`count(deficit_counties@${r.cityCode}:${r.period})`, {
        label: '当期结余为负的县（市、区）个数', value: deficits.length, unit: 'count', regionCode: r.cityCode, period: r.period,
        source: '各县当期结余中为负的个数', derivedFrom: counties.filter((c) => c.currentBalance !== null).map((c) => ref('current_balance', c.code)),
      });
      sentences.push(say(book, (p) => {
        const list = top.map((c) => `${c.name}（${p.v(ref('current_balance', c.code))}）`);
        return `${ytd}，${p.v(n)}个县（市、区）当期收不抵支，缺口较大的是${join(list)}${share ? `，合计占各县缺口总额的${p.v(share)}` : ''}。`;
      }));
    }
    const fast = counties
      .filter((c) => c.expenseDeviation !== null && c.expenseDeviation > 0 && book.has(ref('expense_execution_deviation', c.code)))
      .sort((a, b) => b.expenseDeviation! - a.expenseDeviation!)
      .filter((c) => direction(book, ref('expense_execution_deviation', c.code), '+', '-') === '+')
      .slice(0, 3);
    if (fast.length) sentences.push(say(book, (p) => `支出执行快于序时进度较多的是${join(fast.map((c) => `${c.name}（执行率${p.v(ref('expense_execution_rate', c.code))}，快${p.abs(ref('expense_execution_deviation', c.code))}）`))}。`));
    for (const c of counties) {
      const del = ref('subsidy_delivery_rate', c.code);
      if (!book.has(del) || book.value(del)! >= 1 - 1e-9) continue;
      const gap = ref('subsidy_gap', c.code);
      const makeup = ref('county_makeup_amount', c.code);
      sentences.push(say(book, (p) => {
        const money = book.has(gap) && book.value(gap)! > 0 ? `，未到位${p.v(gap)}` : '';
        const owe = book.has(makeup) && book.value(makeup)! > 0
          ? `；按《关于实施基本医疗保险和生育保险市级统筹的意见（征求意见稿）》三（三），因未按规定补助到位形成的收入缺口由县级政府负责补足，${ytd}县级应补足${p.v(makeup)}`
          : '';
        return `${c.name}县级财政补助到位率${p.v(del)}${money}${owe}。`;
      }));
    }
    const covTarget = 'target:coverage_rate';
    const lowCov = counties.filter((c) => book.has(covTarget) && c.coverage !== null && c.coverage < book.value(covTarget)!);
    if (lowCov.length) sentences.push(say(book, (p) => `${join(lowCov.map((c) => `${c.name}参保率${p.v(ref('coverage_rate', c.code))}`))}，低于${p.v(covTarget)}的目标。`));
    if (sentences.length) sections.push({ id: 'counties', title: '三、分县情况', sentences: compact(sentences) });
  }

  // 四、分级诊疗
  {
    const ps = kpi('primary_visit_share');
    const ic = kpi('in_county_rate');
    const sentences: (Sentence | null)[] = [];
    if (ps && book.has(ps.now)) sentences.push(say(book, (p) => {
      const t = book.has('target:primary_visit_share') ? `，${book.value(ps.now)! >= book.value('target:primary_visit_share')! ? '达到' : '低于'}${p.v('target:primary_visit_share')}的目标` : '';
      const icText = ic && book.has(ic.now)
        ? `；县域内就诊率${p.v(ic.now)}${book.has('target:in_county_rate') ? `，${book.value(ic.now)! >= book.value('target:in_county_rate')! ? '达到' : '低于'}${p.v('target:in_county_rate')}的目标` : ''}`
        : '';
      return `${ytd}，${region}基层就诊占比${p.v(ps.now)}${t}${icText}。`;
    }));
    const changes = r.primaryShare
      .map((s) => ({ s, d: book.diff(s.now, s.baseline, `${s.name}基层就诊占比较统筹前变化`) }))
      .filter((x): x is { s: typeof x.s; d: string } => x.d !== null);
    const drops = changes.filter((x) => book.value(x.d)! <= -0.05).sort((a, b) => book.value(a.d)! - book.value(b.d)!);
    for (const { s, d } of drops.slice(0, 3)) {
      sentences.push(say(book, (p) => `${s.name}基层就诊占比${p.v(s.now)}，较统筹前12个月（${p.v(s.baseline!)}）下降${p.abs(d)}。`));
    }
    if (r.edition === 'city' && drops.length) {
      const held = changes.filter((x) => book.value(x.d)! > -0.01).sort((a, b) => book.value(b.d)! - book.value(a.d)!)[0];
      if (held) sentences.push(say(book, (p) => `同期${held.s.name}基层就诊占比${p.v(held.s.now)}，与统筹前12个月（${p.v(held.s.baseline!)}）相比${change(p, book, held.d)}。`));
    }
    sections.push({ id: 'tiered', title: '四、分级诊疗', sentences: compact(sentences) });
  }

  // 五、风险预警
  {
    const W = `@${r.regionCode}:${r.period}`;
    const sev = (['SEVERE', 'WARNING', 'NOTICE'] as Severity[]).filter((s) => r.warnings.bySeverity[s] > 0);
    const names = (ws: typeof r.warnings.raised) => join(ws.slice(0, 5).map((w) => `${w.subjectLabel}${w.ruleName}`)) + (ws.length > 5 ? '等' : '');
    sections.push({
      id: 'warnings', title: '五、风险预警',
      sentences: compact([
        say(book, (p) => `${monthEnd}，在办风险预警${p.v(`warnings_open${W}`)}条${sev.length ? `，其中${sev.map((s) => `${SEVERITY_LABELS[s]}${p.v(`warnings_open_${s}${W}`)}条`).join('、')}` : ''}。`),
        say(book, (p) => {
          const raised = book.value(`warnings_raised${W}`)!;
          const cleared = book.value(`warnings_cleared${W}`)!;
          const a = raised > 0 ? `本月新发预警${p.v(`warnings_raised${W}`)}条（${names(r.warnings.raised)}）` : (p.refs.push(`warnings_raised${W}`), '本月无新发预警');
          const b = cleared > 0 ? `解除${p.v(`warnings_cleared${W}`)}条（${names(r.warnings.cleared)}）` : (p.refs.push(`warnings_cleared${W}`), '无解除的预警');
          return `${a}，${b}。`;
        }),
      ]),
    });
  }
  return { sections, derived: book.derived };
}

/** Numbers as they appear in a sentence: used by tests and the page to check traceability. */
export function formattedRefs(figures: Record<string, Figure>, s: Sentence): string[] {
  return s.refs.map((k) => {
    const f = figures[k];
    return f ? formatValue(f.value, f.unit as IndicatorUnit) : '';
  });
}
