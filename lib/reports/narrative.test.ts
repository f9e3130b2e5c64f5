// The sentence generator on constructed figures: what it says, that every number it writes is one of the
// figures the sentence cites, and that missing figures are not written as 0.
import { describe, expect, it } from 'vitest';
import { formatPeriod, formatValue } from '../format';
import type { IndicatorUnit } from '../indicators/types';
import { writeSections } from './narrative';
import type { Figure, ReportFigures, WarningLine } from './types';

const CITY = '100000';
const P = 202412;

type Base = Omit<ReportFigures, 'sections'>;

function fig(key: string, value: number | null, unit: IndicatorUnit, regionCode = CITY, period = P): Figure {
  return { key, label: key, value, unit, regionCode, period, source: 'test' };
}

function warning(id: number, over: Partial<WarningLine> = {}): WarningLine {
  return { id, ruleName: '累计结余可支付月数', subjectLabel: '甲市 · 居民医保', regionName: '甲市', severity: 'WARNING', status: 'NEW', firstPeriod: 202301, lastPeriod: P, clearedPeriod: null, value: 3, unit: 'months', threshold: 6, ...over };
}

/** A small city: two counties, A in deficit and behind on its subsidy, B holding its primary-care share. */
function base(over: Partial<Base> = {}, figs: Figure[] = []): Base {
  const list: Figure[] = [
    fig(`coverage_rate@${CITY}:${P}`, 0.95, 'ratio'), fig(`coverage_rate@${CITY}:${P - 100}`, 0.96, 'ratio'),
    fig(`collection_rate@${CITY}:${P}`, 0.99, 'ratio'), fig(`collection_rate@${CITY}:${P - 100}`, 0.99, 'ratio'),
    fig(`income_execution_rate@${CITY}:${P}`, 1.0, 'ratio'), fig(`expense_execution_rate@${CITY}:${P}`, 1.04, 'ratio'),
    fig(`time_progress@${CITY}:${P}`, 1, 'ratio'), fig(`expense_execution_deviation@${CITY}:${P}`, 0.04, 'pp'),
    fig(`current_balance@${CITY}:${P}`, -300_000_000, 'yuan'),
    fig(`accumulated_balance@${CITY}:${P}`, 4_000_000_000, 'yuan'), fig(`accumulated_balance@${CITY}:${P - 100}`, 4_500_000_000, 'yuan'),
    fig(`months_of_reserve@${CITY}:${P}`, 7.5, 'months'), fig(`months_of_reserve@${CITY}:${P - 100}`, 9.3, 'months'), fig(`months_of_reserve@${CITY}:202411`, 7.4, 'months'),
    fig(`months_of_reserve@${CITY}/RESIDENT:${P}`, 3.4, 'months'), fig(`months_of_reserve@${CITY}/RESIDENT:${P - 100}`, 5.7, 'months'), fig(`months_of_reserve@${CITY}/RESIDENT:202411`, 2.9, 'months'),
    fig('band:months_of_reserve:low', 6, 'months'), fig('target:coverage_rate', 0.95, 'ratio'), fig('target:primary_visit_share', 0.65, 'ratio'),
    fig(`primary_visit_share@${CITY}:${P}`, 0.55, 'ratio'),
    fig(`current_balance@A:${P}`, -200_000_000, 'yuan', 'A'), fig(`current_balance@B:${P}`, -50_000_000, 'yuan', 'B'), fig(`current_balance@C:${P}`, -10_000_000, 'yuan', 'C'), fig(`current_balance@D:${P}`, -10_000_000, 'yuan', 'D'),
    fig(`expense_execution_rate@A:${P}`, 1.06, 'ratio', 'A'), fig(`expense_execution_deviation@A:${P}`, 0.06, 'pp', 'A'),
    fig(`expense_execution_rate@B:${P}`, 1.0, 'ratio', 'B'), fig(`expense_execution_deviation@B:${P}`, 0, 'pp', 'B'),
    fig(`subsidy_delivery_rate@A:${P}`, 0.6, 'ratio', 'A'), fig(`subsidy_gap@A:${P}`, 12_000_000, 'yuan', 'A'), fig(`county_makeup_amount@A:${P}`, 12_000_000, 'yuan', 'A'),
    fig(`subsidy_delivery_rate@B:${P}`, 1, 'ratio', 'B'), fig(`coverage_rate@A:${P}`, 0.97, 'ratio', 'A'), fig(`coverage_rate@B:${P}`, 0.92, 'ratio', 'B'),
    fig(`primary_visit_share@A:${P}`, 0.46, 'ratio', 'A'), fig('primary_visit_share@A:pre202001', 0.64, 'ratio', 'A', 201912),
    fig(`primary_visit_share@B:${P}`, 0.70, 'ratio', 'B'), fig('primary_visit_share@B:pre202001', 0.66, 'ratio', 'B', 201912),
    fig(`warnings_open@${CITY}:${P}`, 2, 'count'), fig(`warnings_open_SEVERE@${CITY}:${P}`, 1, 'count'), fig(`warnings_open_WARNING@${CITY}:${P}`, 1, 'count'), fig(`warnings_open_NOTICE@${CITY}:${P}`, 0, 'count'),
    fig(`warnings_raised@${CITY}:${P}`, 1, 'count'), fig(`warnings_cleared@${CITY}:${P}`, 0, 'count'),
    ...figs,
  ];
  const county = (code: string, name: string, currentBalance: number, expenseDeviation: number) => ({
    code, name, coverage: null, collectionRate: null, countySubsidyDelivery: null, incomeRate: null, expenseRate: null, expenseDeviation,
    currentBalance, accumulated: null, monthsOfReserve: null, primaryShare: null, inCountyRate: null,
  });
  return {
    format: 1, period: P, regionCode: CITY, regionName: '甲市（全市）', cityCode: CITY, cityName: '甲市', edition: 'city', isDemo: true, dataThrough: P, timeProgress: 1,
    figures: Object.fromEntries(list.map((f) => [f.key, f])),
    kpis: [
      { code: 'coverage_rate', name: '参保率', unit: 'ratio', basis: 'point', now: `coverage_rate@${CITY}:${P}`, yoy: `coverage_rate@${CITY}:${P - 100}`, mom: null, status: 'good', target: 0.95 },
      { code: 'collection_rate', name: '征缴率', unit: 'ratio', basis: 'ytd', now: `collection_rate@${CITY}:${P}`, yoy: `collection_rate@${CITY}:${P - 100}`, mom: null, status: 'good', target: 0.98 },
      { code: 'income_execution_rate', name: '收入预算执行率', unit: 'ratio', basis: 'ytd', now: `income_execution_rate@${CITY}:${P}`, yoy: null, mom: null, status: 'good', target: null },
      { code: 'expense_execution_rate', name: '支出预算执行率', unit: 'ratio', basis: 'ytd', now: `expense_execution_rate@${CITY}:${P}`, yoy: null, mom: null, status: 'good', target: null },
      { code: 'accumulated_balance', name: '累计结余', unit: 'yuan', basis: 'point', now: `accumulated_balance@${CITY}:${P}`, yoy: `accumulated_balance@${CITY}:${P - 100}`, mom: null, status: 'good', target: null },
      { code: 'months_of_reserve', name: '累计结余可支付月数', unit: 'months', basis: 'point', now: `months_of_reserve@${CITY}:${P}`, yoy: `months_of_reserve@${CITY}:${P - 100}`, mom: `months_of_reserve@${CITY}:202411`, status: 'good', target: null },
      { code: 'primary_visit_share', name: '基层就诊占比', unit: 'ratio', basis: 'ytd', now: `primary_visit_share@${CITY}:${P}`, yoy: null, mom: null, status: 'bad', target: 0.65 },
    ],
    reserve: [{ scheme: 'RESIDENT', name: '居民医保', now: `months_of_reserve@${CITY}/RESIDENT:${P}`, yoy: `months_of_reserve@${CITY}/RESIDENT:${P - 100}`, mom: `months_of_reserve@${CITY}/RESIDENT:202411`, status: 'warn' }],
    counties: [
      county(CITY, '甲市（全市）', -300_000_000, 0.04),
      { ...county('A', '甲县', -200_000_000, 0.06), coverage: 0.97 },
      { ...county('B', '乙县', -50_000_000, 0), coverage: 0.92 },
      county('C', '丙县', -10_000_000, -0.01),
      county('D', '丁县', -10_000_000, -0.02),
    ],
    attribution: [],
    warnings: { open: [warning(1), warning(2, { severity: 'SEVERE', firstPeriod: P, ruleName: '财政补助未到位', subjectLabel: '甲县 · 居民医保' })], raised: [warning(2, { severity: 'SEVERE', firstPeriod: P, ruleName: '财政补助未到位', subjectLabel: '甲县 · 居民医保' })], cleared: [], bySeverity: { SEVERE: 1, WARNING: 1, NOTICE: 0, total: 2 } },
    projection: [],
    reserveSeries: [],
    primaryShare: [
      { code: 'A', name: '甲县', poolingPeriod: 202001, now: `primary_visit_share@A:${P}`, baseline: 'primary_visit_share@A:pre202001' },
      { code: 'B', name: '乙县', poolingPeriod: 202001, now: `primary_visit_share@B:${P}`, baseline: 'primary_visit_share@B:pre202001' },
    ],
    ...over,
  };
}

const all = (r: ReturnType<typeof writeSections>) => r.sections.flatMap((s) => s.sentences);
const find = (r: ReturnType<typeof writeSections>, part: string) => all(r).find((s) => s.text.includes(part));

/** Removes from a sentence every way its cited figures can be written; dates of the report month too. */
function strip(text: string, refs: string[], figures: Record<string, Figure>): string {
  let t = text;
  const forms: string[] = [];
  for (const k of refs) {
    const f = figures[k];
    expect(f, `cited figure ${k}`).toBeDefined();
    forms.push(formatValue(f.value, f.unit), formatValue(f.value === null ? null : Math.abs(f.value), f.unit).replace(/^\+/, ''), formatPeriod(f.value));
  }
  // Fixed wording that is a definition, not a figure: the report month, the year-to-date span, a clause, the baseline window.
  forms.push(formatPeriod(P), '1—12月', '三（三）', '统筹前12个月');
  for (const s of forms.sort((a, b) => b.length - a.length)) t = t.split(s).join('');
  return t;
}

describe('report sentences', () => {
  it('state 同比/环比 with direction words and figures, in the bureau style', () => {
    const r = writeSections(base());
    expect(find(r, '参保率95.0%')!.text).toBe('截至2024年12月末，全市基本医疗保险参保率95.0%，同比下降1.0个百分点，达到95.0%的目标。');
    expect(find(r, '征缴率')!.text).toContain('同比持平');
    expect(find(r, '支出预算执行率')!.text).toContain('支出执行快于序时进度4.0个百分点');
    expect(find(r, '累计结余40.00亿元')!.text).toBe('截至2024年12月末，累计结余40.00亿元，较上年同期减少5.00亿元；可支付月数7.5个月，较上年同期减少1.8个月，较上月增加0.1个月。');
    expect(find(r, '居民医保')!.text).toBe('全市居民医保统筹基金累计结余可支付3.4个月，较上年同期减少2.3个月，较上月增加0.5个月，低于6.0个月的合理下限。');
  });

  it('name the counties that drive a change, the unpaid subsidy, and primary-care shares against pre-pooling', () => {
    const r = writeSections(base());
    // A, B and C are the largest of the four deficits: their share of all deficits is 260/270.
    const d = find(r, '个县（市、区）当期收不抵支')!;
    expect(d.text).toBe('1—12月，4个县（市、区）当期收不抵支，缺口较大的是甲县（−2.00亿元）、乙县（−5,000.0万元）和丙县（−1,000.0万元），合计占各县缺口总额的96.3%。');
    const fast = find(r, '快于序时进度较多')!;
    expect(fast.text).toBe('支出执行快于序时进度较多的是甲县（执行率106.0%，快6.0个百分点）。');
    expect(find(r, '县级财政补助到位率')!.text).toBe('甲县县级财政补助到位率60.0%，未到位1,200.0万元；按《关于实施基本医疗保险和生育保险市级统筹的意见（征求意见稿）》三（三），因未按规定补助到位形成的收入缺口由县级政府负责补足，1—12月县级应补足1,200.0万元。');
    expect(find(r, '乙县参保率')!.text).toBe('乙县参保率92.0%，低于95.0%的目标。');
    expect(find(r, '甲县基层就诊占比')!.text).toBe('甲县基层就诊占比46.0%，较统筹前12个月（64.0%）下降18.0个百分点。');
    expect(find(r, '乙县基层就诊占比')!.text).toBe('同期乙县基层就诊占比70.0%，与统筹前12个月（66.0%）相比上升4.0个百分点。');
  });

  it('report new and cleared warnings since last month', () => {
    const r = writeSections(base());
    expect(find(r, '在办风险预警')!.text).toBe('截至2024年12月末，在办风险预警2条，其中严重1条、警示1条。');
    expect(find(r, '新发')!.text).toBe('本月新发预警1条（甲县 · 居民医保财政补助未到位），无解除的预警。');
  });

  it('every number a sentence states is one of the figures it cites (traceable), and derived figures say what they came from', () => {
    const r = writeSections(base());
    const figures = { ...base().figures, ...r.derived };
    expect(all(r).length).toBeGreaterThan(10);
    for (const s of all(r)) {
      expect(s.refs.length, s.text).toBeGreaterThan(0);
      expect(strip(s.text, s.refs, figures), s.text).not.toMatch(/\d/);
    }
    for (const d of Object.values(r.derived)) {
      expect(d.derivedFrom?.length, d.key).toBeGreaterThan(0);
      for (const k of d.derivedFrom!) expect(figures[k], k).toBeDefined();
    }
    const share = Object.values(r.derived).find((d) => d.key.startsWith('share('))!;
    expect(share.value).toBeCloseTo(260 / 270, 12);
  });

  it('missing figures drop the clause or sentence: never written as 0', () => {
    const b = base();
    b.figures[`coverage_rate@${CITY}:${P - 100}`].value = null;
    b.figures[`months_of_reserve@${CITY}/RESIDENT:${P}`].value = null;
    b.figures[`subsidy_delivery_rate@A:${P}`].value = null;
    const r = writeSections(b);
    expect(find(r, '参保率95.0%')!.text).toBe('截至2024年12月末，全市基本医疗保险参保率95.0%，达到95.0%的目标。');
    expect(find(r, '居民医保统筹基金')).toBeUndefined();
    expect(find(r, '县级财政补助到位率')).toBeUndefined();
    expect(all(r).some((s) => /(?<![\d.,])0(\.0)?(%|个月|元)/.test(s.text))).toBe(false);
  });

  it('say so when nothing was raised or cleared, and when a county meets every target', () => {
    const b = base({ warnings: { open: [], raised: [], cleared: [warning(3, { clearedPeriod: P })], bySeverity: { SEVERE: 0, WARNING: 0, NOTICE: 0, total: 0 } } });
    b.figures[`warnings_raised@${CITY}:${P}`].value = 0;
    b.figures[`warnings_cleared@${CITY}:${P}`].value = 1;
    b.figures[`warnings_open@${CITY}:${P}`].value = 0;
    const r = writeSections(b);
    expect(find(r, '在办风险预警')!.text).toBe('截至2024年12月末，在办风险预警0条。');
    expect(find(r, '本月无新发预警')!.text).toBe('本月无新发预警，解除1条（甲市 · 居民医保累计结余可支付月数）。');
  });
});
