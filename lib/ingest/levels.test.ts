// Region levels (issue 15): the nation and provinces are registered through the region import like any
// other region, in one hierarchy checked on import; the demo city keeps working without a parent.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, TEST_DIR, testDbKinds } from '../testing/databases';
import { importFile } from './index';
import { exportStoredRows, templateCsv, toCsvText } from './export';
import { loadDatasetInfo } from '../queries/meta/getDatasetInfo';
import { readDataVersion } from '../cache';
import { loadRegionAnnual } from '../queries/regions/getRegionAnnual';
import { loadRegionTree } from '../queries/regions/getRegionTree';
import { CITY_SCOPE } from '../queries/scope';

const FIXTURES = path.join(__dirname, 'fixtures');
const NATION_REGIONS = path.join(FIXTURES, 'regions-nation.csv');
/** National annual fund figures as published in the 全国医疗保障事业发展统计公报 (亿元; sources in fixtures/README.md). */
const NATION_ANNUAL = path.join(FIXTURES, 'national-annual-fund.csv');

/**
 * The bulletin file read here directly, not through the product's import: what the tests expect is computed
 * from the printed figures. A plain split is enough — the file has no quoted cells (checked below).
 */
const SCHEME_CODES: Record<string, string> = { 职工基本医疗保险: 'EMPLOYEE', 城乡居民基本医疗保险: 'RESIDENT' };
const bulletinText = fs.readFileSync(NATION_ANNUAL, 'utf8').replace(/^\uFEFF/, '');
const BULLETIN = bulletinText.trim().split(/\r?\n/).slice(1).map((line) => {
  const [regionCode, scheme, year, income, expense, balance, source] = line.split(',');
  return { regionCode, scheme, schemeCode: SCHEME_CODES[scheme], year: Number(year), income, expense, balance, source };
}).sort((a, b) => a.schemeCode.localeCompare(b.schemeCode) || a.year - b.year);
/** 亿元 as printed ('19003.10') to 元, exactly, by integer arithmetic on the digits. */
const yuanBig = (yi: string) => { const [i, f = ''] = yi.split('.'); return BigInt(i) * 100_000_000n + BigInt(f.padEnd(8, '0')); };
const yuan = (yi: string) => (yi === '' ? null : Number(yuanBig(yi)));
const printed = (scheme: string, year: number) => BULLETIN.find((b) => b.schemeCode === scheme && b.year === year)!;
const YEARS = [...new Set(BULLETIN.map((b) => b.year))].sort((a, b) => a - b);

const DIR = path.join(TEST_DIR, 'levels');
fs.mkdirSync(DIR, { recursive: true });
let seq = 0;
const tmpFile = (name: string, data: Buffer | string) => {
  const f = path.join(DIR, `${++seq}-${name}`);
  fs.writeFileSync(f, data);
  return f;
};
const region = (code: string, name: string, short: string, kind: string, parent = '') => [code, name, short, kind, parent, '否', '0', '', ''];

describe.each(testDbKinds())('region levels on %s', (kind) => {
  let t: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => { t = await freshDatabase(kind, 'demo'); });
  afterAll(async () => { await t?.drop(); });

  it('registers the nation and a province; the demo city stays the city, with or without a parent', async () => {
    const before = await loadDatasetInfo(t.db);
    const r = await importFile(t.db, {
      file: tmpFile('regions-nation.csv', templateCsv('REGION', [region('100000', '全国', '全国', '国家'), region('430000', '湖南省', '湖南', '省', '100000')])),
      importedBy: 'test',
    });
    expect(r.status, r.message).toBe('LOADED');
    expect(await t.db.prisma.region.findMany({ where: { code: { in: ['100000', '430000'] } }, orderBy: { code: 'asc' }, select: { code: true, kind: true, parentCode: true } }))
      .toEqual([{ code: '100000', kind: 'NATION', parentCode: null }, { code: '430000', kind: 'PROVINCE', parentCode: '100000' }]);
    expect(await loadDatasetInfo(t.db)).toEqual(before);

    // The city may be placed under its province by a correction: its counties are unchanged.
    const city = await t.db.prisma.region.findFirstOrThrow({ where: { kind: 'CITY' } });
    const c = await importFile(t.db, {
      file: tmpFile('regions-city-parent.csv', templateCsv('REGION', [[city.code, city.name, city.shortName, '设区市', '430000', '否', '0', '', '']])),
      mode: 'REPLACE', importedBy: 'test',
    });
    expect(c.status, c.message).toBe('LOADED');
    expect((await t.db.prisma.region.findUniqueOrThrow({ where: { code: city.code } })).parentCode).toBe('430000');
    // Now under a registered province: the same city, counties and periods, with the province above it.
    expect(await loadDatasetInfo(t.db)).toEqual({ ...before, province: { code: '430000', name: '湖南省', shortName: '湖南', kind: 'PROVINCE' } });
  });

  it('takes a second city under the province: the warehouse then holds two pools and opens at province level', async () => {
    const r = await importFile(t.db, {
      file: tmpFile('regions-second-city.csv', templateCsv('REGION', [region('430700', '常德市', '常德', '设区市', '430000'), region('430721', '安乡县', '安乡', '县', '430700')])),
      importedBy: 'test',
    });
    expect(r.status, JSON.stringify(r.problems)).toBe('LOADED');
    const province = (await loadDatasetInfo(t.db))!;
    expect(province.level).toBe('province');
    expect(province.cities.map((c) => [c.code, c.counties.map((k) => k.code).filter((k) => k === '430721')])).toEqual(expect.arrayContaining([['430700', ['430721']]]));
    expect(province.cities).toHaveLength(2);
    const demo = province.cities.find((c) => c.code !== '430700')!;
    const city = (await loadDatasetInfo(t.db, demo.code))!;
    expect(city.level).toBe('city');
    expect(city.counties.map((c) => c.code)).toEqual(demo.counties.map((c) => c.code));
    // Clean up: the tests below expect the demo city alone.
    await t.db.prisma.region.deleteMany({ where: { code: { in: ['430721', '430700'] } } });
  });

  it('refuses a broken hierarchy whole, naming row, column and reason', async () => {
    const count = await t.db.prisma.region.count();
    const r = await importFile(t.db, {
      file: tmpFile('regions-bad.csv', templateCsv('REGION', [
        region('420000', '湖北省', '湖北', '省', '430000'), // a province under a province
        region('421000', '荆州市', '荆州', '设区市', '100000'), // a city under the nation
        region('439988', '新设县', '新设', '县', '430000'), // a county under a province
        region('000000', '全国', '全国', '国家'), // not the nation's code
        region('440000', '广东省', '广东', '省', '100000'), // fine, but the file is refused whole
      ])),
      importedBy: 'test',
    });
    expect(r.status).toBe('REJECTED');
    expect(r.problems.map((p) => `${p.row}|${p.column}|${p.reason}`)).toEqual(expect.arrayContaining([
      '2|上级区划代码|省的上级应为国家（430000是省）',
      '3|上级区划代码|设区市的上级应为省（100000是国家）',
      '4|上级区划代码|县的上级应为设区市（430000是省）',
      '5|区划代码|国家的区划代码应为100000',
    ]));
    expect(r.problemCount, JSON.stringify(r.problems)).toBe(4);
    expect(await t.db.prisma.region.count()).toBe(count);
  });

  it('a county user belongs to a county-level unit, never to the nation, a province or the city', async () => {
    const { createUser } = await import('../auth/users');
    for (const code of ['100000', '430000']) {
      await expect(createUser(t.db, { id: null, name: 'test', role: 'admin' }, { username: `u${code}`, name: 'x', role: 'county', regionCode: code, password: 'abcdefghijkl1' }))
        .rejects.toThrow(`没有这个县级地区代码：${code}`);
    }
  });
});

describe.each(testDbKinds())('annual fund facts on %s', (kind) => {
  let t: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => { t = await freshDatabase(kind, 'demo'); });
  afterAll(async () => { await t?.drop(); });
  const monthly = async () => [await t.db.prisma.ledgerFact.count(), await t.db.prisma.balanceFact.count()];
  const annual = () => t.db.prisma.annualFundFact.findMany({ orderBy: [{ schemeCode: 'asc' }, { year: 'asc' }] });

  it('imports the national figures (亿元 in the header) as annual facts at the national level, never as months', async () => {
    // Without the nation registered, the file is refused whole, naming each row.
    const early = await importFile(t.db, { file: NATION_ANNUAL, importedBy: 'test' });
    expect(early.status).toBe('REJECTED');
    expect(early.problems[0]).toMatchObject({ row: 2, column: '区划代码', reason: '区划代码未在“地区”中登记' });
    expect(early.problemCount).toBe(BULLETIN.length);
    expect(await t.db.prisma.annualFundFact.count()).toBe(0);

    expect((await importFile(t.db, { file: NATION_REGIONS, importedBy: 'test' })).status).toBe('LOADED');
    const before = await monthly();
    const version = await readDataVersion(t.db);
    const r = await importFile(t.db, { file: NATION_ANNUAL, fileName: '全国医疗保障事业发展统计公报.csv', importedBy: 'test' });
    expect(r.status, r.message).toBe('LOADED');
    expect([r.kind, r.rowsAccepted]).toEqual(['ANNUAL_FUND', BULLETIN.length]);
    expect(r.report.units?.map((u) => [u.column, u.unit, u.factor])).toEqual([['基金收入', '亿元', '×100,000,000'], ['基金支出', '亿元', '×100,000,000'], ['累计结余', '亿元', '×100,000,000']]);
    expect(r.report.periods).toEqual([]);
    const stored = await annual();
    expect(bulletinText).not.toContain('"');
    expect(stored.map((a) => [a.regionCode, a.schemeCode, a.year, a.income, a.expense, a.balance, a.sourceName, a.batchId])).toEqual(
      BULLETIN.map((b) => [b.regionCode, b.schemeCode, b.year, yuan(b.income), yuan(b.expense), yuan(b.balance), b.source, r.batchId]),
    );
    // A figure the bulletin does not print (as the employee fund's 累计结存) is stored as missing, never 0.
    const unprinted = stored.filter((a) => printed(a.schemeCode, a.year).balance === '');
    expect(unprinted.length).toBeGreaterThan(0);
    expect(unprinted.map((a) => a.balance)).toEqual(unprinted.map(() => null));
    expect(stored[0].sourceName).toMatch(/^《\d{4}年全国医疗保障事业发展统计公报》/);
    expect(await monthly()).toEqual(before);
    const batch = await t.db.prisma.importBatch.findUniqueOrThrow({ where: { id: r.batchId! } });
    expect([batch.kind, batch.status, batch.note, batch.periodFrom, batch.pendingSteps])
      .toEqual(['ANNUAL_FUND', 'LOADED', `年度基金收支${BULLETIN.length}行（${YEARS[0]}至${YEARS[YEARS.length - 1]}年）`, null, null]);
    expect(await readDataVersion(t.db)).toBeGreaterThan(version);
  });

  it('is idempotent: the same file is refused, the same rows again are duplicates, nothing changes', async () => {
    const was = await annual();
    const again = await importFile(t.db, { file: NATION_ANNUAL, importedBy: 'test' });
    expect(again.status).toBe('REFUSED');
    const text = fs.readFileSync(NATION_ANNUAL, 'utf8').replace(/\n/g, '\r\n');
    const copy = await importFile(t.db, { file: tmpFile('annual-copy.csv', text), importedBy: 'test' });
    expect(copy.status).toBe('REJECTED');
    expect(copy.problems[0].reason).toContain(`批次#${was[0].batchId}已有区划代码、险种、年度相同的行`);
    expect(await annual()).toEqual(was);
  });

  it('refuses an inexact 亿元 figure and a negative income whole, naming row and column', async () => {
    const was = await annual();
    const head = ['区划代码', '险种', '年度', '基金收入（亿元）', '基金支出（亿元）', '累计结余（亿元）'];
    const r = await importFile(t.db, {
      file: tmpFile('annual-bad.csv', '\uFEFF' + toCsvText(head, [
        ['100000', '生育保险', '2023', '1.00000000001', '0.5', ''],
        ['100000', '生育保险', '2022', '-3', '0.5', ''],
      ])),
      importedBy: 'test',
    });
    expect(r.status).toBe('REJECTED');
    expect(r.problems.map((p) => `${p.row}|${p.column}`)).toEqual(['2|基金收入（亿元）', '3|基金收入（亿元）']);
    expect(r.problems[0].reason).toContain('无法精确换算');
    expect(await annual()).toEqual(was);
  });

  it('refuses a national or provincial code in the city\'s monthly templates (it would be summed into city totals)', async () => {
    await importFile(t.db, { file: NATION_REGIONS, importedBy: 'test' }).catch(() => null); // registered by an earlier test too
    const balances = async () => t.db.prisma.balanceFact.count();
    const before = await balances();
    const bal = await importFile(t.db, {
      file: tmpFile('balance-nation.csv', templateCsv('BALANCE', [['100000', '城乡居民基本医疗保险', '统筹基金', '2024-03', '原统筹地区历年结余', '86500000.00']])),
      importedBy: 'test',
    });
    expect(bal.status).toBe('REJECTED');
    expect(bal.problems[0]).toMatchObject({ row: 2, column: '区划代码' });
    expect(bal.problems[0].reason).toContain('国家、省级区划只能用于“年度基金收支”模板');
    expect(await balances()).toBe(before);
    const util = async () => t.db.prisma.utilizationFact.count();
    const u0 = await util();
    const st = await importFile(t.db, {
      file: tmpFile('settlements-nation.csv', templateCsv('SETTLEMENT', [['JS2024030009999000001', '2024-03-18', '100000', 'H439922P001', '390', '11', '58.20', '54.10', '29.76', '28.44', '']])),
      importedBy: 'test',
    });
    expect(st.status).toBe('REJECTED');
    expect(JSON.stringify(st.problems)).toContain('区划代码未在“地区”中登记');
    expect(await util()).toBe(u0);
  });

  it('a correction replaces one region × scheme × year, and the stored rows export back as a template file', async () => {
    const head = ['区划代码', '险种', '年度', '基金收入（亿元）', '基金支出（亿元）', '累计结余（亿元）', '数据来源'];
    const r21 = printed('RESIDENT', 2021);
    // The correction's 累计结余 is a made-up figure (test input only): it proves the row is replaced.
    const r = await importFile(t.db, {
      file: tmpFile('annual-correction.csv', '\uFEFF' + toCsvText(head, [['100000', '居民医保', '2021', r21.income, r21.expense, '6880.12', '测试更正（虚构累计结余）']])),
      mode: 'REPLACE', importedBy: 'test',
    });
    expect(r.status, r.message).toBe('LOADED');
    expect(r.report.replaced?.map((x) => x.rows)).toEqual([1]);
    const rows = await annual();
    expect(rows.find((a) => a.schemeCode === 'RESIDENT' && a.year === 2021)?.balance).toBe(688_012_000_000);
    expect(rows).toHaveLength(BULLETIN.length);
    const file = await exportStoredRows(t.db, 'ANNUAL_FUND');
    const first = BULLETIN[0];
    expect(file[0]).toEqual([
      first.regionCode, first.scheme, String(first.year), `${yuanBig(first.income)}.00`, `${yuanBig(first.expense)}.00`,
      first.balance === '' ? '' : `${yuanBig(first.balance)}.00`, first.source,
    ]);
  });

  it('the region page reads the nation’s annual facts through the registry; county users may not', async () => {
    const view = (await loadRegionAnnual(t.db, CITY_SCOPE, '100000'))!;
    expect(view.region).toMatchObject({ code: '100000', name: '全国', kind: 'NATION' });
    expect(view.ancestors).toEqual([]);
    expect(view.lines.map((l) => [l.schemeCode, l.year])).toEqual(BULLETIN.map((b) => [b.schemeCode, b.year]));
    const line = (scheme: string, year: number) => view.lines.find((l) => l.schemeCode === scheme && l.year === year)!;
    // 当期结余 and growth from the printed figures.
    const e21 = printed('EMPLOYEE', 2021);
    const e22 = printed('EMPLOYEE', 2022);
    expect(line('EMPLOYEE', 2022).currentBalance).toBe(yuan(e22.income)! - yuan(e22.expense)!);
    expect(line('EMPLOYEE', 2022).incomeGrowth).toBeCloseTo(Number(e22.income) / Number(e21.income) - 1, 12);
    expect(line('EMPLOYEE', 2022).expenseGrowth).toBeCloseTo(Number(e22.expense) / Number(e21.expense) - 1, 12);
    // The employee fund's 累计结存 is not printed: no balance, no months of reserve — missing, not 0.
    expect([line('EMPLOYEE', 2022).accumulatedBalance, line('EMPLOYEE', 2022).monthsOfReserve, line('EMPLOYEE', 2022).reserveLabel]).toEqual([null, null, '无数据']);
    // 2023 is not in the file for employees: 2024 has no previous year to grow on (a gap is not a zero).
    expect([line('EMPLOYEE', 2024).incomeGrowth, line('EMPLOYEE', 2024).expenseGrowth]).toEqual([null, null]);
    const r21 = printed('RESIDENT', 2021);
    const r22 = printed('RESIDENT', 2022);
    expect(line('RESIDENT', 2022).currentBalance).toBe(yuan(r22.income)! - yuan(r22.expense)!);
    expect(line('RESIDENT', 2022).incomeGrowth).toBeCloseTo(Number(r22.income) / Number(r21.income) - 1, 12);
    expect(line('RESIDENT', 2022).accumulatedBalance).toBe(yuan(r22.balance));
    expect(line('RESIDENT', 2022).monthsOfReserve).toBeCloseTo(Number(r22.balance) / (Number(r22.expense) / 12), 9);
    expect(line('RESIDENT', 2021).incomeGrowth).toBeNull(); // no 2020 stored
    expect(await loadRegionAnnual(t.db, CITY_SCOPE, '999999')).toBeNull();
    await expect(loadRegionAnnual(t.db, { kind: 'county', regionCode: '439922' }, '100000')).rejects.toThrow('仅对市医保局开放');
    const tree = await loadRegionTree(t.db, CITY_SCOPE);
    expect(tree[0]).toEqual({ code: '100000', name: '全国', kind: 'NATION', depth: 0, annualYears: YEARS });
    expect(tree.find((n) => n.kind === 'CITY')?.depth).toBe(0); // the demo city stands alone
    expect(tree.filter((n) => n.depth === 1).length).toBeGreaterThan(0);
  });
});
