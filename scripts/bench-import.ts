// Benchmark of the settlement-record import (issue 3 §8; a script, not a timed test).
//
//   npm run bench:import -- --rows 10000000 [--db sqlite|postgres] [--repeat 2] [--csv-parse] [--keep] [--province] [--cpu-prof DIR]
//
// Generates N settlement records of the demo city (npm run demo:csv; cached under .tmp/bench-import) — or,
// with --province, of the demo province (records spread over its 15 cities) — prepares an empty warehouse
// with that demo's regions and institutions, then runs — each in its own
// process, so memory and time are the step's own:
//   1. parse-only baseline: the import's own CSV scanner reading the same file into typed records
//      (settlement ids and codes as strings, amounts and month as numbers), with no validation, lookups,
//      de-duplication, aggregation or database; also, for reference, the scanner stopping at field
//      boundaries (no strings at all: the import itself reads codes from bytes without making strings),
//      in one thread and, as the import reads a large file, in byte ranges on every core (parallel.ts);
//   2. the import: `importFile` end to end (file hash, validation, de-duplication, roll-up, one transaction
//      writing UtilizationFact, SettlementKeySet and the rollups, ImportBatch);
//   3. with --csv-parse, csv-parse reading the same file (the general path's library), for reference.
// PostgreSQL: DATABASE_URL's server if given (a scratch database is created and dropped), otherwise a
// throwaway server on port 55453 (scripts/pg-throwaway.sh).
// The last line is one JSON object: {"rows":…,"rows_per_s":…,"parse_only_rows_per_s":…,"peak_rss_mb":…,"db":…}
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, spawn } from 'node:child_process';
import pg from 'pg';

const ROOT = path.resolve(__dirname, '..');
const DIR = path.join(ROOT, '.tmp', 'bench-import');

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}
const flag = (name: string) => process.argv.includes(`--${name}`);
const log = (s: string) => process.stderr.write(s + '\n');

interface WorkerResult { rows: number; seconds: number; maxRssMb: number; status?: string; message?: string }

function runWorker(args: string[], env: Record<string, string> = {}): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    // --cpu-prof DIR: a V8 CPU profile of each import run (one file per thread) goes to DIR.
    const prof = arg('cpu-prof') && args[1] === 'import' ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(arg('cpu-prof')!)}`] : [];
    const child = spawn(process.execPath, [...prof, '--conditions=react-server', '--import', 'tsx', path.join(ROOT, 'scripts/bench-import.ts'), ...args], {
      cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    child.on('error', reject);
    child.on('exit', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0) return reject(new Error(`worker ${args.join(' ')} exited with ${code}: ${out}`));
      resolve(JSON.parse(last) as WorkerResult);
    });
  });
}

// ───────────── workers (run in a child process) ─────────────

async function worker(kind: string) {
  const file = arg('file')!;
  const rss = () => Math.round(process.resourceUsage().maxRSS / 1024);
  if (kind === 'parse' || kind === 'split') {
    const { scanSettlements } = await import('../lib/ingest/settlement/scan');
    const t0 = performance.now();
    const r = await scanSettlements(file, { parseOnly: kind === 'parse' ? 'records' : 'split', ref: { regionCodes: [], institutionCodes: [] } });
    const seconds = (performance.now() - t0) / 1000;
    console.log(JSON.stringify({ rows: r.rows, seconds, maxRssMb: rss() }));
  } else if (kind === 'split-parallel') {
    const { scanSettlementFile, defaultScanThreads } = await import('../lib/ingest/settlement/parallel');
    const t0 = performance.now();
    const r = await scanSettlementFile(file, { parseOnly: 'split', ref: { regionCodes: [], institutionCodes: [] } });
    const seconds = (performance.now() - t0) / 1000;
    console.log(JSON.stringify({ rows: r.rows, seconds, maxRssMb: rss(), message: `${r.layout ? r.layout.ranges.length : 1} of ${defaultScanThreads()} threads` }));
  } else if (kind === 'csv-parse') {
    const { parse } = await import('csv-parse');
    const t0 = performance.now();
    let rows = 0;
    const p = fs.createReadStream(file, { highWaterMark: 1 << 20 }).pipe(parse({ from_line: 2 }));
    for await (const rec of p) if (rec) rows++;
    console.log(JSON.stringify({ rows, seconds: (performance.now() - t0) / 1000, maxRssMb: rss() }));
  } else if (kind === 'import') {
    const { createDb } = await import('../lib/db');
    const { importFile } = await import('../lib/ingest');
    const db = createDb(arg('url'));
    // Connect (and let Prisma load its query compiler) before timing: a server or CLI pays this once per
    // process, not per file, and the baseline process does not pay it either.
    await db.prisma.region.count();
    const t0 = performance.now();
    // Time spent per phase, for the log.
    const phases: [string, number][] = [];
    const r = await importFile(db, {
      file, kind: 'SETTLEMENT', importedBy: 'bench',
      onProgress: (p) => { if (phases[phases.length - 1]?.[0] !== p.phase) phases.push([p.phase, performance.now()]); },
    });
    const seconds = (performance.now() - t0) / 1000;
    log(`  phases: ${phases.map(([ph, t], i) => `${ph} ${(((phases[i + 1]?.[1] ?? performance.now()) - t) / 1000).toFixed(2)}s`).join(', ')}`);
    await db.close();
    console.log(JSON.stringify({ rows: r.rowsAccepted, seconds, maxRssMb: rss(), status: r.status, message: r.message }));
  }
}

// ───────────── orchestration ─────────────

async function ensureFile(rows: number): Promise<string> {
  fs.mkdirSync(DIR, { recursive: true });
  const province = flag('province');
  const file = path.join(DIR, `settlements-${province ? 'province-' : ''}${rows}.csv`);
  const marker = `${file}.done`;
  if (fs.existsSync(file) && fs.existsSync(marker)) return file;
  log(`generating ${rows.toLocaleString('en-US')} settlement records (demo ${province ? 'province' : 'city'}) → ${path.relative(ROOT, file)}`);
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/demo-settlements.ts', '--rows', String(rows), '--out', file, ...(province ? ['--province'] : [])], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  fs.writeFileSync(marker, String(rows));
  return file;
}

/** An empty migrated warehouse with the demo city's (--province: the demo province's) dimensions (what settlement records refer to). */
async function prepareWarehouse(url: string) {
  const { migrateDeploy } = await import('../lib/db/migrate');
  const { createDb } = await import('../lib/db');
  const { withBulkWriter } = await import('../lib/db/bulk');
  const { generateDemoCity } = await import('../lib/demo/generate');
  const { SCHEMES } = await import('../lib/domain/codes');
  const { eachProvinceCity, provinceSpec } = await import('../lib/demo/province');
  migrateDeploy(url);
  let city: { regions: ReturnType<typeof generateDemoCity>['regions']; institutions: ReturnType<typeof generateDemoCity>['institutions'] };
  if (flag('province')) {
    const spec = provinceSpec();
    city = { regions: [spec.province], institutions: [] };
    for (const { data } of eachProvinceCity(spec)) { city.regions.push(...data.regions); city.institutions.push(...data.institutions); }
  } else {
    city = generateDemoCity();
  }
  const db = createDb(url);
  await withBulkWriter(db, async (w) => {
    await w.insert('Scheme', ['code', 'name', 'sortOrder'], SCHEMES.map((s, i) => [s.code, s.name, i]));
    await w.insert('Region', ['code', 'name', 'shortName', 'kind', 'parentCode', 'isLocalCode', 'sortOrder'],
      city.regions.map((r) => [r.code, r.name, r.shortName, r.kind, r.parentCode, r.isLocalCode, r.sortOrder]));
    await w.insert('Institution', ['code', 'name', 'regionCode', 'level', 'kind', 'ownership', 'agreementStatus', 'agreementStart', 'agreementEnd'],
      city.institutions.map((i) => [i.code, i.name, i.regionCode, i.level, i.kind, i.ownership, i.agreementStatus, i.agreementStart, i.agreementEnd]));
  });
  await db.close();
}

async function canConnect(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try { await c.connect(); await c.end(); return true; } catch { return false; }
}

async function admin(url: string, sql: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try { await c.query(sql); } finally { await c.end(); }
}

async function main() {
  const w = arg('worker');
  if (w) return worker(w);

  const rows = Number(arg('rows') ?? 1_000_000);
  const dbKind = (arg('db') ?? 'sqlite') as 'sqlite' | 'postgres';
  if (!Number.isInteger(rows) || rows <= 0 || !['sqlite', 'postgres'].includes(dbKind)) {
    log('usage: npm run bench:import -- --rows N [--db sqlite|postgres] [--repeat 2] [--csv-parse] [--keep]');
    process.exit(1);
  }
  const file = await ensureFile(rows);
  const size = fs.statSync(file).size;
  log(`file: ${path.relative(ROOT, file)} (${(size / 1e6).toFixed(0)} MB)`);

  // A fresh empty warehouse per import run (the same file twice would be refused, rightly).
  const cleanups: (() => Promise<void> | void)[] = [];
  let newWarehouse: (i: number) => Promise<{ url: string; drop: () => Promise<void> | void }>;
  if (dbKind === 'sqlite') {
    newWarehouse = async (i) => {
      const dbFile = path.join(DIR, `bench-${i}.db`);
      const files = [dbFile, `${dbFile}-wal`, `${dbFile}-shm`];
      for (const f of files) fs.rmSync(f, { force: true });
      return { url: `file:${dbFile}`, drop: () => { if (!flag('keep')) for (const f of files) fs.rmSync(f, { force: true }); } };
    };
  } else {
    let server = process.env.DATABASE_URL;
    if (!server || !/^postgres/.test(server)) {
      const port = '55453';
      const local = `postgresql://postgres@127.0.0.1:${port}/yibao_test`;
      const running = await canConnect(local);
      server = execFileSync(path.join(ROOT, 'scripts/pg-throwaway.sh'), ['start', port], { encoding: 'utf8' }).trim().split('\n').pop()!;
      if (!running) cleanups.push(() => { execFileSync(path.join(ROOT, 'scripts/pg-throwaway.sh'), ['stop', port]); });
      log(`PostgreSQL: throwaway server on port ${port}${running ? ' (already running)' : ''}`);
    }
    const srv = server;
    newWarehouse = async (i) => {
      const name = `yibao_bench_${process.pid}_${i}`;
      await admin(srv, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin(srv, `CREATE DATABASE "${name}"`);
      const u = new URL(srv);
      u.pathname = `/${name}`;
      return { url: u.toString(), drop: () => (flag('keep') ? undefined : admin(srv, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)) };
    };
  }

  // Best of N runs of each (N = --repeat, default 2): the machine is shared, so the fastest run is the one
  // least disturbed by other work. Runs alternate so both kinds see the same conditions.
  const repeat = Math.max(1, Number(arg('repeat') ?? 2));
  const rate = (r: WorkerResult) => Math.round(r.rows / r.seconds).toLocaleString('en-US');
  let parse: WorkerResult | null = null, split: WorkerResult | null = null, splitPar: WorkerResult | null = null, imp: WorkerResult | null = null;
  let peakRss = 0;
  const best = (a: WorkerResult | null, b: WorkerResult) => (!a || b.seconds < a.seconds ? b : a);
  try {
    for (let i = 1; i <= repeat; i++) {
      log(`run ${i}/${repeat}`);
      const p = await runWorker(['--worker', 'parse', '--file', file]);
      log(`  parse-only (typed records):        ${p.seconds.toFixed(2)} s = ${rate(p)} rows/s, peak RSS ${p.maxRssMb} MB`);
      const sp = await runWorker(['--worker', 'split', '--file', file]);
      log(`  split only (no strings, reference): ${sp.seconds.toFixed(2)} s = ${rate(sp)} rows/s`);
      const spp = await runWorker(['--worker', 'split-parallel', '--file', file]);
      log(`  split only, parallel ranges (${spp.message}): ${spp.seconds.toFixed(2)} s = ${rate(spp)} rows/s`);
      const wh = await newWarehouse(i);
      cleanups.push(wh.drop);
      await prepareWarehouse(wh.url);
      const m = await runWorker(['--worker', 'import', '--file', file, '--url', wh.url]);
      if (m.status !== 'LOADED') throw new Error(`import did not load: ${m.message}`);
      log(`  import (${dbKind}):                   ${m.seconds.toFixed(2)} s = ${rate(m)} rows/s, peak RSS ${m.maxRssMb} MB — ${m.message}`);
      // The machine is shared: the load average next to every run says how far to trust it.
      log(`  load average ${os.loadavg().map((x) => x.toFixed(2)).join(', ')}`);
      await wh.drop();
      parse = best(parse, p);
      split = best(split, sp);
      splitPar = best(splitPar, spp);
      imp = best(imp, m);
      peakRss = Math.max(peakRss, m.maxRssMb);
    }
    if (flag('csv-parse')) {
      const c = await runWorker(['--worker', 'csv-parse', '--file', file]);
      log(`  csv-parse (the general path's library, reference): ${rate(c)} rows/s`);
    }
    const rps = Math.round(imp!.rows / imp!.seconds);
    const prs = Math.round(parse!.rows / parse!.seconds);
    log(`best: import ${rate(imp!)} rows/s, parse-only ${rate(parse!)} rows/s, split-only ${rate(split!)} rows/s, split-only in parallel ranges ${rate(splitPar!)} rows/s`);
    log(`import time / parse-only time = ${(imp!.seconds / parse!.seconds).toFixed(2)} (/ split-only time = ${(imp!.seconds / split!.seconds).toFixed(2)}); peak RSS of the import ${peakRss} MB`);
    console.log(JSON.stringify({ rows: imp!.rows, rows_per_s: rps, parse_only_rows_per_s: prs, split_parallel_rows_per_s: Math.round(splitPar!.rows / splitPar!.seconds), peak_rss_mb: peakRss, db: dbKind, load_avg: os.loadavg().map((x) => +x.toFixed(2)) }));
  } finally {
    // Last in, first out: drop the databases before stopping the server they live on.
    for (const c of cleanups.reverse()) await c();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
