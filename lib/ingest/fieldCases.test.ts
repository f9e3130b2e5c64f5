// Real-world file shapes (issue 12), one test per KIND on fixtures made here: units in headers, identifiers
// as text, files as they come (Excel dates, 年月 as dates, encodings, HTML saved as .xls, hidden sheets),
// the national platform's names, region succession, and imports under abuse (limits). Every import is a
// real file through importFile against a real database; the stored facts are read back with SQL.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, TEST_DIR, testDbKinds } from '../testing/databases';
import type { Db } from '../db';
import { importFile, type TemplateKind } from './index';
import { toCsvText } from './export';
import { TEMPLATES, headerWithUnit } from './templates';

const DIR = path.join(TEST_DIR, 'field-cases');
fs.mkdirSync(DIR, { recursive: true });
let seq = 0;
const tmpFile = (name: string, data: Buffer | string) => {
  const f = path.join(DIR, `${++seq}-${name}`);
  fs.writeFileSync(f, data);
  return f;
};
const utf8 = (text: string) => Buffer.from(text, 'utf8');

async function rows(db: Db, sql: string): Promise<Record<string, unknown>[]> {
  const out = await db.prisma.$queryRawUnsafe<Record<string, unknown>[]>(sql);
  return out.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v === true ? 1 : v === false ? 0 : v])));
}

/** The template's header, with one column's header replaced (e.g. a unit written differently). */
function header(kind: TemplateKind, replace: Record<string, string> = {}): string[] {
  return TEMPLATES[kind].columns.map((c) => replace[c.key] ?? headerWithUnit(c));
}

const BASE_REGIONS = [
  ['439900', '江临市', '江临', '设区市', '', '否', '0'],
  ['439903', '望山区', '望山', '区', '439900', '否', '2'],
  ['439921', '安平县', '安平', '县', '439900', '否', '3'],
  ['439922', '石门县', '石门', '县', '439900', '否', '4'],
  ['439923', '桃源县', '桃源', '县', '439900', '否', '5'],
];
const BASE_INSTITUTIONS = [
  ['H439922H001', '石门县人民医院', '439922', '县级医院', '医院', '公立', '正常', '2016-07-01', ''],
  ['H439922P001', '石门青山镇卫生院', '439922', '基层医疗机构', '乡镇卫生院', '公立', '正常', '2016-07-01', ''],
  ['H439923P003', '桃源城关镇卫生院', '439923', '基层医疗机构', '乡镇卫生院', '公立', '正常', '2016-07-01', ''],
  ['H439921H001', '安平县人民医院', '439921', '县级医院', '医院', '公立', '正常', '2016-07-01', ''],
];

/** An empty warehouse with a few regions and institutions: imports into it are fast and exact. */
async function seeded(kind: 'sqlite' | 'postgres') {
  const t = await freshDatabase(kind, 'empty');
  const r1 = await importFile(t.db, { file: tmpFile('regions.csv', utf8(toCsvText(header('REGION').slice(0, 7), BASE_REGIONS))), importedBy: 'test' });
  const r2 = await importFile(t.db, { file: tmpFile('institutions.csv', utf8(toCsvText(header('INSTITUTION'), BASE_INSTITUTIONS))), importedBy: 'test' });
  expect([r1.status, r2.status], `${r1.message} ${r2.message}`).toEqual(['LOADED', 'LOADED']);
  return t;
}

const SETTLEMENT_HEAD = header('SETTLEMENT');
const settlementRow = (id: string, date = '2025-02-07', region = '439922', inst = 'H439922H001', total = '6230.50') =>
  [id, date, region, inst, '390', '21', total, total, (Number(total) * 0.6).toFixed(2), (Number(total) - Number((Number(total) * 0.6).toFixed(2))).toFixed(2), ''];

describe.each(testDbKinds())('field cases on %s', (kind) => {
  let t: Awaited<ReturnType<typeof seeded>>;
  beforeAll(async () => { t = await seeded(kind); }, 120_000);
  afterAll(async () => { await t?.drop(); });

  it('kind 1, units in headers: 万元/亿元/万人 converted exactly and reported, a wrong or inexact unit refused, a title line read', async () => {
    // 金额(万元) with thousands separators: ×10,000 to 元 (the 10,000× error of the field case).
    const wan = await importFile(t.db, {
      file: tmpFile('contribution-wan.csv', utf8(toCsvText(header('CONTRIBUTION', { due: '应征金额(万元)', collected: '实征金额（万元）' }), [
        ['439921', '居民医保', '2025-03', '个人缴费', '27,350.00', '1.2345'],
      ]))), importedBy: 'test',
    });
    expect(wan.status, wan.message).toBe('LOADED');
    expect(wan.report.units?.map((u) => [u.column, u.unit, u.factor])).toEqual([['应征金额', '万元', '×10,000'], ['实征金额', '万元', '×10,000']]);
    expect(wan.message).toContain('换算为元（×10,000）');
    expect(await rows(t.db, `SELECT "due","collected" FROM "ContributionFact" WHERE "period" = 202503 AND "regionCode" = '439921'`)).toEqual([{ due: 273500000, collected: 12345 }]);

    // A title line '单位：亿元' above a header without units applies to the amounts.
    const yi = await importFile(t.db, {
      file: tmpFile('contribution-yi.csv', utf8(`2025年征缴情况表\n单位：亿元\n${toCsvText(header('CONTRIBUTION', { due: '应征金额', collected: '实征金额' }), [['439921', '居民医保', '2025-04', '个人缴费', '0.5', '0.25']])}`)),
      importedBy: 'test',
    });
    expect(yi.status, yi.message).toBe('LOADED');
    expect(yi.report.units?.[0]).toMatchObject({ unit: '亿元', source: '标题行' });
    expect(await rows(t.db, `SELECT "due","collected" FROM "ContributionFact" WHERE "period" = 202504`)).toEqual([{ due: 50000000, collected: 25000000 }]);

    // 万人 on a count: exact when whole people, refused when not.
    const people = await importFile(t.db, {
      file: tmpFile('enrollment-wanren.csv', utf8(toCsvText(['区划代码', '险种', '年月', '应参保人数(万人)', '参保人数（万人）'], [['439921', '居民医保', '2025-03', '39.812', '37.2015']]))), importedBy: 'test',
    });
    expect(people.status, people.message).toBe('LOADED');
    expect(await rows(t.db, `SELECT "shouldEnroll","enrolled" FROM "EnrollmentFact" WHERE "period" = 202503`)).toEqual([{ shouldEnroll: 398120, enrolled: 372015 }]);
    const inexact = await importFile(t.db, {
      file: tmpFile('enrollment-inexact.csv', utf8(toCsvText(['区划代码', '险种', '年月', '应参保人数(万人)', '参保人数(万人)'], [['439921', '居民医保', '2025-04', '39.81234', '37.2']]))), importedBy: 'test',
    });
    expect(inexact.status).toBe('REJECTED');
    expect(inexact.problems[0]).toMatchObject({ row: 2, column: '应参保人数(万人)' });
    expect(inexact.problems[0].reason).toContain('不是整数');

    // A unit that does not belong to the column, or cannot be read, refuses the file naming the column.
    const wrong = await importFile(t.db, {
      file: tmpFile('contribution-wrong-unit.csv', utf8(toCsvText(header('CONTRIBUTION', { due: '应征金额(%)', collected: '实征金额(美元)' }), [['439921', '居民医保', '2025-05', '个人缴费', '1', '1']]))), importedBy: 'test',
    });
    expect(wrong.status).toBe('REJECTED');
    expect(wrong.problems.map((p) => p.column)).toEqual(['应征金额(%)', '实征金额(美元)']);
    expect(wrong.problems[0].reason).toMatch(/^单位“%”不适用于此列/);
    expect(wrong.problems[1].reason).toMatch(/^无法识别表头中的单位“美元”/);

    // Settlement amounts are read in 元 only: another unit is refused by name, not scaled silently.
    const settle = await importFile(t.db, {
      file: tmpFile('settlement-wan.csv', utf8(toCsvText(SETTLEMENT_HEAD.map((h) => h.replace('医疗费总额(元)', '医疗费总额(万元)')), [settlementRow('U1')]))), importedBy: 'test',
    });
    expect(settle.status).toBe('REJECTED');
    expect(settle.problems[0].reason).toContain('须以元为单位');
  });

  it('kind 2, identifiers are text: scientific notation and long number cells refused, invisible characters trimmed, conflicts reported, identical repeats idempotent', async () => {
    const sci = await importFile(t.db, { file: tmpFile('ids-sci.csv', utf8(toCsvText(SETTLEMENT_HEAD, [settlementRow('4.30922E+19'), settlementRow('4.30922E+19', '2025-02-08')]))), importedBy: 'test' });
    expect(sci.status).toBe('REJECTED');
    expect(sci.problems.map((p) => [p.row, p.column])).toEqual([[2, '结算流水号'], [3, '结算流水号']]);
    expect(sci.problems[0].reason).toContain('科学计数法');

    // An XLSX whose ID column is number-typed: 20 digits cannot be held exactly, refused.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('结算');
    ws.addRow(SETTLEMENT_HEAD);
    ws.addRow([43092200000000000001, ...settlementRow('x').slice(1)]);
    const xlsx = await importFile(t.db, { file: tmpFile('ids-number.xlsx', Buffer.from(await wb.xlsx.writeBuffer())), importedBy: 'test' });
    expect(xlsx.status).toBe('REJECTED');
    expect(xlsx.problems[0]).toMatchObject({ row: 2, column: '结算流水号' });

    // Spaces, tabs and zero-width characters around an ID are not part of it: the same settlement.
    const first = await importFile(t.db, { file: tmpFile('ids-dirty.csv', utf8(toCsvText(SETTLEMENT_HEAD, [settlementRow(' JS0001\t'), settlementRow('\u200bJS0002\u200b', '2025-02-08', '439922', 'H439922P001', '58.20')]))), importedBy: 'test' });
    expect(first.status, first.message).toBe('LOADED');
    expect(first.rowsAccepted).toBe(2);
    const again = await importFile(t.db, { file: tmpFile('ids-clean.csv', utf8(toCsvText(SETTLEMENT_HEAD, [settlementRow('JS0001'), settlementRow('JS0003', '2025-02-09')]))), importedBy: 'test' });
    expect([again.status, again.rowsAccepted, again.rowsSkipped]).toEqual(['LOADED', 1, 1]);
    expect(await rows(t.db, `SELECT SUM("visits") AS v FROM "UtilizationFact" WHERE "period" = 202502`)).toEqual([{ v: 3 }]);

    // The same ID twice in a file with other fields different: a conflict, the whole file refused.
    const conflict = await importFile(t.db, { file: tmpFile('ids-conflict.csv', utf8(toCsvText(SETTLEMENT_HEAD, [settlementRow('JS0100', '2025-03-01'), settlementRow('JS0100', '2025-03-01', '439922', 'H439922H001', '7000.00')]))), importedBy: 'test' });
    expect(conflict.status).toBe('REJECTED');
    expect(conflict.problems[0]).toMatchObject({ row: 3, column: '结算流水号' });
    expect(conflict.problems[0].reason).toContain('与第2行相同，但其他字段');
    // Identical repeats stay idempotent: skipped as duplicates.
    const same = await importFile(t.db, { file: tmpFile('ids-repeat.csv', utf8(toCsvText(SETTLEMENT_HEAD, [settlementRow('JS0200', '2025-03-02'), settlementRow('JS0200', '2025-03-02')]))), importedBy: 'test' });
    expect([same.status, same.rowsAccepted, same.rowsSkipped]).toEqual(['LOADED', 1, 1]);

    // Codes in the other templates: trimmed the same way on every import.
    const enrol = await importFile(t.db, { file: tmpFile('codes-dirty.csv', utf8(toCsvText(['区划代码', '险种', '年月', '应参保人数', '参保人数'], [['\u200b439923 ', '居民医保', '2025-05', '10', '9']]))), importedBy: 'test' });
    expect(enrol.status, enrol.message).toBe('LOADED');
    expect(await rows(t.db, `SELECT "regionCode" FROM "EnrollmentFact" WHERE "period" = 202505`)).toEqual([{ regionCode: '439923' }]);
  });

  it('kind 3, files as they come: Chinese Excel date formats, 年月 given as a date, encoding from the whole file, HTML and XML named, hidden sheets skipped and sheets selectable', async () => {
    // Dates typed in Excel with its built-in Chinese formats (numFmtId 57 年月, 31 年月日).
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('上解');
    ws.addRow(header('REMITTANCE'));
    const r = ws.addRow(['439922', '职工基本医疗保险', new Date(Date.UTC(2025, 0, 1)), 59420263.42, new Date(Date.UTC(2025, 1, 10)), new Date(Date.UTC(2025, 1, 19))]);
    r.getCell(3).numFmt = 'yyyy"年"m"月"';
    r.getCell(5).numFmt = 'yyyy"年"m"月"d"日"';
    r.getCell(6).numFmt = 'yyyy"年"m"月"d"日"';
    const zip = await JSZip.loadAsync(Buffer.from(await wb.xlsx.writeBuffer()));
    let styles = await zip.file('xl/styles.xml')!.async('string');
    // Make the formats Excel's own built-in ids, as a Chinese Excel writes them (no <numFmt> entry).
    const ids = [...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"\/>/g)];
    for (const [tag, id, code] of ids) {
      styles = styles.replace(tag, '').replaceAll(`numFmtId="${id}"`, `numFmtId="${code.includes('d') ? 31 : 57}"`);
    }
    zip.file('xl/styles.xml', styles);
    const remit = await importFile(t.db, { file: tmpFile('remittance-cn-dates.xlsx', await zip.generateAsync({ type: 'nodebuffer' })), importedBy: 'test' });
    expect(remit.status, remit.message).toBe('LOADED');
    expect(await rows(t.db, `SELECT "period","amount","dueDate","paidDate" FROM "RemittanceFact" WHERE "regionCode" = '439922'`)).toEqual([{ period: 202501, amount: 59420263.42, dueDate: '2025-02-10', paidDate: '2025-02-19' }]);

    // 年月 written as a full date: its month, the day dropped and said so.
    const asDate = await importFile(t.db, { file: tmpFile('period-as-date.csv', utf8(toCsvText(['区划代码', '险种', '年月', '应参保人数', '参保人数'], [['439922', '居民医保', '2025/4/1', '10', '9'], ['439923', '居民医保', '2025年4月30日', '10', '9']]))), importedBy: 'test' });
    expect(asDate.status, asDate.message).toBe('LOADED');
    expect(asDate.report.notes?.[0]).toMatch(/“年月”列有2行填的是完整日期.*日被忽略/);
    expect(await rows(t.db, `SELECT DISTINCT "period" FROM "EnrollmentFact" WHERE "regionCode" IN ('439922','439923') AND "period" BETWEEN 202504 AND 202504`)).toEqual([{ period: 202504 }]);

    // GBK whose first Chinese text is beyond the first 64 KB (an export with the national platform's ASCII field names).
    const settleGbk = iconv.encode(`setl_id,setl_time,insu_admdvs,fixmedins_code,insutype,med_type,medfee_sumamt,inscp_scp_amt,fund_pay_sumamt,psn_part_amt,refl_type\n${Array.from({ length: 900 }, (_, i) => `G${String(i).padStart(8, '0')},2025-09-02 08:00:00,439922,H439922P001,390,11,58.20,54.10,29.76,28.44,`).join('\n')}\nG99999999,2025-09-03,439922,H439922P001,390,11,58.20,54.10,29.76,28.44,上转\n`, 'gbk');
    expect(settleGbk.indexOf(iconv.encode('上转', 'gbk'))).toBeGreaterThan(64 * 1024);
    const sg = await importFile(t.db, { file: tmpFile('settlements-gbk-late.csv', settleGbk), importedBy: 'test' });
    expect([sg.status, sg.rowsAccepted, sg.message]).toEqual(['LOADED', 901, sg.message]);
    expect(await rows(t.db, `SELECT SUM("referralsUp") AS up FROM "UtilizationFact" WHERE "period" = 202509`)).toEqual([{ up: 1 }]);

    // An HTML table and an Excel 2003 XML table saved under .xls: named for what they are.
    const html = await importFile(t.db, { file: tmpFile('enrollment.xls', utf8('<html xmlns:x="urn:schemas-microsoft-com:office:excel"><body><table><tr><td>区划代码</td></tr></table></body></html>')), importedBy: 'test' });
    expect(html.status).toBe('REJECTED');
    expect(html.problems[0].reason).toMatch(/^这是一个HTML网页.*另存为/);
    const xml = await importFile(t.db, { file: tmpFile('enrollment-xml.xls', utf8('<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>')), importedBy: 'test' });
    expect(xml.problems[0].reason).toMatch(/^这是Excel 2003 XML表格/);

    // A workbook whose first sheet is a hidden lookup list: the first visible sheet is read and named;
    // another sheet can be chosen; an unknown sheet name is refused with the sheets listed.
    const hw = new ExcelJS.Workbook();
    const lookup = hw.addWorksheet('下拉选项');
    lookup.state = 'hidden';
    lookup.addRow(['险种']);
    lookup.addRow(['职工基本医疗保险']);
    const data = hw.addWorksheet('参保');
    data.addRow(['区划代码', '险种', '年月', '应参保人数(人)', '参保人数(人)']);
    data.addRow(['439922', '城乡居民基本医疗保险', '2025-08', 398120, 372015]);
    const other = hw.addWorksheet('参保-9月');
    other.addRow(['区划代码', '险种', '年月', '应参保人数(人)', '参保人数(人)']);
    other.addRow(['439922', '城乡居民基本医疗保险', '2025-09', 398121, 372016]);
    const hidden = tmpFile('enrollment-hidden-first.xlsx', Buffer.from(await hw.xlsx.writeBuffer()));
    const h1 = await importFile(t.db, { file: hidden, importedBy: 'test' });
    expect([h1.status, h1.report.sheet, h1.report.sheets]).toEqual(['LOADED', '参保', [{ name: '下拉选项', hidden: true }, { name: '参保', hidden: false }, { name: '参保-9月', hidden: false }]]);
    expect(h1.message).toContain('读取工作表“参保”');
    const h2 = await importFile(t.db, { file: tmpFile('enrollment-hidden-first-again.xlsx', fs.readFileSync(hidden)), sheet: '参保-9月', importedBy: 'test' });
    expect([h2.status, h2.report.sheet], h2.message).toEqual(['LOADED', '参保-9月']);
    expect(await rows(t.db, `SELECT "period","enrolled" FROM "EnrollmentFact" WHERE "regionCode" = '439922' AND "period" >= 202508 ORDER BY "period"`)).toEqual([{ period: 202508, enrolled: 372015 }, { period: 202509, enrolled: 372016 }]);
    const h3 = await importFile(t.db, { file: tmpFile('enrollment-hidden-third.xlsx', fs.readFileSync(hidden)), sheet: '十月', importedBy: 'test' });
    expect(h3.status).toBe('REJECTED');
    expect(h3.problems[0].reason).toBe('Excel文件中没有名为“十月”的工作表（有：“下拉选项”（隐藏）、“参保”、“参保-9月”）');
  }, 120_000);

  it('kind 4, the national platform\'s names: field names and Chinese labels recognised, unmodelled code values refused by name', async () => {
    const labels = ['结算ID', '结算时间', '参保所属医保区划', '定点医药机构编号', '险种类型', '医疗类别', '医疗费总额', '符合政策范围金额', '基金支付总额', '个人负担总金额'];
    const ok = await importFile(t.db, { file: tmpFile('national-labels.csv', utf8(toCsvText(labels, [['430922G00000000000051', '2025-05-06 08:30:00', '439922', 'H439922H001', '390', '21', '6230.50', '5420.54', '4661.66', '1568.84']]))), importedBy: 'test' });
    expect([ok.kind, ok.status], ok.message).toEqual(['SETTLEMENT', 'LOADED']);
    const names = ['setl_id', 'setl_time', 'insu_admdvs', 'fixmedins_code', 'insutype', 'med_type', 'medfee_sumamt', 'inscp_scp_amt', 'fund_pay_sumamt', 'psn_part_amt'];
    const bad = await importFile(t.db, { file: tmpFile('national-codes.csv', utf8(toCsvText(names, [
      ['N1', '2025-05-07', '439922', 'H439922H001', '320', '21', '100.00', '100.00', '50.00', '50.00'],
      ['N2', '2025-05-07', '439922', 'H439922H001', '390', '41', '100.00', '100.00', '50.00', '50.00'],
    ]))), importedBy: 'test' });
    expect(bad.status).toBe('REJECTED');
    expect(bad.problems.map((p) => [p.row, p.column, p.reason.split('：')[0]])).toEqual([
      [2, '险种类型', '“320”（公务员医疗补助）不在本平台的统计范围'],
      [3, '医疗类别', '“41”（定点药店购药）不在本平台的统计范围'],
    ]);
  });

  it('kind 5, region codes change: 撤县设市 recorded as a succession; old-code facts and institutions roll up to the new county from the change on', async () => {
    const regionHead = header('REGION');
    // The new code alone, looking like the registered county: refused until the succession is declared.
    const alone = await importFile(t.db, { file: tmpFile('regions-new-code.csv', utf8(toCsvText(regionHead.slice(0, 7), [['439982', '石门市', '石门', '县级市', '439900', '否', '4']]))), importedBy: 'test' });
    expect(alone.status).toBe('REJECTED');
    expect(alone.problems[0].reason).toContain('承继区划代码');
    const declared = await importFile(t.db, {
      file: tmpFile('regions-succession.csv', utf8(toCsvText(regionHead, [
        ['439922', '石门县', '石门', '县', '439900', '否', '4', '439982', '2025-11'],
        ['439982', '石门市', '石门', '县级市', '439900', '否', '4', '', ''],
      ]))), mode: 'REPLACE', importedBy: 'test',
    });
    expect(declared.status, declared.message).toBe('LOADED');
    expect(await rows(t.db, `SELECT "code","successorCode","successorFrom" FROM "Region" WHERE "code" IN ('439922','439982') ORDER BY "code"`)).toEqual([
      { code: '439922', successorCode: '439982', successorFrom: 202511 },
      { code: '439982', successorCode: null, successorFrom: null },
    ]);
    // Settlements of the new code's insured at an institution still registered under the old code; and of
    // the old code's insured before and after the change.
    const s = await importFile(t.db, {
      file: tmpFile('settlements-new-code.csv', utf8(toCsvText(SETTLEMENT_HEAD, [
        settlementRow('S1', '2025-11-05', '439982', 'H439922H001'),
        settlementRow('S2', '2025-11-05', '439922', 'H439922P001', '58.20'),
        settlementRow('S3', '2025-10-05', '439922', 'H439922H001'),
      ]))), importedBy: 'test',
    });
    expect(s.status, s.message).toBe('LOADED');
    expect(await rows(t.db, `SELECT "insuredRegionCode","period","level","inCounty","visits" FROM "UtilizationRollup" WHERE "period" IN (202510, 202511) ORDER BY "period","level"`)).toEqual([
      { insuredRegionCode: '439922', period: 202510, level: 'COUNTY', inCounty: 1, visits: 1 },
      { insuredRegionCode: '439982', period: 202511, level: 'COUNTY', inCounty: 1, visits: 1 },
      { insuredRegionCode: '439982', period: 202511, level: 'PRIMARY', inCounty: 1, visits: 1 },
    ]);
    // A county report still booked under the old code after the change counts for the new county.
    const e = await importFile(t.db, { file: tmpFile('enrollment-old-code.csv', utf8(toCsvText(['区划代码', '险种', '年月', '应参保人数', '参保人数'], [['439922', '居民医保', '2025-12', '10', '9'], ['439922', '居民医保', '2025-10', '10', '9']]))), importedBy: 'test' });
    expect(e.status, e.message).toBe('LOADED');
    expect(e.report.notes?.[0]).toContain('439922→439982');
    expect(await rows(t.db, `SELECT "regionCode","period" FROM "EnrollmentFact" WHERE "period" IN (202510, 202512) ORDER BY "period"`)).toEqual([
      { regionCode: '439922', period: 202510 }, { regionCode: '439982', period: 202512 },
    ]);
  });
});

describe.each(testDbKinds())('imports under abuse on %s (limits, checked before the work)', (kind) => {
  let t: Awaited<ReturnType<typeof seeded>>;
  beforeAll(async () => { t = await seeded(kind); }, 120_000);
  afterAll(async () => { await t?.drop(); });
  const stored = async () => Number((await rows(t.db, 'SELECT COALESCE(SUM(LENGTH("raw")) + SUM(LENGTH("reason")), 0) AS n FROM "RejectedRow"'))[0].n)
    + Number((await rows(t.db, 'SELECT COALESCE(SUM(LENGTH("report")), 0) AS n FROM "ImportBatch"'))[0].n);

  it('file size: refused before the file is read', async () => {
    const before = process.env.YIBAO_IMPORT_MAX_BYTES;
    process.env.YIBAO_IMPORT_MAX_BYTES = '1000';
    try {
      const r = await importFile(t.db, { file: tmpFile('big.csv', utf8(toCsvText(['区划代码', '险种', '年月', '应参保人数', '参保人数'], Array.from({ length: 100 }, (_, i) => ['439921', '居民医保', `2027-${String((i % 12) + 1).padStart(2, '0')}`, '1', '1'])))), importedBy: 'test' });
      expect(r.status).toBe('REJECTED');
      expect(r.problems[0].reason).toMatch(/^文件有\d+ KB，超过1 KB的上限/);
    } finally {
      if (before === undefined) delete process.env.YIBAO_IMPORT_MAX_BYTES; else process.env.YIBAO_IMPORT_MAX_BYTES = before;
    }
  });

  it('XLSX sheet dimensions and rows beyond Excel\'s limits: refused at once, nothing read', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('参保');
    ws.addRow(['区划代码', '险种', '年月', '应参保人数(人)', '参保人数(人)']);
    ws.addRow(['439921', '居民医保', '2025-01', 1, 1]);
    // The only data row numbered 100,000,001 (the sheet XML edited as a hostile file would be).
    const zip = await JSZip.loadAsync(Buffer.from(await wb.xlsx.writeBuffer()));
    const xml = (await zip.file('xl/worksheets/sheet1.xml')!.async('string')).replace(/r="2"/g, 'r="100000001"').replace(/r="([A-E])2"/g, 'r="$1100000001"').replace(/ref="A1:E2"/, 'ref="A1:E100000001"');
    zip.file('xl/worksheets/sheet1.xml', xml);
    const file = tmpFile('row-100000001.xlsx', await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    expect(fs.statSync(file).size).toBeLessThan(10_000);
    const rss = process.memoryUsage().rss;
    const t0 = Date.now();
    const r = await importFile(t.db, { file, importedBy: 'test' });
    expect(r.status).toBe('REJECTED');
    expect(r.problems[0].reason).toMatch(/100,000,001.*超过Excel的最大行数1,048,576/);
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(process.memoryUsage().rss - rss).toBeLessThan(200 * 1024 ** 2);
  });

  it('columns and cell length: refused with the line, and a huge cell is not stored', async () => {
    const wide = await importFile(t.db, { file: tmpFile('wide.csv', utf8(`${Array.from({ length: 300 }, (_, i) => `c${i}`).join(',')}\n`)), kind: 'ENROLLMENT', importedBy: 'test' });
    expect(wide.status).toBe('REJECTED');
    expect(wide.problems[0]).toMatchObject({ row: 1 });
    expect(wide.problems[0].reason).toContain('超过200列的上限');

    const before = await stored();
    const huge = 'x'.repeat(2_000_000);
    const longCell = await importFile(t.db, { file: tmpFile('long-header.csv', utf8(`区划代码,险种,年月,应参保人数,${huge}\n439921,居民医保,2025-01,1,1\n`)), importedBy: 'test' });
    expect(longCell.status).toBe('REJECTED');
    expect(longCell.problems[0].row).toBe(1);
    const longData = await importFile(t.db, { file: tmpFile('long-cell.csv', utf8(`区划代码,险种,年月,应参保人数,参保人数\n439921,居民医保,2025-01,1,1\n439921,${'y'.repeat(40_000)},2025-02,1,1\n`)), importedBy: 'test' });
    expect(longData.status).toBe('REJECTED');
    expect(longData.problems[0]).toMatchObject({ row: 3 });
    expect(longData.problems[0].reason).toContain('超过单元格32,767个字符的上限');
    // A 21 KB XLSX whose header holds one 20,000,000-character cell: refused before it is parsed.
    const xw = new ExcelJS.Workbook();
    xw.addWorksheet('参保').addRow(['区划代码', '险种', '年月', '应参保人数', 'z'.repeat(20_000_000)]);
    const bomb = tmpFile('huge-cell.xlsx', Buffer.from(await xw.xlsx.writeBuffer()));
    expect(fs.statSync(bomb).size).toBeLessThan(100_000);
    const b = await importFile(t.db, { file: bomb, importedBy: 'test' });
    expect(b.status).toBe('REJECTED');
    expect(b.problems[0].reason).toMatch(/压缩了[\d,]+倍/);
    expect(await stored() - before).toBeLessThan(20_000); // three refusals: a few KB stored, not megabytes
  }, 60_000);

  it('rejected-row storage is capped: 30,000 bad rows keep at most 10,000, each bounded', async () => {
    const before = Number((await rows(t.db, 'SELECT COUNT(*) AS n FROM "RejectedRow"'))[0].n);
    const bad = Array.from({ length: 30_000 }, (_, i) => ['439921', '居民医保', `2025-${String((i % 12) + 1).padStart(2, '0')}`, 'abc', 'q'.repeat(1000 + (i % 7))]);
    const r = await importFile(t.db, { file: tmpFile('many-bad.csv', utf8(toCsvText(['区划代码', '险种', '年月', '应参保人数', '参保人数'], bad))), importedBy: 'test' });
    expect(r.status).toBe('REJECTED');
    expect(r.problemCount).toBe(60_000);
    const kept = await rows(t.db, `SELECT COUNT(*) AS n, MAX(LENGTH("raw")) AS raw, MAX(LENGTH("reason")) AS reason FROM "RejectedRow" WHERE "batchId" = ${r.batchId}`);
    expect(Number(kept[0].n)).toBe(10_000);
    expect(Number(kept[0].raw)).toBeLessThan(2_000);
    expect(Number(kept[0].reason)).toBeLessThan(600);
    expect(Number((await rows(t.db, 'SELECT COUNT(*) AS n FROM "RejectedRow"'))[0].n) - before).toBe(10_000);
  }, 60_000);

  it('an encoding error is reported on the line where it occurs', async () => {
    const good = Buffer.from('区划代码,险种,年月,应参保人数,参保人数\n439921,居民医保,2025-01,1,1\n439921,居民医保,2025-02,1,1\n', 'utf8');
    const broken = Buffer.concat([good, Buffer.from([0x34, 0x33, 0x39, 0x39, 0x32, 0x31, 0x2c, 0xff, 0xfe, 0x2c, 0x0a])]);
    const r = await importFile(t.db, { file: tmpFile('bad-bytes-line4.csv', broken), importedBy: 'test' });
    expect(r.status).toBe('REJECTED');
    expect(r.problems[0].row).toBe(4);
    expect(r.problems[0].reason).toMatch(/^第4行有无法识别的字符/);
  });

  it('temporary files are removed on every path (XLSX settlements loaded and rejected)', async () => {
    const list = () => fs.readdirSync(os.tmpdir()).filter((f) => /^yibao-(xlsx|keys)-/.test(f)).sort();
    const before = list();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('结算');
    ws.addRow(SETTLEMENT_HEAD);
    ws.addRow(settlementRow('X1', '2025-10-01'));
    const okFile = tmpFile('settle-ok.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    ws.addRow(settlementRow('X2', 'not a date'));
    const badFile = tmpFile('settle-bad.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect((await importFile(t.db, { file: okFile, importedBy: 'test' })).status).toBe('LOADED');
    expect((await importFile(t.db, { file: badFile, importedBy: 'test' })).status).toBe('REJECTED');
    expect(list()).toEqual(before);
  });
});
