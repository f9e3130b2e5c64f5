// Load benchmark (not a test) of the public report: starts the production server (`next start`, needs a
// `next build` first) on a demo database with its reports published, warms the pages once, then measures
// /open and one county page with autocannon at 100 connections on loopback. Prints one JSON line last.
//   npm run bench:open [-- --duration 15 --connections 100 --port 3999 --county 439922]
// DATABASE_URL as for npm start; default: a fresh demo city in .tmp/bench-open/yibao.db.
// Target (a report link shared on WeChat): ≥ 500 requests/s, p95 ≤ 250 ms, 0 errors.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const root = path.resolve(__dirname, '..');
const duration = Number(arg('duration', '15'));
const connections = Number(arg('connections', '100'));
const port = Number(arg('port', process.env.PORT ?? '3999'));
const county = arg('county', '439922');
const base = `http://127.0.0.1:${port}`;

async function waitFor(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      const r = await fetch(url);
      if (r.ok) { await r.arrayBuffer(); return; }
      throw new Error(`HTTP ${r.status}`);
    } catch (err) {
      if (Date.now() > until) throw new Error(`${url} 未就绪：${(err as Error).message}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

interface Figures { url: string; requests: number; reqPerSec: number; p50: number; p95: number; p99: number; errors: number; non2xx: number; bytesPerReq: number }

async function measure(url: string): Promise<Figures> {
  const times: number[] = [];
  // The callback form returns the instance, whose 'response' events give every latency (for an exact p95).
  const r = await new Promise<autocannon.Result>((resolve, reject) => {
    const inst = autocannon({ url, connections, duration, pipelining: 1 }, (err, res) => (err ? reject(err) : resolve(res)));
    inst.on('response', (_c, _status, _bytes, ms) => { times.push(ms); });
  });
  times.sort((a, b) => a - b);
  const pct = (q: number) => (times.length ? times[Math.min(times.length - 1, Math.floor(q * times.length))] : NaN);
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    url: url.replace(base, ''),
    requests: r.requests.total,
    reqPerSec: round(r.requests.total / (r.duration || duration)),
    p50: round(pct(0.5)), p95: round(pct(0.95)), p99: round(pct(0.99)),
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    bytesPerReq: r.requests.total ? Math.round(r.throughput.total / r.requests.total) : 0,
  };
}

async function main() {
  if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) throw new Error('没有生产构建：请先运行 npx next build');
  const env = { ...process.env };
  if (!env.DATABASE_URL) {
    const dir = path.join(root, '.tmp', 'bench-open');
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    env.DATABASE_URL = `file:${path.join(dir, 'yibao.db')}`;
  }
  // Migrate and load the demo city (its reports are published at load) when the database is empty.
  execFileSync(path.join(root, 'node_modules', '.bin', 'tsx'), ['--conditions=react-server', 'scripts/prepare-db.ts'], { cwd: root, env, stdio: 'inherit' });
  const server = spawn(path.join(root, 'node_modules', '.bin', 'next'), ['start', '-p', String(port), '-H', '127.0.0.1'], { cwd: root, env: { ...env, NODE_ENV: 'production' }, stdio: ['ignore', 'inherit', 'inherit'], detached: true });
  const stop = () => { try { process.kill(-server.pid!, 'SIGTERM'); } catch { /* already gone */ } };
  process.on('SIGINT', () => { stop(); process.exit(130); });
  try {
    const urls = [`${base}/open`, `${base}/open/${county}`];
    const t0 = Date.now();
    for (const u of urls) await waitFor(u, 180_000); // first request renders and caches the page
    console.log(`[bench:open] 服务已就绪，预热 ${Date.now() - t0} ms；每个地址 ${duration} s，${connections} 个连接`);
    const results: Figures[] = [];
    for (const [i, u] of urls.entries()) {
      // Let the previous run's 100 sockets close and their last requests drain before the next page is
      // measured, so one page's tail does not land in the next page's figures.
      if (i > 0) await new Promise((r) => setTimeout(r, 5000));
      const f = await measure(u);
      results.push(f);
      console.log(`[bench:open] ${f.url}: ${f.reqPerSec} req/s, p50 ${f.p50} ms, p95 ${f.p95} ms, p99 ${f.p99} ms, 错误 ${f.errors}, 非2xx ${f.non2xx}, ${f.bytesPerReq} 字节/次`);
    }
    const pass = results.every((f) => f.reqPerSec >= 500 && f.p95 <= 250 && f.errors === 0 && f.non2xx === 0);
    console.log(JSON.stringify({ bench: 'open', connections, duration, target: { reqPerSec: 500, p95Ms: 250, errors: 0 }, pass, results }));
  } finally {
    stop();
  }
}

main().catch((err) => { console.error('[bench:open] 失败:', err instanceof Error ? err.message : err); process.exit(1); });
