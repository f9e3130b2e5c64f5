// The 考核 XLSX: 计分卡, 计分依据 (every indicator with its evidence, rule and points), 考核方案 and, for a
// published year with later corrections, 发布后差异. Numbers are written raw in the unit named in the header
// (the export helpers of app/(site)/ui/tableExport and lib/format), never as on-screen strings.
import ExcelJS from 'exceljs';
import { describeRule, MISSING_RULE_TEXT } from '@/lib/assessment/describe';
import { areaMax } from '@/lib/assessment/scheme';
import { exportHeaderSuffix, exportValue, formatValue } from '@/lib/format';
import type { AssessmentView } from '@/lib/queries/assessment/getAssessment';
import type { CountyResult } from '@/lib/assessment/results';
import { exportCell, exportHeader, xlsxSheetName, type ExportColumn, type TableRow } from '../../ui/tableExport';

function addSheet(wb: ExcelJS.Workbook, name: string, columns: ExportColumn[], rows: TableRow[]) {
  const ws = wb.addWorksheet(xlsxSheetName(name), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: exportHeader(c), key: c.key, width: Math.min(50, Math.max(10, exportHeader(c).length * 2 + 2)) }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(columns.map((c) => exportCell(r[c.key], c.unit)));
}

const STATUS = { scored: '已计分', missing_zero: '无数据·不得分', missing_reweighted: '无数据·不计分（权重分配给本领域其他指标）' } as const;

/** Builds the workbook for what the viewer may see (`sheets` = the evidence results the viewer may read). */
export async function assessmentWorkbook(view: AssessmentView, names: Map<string, string>, sheets: CountyResult[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '医保基金运行与分级诊疗分析平台';
  const areaCols: ExportColumn[] = view.scheme.areas.map((a) => ({ key: `a_${a.code}`, header: `${a.name}得分(分，满分${areaMax(a)})` }));
  addSheet(
    wb,
    '计分卡',
    [{ key: 'county', header: '县（市、区）' }, ...areaCols, { key: 'total', header: '总分(分)' }, { key: 'grade', header: '等级' }, { key: 'rank', header: '排名', unit: 'count' },
      { key: 'median', header: '模拟排名中位数', unit: 'count' }, { key: 'lo', header: '90%排名区间下限', unit: 'count' }, { key: 'hi', header: '90%排名区间上限', unit: 'count' },
      { key: 'change', header: '较上年得分变化(分)' }, { key: 'status', header: '结果状态' }],
    [...view.rows].sort((a, b) => a.result.rank - b.result.rank).map((r) => ({
      county: r.name,
      ...Object.fromEntries(r.result.areas.map((a) => [`a_${a.code}`, a.max > 0 ? Math.round(a.points * 100) / 100 : null])),
      total: Math.round(r.result.total * 100) / 100,
      grade: r.result.grade,
      rank: r.result.rank,
      median: r.uncertainty?.medianRank ?? null,
      lo: r.uncertainty?.interval[0] ?? null,
      hi: r.uncertainty?.interval[1] ?? null,
      change: r.change === null ? null : Math.round(r.change * 100) / 100,
      status: view.publication ? `已发布（第${view.publication.version}版）` : '未发布（实时计算）',
    })),
  );
  const evidenceRows: TableRow[] = [];
  for (const c of sheets) {
    for (const i of c.indicators) {
      const area = view.scheme.areas.find((a) => a.code === i.area)!;
      evidenceRows.push({
        county: names.get(c.code) ?? c.code,
        area: area.name,
        indicator: i.label,
        code: i.code,
        value: exportValue(i.value, i.unit),
        unit: (exportHeaderSuffix(i.unit).replace(/[()]/g, '') || i.displayUnit) ?? '',
        valueText: i.value === null ? '无数据' : formatValue(i.value, i.unit, { displayUnit: i.displayUnit, digits: i.unit === 'count' && !Number.isInteger(i.value) ? 1 : undefined }),
        evidence: i.evidence.map((e) => `${e.label}：${e.value === null ? '无数据' : formatValue(e.value, e.unit, { displayUnit: e.displayUnit })}`).join('；'),
        rule: describeRule(i.rule, i.unit, i.displayUnit),
        weight: Math.round(i.effectiveWeight * 100) / 100,
        points: i.points === null ? null : Math.round(i.points * 100) / 100,
        lost: Math.round(i.lost * 100) / 100,
        status: STATUS[i.status],
      });
    }
  }
  addSheet(
    wb,
    '计分依据',
    [{ key: 'county', header: '县（市、区）' }, { key: 'area', header: '考核领域' }, { key: 'indicator', header: '指标' }, { key: 'code', header: '指标代码' },
      { key: 'value', header: '指标值' }, { key: 'unit', header: '指标值单位' }, { key: 'valueText', header: '指标值（显示）' }, { key: 'evidence', header: '依据数据' },
      { key: 'rule', header: '计分规则' }, { key: 'weight', header: '权重(分)' }, { key: 'points', header: '得分(分)' }, { key: 'lost', header: '失分(分)' }, { key: 'status', header: '计分状态' }],
    evidenceRows,
  );
  addSheet(
    wb,
    '考核方案',
    [{ key: 'area', header: '考核领域' }, { key: 'indicator', header: '指标' }, { key: 'code', header: '指标代码' }, { key: 'weight', header: '权重' }, { key: 'rule', header: '计分规则' },
      { key: 'missing', header: '缺失数据规则' }, { key: 'basis', header: '依据' }],
    view.scheme.areas.flatMap((a) => a.indicators.map((i) => {
      const sample = sheets[0]?.indicators.find((x) => x.key === i.code);
      return { area: a.name, indicator: i.label ?? sample?.label ?? i.code, code: i.code, weight: i.weight, rule: sample ? describeRule(i.rule, sample.unit, sample.displayUnit) : i.rule.type, missing: MISSING_RULE_TEXT[i.missing], basis: i.basis ?? '' };
    })),
  );
  if (view.diffs.length > 0) {
    addSheet(
      wb,
      '发布后差异',
      [{ key: 'county', header: '县（市、区）' }, { key: 'figure', header: '项目' }, { key: 'published', header: '已发布值' }, { key: 'live', header: '当前数据值' }, { key: 'delta', header: '差异' }],
      view.diffs.map((d) => ({ county: d.countyName, figure: d.figure, published: d.published, live: d.live, delta: d.delta })),
    );
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
