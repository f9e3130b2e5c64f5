import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { foldWidth, normalizeCell, parseBool, parseCode, parseCodeText, parseCount, parseDate, parseMoney, parsePeriod, parseYear } from './values';
import { detectTemplate, normalizeHeader, TEMPLATE_LIST, TEMPLATES, headerWithUnit, SCHEME_OPTIONS } from './templates';
import { detectEncoding, detectFormat, FileFormatError, xlsxCellText } from './read';
import { describeProblem, ProblemList, summarizeProblems } from './problems';
import { renderTemplatesMarkdown, TEMPLATES_DOC_PATH } from './docs';
import { monthRuns } from './settlement/load';

const v = <T>(p: { ok: true; value: T } | { ok: false; reason: string }) => (p.ok ? p.value : `ERR ${p.reason}`);

describe('cell parsers', () => {
  it('periods in the spellings counties use', () => {
    for (const s of ['202403', '2024-03', '2024/3', '2024.03', '2024年3月', '2024 - 3', '2024-03-31']) expect(v(parsePeriod(s)), s).toBe(202403);
    expect(v(parsePeriod('2024-13'))).toBe('ERR 月份应在1至12之间');
    expect(v(parsePeriod('24-03'))).toMatch(/^ERR 年月格式/);
    expect(v(parsePeriod('1980-01'))).toMatch(/^ERR 年份/);
    expect(v(parseYear('2024年'))).toBe(2024);
  });

  it('dates, with or without a time, and impossible dates refused', () => {
    for (const s of ['2024-02-29', '2024/2/29', '20240229', '2024年2月29日', '2024-02-29 13:45:01', '2024-02-29T13:45:01Z']) expect(v(parseDate(s)), s).toBe('2024-02-29');
    expect(v(parseDate('2023-02-29'))).toBe('ERR 不是有效的日期');
    expect(v(parseDate('29/02/2024'))).toMatch(/^ERR 日期格式/);
  });

  it('counts and amounts: negatives, fractions and noise refused with a reason', () => {
    expect(v(parseCount('1,234,567'))).toBe(1234567);
    expect(v(parseCount('12人'))).toBe(12);
    expect(v(parseCount('-3'))).toBe('ERR 不能为负数');
    expect(v(parseCount('3.5'))).toBe('ERR 应为整数');
    expect(v(parseCount('abc'))).toBe('ERR 应为数字');
    expect(v(parseMoney('1,234.50'))).toBe(1234.5);
    expect(v(parseMoney('100元'))).toBe(100);
    expect(v(parseMoney('-12.50'))).toBe('ERR 金额不能为负数');
    expect(v(parseMoney('-12.50', { allowNegative: true }))).toBe(-12.5);
    expect(v(parseMoney('1.005'))).toBe('ERR 金额最多保留两位小数（单位：元）');
    expect(v(parseMoney('1e5'))).toMatch(/^ERR 应为金额数字/);
  });

  it('a 合计 line where a code belongs is named as a sum line to delete, not as a malformed code', () => {
    for (const s of ['合计', '全市合计', '总 计', '小计：']) expect(v(parseCodeText(s)), s).toMatch(/^ERR 这是合计行.*请删除该行/);
    expect(v(parseCodeText('合计A'))).toMatch(/^ERR 编码只能由字母/);
    expect(v(parseCodeText('439902'))).toBe('439902');
  });
  it('codes by code, Chinese name, alias or national code; full-width input folded', () => {
    for (const s of ['RESIDENT', 'resident', '城乡居民基本医疗保险', '居民医保', '390']) expect(v(parseCode(s, SCHEME_OPTIONS)), s).toBe('RESIDENT');
    expect(v(parseCode(foldWidth('３９０'), SCHEME_OPTIONS))).toBe('RESIDENT');
    expect(v(parseCode('社区卫生服务中心(站)', TEMPLATES.INSTITUTION.columns.find((c) => c.key === 'kind')!.options!))).toBe('COMMUNITY');
    expect(v(parseCode('新农合', SCHEME_OPTIONS))).toMatch(/^ERR 不是有效的取值（可填：职工基本医疗保险、城乡居民基本医疗保险、生育保险）/);
    expect(v(parseBool('是'))).toBe(true);
    expect(normalizeCell('\u3000 石门县\u00A0 ')).toBe('石门县');
    expect(foldWidth('２０２４－０３')).toBe('2024-03');
  });
});

describe('templates', () => {
  it('header names compare loosely (units, brackets, spaces) and detect their template', () => {
    expect(normalizeHeader('应征金额（元）')).toBe(normalizeHeader('应征金额'));
    expect(normalizeHeader(' 应征 金额(元) ')).toBe('应征金额');
    for (const t of TEMPLATE_LIST) {
      expect(detectTemplate(t.columns.map(headerWithUnit))?.kind, t.kind).toBe(t.kind);
      expect(detectTemplate(t.columns.filter((c) => !c.optional).map((c) => c.header))?.kind, `${t.kind} required only`).toBe(t.kind);
    }
    expect(detectTemplate(['姓名', '身份证号'])).toBeNull();
  });

  it('every template documents its columns and examples that match them', () => {
    for (const t of TEMPLATE_LIST) {
      expect(t.examples.length, t.kind).toBeGreaterThan(0);
      for (const e of t.examples) expect(e, t.kind).toHaveLength(t.columns.length);
      for (const c of t.columns) expect(c.note !== undefined && c.example !== undefined, `${t.kind}.${c.key}`).toBe(true);
    }
  });

  it('TEMPLATES.md is the rendering of the definitions (regenerate: npm run import -- --templates-doc)', () => {
    expect(fs.readFileSync(TEMPLATES_DOC_PATH, 'utf8')).toBe(renderTemplatesMarkdown());
  });
});

describe('file reading', () => {
  it('detects XLSX, refuses old XLS and UTF-16, and tells UTF-8 from GB18030', () => {
    expect(detectFormat(Buffer.from('PK\x03\x04rest', 'latin1'))).toBe('XLSX');
    expect(() => detectFormat(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))).toThrow(FileFormatError);
    expect(detectFormat(Buffer.from('a,b\n'))).toBe('CSV');
    const text = '区划代码,险种\n439922,城乡居民基本医疗保险\n';
    expect(detectEncoding(Buffer.from('\uFEFF' + text))).toBe('UTF-8-BOM');
    expect(detectEncoding(Buffer.from(text))).toBe('UTF-8');
    expect(detectEncoding(iconv.encode(text, 'gbk'))).toBe('GB18030');
    // A multi-byte character cut at the end of the sample is not held against UTF-8.
    expect(detectEncoding(Buffer.from(text).subarray(0, 4))).toBe('UTF-8');
    expect(() => detectEncoding(Buffer.from([0xff, 0xfe, 0x41, 0x00]))).toThrow(/UTF-16/);
  });

  it('turns XLSX cell values into the text a person typed', () => {
    expect(xlsxCellText(1234.5600000000002)).toBe('1234.56');
    expect(xlsxCellText(202403)).toBe('202403');
    expect(xlsxCellText(new Date(Date.UTC(2024, 2, 18)))).toBe('2024-03-18');
    expect(xlsxCellText({ richText: [{ text: '石门' }, { text: '县' }] })).toBe('石门县');
    expect(xlsxCellText({ formula: 'A1+B1', result: 42 })).toBe('42');
    expect(xlsxCellText(null)).toBe('');
  });
});

describe('problems', () => {
  it('say file, row, column and reason, and are summarised by column and reason', () => {
    expect(describeProblem('参保.csv', { row: 12, column: '参保人数(人)', reason: '不能为负数', value: '-5' })).toBe('文件“参保.csv”第12行“参保人数(人)”列：不能为负数（实际为“-5”）');
    const list = new ProblemList(2);
    list.add({ row: 3, column: 'a', reason: 'x' });
    list.add({ row: 3, column: 'b', reason: 'y' });
    list.add({ row: 4, column: 'a', reason: 'x' });
    list.add({ row: 5, column: 'a', reason: 'x' });
    expect([list.total, list.items.length, list.badRows, list.truncated]).toEqual([4, 2, 3, true]);
    expect(summarizeProblems([{ row: 3, column: 'a', reason: 'x' }, { row: 5, column: 'a', reason: 'x' }, { row: 4, column: 'b', reason: 'y' }]))
      .toEqual([{ column: 'a', reason: 'x', count: 2, firstRow: 3 }, { column: 'b', reason: 'y', count: 1, firstRow: 4 }]);
  });

  it('groups the months a file touched into runs for the rollup refresh', () => {
    expect(monthRuns([202403, 202401, 202402, 202412, 202501, 202406])).toEqual([[202401, 202403], [202406, 202406], [202412, 202501]]);
  });
});
