// The report's tables as rows of formatted cells, shared by the HTML page (and so the PDF) and the DOCX,
// so the formats cannot disagree. Pure. Missing values show as the formatter's '—' (无数据), never 0.
import { formatPeriod, formatValue, formatYuan } from '../format';
import { STATUS_LABELS as INDICATOR_STATUS } from '../indicators/status';
import { SEVERITY_LABELS, STATUS_LABELS } from '../risk/types';
import type { ReportFigures } from './types';

export interface ReportTable {
  id: string;
  title: string;
  /** unit note under the title, e.g. '金额单位：万元' */
  note?: string;
  columns: { header: string; align: 'left' | 'right' }[];
  rows: string[][];
  /** index of rows to emphasise (the city total, the edition's own county) */
  strong?: number[];
}

const L = 'left' as const;
const R = 'right' as const;
// Amount columns say 万元 once in the table note; cells carry the number only (narrow A4 columns).
const wan = (v: number | null) => formatYuan(v, '万元').replace(/万元$/, '');

export function reportTables(r: ReportFigures): ReportTable[] {
  const f = (key: string | null) => (key ? r.figures[key] : undefined);
  const v = (key: string | null) => {
    const x = f(key);
    return x ? formatValue(x.value, x.unit) : '—';
  };
  const ytd = r.period % 100 === 1 ? formatPeriod(r.period) : `1—${r.period % 100}月`;
  const tables: ReportTable[] = [];

  tables.push({
    id: 'kpis', title: `表1 主要指标（${r.regionName}）`,
    columns: [{ header: '指标', align: L }, { header: '口径', align: L }, { header: '本期', align: R }, { header: '上年同期', align: R }, { header: '上月', align: R }, { header: '目标', align: R }, { header: '状态', align: L }],
    rows: r.kpis.map((k) => [
      k.name, k.basis === 'point' ? '月末' : `${ytd}累计`, v(k.now), v(k.yoy), k.mom ? v(k.mom) : '—',
      k.target === null ? '—' : formatValue(k.target, k.unit), INDICATOR_STATUS[k.status],
    ]),
  });
  if (r.timeProgress !== null) tables[0].rows.push(['序时进度', `${ytd}`, formatValue(r.timeProgress, 'ratio'), '—', '—', '—', '—']);

  tables.push({
    id: 'reserve', title: '表2 统筹基金可支付月数（全市）',
    columns: [{ header: '险种', align: L }, { header: '本月末', align: R }, { header: '上月末', align: R }, { header: '上年同期', align: R }, { header: '状态', align: L }],
    rows: r.reserve.map((s) => [s.name, v(s.now), v(s.mom), v(s.yoy), INDICATOR_STATUS[s.status]]),
  });

  // Versions archived before the report carried the stochastic projection have no `stochastic` at all:
  // they keep the table they were published with.
  const stochastic = r.projection.some((p) => p.stochastic !== undefined);
  tables.push({
    id: 'projection', title: `表3 累计结余测算（自${formatPeriod(r.period)}起）`,
    ...(stochastic ? { note: '情景测算按近两年收支增速；随机测算为风险预警·基金可持续性的模拟（“—”：历史不足36个月，无法测算）。' } : {}),
    columns: [
      { header: '险种', align: L }, { header: '收入年增速', align: R }, { header: '支出年增速', align: R }, { header: '悲观情景耗尽', align: R },
      { header: '中位情景耗尽', align: R }, { header: '乐观情景耗尽', align: R },
      ...(stochastic ? [{ header: '12个月内低于3个月的概率（随机）', align: R }, { header: '耗尽时间中位数（随机）', align: R }] : []),
    ],
    rows: r.projection.map((p) => [
      p.name, formatValue(p.incomeGrowth, 'ratio'), formatValue(p.expenseGrowth, 'ratio'),
      p.exhausted.low ? formatPeriod(p.exhausted.low) : '测算期内不耗尽', p.exhausted.central ? formatPeriod(p.exhausted.central) : '测算期内不耗尽',
      p.exhausted.high ? formatPeriod(p.exhausted.high) : '测算期内不耗尽',
      ...(stochastic ? [
        p.stochastic ? v(p.stochastic.probBelow3Within12) : '—',
        p.stochastic ? (p.stochastic.depletionMedian ? formatPeriod(p.stochastic.depletionMedian) : '测算期内不耗尽') : '—',
      ] : []),
    ]),
  });
  tables.push({
    id: 'counties', title: `表4 分县（市、区）情况（${ytd}）`, note: '金额单位：万元',
    columns: [
      { header: '地区', align: L }, { header: '参保率', align: R }, { header: '征缴率', align: R }, { header: '县级补助到位率', align: R },
      { header: '收入执行率', align: R }, { header: '支出执行率', align: R }, { header: '当期结余', align: R }, { header: '累计结余', align: R },
      { header: '可支付月数', align: R }, { header: '基层就诊占比', align: R }, { header: '县域内就诊率', align: R },
    ],
    rows: r.counties.map((c) => [
      c.name, formatValue(c.coverage, 'ratio'), formatValue(c.collectionRate, 'ratio'), formatValue(c.countySubsidyDelivery, 'ratio'),
      formatValue(c.incomeRate, 'ratio'), formatValue(c.expenseRate, 'ratio'), wan(c.currentBalance), wan(c.accumulated),
      formatValue(c.monthsOfReserve, 'months'), formatValue(c.primaryShare, 'ratio'), formatValue(c.inCountyRate, 'ratio'),
    ]),
    strong: [0],
  });

  tables.push({
    id: 'attribution', title: `表5 基金缺口责任划分（${ytd}）`, note: '金额单位：万元。依据《关于实施基本医疗保险和生育保险市级统筹的意见（征求意见稿）》三（三）',
    columns: [
      { header: '地区', align: L }, { header: '当期结余', align: R }, { header: '缺口', align: R }, { header: '县级补助未到位', align: R },
      { header: '保费收入短收', align: R }, { header: '县级应补足', align: R }, { header: '市级结余弥补', align: R }, { header: '完成收支计划', align: L },
    ],
    rows: r.attribution.map((a) => [
      a.name, wan(a.balance), wan(a.gap), wan(a.countySubsidyUnpaid), wan(a.premiumShortfall), wan(a.countyMakeup), wan(a.cityCovers),
      a.regime === 'county' ? '县级统筹' : a.metPlan ? '是' : '否',
    ]),
    strong: r.attribution.length > 0 && r.attribution[0].code === r.cityCode ? [0] : [],
  });

  const warnRow = (w: ReportFigures['warnings']['open'][number]) => [
    SEVERITY_LABELS[w.severity], w.ruleName, w.subjectLabel, formatPeriod(w.firstPeriod),
    w.clearedPeriod && w.clearedPeriod <= r.period ? formatPeriod(w.clearedPeriod) : '—', STATUS_LABELS[w.status],
  ];
  const warnCols = [{ header: '级别', align: L }, { header: '规则', align: L }, { header: '对象', align: L }, { header: '首次触发', align: L }, { header: '条件消除', align: L }, { header: '处置状态', align: L }];
  tables.push({ id: 'warnings', title: `表6 在办风险预警（${formatPeriod(r.period)}末）`, columns: warnCols, rows: r.warnings.open.map(warnRow) });
  if (r.warnings.raised.length || r.warnings.cleared.length) {
    tables.push({
      id: 'warning-changes', title: '表7 本月新发与解除的预警', columns: [{ header: '变化', align: L }, ...warnCols],
      rows: [...r.warnings.raised.map((w) => ['新发', ...warnRow(w)]), ...r.warnings.cleared.map((w) => ['解除', ...warnRow(w)])],
    });
  }

  return tables;
}
