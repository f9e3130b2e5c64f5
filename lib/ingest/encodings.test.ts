// Property (issue 12): for every template, a valid file imports to the same stored facts whatever form it
// arrives in — UTF-8, UTF-8 with a BOM, GBK, or re-saved as XLSX with typed cells (numbers as numbers,
// dates as Excel dates, months as dates formatted 2025年3月). The file of each template is its own example
// rows (templates.ts), so a template added later is covered without touching this test.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { freshDatabase, TEST_DIR, testDbKinds } from '../testing/databases';
import type { Db } from '../db';
import { importFile, TEMPLATE_LIST } from './index';
import { encodeCsv, exportStoredRows, toCsvText, type CsvEncoding } from './export';
import { headerWithUnit, type TemplateDef } from './templates';

const DIR = path.join(TEST_DIR, 'encodings');
fs.mkdirSync(DIR, { recursive: true });
let seq = 0;

const BASE = {
  regions: [
    ['区划代码', '名称', '简称', '类型', '上级区划代码', '是否本地代码', '排序'],
    ['439900', '江临市', '江临', '设区市', '', '否', '0'],
    ['439903', '望山区', '望山', '区', '439900', '否', '2'],
    ['439922', '石门县', '石门', '县', '439900', '否', '4'],
    ['439923', '桃源县', '桃源', '县', '439900', '否', '5'],
  ],
  institutions: [
    ['机构编码', '机构名称', '所在区划代码', '机构级别', '机构类型', '所有制', '协议状态', '协议开始日期', '协议终止日期'],
    ['H439922H001', '石门县人民医院', '439922', '县级医院', '医院', '公立', '正常', '2016-07-01', ''],
    ['H439923P003', '桃源城关镇卫生院', '439923', '基层医疗机构', '乡镇卫生院', '公立', '正常', '2016-07-01', ''],
  ],
};

/** A template's example rows as a valid file on its own (a budget's first version is version 0). */
function validRows(t: TemplateDef): string[][] {
  if (t.kind !== 'BUDGET') return t.examples;
  return t.examples.map((r) => { const x = [...r]; x[1] = '0'; x[2] = '批准预算'; x[5] = ''; return x; });
}

type Variant = CsvEncoding | 'XLSX';

async function fileOf(t: TemplateDef, v: Variant): Promise<string> {
  const head = t.columns.map(headerWithUnit);
  const body = validRows(t);
  const f = path.join(DIR, `${++seq}-${t.slug}.${v === 'XLSX' ? 'xlsx' : 'csv'}`);
  if (v !== 'XLSX') {
    fs.writeFileSync(f, encodeCsv(toCsvText(head, body), v));
    return f;
  }
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(t.name.slice(0, 31));
  ws.addRow(head);
  for (const r of body) {
    const row = ws.addRow(r.map((x, j) => {
      const c = t.columns[j];
      if (x === '') return null;
      if (/^(count|money|signedMoney|year)$/.test(c.type)) return Number(x);
      if (c.type === 'date') return new Date(`${x}T00:00:00Z`);
      if (c.type === 'period') return new Date(`${x.slice(0, 4)}-${x.slice(5, 7)}-01T00:00:00Z`);
      return x;
    }));
    t.columns.forEach((c, j) => {
      if (c.type === 'period' && r[j]) row.getCell(j + 1).numFmt = 'yyyy"年"m"月"';
      if (c.type === 'date' && r[j]) row.getCell(j + 1).numFmt = 'yyyy"年"m"月"d"日"';
    });
  }
  fs.writeFileSync(f, Buffer.from(await wb.xlsx.writeBuffer()));
  return f;
}

async function storedFacts(db: Db): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const t of TEMPLATE_LIST) {
    if (t.kind === 'SETTLEMENT') continue;
    out[t.kind] = (await exportStoredRows(db, t.kind)).map((r) => r.join('|')).sort();
  }
  const util = await db.prisma.utilizationFact.findMany({ orderBy: [{ period: 'asc' }, { institutionCode: 'asc' }, { visitType: 'asc' }] });
  out.SETTLEMENT = util.map((u) => [u.insuredRegionCode, u.institutionCode, u.schemeCode, u.visitType, u.period, u.visits, u.totalCost, u.policyCost, u.fundPaid, u.outOfPocket, u.referralsUp, u.referralsDown].join('|'));
  return out;
}

describe.each(testDbKinds())('every template, every encoding, on %s', (kind) => {
  it('UTF-8, UTF-8 with BOM, GBK and typed XLSX store identical facts', async () => {
    const results: Record<string, Record<string, string[]>> = {};
    for (const v of ['UTF-8', 'UTF-8-BOM', 'GB18030', 'XLSX'] as Variant[]) {
      const t = await freshDatabase(kind, 'empty');
      try {
        for (const [name, rows] of Object.entries(BASE)) {
          const f = path.join(DIR, `${++seq}-${name}.csv`);
          fs.writeFileSync(f, encodeCsv(toCsvText(rows[0], rows.slice(1)), 'UTF-8'));
          expect((await importFile(t.db, { file: f, importedBy: 'test' })).status).toBe('LOADED');
        }
        for (const tpl of TEMPLATE_LIST) {
          const r = await importFile(t.db, { file: await fileOf(tpl, v), importedBy: 'test', mode: tpl.category === 'dimension' ? 'REPLACE' : 'APPEND' });
          expect([v, tpl.kind, r.status, r.kind], `${v} ${tpl.kind}: ${r.message}`).toEqual([v, tpl.kind, 'LOADED', tpl.kind]);
          if (v === 'GB18030' && tpl.kind !== 'SETTLEMENT') expect(r.report.template).toBe(tpl.kind);
        }
        results[v] = await storedFacts(t.db);
      } finally {
        await t.drop();
      }
    }
    // Something was stored for every template, and every variant stored exactly the same.
    for (const tpl of TEMPLATE_LIST) expect(results['UTF-8'][tpl.kind].length, tpl.kind).toBeGreaterThan(0);
    expect(results['UTF-8-BOM']).toEqual(results['UTF-8']);
    expect(results.GB18030).toEqual(results['UTF-8']);
    expect(results.XLSX).toEqual(results['UTF-8']);
  }, 300_000);
});
