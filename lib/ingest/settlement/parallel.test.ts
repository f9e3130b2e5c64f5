// The parallel settlement scan (parallel.ts) against the sequential one, on real files: the same cells in
// the same order, the same spilled keys with the file's line numbers, the same problems with the same
// rows — also for errors right at a range boundary and a line too long in a later range; and through
// importFile on SQLite and PostgreSQL, the same stored rows (facts, key sets, rollups) and the same
// duplicate and rejection reports.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cutRanges, scanSettlementFile, type FileScanResult } from './parallel';
import { scanSettlements } from './scan';
import { FileFormatError } from '../read';
import { freshDatabase, TEST_DIR, testDbKinds } from '../../testing/databases';
import type { Db } from '../../db';
import { importFile } from '../index';
import { exportStoredRows, templateCsv } from '../export';
import { generateDemoCity } from '../../demo/generate';
import { writeSettlementCsv } from '../../demo/settlements';

const DIR = path.join(TEST_DIR, 'settlement-parallel');
fs.mkdirSync(DIR, { recursive: true });
let n = 0;
const file = (content: string | Buffer) => {
  const f = path.join(DIR, `${++n}.csv`);
  fs.writeFileSync(f, content);
  return f;
};

const HEAD = '结算流水号,结算日期,参保地区划代码,定点机构编码,险种类型,医疗类别,医疗费总额,政策范围内费用,基金支付,个人负担,转诊类型';
const ref = { regionCodes: ['439902', '439922', '439923'], institutionCodes: Array.from({ length: 20 }, (_, i) => `H${i + 1}`) };

/** A title line, the header, then `count` records with blank lines, CRLF, quoted lines and repeated ids spread over the file. */
function records(count: number): string[] {
  const lines = ['2024年结算明细', HEAD];
  for (let i = 0; i < count; i++) {
    const region = ref.regionCodes[i % 3];
    const inst = ref.institutionCodes[(i * 7) % 20];
    const month = 1 + (i % 3);
    const total = 100 + (i % 997), fund = 50 + (i % 31);
    const row = `S${i},2024-0${month}-${String(1 + (i % 28)).padStart(2, '0')},${region},${inst},${i % 5 === 0 ? '310' : '390'},${['11', '14', '21'][i % 3]},${total}.${String(i % 100).padStart(2, '0')},${total}.00,${fund}.00,${total - fund}.${String(i % 100).padStart(2, '0')},${i % 11 === 0 ? '上转' : ''}`;
    lines.push(i % 101 === 0 ? row.split(',').map((c) => `"${c}"`).join(',') : row);
    if (i % 997 === 0) lines.push('');
    // The same settlement again far away (in another range): a duplicate for de-duplication.
    if (i % 1500 === 1499) lines.push(lines[2 + Math.floor(i / 3)]);
  }
  return lines;
}
const text = (lines: string[]) => lines.map((l, i) => (i % 7 === 0 ? `${l}\r\n` : `${l}\n`)).join('');

/** Everything a scan hands on, as plain data. */
function outcome(r: FileScanResult) {
  const c = r.cells;
  const cells = c.key.map((k, i) => [k, c.visits[i], c.total[i], c.policy[i], c.fund[i], c.oop[i], c.up[i], c.down[i]].join('|'));
  const keys = r.spill ? r.spill.scopes().map((s) => [s.scope, s.count, Array.from(r.spill!.read(s.scope)).join(',')]) : [];
  return { rows: r.rows, lastLine: r.lastLine, slowLines: r.slowLines, bytes: r.bytes, encoding: r.encoding, cells, keys, problems: r.problems.items, total: r.problems.total, badRows: r.problems.badRows };
}

async function both(f: string, extra: { keys?: boolean } = { keys: true }) {
  const seq = await scanSettlementFile(f, { ref, threads: 1, hash: true, ...extra });
  const par = await scanSettlementFile(f, { ref, threads: 3, minParallelBytes: 0, hash: true, ...extra });
  try {
    expect(seq.layout).toBeNull();
    expect(par.layout?.ranges.length).toBe(3);
    expect(par.fileHash).toBe(seq.fileHash);
    return { seq: outcome(seq), par: outcome(par), layout: par.layout! };
  } finally {
    seq.spill?.cleanup();
    par.spill?.cleanup();
  }
}

/** The file's line number (1-based) at byte offset `at` (a line start). */
const lineAt = (buf: Buffer, at: number) => { let l = 1; for (let i = buf.indexOf(10); i >= 0 && i < at; i = buf.indexOf(10, i + 1)) l++; return l; };

describe('parallel scan', () => {
  it('gives the sequential scan’s cells, keys, line numbers and counts', async () => {
    const f = file(text(records(30_000)));
    const { seq, par } = await both(f);
    expect(seq.problems).toEqual([]);
    expect(seq.rows).toBeGreaterThan(30_000);
    expect(par).toEqual(seq);
  });

  it('names the same rows for errors on both sides of a range boundary, and the same first error', async () => {
    const lines = records(30_000);
    const good = Buffer.from(text(lines));
    const head = await scanSettlements(file(good), { ref, headerOnly: true });
    const ranges = await cutRanges(file(good), head.dataStart, good.length, 3, head.lastLine);
    const first1 = lineAt(good, ranges[1].start); // the first line of the second range
    // Same-length edits keep every byte offset, so the ranges are the same in the broken file.
    const bad = [...lines];
    const spoil = (l: number, from: RegExp, to: (...m: string[]) => string) => {
      const before = bad[l - 1];
      bad[l - 1] = before.replace(from, to);
      expect(bad[l - 1]).not.toBe(before);
      expect(bad[l - 1].length).toBe(before.length);
    };
    spoil(first1, /,("?)\d(\d\d\.\d\d)/, (_, q, rest) => `,${q}O${rest}`); // 医疗费总额 not a number
    spoil(first1 - 1, /,("?)2024-0\d-/, (_, q) => `,${q}2024-13-`); // no month 13
    spoil(lineAt(good, ranges[2].start) + 5, /,("?)(310|390)/, (_, q) => `,${q}320`); // a scheme outside the platform
    const f = file(text(bad));
    expect((await cutRanges(f, head.dataStart, good.length, 3, head.lastLine)).map((r) => r.start)).toEqual(ranges.map((r) => r.start));
    const { seq, par } = await both(f);
    expect(seq.problems.map((p) => p.row)).toEqual([first1 - 1, first1, lineAt(good, ranges[2].start) + 5]);
    expect(par.problems).toEqual(seq.problems);
    expect([par.total, par.badRows, par.rows, par.lastLine]).toEqual([seq.total, seq.badRows, seq.rows, seq.lastLine]);
  });

  it('keeps the first problems of the file when there are more than it keeps', async () => {
    const lines = records(20_000).map((l, i) => (i > 1 && i % 2 === 0 ? l.replace(/,(310|390),/, ',999,') : l));
    const f = file(text(lines));
    const seq = await scanSettlementFile(f, { ref, threads: 1, maxProblems: 5000 });
    const par = await scanSettlementFile(f, { ref, threads: 3, minParallelBytes: 0, maxProblems: 5000 });
    expect(par.problems.items).toEqual(seq.problems.items);
    expect([par.problems.total, par.problems.badRows, par.problems.truncated]).toEqual([seq.problems.total, seq.problems.badRows, true]);
  });

  it('reports a line over 1 MB in a later range with the file’s line number', async () => {
    const lines = records(20_000);
    lines.splice(18_000, 0, `X${'9'.repeat(1.2 * 2 ** 20)}`);
    const f = file(text(lines));
    // In small chunks too: the line is refused however the chunks fall (once inside one, once across several).
    const fail = (threads: number, chunkBytes?: number) => scanSettlementFile(f, { ref, threads, minParallelBytes: 0, keys: true, chunkBytes }).then(() => null, (e: unknown) => e as FileFormatError);
    const [seq, par, small] = [await fail(1), await fail(3), await fail(3, 256 << 10)];
    expect([small!.message, small!.line]).toEqual([seq!.message, seq!.line]);
    expect(seq).toBeInstanceOf(FileFormatError);
    expect(par).toBeInstanceOf(FileFormatError);
    expect([par!.message, par!.line]).toEqual([seq!.message, seq!.line]);
    expect(seq!.line).toBe(18_001);
  });

  it('the second pass (leaving out duplicates) reads the ranges of the first with the file’s line numbers', async () => {
    const f = file(text(records(30_000)));
    const first = await scanSettlementFile(f, { ref, threads: 3, minParallelBytes: 0 });
    const skip = new Uint8Array((first.lastLine >>> 3) + 1);
    for (const l of [3, 17, 5000, 12_345, 29_000, first.lastLine]) skip[l >>> 3] |= 1 << (l & 7);
    const seq = await scanSettlementFile(f, { ref, threads: 1, skip });
    const par = await scanSettlementFile(f, { ref, skip, layout: first.layout });
    expect(par.layout?.ranges).toEqual(first.layout?.ranges);
    expect(outcome(par)).toEqual(outcome(seq));
    expect(outcome(par).cells).not.toEqual(outcome(first).cells);
  });
});

describe.each(testDbKinds())('parallel import on %s', (kind) => {
  let demo: Awaited<ReturnType<typeof freshDatabase>>;
  const saved = { threads: process.env.IMPORT_SCAN_THREADS, min: process.env.IMPORT_SCAN_MIN_BYTES };
  beforeAll(async () => { demo = await freshDatabase(kind, 'demo'); });
  afterAll(async () => {
    process.env.IMPORT_SCAN_THREADS = saved.threads;
    process.env.IMPORT_SCAN_MIN_BYTES = saved.min;
    if (saved.threads === undefined) delete process.env.IMPORT_SCAN_THREADS;
    if (saved.min === undefined) delete process.env.IMPORT_SCAN_MIN_BYTES;
    await demo?.drop();
  });

  const stored = async (db: Db) => {
    const q = async (sql: string) => (await db.prisma.$queryRawUnsafe<Record<string, unknown>[]>(sql)).map((r) =>
      Object.values(r).map((v) => (v instanceof Uint8Array ? Buffer.from(v).toString('hex') : typeof v === 'bigint' ? Number(v) : v)).join('|'));
    return {
      facts: await q('SELECT "insuredRegionCode","institutionCode","schemeCode","visitType","period","visits","totalCost","policyCost","fundPaid","outOfPocket","referralsUp","referralsDown","batchId" FROM "UtilizationFact" ORDER BY 1,2,3,4,5'),
      keys: await q('SELECT "batchId","period","regionCode","schemeCode","keyCount","keys" FROM "SettlementKeySet" ORDER BY 1,2,3,4'),
      rollup: await q('SELECT "insuredRegionCode","schemeCode","visitType","period","level","visits","totalCost" FROM "UtilizationRollup" ORDER BY 1,2,3,4,5'),
    };
  };

  it('stores what the sequential import stores, with the same duplicates and the same rejected row', async () => {
    const city = generateDemoCity();
    const cells = city.utilization.filter((u) => u.period === 202405 && u.insuredRegionCode === '4399A2');
    const all = path.join(DIR, `${++n}-month.csv`);
    const ws = fs.createWriteStream(all);
    const count = await writeSettlementCsv(ws, cells);
    await new Promise<void>((res) => ws.end(() => res()));
    const body = fs.readFileSync(all, 'utf8').split('\n').filter(Boolean);
    const head = body.shift()!;
    // First file: 60% of the month plus records repeated from its start at its end (another range);
    // the second overlaps the first (duplicates against what is stored).
    const cut = Math.floor(body.length * 0.6);
    const f1 = file([head, ...body.slice(0, cut), ...body.slice(0, 25)].join('\n') + '\n');
    const f2 = file([head, ...body.slice(Math.floor(body.length * 0.5))].join('\n') + '\n');
    const broken = [head, ...body.slice(0, 6000)];
    const f3buf = Buffer.from(broken.join('\n') + '\n');
    const ranges = await cutRanges(file(f3buf), Buffer.byteLength(head) + 1, f3buf.length, 3, 1);
    const badLine = lineAt(f3buf, ranges[1].start);
    // The same length, so the ranges stay where they were: the bad line is the second range's first.
    broken[badLine - 1] = broken[badLine - 1].replace(/,(\d+\.\d\d),(\d+\.\d\d),/, (_, a: string, b: string) => `,${a},${'x'.repeat(b.length)},`);
    const f3 = file(broken.join('\n') + '\n');

    const run = async (threads: string) => {
      process.env.IMPORT_SCAN_THREADS = threads;
      process.env.IMPORT_SCAN_MIN_BYTES = '0';
      const empty = await freshDatabase(kind, 'empty');
      try {
        for (const k of ['REGION', 'INSTITUTION'] as const) {
          expect((await importFile(empty.db, { file: file(templateCsv(k, await exportStoredRows(demo.db, k))), importedBy: 'test' })).status).toBe('LOADED');
        }
        const rs = [];
        for (const f of [f1, f2, f3]) {
          const r = await importFile(empty.db, { file: f, importedBy: 'test' });
          rs.push({ status: r.status, rows: r.rows, accepted: r.rowsAccepted, skipped: r.rowsSkipped, duplicates: r.report.duplicates, problems: r.problems.map((p) => `${p.row}|${p.column}|${p.reason}`), written: r.report.written });
        }
        return { rs, stored: await stored(empty.db) };
      } finally {
        await empty.drop();
      }
    };
    const seq = await run('1');
    const par = await run('3');
    expect(seq.rs[0].skipped).toBe(25);
    expect(seq.rs[1].duplicates?.stored).toBeGreaterThan(0);
    expect(seq.rs[2].problems).toEqual([`${badLine}|政策范围内费用|应为金额数字（单位：元）`]);
    expect(seq.stored.facts.reduce((a, r) => a + Number(r.split('|')[5]), 0)).toBe(count);
    expect(par).toEqual(seq);
  });
});
