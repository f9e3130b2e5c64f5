// Every template except settlement records: parse and validate the whole file (cells, cross-field checks,
// duplicates, totals, codes), then — only when nothing is wrong — write it in one transaction, replacing
// what a correction covers. These files are monthly or yearly aggregates (thousands of rows), so the
// validated rows are held in memory until the write.
import type { BulkWriter, Cell } from '../db/bulk';
import { isTitleLine, titleUnit, type RawRecord } from './read';
import { columnDimension, factorLabel, headerUnitText, resolveUnit, shiftDecimal, type UnitDef } from './units';
import { ProblemList, type Problem } from './problems';
import {
  ANNOTATION_HEADERS, headerWithUnit, normalizeHeader, type CellValue, type ColumnDef, type TemplateDef, type TypedRow,
} from './templates';
import {
  foldWidth, isFullDate, normalizeCell, stripInvisible, parseBool, parseCode, parseCodeText, parseCount, parseDate, parseMoney, parsePeriod, parseText, parseYear,
  type Parsed,
} from './values';
import { scopeLabelOf, type Reference } from './reference';
import type { ImportMode, Replacement } from './batch';
import { formatPeriod } from '../format';
import { isAboveCity, isRegionKind, parentProblem } from '../domain/regionLevels';
import { cityOfRegion, poolHierarchy, type RegionRowLike } from '../regions/pools';

/** Templates that may name a unit above the city (国家, 省): the region list itself and annual figures. */
const ABOVE_CITY_ALLOWED = new Set(['REGION', 'ANNUAL_FUND']);

/** Aggregate templates are small; a file beyond this is refused rather than exhausting memory. */
export const MAX_GENERAL_ROWS = 1_000_000;

export interface ParsedRow {
  line: number;
  values: TypedRow;
  /** A 合计 row: checked against its parts, not stored. */
  total: boolean;
}

export interface GeneralParse {
  header: string[];
  rows: ParsedRow[];
  dataRows: number;
  problems: ProblemList;
  /** Units read from the header or a title line and converted (shown in the import report). */
  units: AppliedUnit[];
  /** What was done to values that the person should know (a day dropped from 年月, …). */
  notes: string[];
}

export interface AppliedUnit {
  column: string;
  unit: string;
  /** '×10,000' */
  factor: string;
  to: string;
  source: '表头' | '标题行';
}

const keyOf = (values: TypedRow, cols: string[]) => cols.map((c) => String(values[c] ?? '')).join('|');

/** A number written in `unit` as text in the stored unit, exactly; or why it cannot be. */
function convertUnit(col: ColumnDef, text: string, unit: UnitDef): Parsed<string> {
  const t = text.replace(/,(?=\d{3}(\D|$))/g, '').replace(/\s+/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(t)) return { ok: true, value: text }; // the parser explains what is wrong
  const v = shiftDecimal(t, unit.exp);
  const decimals = v.split('.')[1]?.length ?? 0;
  if (col.type === 'count' && decimals > 0) return { ok: false, reason: `按“${unit.text}”换算为${col.unit}后不是整数（${v}），无法精确换算` };
  if (decimals > 2) return { ok: false, reason: `按“${unit.text}”换算为元后超过两位小数（${v}），无法精确换算` };
  return { ok: true, value: v };
}

function parseCell(col: ColumnDef, raw: string, unit?: UnitDef): Parsed<CellValue> {
  let text = col.type === 'text' || col.type === 'enum' ? raw : foldWidth(raw);
  if (col.type === 'code' || col.type === 'region' || col.type === 'institution') text = stripInvisible(text);
  if (unit) {
    const c = convertUnit(col, text, unit);
    if (!c.ok) return c;
    text = c.value;
  }
  switch (col.type) {
    case 'period': return parsePeriod(text);
    case 'year': return parseYear(text);
    case 'date': return parseDate(text);
    case 'count': return parseCount(text);
    case 'money': return parseMoney(text);
    case 'signedMoney': return parseMoney(text, { allowNegative: true });
    case 'bool': return parseBool(text);
    case 'enum': return parseCode(text, col.options ?? []);
    case 'code': return parseCodeText(text, col.maxLength);
    case 'region': case 'institution': return parseCodeText(text);
    case 'text': return parseText(text, col.maxLength);
  }
}

/** Where each template column is in the file, its unit, and its header as the file spells it (named in problems). */
interface ColumnMap { index: Map<string, number>; names: Map<string, string>; width: number; units: Map<string, UnitDef>; applied: AppliedUnit[] }

function mapColumns(tpl: TemplateDef, header: string[], line: number, problems: ProblemList, fileUnit: string | null = null): ColumnMap | null {
  const index = new Map<string, number>();
  const names = new Map<string, string>();
  const units = new Map<string, UnitDef>();
  const applied: AppliedUnit[] = [];
  const ignored = new Set(ANNOTATION_HEADERS.map(normalizeHeader));
  let ok = true;
  header.forEach((h, j) => {
    const n = normalizeHeader(h);
    if (n === '' || ignored.has(n)) return;
    const col = tpl.columns.find((c) => [c.header, ...(c.aliases ?? [])].some((a) => normalizeHeader(a) === n));
    if (!col) {
      problems.add({ row: line, column: h, reason: `未知的列：“${tpl.name}”模板没有此列（应为：${tpl.columns.map(headerWithUnit).join('、')}）` });
      ok = false;
    } else if (index.has(col.key)) {
      problems.add({ row: line, column: h, reason: '列名重复' });
      ok = false;
    } else {
      index.set(col.key, j);
      names.set(col.key, h.trim());
      // The unit: the header's own, else a title line's (for columns of that unit's kind only).
      const dim = columnDimension(col.type, col.unit);
      const own = headerUnitText(h);
      const fromTitle = own === null && fileUnit !== null && dim !== null;
      const r = resolveUnit(own ?? (fromTitle ? fileUnit : null), dim, col.unit, fromTitle ? '标题行' : '表头');
      if (!r.ok) {
        problems.add({ row: line, column: h, reason: r.reason });
        ok = false;
      } else if (r.unit) {
        units.set(col.key, r.unit);
        applied.push({ column: col.header, unit: r.unit.text, factor: factorLabel(r.unit.exp), to: r.unit.base, source: fromTitle ? '标题行' : '表头' });
      }
    }
  });
  for (const c of tpl.columns) {
    if (!c.optional && !index.has(c.key)) {
      problems.add({ row: line, column: headerWithUnit(c), reason: '缺少必填列' });
      ok = false;
    }
  }
  return ok ? { index, names, width: header.length, units, applied } : null;
}

/** Reads and validates a whole file against a template and the reference data. */
export async function parseGeneral(tpl: TemplateDef, records: AsyncIterable<RawRecord>, ref: Reference, onRow?: (n: number) => void): Promise<GeneralParse> {
  const problems = new ProblemList();
  const rows: ParsedRow[] = [];
  let header: string[] = [];
  let map: ColumnMap | null = null;
  let dataRows = 0;
  let headerLine = 0;
  const firstLineOfKey = new Map<string, number>();
  const pendingRefs: { line: number; col: ColumnDef; code: string; cells: string[] }[] = [];
  const fileRegions = new Set<string>();
  const totalsCodes = new Set((tpl.totals ?? []).map((t) => `${t.column}|${t.totalCode}`));
  let fileUnit: string | null = null;
  const notes: string[] = [];
  const dayDropped: { column: string; count: number; first: number; example: string }[] = [];
  const done = () => ({ header, rows, dataRows, problems, units: map?.applied ?? [], notes });

  for await (const rec of records) {
    if (!map) {
      if (rec.cells.every((c) => normalizeCell(c) === '')) continue;
      // Title lines above the header ('2025年基金预算表', '单位：万元'): skipped, their unit kept.
      if (isTitleLine(rec.cells)) {
        const u = titleUnit(rec.cells);
        if (u) fileUnit = u;
        continue;
      }
      header = rec.cells.map((c) => normalizeCell(c).slice(0, 200));
      headerLine = rec.line;
      map = mapColumns(tpl, header, rec.line, problems, fileUnit);
      if (!map) return done();
      continue;
    }
    const cells = rec.cells;
    if (cells.every((c) => normalizeCell(c) === '')) continue;
    dataRows++;
    if (dataRows > MAX_GENERAL_ROWS) {
      problems.add({ row: rec.line, reason: `文件超过${MAX_GENERAL_ROWS.toLocaleString()}行，请按月份或地区拆分后导入` });
      break;
    }
    if (onRow && dataRows % 5000 === 0) onRow(dataRows);
    const before = problems.total;
    const fail = (p: Omit<Problem, 'row' | 'cells'>) => problems.add({ ...p, row: rec.line, cells });
    for (let j = map.width; j < cells.length; j++) {
      if (normalizeCell(cells[j]) !== '') { fail({ column: `第${j + 1}列`, reason: '表头之外的列有内容', value: normalizeCell(cells[j]) }); break; }
    }
    const values: TypedRow = {};
    for (const col of tpl.columns) {
      const j = map.index.get(col.key);
      const text = j === undefined ? '' : normalizeCell(cells[j]);
      if (text === '') {
        if (col.optional) { values[col.key] = col.default ?? null; continue; }
        fail({ column: map.names.get(col.key) ?? headerWithUnit(col), reason: '不能为空' });
        values[col.key] = null;
        continue;
      }
      const p = parseCell(col, text, map.units.get(col.key));
      if (!p.ok) {
        fail({ column: map.names.get(col.key) ?? headerWithUnit(col), reason: p.reason, value: text });
        values[col.key] = null;
        continue;
      }
      values[col.key] = p.value;
      if (col.type === 'period' && isFullDate(foldWidth(text))) {
        const d = dayDropped.find((x) => x.column === col.header);
        if (d) d.count++;
        else dayDropped.push({ column: col.header, count: 1, first: rec.line, example: text });
      }
      if (col.type === 'region' || col.type === 'institution') pendingRefs.push({ line: rec.line, col, code: String(p.value), cells });
    }
    if (tpl.kind === 'REGION' && typeof values.code === 'string') fileRegions.add(values.code);
    if (problems.total === before) {
      for (const check of tpl.checks ?? []) {
        const r = check(values);
        if (r) {
          const col = tpl.columns.find((c) => c.key === r.column);
          fail({ column: col ? headerWithUnit(col) : r.column, reason: r.reason, value: col && values[col.key] !== null ? String(values[col.key]) : undefined });
        }
      }
    }
    if (problems.total === before) {
      const key = keyOf(values, tpl.key);
      const first = firstLineOfKey.get(key);
      if (first !== undefined) fail({ reason: `与第${first}行重复（${tpl.key.map((k) => tpl.columns.find((c) => c.key === k)!.header).join('、')}相同）` });
      else firstLineOfKey.set(key, rec.line);
    }
    const total = (tpl.totals ?? []).some((t) => totalsCodes.has(`${t.column}|${values[t.column]}`));
    if (problems.total === before) rows.push({ line: rec.line, values, total });
  }
  if (!map) {
    problems.add({ row: 0, reason: '文件为空（没有表头行）' });
    return done();
  }
  for (const d of dayDropped) {
    notes.push(`“${d.column}”列有${d.count.toLocaleString('en-US')}行填的是完整日期（如第${d.first}行“${d.example}”），已按其年月读取，日被忽略`);
  }
  if (dataRows === 0) problems.add({ row: headerLine, reason: '文件只有表头，没有数据行' });

  // Codes must name a registered region or institution (a regions file may also name its own).
  for (const p of pendingRefs) {
    if (p.col.type === 'region' && !ref.regions.has(p.code) && !fileRegions.has(p.code)) {
      problems.add({ row: p.line, column: headerWithUnit(p.col), reason: '区划代码未在“地区”中登记', value: p.code, cells: p.cells });
    } else if (p.col.type === 'region' && !ABOVE_CITY_ALLOWED.has(tpl.kind) && isAboveCity(ref.regions.get(p.code)?.kind ?? '')) {
      // The city's monthly facts, budgets and institutions belong to the city or a county: a national or
      // provincial row here would be summed into the city-wide totals (可支付月数, projections).
      problems.add({ row: p.line, column: headerWithUnit(p.col), reason: '国家、省级区划只能用于“年度基金收支”模板，本模板须按设区市或县（市、区）填报', value: p.code, cells: p.cells });
    }
    if (p.col.type === 'institution' && !ref.institutions.has(p.code)) {
      problems.add({ row: p.line, column: headerWithUnit(p.col), reason: '机构编码未在“定点医药机构”中登记', value: p.code, cells: p.cells });
    }
  }
  // Facts booked under a region's old code after it was succeeded (撤县设市) belong to the successor.
  if (tpl.category === 'fact' && problems.total === 0) {
    const moved = new Map<string, number>();
    for (const r of rows) {
      const code = r.values.regionCode;
      const when = typeof r.values.period === 'number' ? r.values.period : typeof r.values.year === 'number' ? r.values.year * 100 + 12 : null;
      const reg = typeof code === 'string' ? ref.regions.get(code) : undefined;
      if (reg?.successorCode && reg.successorFrom && when !== null && when >= reg.successorFrom) {
        r.values.regionCode = reg.successorCode;
        const k = `${code}→${reg.successorCode}（${formatPeriod(reg.successorFrom)}起）`;
        moved.set(k, (moved.get(k) ?? 0) + 1);
      }
    }
    for (const [k, count] of moved) notes.push(`${count.toLocaleString('en-US')}行按原区划代码报送，已计入承继地区：${k}`);
  }
  checkTotals(tpl, rows, problems);
  if (tpl.kind === 'BUDGET') checkBudgetVersions(rows, (code) => cityOfRegion(code, (c) => ref.regions.get(c)) ?? '', problems);
  if (tpl.kind === 'REGION') checkRegions(rows, ref, problems);
  return done();
}

/** 合计 rows must equal the sum of their parts (to the cent). */
function checkTotals(tpl: TemplateDef, rows: ParsedRow[], problems: ProblemList): void {
  for (const rule of tpl.totals ?? []) {
    const sums = new Map<string, number[]>();
    for (const r of rows) {
      const code = String(r.values[rule.column]);
      if (code === rule.totalCode || !rule.isPart(code)) continue;
      const k = keyOf(r.values, rule.groupBy);
      const s = sums.get(k) ?? rule.amounts.map(() => 0);
      rule.amounts.forEach((a, i) => { s[i] += Math.round(Number(r.values[a]) * 100); });
      sums.set(k, s);
    }
    for (const r of rows) {
      if (String(r.values[rule.column]) !== rule.totalCode) continue;
      const s = sums.get(keyOf(r.values, rule.groupBy)) ?? rule.amounts.map(() => 0);
      rule.amounts.forEach((a, i) => {
        const given = Math.round(Number(r.values[a]) * 100);
        if (given !== s[i]) {
          const col = tpl.columns.find((c) => c.key === a)!;
          const label = tpl.columns.find((c) => c.key === rule.column)!.options?.find((o) => o.code === rule.totalCode)?.name ?? rule.totalCode;
          problems.add({ row: r.line, column: headerWithUnit(col), reason: `${label}与各项之和不符：各项之和为${(s[i] / 100).toFixed(2)}，相差${((given - s[i]) / 100).toFixed(2)}`, value: (given / 100).toFixed(2) });
        }
      });
    }
  }
}

/**
 * All rows of one budget version carry the same document number, date, kind and reason. A version is a
 * city's (设区市: each approves and adjusts its own budget): `cityOf` gives a row's city from its region, so
 * two cities' versions of one (year, seq) in one file are two versions.
 */
function checkBudgetVersions(rows: ParsedRow[], cityOf: (regionCode: string) => string, problems: ProblemList): void {
  const first = new Map<string, ParsedRow>();
  for (const r of rows) {
    const k = `${cityOf(String(r.values.regionCode))}|${keyOf(r.values, ['year', 'seq'])}`;
    const f = first.get(k);
    if (!f) { first.set(k, r); continue; }
    for (const [field, header] of [['versionKind', '版本类型'], ['docNo', '文号'], ['approvedOn', '批准日期'], ['reason', '调整原因']] as const) {
      if (r.values[field] !== f.values[field]) problems.add({ row: r.line, column: header, reason: `同一预算版本的${header}应与第${f.line}行相同`, value: String(r.values[field] ?? '') });
    }
  }
}

/**
 * The hierarchy 国家 › 省 › 设区市 › 县级 (lib/domain/regionLevels.ts): a parent (in the file or stored) has the
 * level right above; one nation. A province's several cities are welcome (each its own 统筹区,
 * lib/regions/pools): the pages select one or compare them.
 */
function checkRegions(rows: ParsedRow[], ref: Reference, problems: ProblemList): void {
  // The file's rows win over stored ones (a correction may change a region's kind).
  const kinds = new Map([...ref.regions.values()].map((r) => [r.code, r.kind]));
  for (const r of rows) kinds.set(String(r.values.code), String(r.values.kind));
  const ofKind = (k: string) => [...kinds].filter(([, kind]) => kind === k).map(([code]) => code);
  const nations = ofKind('NATION');
  for (const r of rows) {
    if (r.values.kind === 'NATION' && nations.length > 1) {
      problems.add({ row: r.line, column: '类型', reason: `只能有一个国家级区划（已有：${nations.join('、')}）`, value: '国家' });
    }
    // 撤县设市: a new code for a region already registered under another code is a succession, never a
    // second, unrelated region (which would split its history and its in-county rates).
    const code = String(r.values.code);
    if (!ref.regions.has(code) && r.values.kind !== 'CITY') {
      const twin = [...ref.regions.values()].find((x) => x.code !== code && x.shortName === r.values.shortName && x.parentCode === r.values.parentCode && !x.successorCode);
      const declared = twin && rows.some((x) => x.values.code === twin.code && x.values.successorCode === code);
      if (twin && !declared) {
        problems.add({
          row: r.line, column: '区划代码', value: code,
          reason: `已登记的${twin.name}（${twin.code}）简称同为“${twin.shortName}”：如为撤县设市（区）或合并，请在同一文件中加入${twin.code}一行，填写“承继区划代码”${code}和“承继起始年月”，以“更正（替换）”方式导入，历史数据和县域内就诊率才能连续；如确为另一地区，请使用不同的简称`,
        });
      }
    }
    const parent = r.values.parentCode;
    const parentKind = typeof parent === 'string' ? kinds.get(parent) : undefined;
    const kind = String(r.values.kind);
    if (typeof parent === 'string' && parentKind !== undefined && isRegionKind(kind)) {
      const why = parentProblem(kind, code, { code: parent, kind: parentKind });
      if (why) problems.add({ row: r.line, column: '上级区划代码', reason: why, value: parent });
    }
  }
}

// ───────────── against stored data, and writing (inside the import transaction) ─────────────

const q = (id: string) => `"${id}"`;

/** Rows of the file that are already stored (APPEND), and budget versions that may not be overwritten. */
export async function checkAgainstStored(w: BulkWriter, tpl: TemplateDef, rows: ParsedRow[], mode: ImportMode): Promise<ProblemList> {
  const problems = new ProblemList();
  if (tpl.kind === 'BUDGET') {
    // Versions are per city (each city approves and adjusts its own budget): sequence and overwrite checks
    // look at the row's city's versions only, so one city's import never meets another city's.
    const cities = await budgetCities(w);
    const versions = (await w.query<{ cityCode: string; year: number; seq: number; batchId: number; docNo: string }>('SELECT "cityCode","year","seq","batchId","docNo" FROM "BudgetVersion"'))
      .map((v) => ({ ...v, cityCode: cities.storedCity(v.cityCode) }));
    const vk = (city: string, year: unknown, seq: unknown) => `${city}|${year}|${seq}`;
    const stored = new Map(versions.map((v) => [vk(v.cityCode, v.year, v.seq), v]));
    const inFile = new Set(rows.map((r) => vk(cities.of(String(r.values.regionCode)), r.values.year, r.values.seq)));
    const reported = new Set<string>();
    for (const r of rows) {
      const city = cities.of(String(r.values.regionCode));
      const k = vk(city, r.values.year, r.values.seq);
      if (reported.has(k)) continue;
      const v = stored.get(k);
      const whose = cities.count > 1 ? cities.name(city) : '';
      if (v) {
        reported.add(k);
        const next = Math.max(...versions.filter((x) => x.cityCode === city && x.year === r.values.year).map((x) => Number(x.seq))) + 1;
        problems.add({ row: r.line, column: '版本序号', reason: `${whose}${r.values.year}年预算版本${r.values.seq}已入库（批次#${v.batchId}，${v.docNo}），预算版本不能覆盖；调整请作为新版本（序号${next}）导入`, value: String(r.values.seq) });
      } else if (Number(r.values.seq) > 0 && !stored.has(vk(city, r.values.year, Number(r.values.seq) - 1)) && !inFile.has(vk(city, r.values.year, Number(r.values.seq) - 1))) {
        reported.add(k);
        problems.add({ row: r.line, column: '版本序号', reason: `${whose}${r.values.year}年还没有版本${Number(r.values.seq) - 1}：版本序号应连续`, value: String(r.values.seq) });
      }
    }
    return problems;
  }
  if (mode === 'REPLACE') return problems;
  const hasBatch = tpl.category === 'fact';
  const cols = [...tpl.key, ...(hasBatch ? ['batchId'] : [])];
  // Narrow the read by the period or year the file covers (fact tables are indexed on period).
  const narrow = tpl.key.find((k) => k === 'period' || k === 'year');
  let stored: Record<string, unknown>[];
  if (narrow) {
    const values = [...new Set(rows.map((r) => Number(r.values[narrow])))];
    stored = [];
    for (let i = 0; i < values.length; i += 500) {
      const part = values.slice(i, i + 500);
      stored.push(...await w.query(`SELECT ${cols.map(q).join(',')} FROM ${q(tpl.table)} WHERE ${q(narrow)} IN (${part.map(() => '?').join(',')})`, part));
    }
  } else {
    stored = await w.query(`SELECT ${cols.map(q).join(',')} FROM ${q(tpl.table)}`);
  }
  const byKey = new Map(stored.map((s) => [tpl.key.map((k) => String(s[k] ?? '')).join('|'), s]));
  for (const r of rows) {
    const s = byKey.get(keyOf(r.values, tpl.key));
    if (!s) continue;
    const what = tpl.key.map((k) => tpl.columns.find((c) => c.key === k)!.header).join('、');
    problems.add({
      row: r.line,
      reason: hasBatch
        ? `与已入库数据重复（批次#${s.batchId}已有${what}相同的行）；如为更正文件，请选择“更正（替换）”方式导入`
        : `已登记（${what}相同）；如需修改，请选择“更正（替换）”方式导入`,
    });
  }
  return problems;
}

export interface WriteOutcome {
  written: Record<string, number>;
  replacements: Replacement[];
  updated: number;
  totalsChecked: number;
  /** Periods whose derived rollups must be rebuilt (institution level or region changed). */
  rollupPeriods: number[];
}

const cellOf = (v: CellValue): Cell => v;

/** Writes validated rows (one transaction, already open in `w`); a correction first removes what it replaces. */
export async function writeGeneral(w: BulkWriter, tpl: TemplateDef, rows: ParsedRow[], mode: ImportMode, batchId: number, ref: Reference): Promise<WriteOutcome> {
  const data = rows.filter((r) => !r.total);
  const out: WriteOutcome = { written: {}, replacements: [], updated: 0, totalsChecked: rows.length - data.length, rollupPeriods: [] };
  if (tpl.kind === 'BUDGET') {
    await writeBudget(w, data, batchId, out);
    return out;
  }
  if (tpl.category === 'dimension') {
    if (mode === 'REPLACE') {
      for (const r of data) {
        out.updated += await w.exec(`DELETE FROM ${q(tpl.table)} WHERE ${tpl.key.map((k) => `${q(k)} = ?`).join(' AND ')}`, tpl.key.map((k) => cellOf(r.values[k])));
      }
    }
    if (tpl.kind === 'INSTITUTION') {
      // A level or region change moves the institution between rollup cells: rebuild the months it settled.
      const changed = data.filter((r) => {
        const old = ref.institutions.get(String(r.values.code));
        return old && (old.level !== r.values.level || old.regionCode !== r.values.regionCode);
      }).map((r) => String(r.values.code));
      for (let i = 0; i < changed.length; i += 500) {
        const part = changed.slice(i, i + 500);
        const ps = await w.query<{ period: number }>(`SELECT DISTINCT "period" FROM "UtilizationFact" WHERE "institutionCode" IN (${part.map(() => '?').join(',')})`, part);
        out.rollupPeriods.push(...ps.map((p) => Number(p.period)));
      }
    }
    if (tpl.kind === 'REGION') {
      // A succession (or its change) moves the old code's settlements to the successor: rebuild those months.
      const changed = data.filter((r) => {
        const old = ref.regions.get(String(r.values.code));
        return (r.values.successorCode ?? null) !== (old?.successorCode ?? null) || (r.values.successorFrom ?? null) !== (old?.successorFrom ?? null);
      });
      for (const r of changed) {
        const old = ref.regions.get(String(r.values.code));
        const from = Math.min(...[r.values.successorFrom, old?.successorFrom].filter((x): x is number => typeof x === 'number'));
        if (!Number.isFinite(from)) continue;
        const ps = await w.query<{ period: number }>('SELECT DISTINCT "period" FROM "UtilizationFact" WHERE "period" >= ?', [from]);
        out.rollupPeriods.push(...ps.map((p) => Number(p.period)));
      }
      for (const r of data) if (r.values.isLocalCode === null) r.values.isLocalCode = !/^\d{6}$/.test(String(r.values.code));
      // The scheme list is fixed (lib/domain/codes); a new warehouse gets it with its first regions.
      const schemes = await w.query<{ n: number }>('SELECT COUNT(*) AS "n" FROM "Scheme"');
      if (Number(schemes[0].n) === 0) {
        const { SCHEMES } = await import('../domain/codes');
        await w.insert('Scheme', ['code', 'name', 'sortOrder'], SCHEMES.map((s, i) => [s.code, s.name, i]));
      }
    }
    const cols = tpl.columns.map((c) => c.key);
    await insertRows(w, tpl.table, cols, data.map((r) => cols.map((c) => cellOf(r.values[c]))));
    out.written[tpl.table] = data.length;
    return out;
  }
  if (mode === 'REPLACE') out.replacements = await deleteScopes(w, tpl, data, ref);
  const cols = tpl.columns.map((c) => c.key);
  await insertRows(w, tpl.table, [...cols, 'batchId'], data.map((r) => [...cols.map((c) => cellOf(r.values[c])), batchId]));
  out.written[tpl.table] = data.length;
  return out;
}

async function insertRows(w: BulkWriter, table: string, cols: string[], rows: Cell[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += 5000) await w.insert(table, cols, rows.slice(i, i + 5000));
}

/** Removes the stored rows of every scope the corrected file covers; returns what went, per old batch. */
async function deleteScopes(w: BulkWriter, tpl: TemplateDef, rows: ParsedRow[], ref: Reference): Promise<Replacement[]> {
  const scopes = new Map<string, TypedRow>();
  for (const r of rows) {
    const k = keyOf(r.values, tpl.scope);
    if (!scopes.has(k)) scopes.set(k, Object.fromEntries(tpl.scope.map((c) => [c, r.values[c]])));
  }
  const where = tpl.scope.map((c) => `${q(c)} = ?`).join(' AND ');
  const out: Replacement[] = [];
  for (const [scopeKey, values] of scopes) {
    const params = tpl.scope.map((c) => cellOf(values[c]));
    const counts = await w.query<{ batchId: number; n: number }>(`SELECT "batchId", COUNT(*) AS "n" FROM ${q(tpl.table)} WHERE ${where} GROUP BY "batchId"`, params);
    if (counts.length === 0) continue;
    await w.exec(`DELETE FROM ${q(tpl.table)} WHERE ${where}`, params);
    const label = scopeLabelOf(ref, values);
    for (const c of counts) out.push({ replacedBatchId: Number(c.batchId), scopeKey, scopeLabel: label, rows: Number(c.n) });
  }
  return out;
}

/**
 * The warehouse's cities as budget versions need them: `of(region)` the city (设区市) of a line's region ('' for
 * a region under no city), `storedCity(cityCode)` a stored version's city (one naming none, stored before
 * versions named their city, is the only city's in a one-city warehouse), `count` and `name(code)`.
 */
async function budgetCities(w: BulkWriter): Promise<{ of(code: string): string; storedCity(cityCode: string): string; count: number; name(code: string): string }> {
  const rows = await w.query<RegionRowLike>('SELECT "code","name","shortName","kind","parentCode","sortOrder" FROM "Region"');
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const cities = poolHierarchy(rows).cities;
  return {
    of: (code) => cityOfRegion(code, (c) => byCode.get(c)) ?? '',
    storedCity: (cityCode) => cityCode || (cities.length === 1 ? cities[0].code : ''),
    count: cities.length,
    name: (code) => byCode.get(code)?.name ?? code,
  };
}

/** Writes each version of the file as its city's (the city of its lines' regions): never another city's. */
async function writeBudget(w: BulkWriter, rows: ParsedRow[], batchId: number, out: WriteOutcome): Promise<void> {
  const cities = await budgetCities(w);
  const versions = new Map<string, { city: string; rows: ParsedRow[] }>();
  for (const r of rows) {
    const city = cities.of(String(r.values.regionCode));
    const k = `${city}|${r.values.year}|${r.values.seq}`;
    const v = versions.get(k) ?? { city, rows: [] };
    v.rows.push(r);
    versions.set(k, v);
  }
  let lines = 0;
  const ordered = [...versions.values()].sort((a, b) => a.city.localeCompare(b.city) || Number(a.rows[0].values.year) - Number(b.rows[0].values.year) || Number(a.rows[0].values.seq) - Number(b.rows[0].values.seq));
  for (const { city, rows: vr } of ordered) {
    const v = vr[0].values;
    const [{ id }] = await w.query<{ id: number }>(
      'INSERT INTO "BudgetVersion" ("cityCode","year","seq","kind","docNo","approvedOn","reason","batchId") VALUES (?,?,?,?,?,?,?,?) RETURNING "id"',
      [city, cellOf(v.year), cellOf(v.seq), cellOf(v.versionKind), cellOf(v.docNo), cellOf(v.approvedOn), String(v.reason ?? ''), batchId],
    );
    await insertRows(w, 'BudgetLine', ['versionId', 'regionCode', 'schemeCode', 'item', 'amount'],
      vr.map((r) => [Number(id), cellOf(r.values.regionCode), cellOf(r.values.schemeCode), cellOf(r.values.item), cellOf(r.values.amount)]));
    lines += vr.length;
  }
  out.written.BudgetVersion = versions.size;
  out.written.BudgetLine = lines;
}

/** Templates whose years have no months: their facts are annual and touch no monthly figure or report. */
const ANNUAL_ONLY = new Set(['STANDARD', 'ANNUAL_FUND']);

/** Months a file's rows cover (years count as their twelve months), for derived refreshes and hooks. */
export function periodsOf(tpl: TemplateDef, rows: ParsedRow[]): number[] {
  const set = new Set<number>();
  for (const r of rows) {
    if (typeof r.values.period === 'number') set.add(r.values.period);
    else if (typeof r.values.year === 'number' && !ANNUAL_ONLY.has(tpl.kind)) for (let m = 1; m <= 12; m++) set.add(r.values.year * 100 + m);
  }
  return [...set].sort((a, b) => a - b);
}

/** Years of an annual-only file ('2021至2023年'), for the batch note; '' for other templates. */
export function describeYears(tpl: TemplateDef, rows: ParsedRow[]): string {
  if (!ANNUAL_ONLY.has(tpl.kind)) return '';
  const ys = [...new Set(rows.map((r) => r.values.year).filter((y): y is number => typeof y === 'number'))].sort((a, b) => a - b);
  return ys.length === 0 ? '' : ys.length === 1 ? `${ys[0]}年` : `${ys[0]}至${ys[ys.length - 1]}年`;
}

export const describePeriods = (ps: number[]) => (ps.length === 0 ? '' : ps.length === 1 ? formatPeriod(ps[0]) : `${formatPeriod(ps[0])}至${formatPeriod(ps[ps.length - 1])}`);
