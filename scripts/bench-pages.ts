// Load benchmark of the dashboard pages (a script, not a timed test).
//
//   npm run bench:pages [-- --duration 30] [--rate 100] [--connections 100] [--pages /,/budget] [--no-build]
//                         [--port 3140] [--modes offered,burst,saturation|none] [--pause 5] [--js-only]
//                         [--database-url URL --accounts FILE] [--page-list '/,/?city=470100'] [--csv-args '--province']
//                         [--cold-once] [--accept-encoding identity]
// --database-url: measure an already loaded database as it is (PostgreSQL or SQLite; e.g. the province demo
// loaded with `DEMO=province npm run db:prepare`), with the demo accounts file written when it was loaded;
// cold imports go into it too. --page-list replaces the default pages; --csv-args are passed to the
// settlement generator for the cold imports (so the file matches the loaded regions).
// NEXT_DIST_DIR (next.config.js) picks the build folder, e.g. to measure an older build kept aside.
//
// 1. builds the app (`next build`; --no-build reuses .next), prepares a fresh copy of the demo city in
//    .tmp/bench-pages (the demo load is done once into a template file and copied for every run);
// 2. serves it in production mode (`next start`) and warms every page (5 requests each, then 2 s of load);
// 3. for every page and mode, runs autocannon: `offered` = an offered load of --rate requests/s arriving
//    evenly over --connections connections (a crowd of readers), `burst` = the same rate sent as one burst
//    each second (autocannon's overallRate), `saturation` = closed loop, --connections connections, no
//    pause (see `load`); between runs waits until the server answers a probe quickly again, so one run's abandoned
//    requests do not land in the next;
// 4. imports a small settlement file (as a scheduled load would, `npm run import`) and times the first
//    request to every page after it (`cold`);
// 5. measures the JavaScript every page's HTML loads (script tags and script preloads), gzip-compressed.
// Prints one JSON line per page and mode on stdout; progress and the load average go to stderr
// (BENCH_TRACE=1: also every failed request, with its time from the start of its run).
// Every request carries the session of the demo city analyst (demo-city), signed in once through the real
// /login form in Chromium (CHROMIUM_PATH, default /usr/bin/chromium): the dashboards answer only signed-in users.
// PORT: --port, else E2E_PORT, else 3140.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import pg from 'pg';
import { chromium } from '@playwright/test';

const ROOT = path.resolve(__dirname, '..');
const DIR = path.join(ROOT, '.tmp', 'bench-pages');
const TEMPLATE_DB = path.join(DIR, 'demo-template.db');
const DB = path.join(DIR, 'bench.db');

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}
const flag = (name: string) => process.argv.includes(`--${name}`);
const log = (s: string) => process.stderr.write(`[bench:pages] ${s}\n`);
const out = (o: object) => process.stdout.write(JSON.stringify(o) + '\n');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const DURATION = Number(arg('duration') ?? 30);
const RATE = Number(arg('rate') ?? 100);
const CONNECTIONS = Number(arg('connections') ?? 100);
const PAUSE = Number(arg('pause') ?? 5);
const PORT = Number(arg('port') ?? process.env.E2E_PORT ?? 3140);
// --modes none: only the cold times and the JavaScript sizes.
const MODES = (arg('modes') ?? 'offered,burst,saturation').split(',').filter((m) => m === 'offered' || m === 'burst' || m === 'saturation');
const BASE = `http://127.0.0.1:${PORT}`;
/**
 * The Accept-Encoding every load request sends: by default Chromium's (every browser, WeChat's included,
 * sends one), so the server compresses as it would for readers; --accept-encoding identity measures the
 * uncompressed pages.
 */
const ACCEPT_ENCODING = arg('accept-encoding') ?? 'gzip, deflate, br, zstd';
/** The database the server reads: a fresh copy of the demo city, or --database-url as given. */
const GIVEN_URL = arg('database-url');
const DB_URL = GIVEN_URL ?? `file:${DB}`;
const ACCOUNTS = arg('accounts') ?? path.join(DIR, 'demo-accounts.txt');
const bin = (name: string) => path.join(ROOT, 'node_modules', '.bin', name);
const loadavg = () => os.loadavg().map((x) => Math.round(x * 100) / 100);

function run(cmd: string, args: string[], env: Record<string, string> = {}) {
  execFileSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
}

/** A fresh copy of the demo city: loaded once into the template, copied (then migrated) per run. */
function prepareDb() {
  fs.mkdirSync(DIR, { recursive: true });
  if (!fs.existsSync(TEMPLATE_DB)) {
    log('装载演示城市模板库…');
    run(bin('tsx'), ['--conditions=react-server', 'scripts/prepare-db.ts'], { DATABASE_URL: `file:${TEMPLATE_DB}` });
  }
  for (const f of [DB, `${DB}-wal`, `${DB}-shm`, `${DB}-journal`]) fs.rmSync(f, { force: true });
  fs.copyFileSync(TEMPLATE_DB, DB);
  run(bin('tsx'), ['--conditions=react-server', 'scripts/prepare-db.ts'], { DATABASE_URL: `file:${DB}` });
}

const FIRST_COUNTY_SQL = `SELECT code FROM "Region" WHERE kind IN ('DISTRICT', 'COUNTY', 'COUNTY_CITY') ORDER BY code LIMIT 1`;

async function firstCounty(): Promise<string | undefined> {
  if (/^postgres(ql)?:/.test(DB_URL)) {
    const c = new pg.Client({ connectionString: DB_URL });
    await c.connect();
    try { return (await c.query<{ code: string }>(FIRST_COUNTY_SQL)).rows[0]?.code; } finally { await c.end(); }
  }
  const db = new Database(DB_URL.replace(/^file:/, ''), { readonly: true });
  try { return (db.prepare(FIRST_COUNTY_SQL).get() as { code: string } | undefined)?.code; } finally { db.close(); }
}

/** Realistic filters: the latest year, the first county for region-filtered views; or --page-list. */
async function pages(): Promise<string[]> {
  const given = arg('page-list');
  if (given) return given.split(',');
  const county = await firstCounty();
  const all = [
    '/?year=2024',
    `/?year=2024&scheme=RESIDENT&region=${county}`,
    '/collection?year=2024',
    '/budget?year=2024',
    `/budget?year=2024&region=${county}`,
    '/risk',
    '/tiered-care?year=2024',
    '/counties',
    `/counties/${county}`,
  ];
  const only = arg('pages')?.split(',');
  return only ? all.filter((p) => only.some((o) => p === o || p.split('?')[0] === o)) : all;
}

/** The session cookie header of the demo city analyst (empty until signIn). */
let COOKIE = '';

/** Signs in as the demo city analyst through /login (the generated password is beside the database). */
async function signIn(): Promise<string> {
  const file = ACCOUNTS;
  const line = fs.readFileSync(file, 'utf8').split('\n').find((l) => /^demo-\S+\s+\S+\s+city\b/.test(l));
  if (!line) throw new Error(`${file}: no demo account with role city`);
  const [username, password] = line.trim().split(/\s+/);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    const page = await browser.newPage({ baseURL: BASE, locale: 'zh-CN' });
    await page.goto('/login');
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    const cookies = await page.context().cookies();
    if (!cookies.length) throw new Error('sign-in set no cookie');
    return cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  } finally {
    await browser.close();
  }
}

async function get(url: string, timeoutMs = 60_000): Promise<{ status: number; ms: number; body: string }> {
  const t0 = performance.now();
  // A fresh connection each time: a kept-alive socket the server closed meanwhile would fail the request.
  // No redirects followed: a page that sends the bench to /login must count as a failure, not as a fast page.
  const res = await fetch(BASE + url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'manual', headers: { connection: 'close', ...(COOKIE ? { cookie: COOKIE } : {}) } });
  const body = await res.text();
  return { status: res.status, ms: performance.now() - t0, body };
}

async function waitForServer(child: ChildProcess) {
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try { if ((await get('/login', 5000)).status < 500) return; } catch { /* not up yet */ }
    await sleep(500);
  }
  throw new Error('server did not come up in 120 s');
}

/** Waits until the server answers a light page within 1 s again (abandoned requests drained). */
async function waitQuiet() {
  const until = Date.now() + 180_000;
  while (Date.now() < until) {
    try { if ((await get('/login', 30_000)).ms < 1000) break; } catch { /* still busy */ }
    await sleep(1000);
  }
  await sleep(PAUSE * 1000);
}

function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** One autocannon run; every response's latency (ms) is pushed to `latencies`. */
function cannon(opts: autocannon.Options, latencies: number[], from = 0, to = Infinity): Promise<autocannon.Result> {
  return new Promise<autocannon.Result>((resolve, reject) => {
    const inst = autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
    inst.on('response', (_c, _status, _bytes, ms) => { const t = Date.now(); if (t >= from && t < to) latencies.push(ms); });
    if (process.env.BENCH_TRACE) { const t0 = Date.now(); inst.on('reqError', (e) => log(`reqError t=${Date.now() - t0} ${e.message}`)); }
  });
}

/** The offered mode's ramp (s): its clients start over the first second, and their start-up work (about
 * 10 ms of the bench's own CPU each) delays the responses it reads meanwhile by up to a second, which is
 * the bench's time, not the server's. Responses in the ramp are left out; the run lasts this much longer. */
const RAMP_S = 2;

/**
 * The three load shapes:
 * - `offered`: --rate requests/s arriving evenly over --connections connections (a crowd of readers, each
 *   opening the page on their own: arrivals spread over the second). One autocannon client per connection,
 *   each at rate/connections requests/s, their starts staggered by 1 s / connections.
 * - `burst`: autocannon's own `overallRate`. Every connection's rate limiter restarts on a 1-second timer
 *   started at the same moment, so all --rate requests of each second leave together: a burst of 100 at
 *   once, every second (a meeting room opening the link at the same instant, every second). Kept beside
 *   `offered` because it is the harder shape and the one measured before.
 * - `saturation`: closed loop, --connections connections, no pause.
 */
async function load(url: string, mode: string) {
  const latencies: number[] = [];
  const base: autocannon.Options = { url: BASE + url, connections: CONNECTIONS, duration: DURATION, timeout: 10, headers: { cookie: COOKIE, 'accept-encoding': ACCEPT_ENCODING } };
  let results: autocannon.Result[];
  if (mode === 'offered') {
    const perConnection = RATE / CONNECTIONS;
    if (!Number.isInteger(perConnection) || perConnection < 1) throw new Error(`--rate ${RATE} must be a whole multiple of --connections ${CONNECTIONS} for the offered mode`);
    const gap = 1000 / CONNECTIONS;
    const from = Date.now() + RAMP_S * 1000;
    results = await Promise.all(Array.from({ length: CONNECTIONS }, async (_, i) => {
      await sleep(i * gap);
      return cannon({ ...base, connections: 1, duration: DURATION + RAMP_S, overallRate: perConnection }, latencies, from, from + DURATION * 1000);
    }));
  } else {
    results = [await cannon(mode === 'burst' ? { ...base, overallRate: RATE } : base, latencies)];
  }
  latencies.sort((a, b) => a - b);
  const r1 = (x: number | null) => (x === null ? null : Math.round(x));
  const sum = (k: 'non2xx' | 'errors' | 'timeouts') => results.reduce((s, r) => s + r[k], 0);
  const bytes = results.reduce((s, r) => s + r.throughput.total, 0);
  const answered = results.reduce((s, r) => s + r.requests.total, 0);
  const seconds = mode === 'offered' ? DURATION : Math.max(...results.map((r) => r.duration));
  return {
    page: url, mode, connections: CONNECTIONS, ...(mode !== 'saturation' ? { offered_rps: RATE } : {}), duration_s: DURATION,
    ...(mode === 'offered' ? { ramp_s: RAMP_S } : {}),
    rps: Math.round((latencies.length / seconds) * 10) / 10,
    p50_ms: r1(percentile(latencies, 50)), p95_ms: r1(percentile(latencies, 95)), p99_ms: r1(percentile(latencies, 99)),
    responses: latencies.length, non2xx: sum('non2xx'), errors: sum('errors'), timeouts: sum('timeouts'),
    accept_encoding: ACCEPT_ENCODING, bytes_per_response: answered ? Math.round(bytes / answered) : null,
    loadavg: loadavg(),
  };
}

/** gzip size of every script the page's HTML loads (script src and modulepreload/preload as=script). */
async function jsBytes(url: string) {
  const html = (await get(url)).body;
  const srcs = new Set<string>();
  for (const m of html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) srcs.add(m[1]);
  for (const m of html.matchAll(/<link[^>]*rel="(?:modulepreload|preload)"[^>]*>/g)) {
    const href = /href="([^"]+)"/.exec(m[0])?.[1];
    if (href && (/as="script"/.test(m[0]) || m[0].includes('modulepreload'))) srcs.add(href);
  }
  let raw = 0, gz = 0;
  for (const s of srcs) {
    const res = await fetch(new URL(s.replace(/&amp;/g, '&'), BASE), { headers: { cookie: COOKIE } });
    const buf = Buffer.from(await res.arrayBuffer());
    raw += buf.length;
    gz += zlib.gzipSync(buf).length;
  }
  return { scripts: srcs.size, js_kb: Math.round(raw / 102.4) / 10, js_gzip_kb: Math.round(gz / 102.4) / 10 };
}

async function main() {
  log(`uptime load average ${loadavg().join(' ')} (${os.cpus().length} CPU)`);
  if (!flag('no-build')) {
    log('next build…');
    run(bin('next'), ['build']);
  }
  if (!GIVEN_URL) prepareDb();
  const list = await pages();
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: DB_URL, NODE_ENV: 'production' };
  const server = spawn(bin('next'), ['start', '-p', String(PORT), '-H', '127.0.0.1'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'], detached: true });
  const stop = () => { try { process.kill(-server.pid!, 'SIGTERM'); } catch { /* gone */ } };
  process.on('SIGINT', () => { stop(); process.exit(130); });
  try {
    await waitForServer(server);
    COOKIE = await signIn();
    if (flag('js-only')) {
      for (const p of list) out({ page: p, mode: 'js', ...(await jsBytes(p)) });
      return;
    }
    log(`server up on ${BASE}; warming ${list.length} pages`);
    for (const p of list) {
      for (let i = 0; i < 5; i++) {
        const r = await get(p);
        if (r.status !== 200) throw new Error(`${p} → HTTP ${r.status}`);
      }
    }
    // Then 2 s of load on each (10 connections, not measured): the server's first seconds under load after a
    // start are slower (code not yet optimised by V8), and would land in the first page's figures only.
    for (const p of list) await cannon({ url: BASE + p, connections: 10, duration: 2, timeout: 10, headers: { cookie: COOKIE, 'accept-encoding': ACCEPT_ENCODING } }, []);
    const single: Record<string, number> = {};
    for (const p of list) single[p] = Math.round((await get(p)).ms);

    for (const p of list) {
      for (const mode of MODES) {
        await waitQuiet();
        log(`${mode} ${p} (${DURATION} s) load ${loadavg().join(' ')}`);
        out({ ...(await load(p, mode)), single_ms: single[p] });
      }
    }

    // Cold: the first request to every page after an import (the data version moves; nothing cached is valid).
    await waitQuiet();
    // --cold-once: one import, then the first request to every page in turn (on a large warehouse each import's
    // post-import steps take minutes; later pages may find data shared between pages already cached).
    const coldOnce = flag('cold-once');
    for (const [i, p] of list.entries()) {
      if (coldOnce && i > 0) {
        const first = await get(p);
        const second = await get(p);
        out({ page: p, mode: 'cold', status: first.status, cold_ms: Math.round(first.ms), next_ms: Math.round(second.ms), import_ms: null, after: list[0], loadavg: loadavg() });
        continue;
      }
      // A different file every time (another seed) so the import is never refused as already loaded.
      const f = path.join(DIR, `cold-${i}.csv`);
      const csvArgs = arg('csv-args')?.split(' ').filter(Boolean) ?? [];
      run(bin('tsx'), ['scripts/demo-settlements.ts', '--out', f, '--rows', '2000', '--from', '202412', '--to', '202412', '--seed', String(1000 + i + Date.now() % 100000), ...csvArgs]);
      const t0 = performance.now();
      // REPORTS_AFTER_IMPORT=0: the monthly-report generator an import starts would keep loading the machine
      // (Chromium) under the next measurements.
      run(bin('tsx'), ['--conditions=react-server', 'scripts/import.ts', f, '--kind', 'SETTLEMENT', '--replace', '--by', 'demo-admin'], { DATABASE_URL: DB_URL, REPORTS_AFTER_IMPORT: '0' });
      const importMs = Math.round(performance.now() - t0);
      const first = await get(p);
      const second = await get(p);
      out({ page: p, mode: 'cold', status: first.status, cold_ms: Math.round(first.ms), next_ms: Math.round(second.ms), import_ms: importMs, loadavg: loadavg() });
    }

    for (const p of list) out({ page: p, mode: 'js', ...(await jsBytes(p)) });
  } finally {
    stop();
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
