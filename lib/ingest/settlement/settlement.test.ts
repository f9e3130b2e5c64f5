// The settlement fast path, without a database: byte readers, id keys, de-duplication, and the scanner on
// small files (aggregation to the cent, problems named by line and column, quotes, GBK, odd layouts).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { ByteCodeMap, centsOf, idKey, NumericCodeMap, periodOfIsoDate } from './bytes';
import { dedupeScope, KeySpill, keysToBytes } from './keys';
import { scanSettlements } from './scan';
import { TEST_DIR } from '../../testing/databases';

const b = (s: string) => Buffer.from(s, 'latin1');
const DIR = path.join(TEST_DIR, 'settlement-unit');
fs.mkdirSync(DIR, { recursive: true });
let n = 0;
const file = (content: string | Buffer) => {
  const f = path.join(DIR, `${++n}.csv`);
  fs.writeFileSync(f, content);
  return f;
};

describe('byte readers', () => {
  it('amounts in cents; anything else is left to the slow path', () => {
    const c = (s: string) => centsOf(b(s), 0, s.length);
    expect([c('0'), c('12'), c('12.3'), c('12.34'), c('12.'), c('1234567.89')]).toEqual([0, 1200, 1230, 1234, 1200, 123456789]);
    for (const s of ['', '-1.00', '1.234', '1,000.00', ' 12', 'abc', '1e3']) expect(c(s), s).toBeNaN();
  });

  it('months of ISO dates, with a time part; invalid dates are not guessed', () => {
    const p = (s: string) => periodOfIsoDate(b(s), 0, s.length);
    expect([p('2024-03-18'), p('2024-02-29 08:00:00'), p('2024-12-31T23:59')]).toEqual([202403, 202402, 202412]);
    expect([p('2023-02-29'), p('2024-13-01'), p('2024/03/18'), p('20240318'), p('2024-03-32')]).toEqual([-1, -1, -1, -1, -1]);
  });

  it('codes looked up from bytes; numeric codes by value', () => {
    const m = new ByteCodeMap([['439922', 3], ['H439922P001', 7]]);
    const buf = b('x,439922,H439922P001,439923');
    expect([m.get(buf, 2, 8), m.get(buf, 9, 20), m.get(buf, 21, 27), m.get(buf, 2, 8)]).toEqual([3, 7, -1, 3]);
    const s = new NumericCodeMap();
    s.add('390', 1);
    s.add('居民医保', 1);
    expect([s.get(b('390'), 0, 3), s.get(b('0390'), 0, 4), s.get(Buffer.from('居民医保'), 0, 12)]).toEqual([1, -1, 1]);
  });

  it('id keys: equal ids equal keys, different ids different keys', () => {
    const k = (s: string) => { const o = new Uint32Array(2); idKey(b(s), 0, s.length, o, 0); return `${o[0]}:${o[1]}`; };
    expect(k('JS2024030001234000017')).toBe(k('JS2024030001234000017'));
    const seen = new Set<string>();
    for (let i = 0; i < 200_000; i++) seen.add(k(`JS202403${String(i).padStart(13, '0')}`));
    expect(seen.size).toBe(200_000);
  });
});

describe('de-duplication per scope', () => {
  it('keeps first occurrences, and names repeated and already-stored lines', () => {
    const rec = (pairs: [number, number, number][]) => Uint32Array.from(pairs.flatMap((p) => [...p, 7]));
    const stored = keysToBytes(Uint32Array.from([5, 50]));
    const d = dedupeScope(rec([[1, 10, 2], [2, 20, 3], [1, 10, 4], [5, 50, 5], [3, 30, 6], [2, 20, 7]]), [stored]);
    expect(Array.from(d.keys)).toEqual([1, 10, 2, 20, 3, 30]);
    expect(d.inFile).toEqual([4, 7]);
    expect(d.stored).toEqual([5]);
    expect(d.conflicts).toEqual([]);
  });

  it('a repeated id whose other fields differ is a conflict, not a duplicate', () => {
    const d = dedupeScope(Uint32Array.from([1, 10, 2, 111, 1, 10, 3, 111, 1, 10, 4, 222]));
    expect(d.inFile).toEqual([3]);
    expect(d.conflicts).toEqual([{ line: 4, first: 2 }]);
  });

  it('spills keys to disk per scope and reads them back in file order', () => {
    const s = new KeySpill(4);
    for (let i = 0; i < 10; i++) s.push(i % 2, i, i * 10, i + 2);
    s.finish();
    expect(s.scopes()).toEqual([{ scope: 0, count: 5 }, { scope: 1, count: 5 }]);
    expect(Array.from(s.read(1)).filter((_, j) => j % 4 === 2)).toEqual([3, 5, 7, 9, 11]);
    s.cleanup();
    expect(fs.existsSync(s.dir)).toBe(false);
  });
});

const HEAD = '结算流水号,结算日期,参保地区划代码,定点机构编码,险种类型,医疗类别,医疗费总额,政策范围内费用,基金支付,个人负担,转诊类型';
const ref = { regionCodes: ['439902', '439922'], institutionCodes: ['H1', 'H2'] };

describe('scanner', () => {
  it('aggregates records to cells of the fact grain, to the cent', async () => {
    const f = file([
      HEAD,
      'A1,2024-03-01,439922,H1,390,11,10.10,10.00,5.05,5.05,',
      'A2,2024-03-31 10:00:00,439922,H1,390,11,0.20,0.10,0.05,0.15,上转',
      'A3,2024-04-01,439922,H1,390,11,1,1,1,0,',
      'A4,2024-03-02,439902,H2,310,21,1000.00,900.00,800.00,200.00,下转',
    ].join('\r\n') + '\r\n');
    const r = await scanSettlements(f, { ref });
    expect(r.problems.total).toBe(0);
    expect(r.rows).toBe(4);
    expect(r.cells.size).toBe(3);
    const c = r.cells.index.get(r.cells.key[0])!;
    expect([r.cells.visits[c], r.cells.total[c], r.cells.policy[c], r.cells.fund[c], r.cells.oop[c], r.cells.up[c]]).toEqual([2, 1030, 1010, 510, 520, 1]);
    expect(r.cells.down[2]).toBe(1);
  });

  it('names every problem by line and column, and aggregates nothing of a rejected file', async () => {
    const f = file([
      HEAD,
      'A1,2024-03-01,439922,H1,390,11,10.00,9.00,5.00,5.00,',
      'A2,2024-02-30,439999,H9,320,99,abc,9.00,-5.00,5.00,平转',
      'A3,2024-03-01,439922,H1,390,11,10.00,11.00,5.00,5.00,',
      'A4,2024-03-01,439922,H1,390,11,10.00,9.00,5.00,4.00,',
      'A5,2024-03-01,439922,H1,390,11,10.00,9.00,5.00',
      ',2024-03-01,439922,H1,390,11,10.00,9.00,5.00,5.00,',
    ].join('\n') + '\n');
    const r = await scanSettlements(f, { ref });
    expect(r.problems.items.map((p) => `${p.row}|${p.column ?? ''}|${p.reason}`)).toEqual([
      '3|结算日期|不是有效的日期',
      '3|医疗费总额|应为金额数字（单位：元）',
      '3|基金支付|金额不能为负数',
      '3|参保地区划代码|区划代码未在“地区”中登记',
      '3|定点机构编码|机构编码未在“定点医药机构”中登记',
      '3|险种类型|“320”（公务员医疗补助）不在本平台的统计范围：险种类型应为310（职工基本医疗保险）、390（城乡居民基本医疗保险）或510（生育保险），请剔除这类结算或与信息中心确认口径',
      '3|医疗类别|医疗类别应为11（普通门诊）、14（门诊慢特病）或21（住院）',
      '3|转诊类型|转诊类型应为“上转”“下转”或留空',
      '4|政策范围内费用|政策范围内费用大于医疗费总额',
      '5|个人负担|个人负担应等于医疗费总额减基金支付（5.00）',
      '6||本行有9列，表头有11列',
      '7|结算流水号|不能为空',
    ]);
    expect(r.problems.items[0].cells).toEqual(['A2', '2024-02-30', '439999', 'H9', '320', '99', 'abc', '9.00', '-5.00', '5.00', '平转']);
    expect(r.problems.badRows).toBe(5); // lines 3 to 7
  });

  it('reads GBK files, quoted fields, other column orders and date spellings', async () => {
    const cols = HEAD.split(',');
    const order = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0];
    const rows = [
      ['B1', '2024/03/05', '439922', 'H1', '居民医保', '住院', '100.00', '90.00', '80.00', '20.00', '上转'],
      ['B2', '20240306', '439922', 'H1', '390', '21', '100', '90', '80', '20', '下转'],
    ];
    const text = [order.map((j) => cols[j]).join(','), ...rows.map((r) => order.map((j) => `"${r[j]}"`).join(','))].join('\n') + '\n';
    const r = await scanSettlements(file(iconv.encode(text, 'gbk')), { ref });
    expect(r.problems.items).toEqual([]);
    expect(r.encoding).toBe('GB18030');
    expect(r.slowLines).toBe(2);
    expect(r.cells.size).toBe(1);
    expect([r.cells.visits[0], r.cells.up[0], r.cells.down[0], r.cells.total[0]]).toEqual([2, 1, 1, 20000]);
  });

  it('refuses unknown and missing columns at the header', async () => {
    const r = await scanSettlements(file('结算流水号,结算日期,姓名\nA,2024-01-01,张三\n'), { ref });
    expect(r.problems.items.map((p) => `${p.row}|${p.column}|${p.reason.slice(0, 6)}`)).toEqual(expect.arrayContaining(['1|姓名|未知的列：“', '1|参保地区划代码|缺少必填列']));
    expect(r.rows).toBe(0);
  });

  it('leaves out the lines it is told to skip (the second pass after de-duplication)', async () => {
    const f = file([HEAD, 'A1,2024-03-01,439922,H1,390,11,1.00,1.00,1.00,0.00,', 'A1,2024-03-01,439922,H1,390,11,1.00,1.00,1.00,0.00,'].join('\n') + '\n');
    const skip = new Uint8Array(1);
    skip[0] |= 1 << 3;
    const r = await scanSettlements(f, { ref, skip });
    expect(r.cells.visits[0]).toBe(1);
  });
});
