// Loading settlement records: stream (scan.ts), then in ONE transaction de-duplicate by settlement id
// against what is stored (keys.ts), write the rolled-up cells into UtilizationFact, store the new ids'
// keys, and rebuild the utilization rollups of the months touched. A kill at any point leaves the
// database as it was: nothing is written before the transaction, and the transaction is all or nothing.
import 'server-only';
import { isAboveCity } from '../../domain/regionLevels';
import type { Db } from '../../db';
import { withBulkWriter, type BulkWriter, type Cell } from '../../db/bulk';
import { refreshUtilizationRollup } from '../../warehouse/rollup';
import { SCHEMES, VISIT_TYPES } from '../../domain/codes';
import { formatPeriod } from '../../format';
import { ProblemList } from '../problems';
import { scopeLabelOf, type Reference } from '../reference';
import {
  breathe, findLoadedByHash, finishBatch, insertBatch, lockImports, recordReplacements, testHoldInTransaction,
  type BatchHeader, type BatchReport, type LoadedBatchRef, type Replacement,
} from '../batch';
import { CellAggregate, monthIndex, periodOfMonthIndex, type ScanResult } from './scan';
import { dedupeScope, keysToBytes, lineBitset, setLine, type SpillReader } from './keys';
import { scanSettlementFile } from './parallel';
import { detectFileEncoding } from '../read';

const MONTHS = (2100 - 1990 + 1) * 12;

export class RejectedInTransaction extends Error {
  constructor(readonly problems: ProblemList) {
    super('rejected');
  }
}
export class AlreadyLoaded extends Error {
  constructor(readonly existing: LoadedBatchRef) {
    super('already loaded');
  }
}

export type SettlementPhase = 'read' | 'dedupe' | 'reread' | 'write' | 'derive';

export interface SettlementLoadOptions {
  ref: Reference;
  /** The file's encoding, detected from the whole file (read.ts detectFileEncoding). */
  encoding?: import('../read').TextEncoding;
  header: Omit<BatchHeader, 'fileHash' | 'encoding'> & { fileHash?: string };
  onProgress?: (phase: SettlementPhase, bytes: number, rows: number) => void;
  t0?: number;
}

export type SettlementLoadResult =
  | { status: 'LOADED'; batchId: number; scan: ScanResult; accepted: number; skipped: number; report: BatchReport; periods: number[]; regionCodes: string[]; fileHash: string }
  | { status: 'REJECTED'; scan: ScanResult | null; problems: ProblemList; report: BatchReport; fileHash: string }
  | { status: 'REFUSED'; existing: LoadedBatchRef; scan: ScanResult; report: BatchReport; fileHash: string };

interface Scope { key: number; region: number; scheme: number; month: number; period: number; count: number }

const decodeScope = (key: number, count: number): Scope => {
  const month = key % MONTHS;
  const rs = Math.floor(key / MONTHS);
  return { key, region: Math.floor(rs / 3), scheme: rs % 3, month, period: periodOfMonthIndex(month), count };
};

/** Consecutive months as [from, to] runs, so a rollup rebuild never spans months the file did not touch. */
export function monthRuns(periods: number[]): [number, number][] {
  const sorted = [...new Set(periods)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const p of sorted) {
    const last = runs[runs.length - 1];
    if (last && monthIndex(p) === monthIndex(last[1]) + 1) last[1] = p;
    else runs.push([p, p]);
  }
  return runs;
}

export async function loadSettlementFile(db: Db, file: string, opts: SettlementLoadOptions): Promise<SettlementLoadResult> {
  const t0 = opts.t0 ?? Date.now();
  // Settlements belong to the city's county-level units (or the city): a national or provincial code is not a
  // place a settlement can be booked, so it reads as unregistered here.
  const regionCodes = [...opts.ref.regions.values()].filter((r) => !isAboveCity(r.kind)).map((r) => r.code);
  const institutionCodes = [...opts.ref.institutions.keys()];
  const ref = { regionCodes, institutionCodes };
  let spill: SpillReader | null = null;
  const report: BatchReport = { template: 'SETTLEMENT', templateName: '结算明细', rows: 0 };
  try {
    const encoding = opts.encoding ?? (await detectFileEncoding(file));
    const scan = await scanSettlementFile(file, {
      ref, keys: true, hash: !opts.header.fileHash, encoding,
      onProgress: (b, r) => opts.onProgress?.('read', b, r),
    });
    spill = scan.spill!;
    const keys = spill;
    report.rows = scan.rows;
    if (scan.slowLines) report.slowLines = scan.slowLines;
    const fileHash = opts.header.fileHash ?? scan.fileHash!;
    if (scan.problems.total > 0) return { status: 'REJECTED', scan, problems: scan.problems, report, fileHash };
    const header: BatchHeader = { ...opts.header, fileHash, encoding: scan.encoding };

    try {
      const out = await withBulkWriter(db, async (w) => {
        await lockImports(w);
        const existing = await findLoadedByHash(w, fileHash);
        if (existing) throw new AlreadyLoaded(existing);
        opts.onProgress?.('dedupe', scan.bytes, scan.rows);
        const batchId = await insertBatch(w, header, 'LOADED');
        const scopes = keys.scopes().map((s) => decodeScope(s.scope, s.count));
        const scopeValues = (s: Scope) => ({ insuredRegionCode: regionCodes[s.region], schemeCode: SCHEMES[s.scheme].code, period: s.period });
        const periods = [...new Set(scopes.map((s) => s.period))].sort((a, b) => a - b);

        // Corrections remove what they replace; appends may not double-count months loaded another way.
        let replaced: BatchReport['replaced'] = [];
        if (header.mode === 'REPLACE') replaced = await replaceScopes(w, batchId, scopes, scopeValues, opts.ref);
        else await refuseForeignCells(w, scopes, scopeValues, opts.ref);

        // De-duplicate per scope against the file itself and the stored keys; store the new keys.
        // Which scopes have stored keys is read once, so the common case (a month's first file) fetches no
        // keys and each scope's key insert runs on the server while the next scope is de-duplicated here
        // (on PostgreSQL, about a third of this phase; a province file stores ~8 bytes per record).
        const withStored = header.mode === 'REPLACE' ? new Set<string>() : await scopesWithStoredKeys(w, periods, [...new Set(scopes.map((s) => regionCodes[s.region]))]);
        let storing: Promise<unknown> = Promise.resolve();
        let inFile = 0, stored = 0;
        const lines: { line: number; kind: 'inFile' | 'stored' }[] = [];
        let skip: Uint8Array | null = null;
        for (const s of scopes) {
          const v = scopeValues(s);
          const sets = !withStored.has(`${v.period}|${v.insuredRegionCode}|${v.schemeCode}`) ? [] : (await w.query<{ keys: Uint8Array }>(
            'SELECT "keys" FROM "SettlementKeySet" WHERE "period" = ? AND "regionCode" = ? AND "schemeCode" = ?', [v.period, v.insuredRegionCode, v.schemeCode])).map((r) => r.keys);
          const d = dedupeScope(keys.read(s.key), sets);
          if (d.conflicts.length > 0) {
            const problems = new ProblemList();
            for (const c of d.conflicts) {
              problems.add({ row: c.line, column: '结算流水号', reason: `结算流水号与第${c.first}行相同，但其他字段（机构、医疗类别、金额或转诊）不同：同一次结算的两条不同记录，无法判断哪条正确，整个文件未写入` });
            }
            throw new RejectedInTransaction(problems);
          }
          if (d.inFile.length + d.stored.length > 0) {
            skip ??= lineBitset(scan.lastLine);
            for (const l of d.inFile) { setLine(skip, l); if (lines.length < 50) lines.push({ line: l, kind: 'inFile' }); }
            for (const l of d.stored) { setLine(skip, l); if (lines.length < 50) lines.push({ line: l, kind: 'stored' }); }
            inFile += d.inFile.length;
            stored += d.stored.length;
          }
          if (d.keys.length > 0) {
            // One insert in flight at a time: the previous one must have succeeded before the next is sent.
            await storing;
            storing = w.exec('INSERT INTO "SettlementKeySet" ("batchId","period","regionCode","schemeCode","keyCount","keys") VALUES (?,?,?,?,?,?)',
              [batchId, v.period, v.insuredRegionCode, v.schemeCode, d.keys.length / 2, keysToBytes(d.keys)]);
            storing.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
          }
          await breathe();
        }
        await storing;
        const skipped = inFile + stored;
        // Duplicates were aggregated in the first pass: read the file again leaving them out.
        let cells = scan.cells;
        if (skipped > 0) {
          const again = await scanSettlementFile(file, { ref, skip, encoding, layout: scan.layout, onProgress: (b, r) => opts.onProgress?.('reread', b, r) });
          cells = again.cells;
        }

        opts.onProgress?.('write', scan.bytes, scan.rows);
        const written = await upsertCells(w, cells, regionCodes, institutionCodes, batchId);
        opts.onProgress?.('derive', scan.bytes, scan.rows);
        const activePeriods = [...new Set(cells.month.map(periodOfMonthIndex))];
        const runs = monthRuns(header.mode === 'REPLACE' ? periods : activePeriods);
        let rollup = 0;
        for (const [from, to] of runs) rollup += await refreshUtilizationRollup(w, from, to);

        const accepted = scan.rows - skipped;
        // The insured regions go into the stored report: the post-import steps read them from there.
        const touched = [...new Set(scopes.map((s) => regionCodes[s.region]))];
        const rep: BatchReport = {
          ...report,
          written: { UtilizationFact: written, SettlementKeySet: scopes.length, UtilizationRollup: rollup },
          replaced,
          duplicates: { inFile, stored, lines },
          derived: [`就诊结算汇总（UtilizationRollup、UtilizationFlowRollup）${runs.map(([a, b]) => (a === b ? formatPeriod(a) : `${formatPeriod(a)}—${formatPeriod(b)}`)).join('、')}`],
          periods,
          regionCodes: touched,
        };
        await finishBatch(w, batchId, {
          status: 'LOADED', rowsAccepted: accepted, rowsSkipped: skipped, periodFrom: periods[0] ?? null, periodTo: periods[periods.length - 1] ?? null,
          durationMs: Date.now() - t0, report: rep,
          note: `结算明细${scan.rows.toLocaleString('en-US')}行，汇总为${cells.size.toLocaleString('en-US')}个就诊结算单元${skipped ? `；跳过已导入或重复的结算流水号${skipped.toLocaleString('en-US')}个` : ''}`,
        });
        await testHoldInTransaction();
        return { batchId, accepted, skipped, rep, periods, regions: touched };
      });
      return { status: 'LOADED', batchId: out.batchId, scan, accepted: out.accepted, skipped: out.skipped, report: out.rep, periods: out.periods, regionCodes: out.regions, fileHash };
    } catch (e) {
      if (e instanceof AlreadyLoaded) return { status: 'REFUSED', existing: e.existing, scan, report, fileHash };
      if (e instanceof RejectedInTransaction) return { status: 'REJECTED', scan, problems: e.problems, report, fileHash };
      throw e;
    }
  } finally {
    spill?.cleanup();
  }
}

/** The scopes (`period|regionCode|schemeCode`) of these months and regions that already have stored settlement keys. */
async function scopesWithStoredKeys(w: BulkWriter, periods: number[], regions: string[]): Promise<Set<string>> {
  if (periods.length === 0 || regions.length === 0) return new Set();
  const marks = (a: unknown[]) => a.map(() => '?').join(',');
  const rows = await w.query<{ period: number; regionCode: string; schemeCode: string }>(
    `SELECT DISTINCT "period","regionCode","schemeCode" FROM "SettlementKeySet" WHERE "regionCode" IN (${marks(regions)}) AND "period" IN (${marks(periods)})`, [...regions, ...periods]);
  return new Set(rows.map((r) => `${Number(r.period)}|${r.regionCode}|${r.schemeCode}`));
}

/** A correction: the stored cells and keys of each scope go; the batch history keeps what went. */
async function replaceScopes(w: BulkWriter, batchId: number, scopes: Scope[], values: (s: Scope) => { insuredRegionCode: string; schemeCode: string; period: number }, ref: Reference) {
  const items: Replacement[] = [];
  for (const s of scopes) {
    const v = values(s);
    const p = [v.period, v.insuredRegionCode, v.schemeCode];
    const counts = await w.query<{ batchId: number; n: number }>(
      'SELECT "batchId", COUNT(*) AS "n" FROM "UtilizationFact" WHERE "period" = ? AND "insuredRegionCode" = ? AND "schemeCode" = ? GROUP BY "batchId"', p);
    const keyCounts = await w.query<{ batchId: number; n: number }>(
      'SELECT "batchId", SUM("keyCount") AS "n" FROM "SettlementKeySet" WHERE "period" = ? AND "regionCode" = ? AND "schemeCode" = ? GROUP BY "batchId"', p);
    if (counts.length === 0 && keyCounts.length === 0) continue;
    await w.exec('DELETE FROM "UtilizationFact" WHERE "period" = ? AND "insuredRegionCode" = ? AND "schemeCode" = ?', p);
    await w.exec('DELETE FROM "SettlementKeySet" WHERE "period" = ? AND "regionCode" = ? AND "schemeCode" = ?', p);
    const label = scopeLabelOf(ref, v);
    const scopeKey = `${v.insuredRegionCode}|${v.schemeCode}|${v.period}`;
    // Rows: settlements for batches that loaded settlement records, rolled-up cells for others (demo).
    const byBatch = new Map<number, number>();
    for (const c of counts) byBatch.set(Number(c.batchId), Number(c.n));
    for (const c of keyCounts) byBatch.set(Number(c.batchId), Number(c.n));
    for (const [id, n] of byBatch) items.push({ replacedBatchId: id, scopeKey, scopeLabel: label, rows: n });
  }
  return recordReplacements(w, batchId, items, async (id) => {
    const [a] = await w.query<{ n: number }>('SELECT COUNT(*) AS "n" FROM "UtilizationFact" WHERE "batchId" = ?', [id]);
    const [b] = await w.query<{ n: number }>('SELECT COUNT(*) AS "n" FROM "SettlementKeySet" WHERE "batchId" = ?', [id]);
    return Number(a.n) + Number(b.n);
  });
}

/**
 * Appending settlement records to a month whose facts came from elsewhere (the demo city, or a batch that
 * did not record settlement ids) would count visits twice: refused, with a hint to correct instead.
 */
async function refuseForeignCells(w: BulkWriter, scopes: Scope[], values: (s: Scope) => { insuredRegionCode: string; schemeCode: string; period: number }, ref: Reference) {
  const periods = [...new Set(scopes.map((s) => s.period))];
  if (periods.length === 0) return;
  const marks = periods.map(() => '?').join(',');
  const facts = await w.query<{ insuredRegionCode: string; schemeCode: string; period: number; batchId: number }>(
    `SELECT DISTINCT "insuredRegionCode","schemeCode","period","batchId" FROM "UtilizationFact" WHERE "period" IN (${marks})`, periods);
  if (facts.length === 0) return;
  const withKeys = new Set((await w.query<{ batchId: number }>(`SELECT DISTINCT "batchId" FROM "SettlementKeySet" WHERE "period" IN (${marks})`, periods)).map((r) => Number(r.batchId)));
  const foreign = new Map<string, number>();
  for (const f of facts) if (!withKeys.has(Number(f.batchId))) foreign.set(`${f.insuredRegionCode}|${f.schemeCode}|${f.period}`, Number(f.batchId));
  const problems = new ProblemList();
  for (const s of scopes) {
    const v = values(s);
    const b = foreign.get(`${v.insuredRegionCode}|${v.schemeCode}|${v.period}`);
    if (b !== undefined) {
      problems.add({ row: 0, column: '结算日期', reason: `${scopeLabelOf(ref, v)}已有就诊结算汇总数据（批次#${b}，不是由结算明细导入，无法按结算流水号去重），追加会重复计数；如本文件是该月的完整数据，请选择“更正（替换）”方式导入` });
    }
  }
  if (problems.total > 0) throw new RejectedInTransaction(problems);
}

/** Cells are staged in a temporary table and merged: a cell already stored (an earlier file of the month) adds up. */
async function upsertCells(w: BulkWriter, cells: CellAggregate, regionCodes: string[], institutionCodes: string[], batchId: number): Promise<number> {
  if (cells.size === 0) return 0;
  const temp = '_ingest_cells';
  await w.exec(`CREATE TEMP TABLE "${temp}" ("insuredRegionCode" TEXT, "institutionCode" TEXT, "schemeCode" TEXT, "visitType" TEXT, "period" INTEGER,
    "visits" INTEGER, "totalCost" DOUBLE PRECISION, "policyCost" DOUBLE PRECISION, "fundPaid" DOUBLE PRECISION, "outOfPocket" DOUBLE PRECISION,
    "referralsUp" INTEGER, "referralsDown" INTEGER)${w.provider === 'postgres' ? ' ON COMMIT DROP' : ''}`);
  const cols = ['insuredRegionCode', 'institutionCode', 'schemeCode', 'visitType', 'period', 'visits', 'totalCost', 'policyCost', 'fundPaid', 'outOfPocket', 'referralsUp', 'referralsDown'];
  const rows: Cell[][] = [];
  for (let c = 0; c < cells.size; c++) {
    rows.push([
      regionCodes[cells.region[c]], institutionCodes[cells.institution[c]], SCHEMES[cells.scheme[c]].code, VISIT_TYPES[cells.visit[c]].code, periodOfMonthIndex(cells.month[c]),
      cells.visits[c], cells.total[c] / 100, cells.policy[c] / 100, cells.fund[c] / 100, cells.oop[c] / 100, cells.up[c], cells.down[c],
    ]);
  }
  for (let i = 0; i < rows.length; i += 5000) await w.insert(temp, cols, rows.slice(i, i + 5000));
  const sum = (c: string) => `"${c}" = ROUND(("UtilizationFact"."${c}" + excluded."${c}") * 100) / 100`;
  const add = (c: string) => `"${c}" = "UtilizationFact"."${c}" + excluded."${c}"`;
  await w.exec(
    `INSERT INTO "UtilizationFact" (${cols.map((c) => `"${c}"`).join(',')},"batchId")
     SELECT ${cols.map((c) => `"${c}"`).join(',')}, CAST(? AS INTEGER) FROM "${temp}" WHERE true
     ON CONFLICT ("insuredRegionCode","institutionCode","schemeCode","visitType","period") DO UPDATE SET
       ${add('visits')}, ${sum('totalCost')}, ${sum('policyCost')}, ${sum('fundPaid')}, ${sum('outOfPocket')}, ${add('referralsUp')}, ${add('referralsDown')}`,
    [batchId],
  );
  await w.exec(`DROP TABLE "${temp}"`);
  return cells.size;
}
