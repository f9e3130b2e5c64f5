// `npm start`: migrate the database (embedded SQLite by default), load the demo city into an empty one,
// build the app when the sources changed since the last build, and serve it on $PORT (default 3000),
// bound to the loopback interface unless $HOST names another (e.g. HOST=0.0.0.0 behind a firewall).
import { execFileSync, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });

// A fingerprint of what the build depends on: rebuild only when it changed. Paths relative to the checkout
// and file contents (not mtimes), so a copied or moved install keeps its build.
function sourceStamp() {
  const h = crypto.createHash('sha1');
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) { if (e.name !== 'node_modules' && !e.name.startsWith('.')) walk(p); }
      else if (/\.(tsx?|css|json|js|mjs)$/.test(e.name)) { h.update(`${path.relative(root, p).split(path.sep).join('/')}\0`); h.update(fs.readFileSync(p)); }
    }
  };
  for (const d of ['app', 'lib', 'public']) if (fs.existsSync(path.join(root, d))) walk(path.join(root, d));
  for (const f of ['next.config.js', 'package-lock.json', 'tsconfig.json']) if (fs.existsSync(path.join(root, f))) h.update(fs.readFileSync(path.join(root, f)));
  return h.digest('hex');
}

// react-server: lib/risk and lib/ingest are marked server-only (the condition scripts share with the server).
run(bin('tsx'), ['--conditions=react-server', 'scripts/prepare-db.ts']);
const stampFile = path.join(root, '.next', 'source-stamp');
const stamp = sourceStamp();
if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID')) || !fs.existsSync(stampFile) || fs.readFileSync(stampFile, 'utf8') !== stamp) {
  console.log('[start] 构建应用 (next build)…');
  run(bin('next'), ['build']);
  fs.writeFileSync(stampFile, stamp);
}
const port = process.env.PORT || '3000';
const host = process.env.HOST || '127.0.0.1';
console.log(`[start] http://${host === '127.0.0.1' ? 'localhost' : host}:${port}（监听 ${host}）`);
const demoFile = path.join(root, 'data', 'demo-accounts.txt');
if (fs.existsSync(demoFile)) console.log(`[start] 演示账号及密码见 ${path.relative(root, demoFile)}`);
const child = spawn(bin('next'), ['start', '-p', port, '-H', host], { cwd: root, stdio: 'inherit', env: process.env });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
