// The route × role access matrix: every entry of lib/auth/routes.ts (pages, route handlers, exports,
// server actions) × {anonymous, county 石门县, city, admin}, against the production server. Each cell
// asserts the outcome (allowed, or denied: anonymous → /login or 401 or 请先登录; signed-in without the
// role → 403 page, 403 or 无权执行此操作) and, for every denied request that could change data, that
// nothing in the database changed (0 leaks). Anonymous requests are sent twice: without a cookie (the
// proxy answers) and with a forged session cookie (the page / handler / action must refuse by itself).
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, request as pwRequest, type APIRequestContext } from '@playwright/test';
import { allowed, ROUTES, type MatrixRole, type RouteEntry } from '../../../lib/auth/routes';
import { openE2eDb, scalar } from './sql';
import { E2E_DIR, stateFile } from './auth';

const BASE = process.env.E2E_BASE_URL!;
const DIST = path.resolve(process.env.NEXT_DIST_DIR ?? '.next');

/** Server action ids from the build's manifest: `${file}#${exportName}` → id. */
function actionIds(): Map<string, string> {
  const manifest = JSON.parse(fs.readFileSync(path.join(DIST, 'server', 'server-reference-manifest.json'), 'utf8')) as { node: Record<string, { filename?: string; exportedName?: string }> };
  const ids = new Map<string, string>();
  for (const [id, e] of Object.entries(manifest.node)) if (e.filename && e.exportedName) ids.set(`${e.filename.replace(/^\.\//, '')}#${e.exportedName}`, id);
  return ids;
}

/** What a denied request must not have changed. */
function fingerprint(): string {
  const db = openE2eDb();
  try {
    return [
      `SELECT COUNT(*) FROM AuditEvent WHERE action NOT IN ('LOGIN','LOGIN_FAILED','LOGIN_LOCKED')`,
      'SELECT COUNT(*) FROM RiskWarningEvent', 'SELECT COUNT(*) FROM RiskRuleVersion', 'SELECT COUNT(*) FROM "User"',
      'SELECT COUNT(*) FROM ImportBatch', 'SELECT COUNT(*) FROM "Session"', 'SELECT COALESCE(SUM(enrolled),0) FROM EnrollmentFact',
      `SELECT COUNT(*) FROM "User" WHERE disabled = 1`,
    ].map((q) => scalar(db, q)).join('|');
  } finally {
    db.close();
  }
}

/** `$WARNING_<region>` → the id of that region's first warning (in a form field or a path). */
function warningOf(region: string): number {
  const db = openE2eDb();
  try {
    return scalar(db, 'SELECT COALESCE(MIN(id), 1) FROM RiskWarning WHERE regionCode = ?', region);
  } finally {
    db.close();
  }
}

function resolveForm(form: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(form ?? {})) {
    const m = /^\$WARNING_(\w+)$/.exec(v);
    out[k] = m ? String(warningOf(m[1])) : v;
  }
  return out;
}

const resolvePath = (p: string) => p.replace(/\$WARNING_(\w+)/g, (_, region: string) => String(warningOf(region)));

type Outcome = 'allowed' | 'login' | 'forbidden' | 'absent';

async function call(ctx: APIRequestContext, e: RouteEntry, ids: Map<string, string>): Promise<{ outcome: Outcome; detail: string }> {
  if (e.kind === 'action') {
    const id = ids.get(`${e.file}#${e.action}`);
    if (!id) throw new Error(`no action id for ${e.file}#${e.action} in the build`);
    // React's encodeReply of (prevState = null, formData): fields of the FormData under prefix "1_".
    const multipart: Record<string, string> = { '0': e.formOnly ? '["$K1"]' : '[null,"$K1"]' };
    for (const [k, v] of Object.entries(resolveForm(e.form))) multipart[`1_${k}`] = v;
    const res = await ctx.post(e.path, { headers: { 'Next-Action': id, Accept: 'text/x-component', Origin: BASE }, multipart, maxRedirects: 0 });
    const body = await res.text();
    const where = `${res.headers()['location'] ?? ''} ${res.headers()['x-action-redirect'] ?? ''}`;
    if (body.includes('请先登录')) return { outcome: 'login', detail: `${res.status()} 请先登录` };
    if (e.deniedMarker && (body.includes(e.deniedMarker) || where.includes(e.deniedMarker))) return { outcome: 'forbidden', detail: `${res.status()} ${e.deniedMarker}` };
    if (body.includes('无权执行此操作')) return { outcome: 'forbidden', detail: `${res.status()} 无权执行此操作` };
    if (res.status() >= 500) throw new Error(`${e.action}: ${res.status()}`);
    return { outcome: 'allowed', detail: String(res.status()) };
  }
  const url = resolvePath(e.path);
  const res = e.method === 'POST'
    ? await ctx.post(url, { data: '', headers: { 'Content-Type': 'text/csv', Origin: BASE }, maxRedirects: 0 })
    : await ctx.get(url, { maxRedirects: 0 });
  const status = res.status();
  if (status === 404 && e.access === 'internal') return { outcome: 'absent', detail: '404' };
  const location = res.headers()['location'] ?? '';
  if ([302, 303, 307, 308].includes(status) && location.includes('/login')) return { outcome: 'login', detail: `${status} → ${location}` };
  if (status === 401) return { outcome: 'login', detail: '401' };
  if (status === 403) return { outcome: 'forbidden', detail: '403' };
  const body = e.kind === 'page' ? await res.text() : '';
  if (e.kind === 'page' && body.includes('data-access="denied"')) return { outcome: 'forbidden', detail: `${status} with 403 page` };
  if (e.kind === 'page' && e.deniedMarker && body.includes(e.deniedMarker)) return { outcome: 'forbidden', detail: `${status} ${e.deniedMarker}` };
  if (e.kind === 'page' && /NEXT_REDIRECT;[^;]*;\/login/.test(body)) return { outcome: 'login', detail: `${status} streamed redirect` };
  if (status >= 500) throw new Error(`${e.path}: ${status}`);
  return { outcome: 'allowed', detail: String(status) };
}

const expected = (e: RouteEntry, role: MatrixRole): Outcome => (e.access === 'internal' ? 'absent' : allowed(e, role) ? 'allowed' : role === 'anonymous' ? 'login' : 'forbidden');
/** Anonymous callers must be refused; a refusal that does not send them to /login (403, 无权查看) is still a refusal. */
const matches = (want: Outcome, got: Outcome, role: MatrixRole) => got === want || (role === 'anonymous' && want === 'login' && got === 'forbidden');

// Sign-out ends the session the context uses: run it last.
const ORDERED = [...ROUTES].sort((a, b) => Number(a.action === 'logoutAction') - Number(b.action === 'logoutAction'));

test('route × role matrix: every entry point allows exactly its roles; denied requests change nothing', async ({ browser }) => {
  test.setTimeout(600_000);
  const ids = actionIds();
  // Fresh sessions (sign-out in the matrix must not end the sessions other tests use).
  const contexts: Record<string, APIRequestContext> = {};
  for (const role of ['county', 'city', 'admin'] as const) {
    const page = await browser.newPage({ storageState: { cookies: [], origins: [] } });
    const { loginAs } = await import('./auth');
    await loginAs(page, role);
    contexts[role] = await pwRequest.newContext({ baseURL: BASE, storageState: await page.context().storageState() });
    await page.close();
  }
  // (the test runner would otherwise give every new context the config's default admin session)
  const none = { cookies: [], origins: [] };
  contexts.anonymous = await pwRequest.newContext({ baseURL: BASE, storageState: none });
  contexts.forged = await pwRequest.newContext({ baseURL: BASE, storageState: none, extraHTTPHeaders: { cookie: 'yibao.session_token=forged-token.forged-signature' } });

  const rows: string[] = [];
  const counts = { cells: 0, allowed: 0, denied: 0, leaks: 0, mismatches: 0 };
  const roles: (MatrixRole | 'forged')[] = ['anonymous', 'forged', 'county', 'city', 'admin'];
  for (const e of ORDERED) {
    for (const r of roles) {
      const role: MatrixRole = r === 'forged' ? 'anonymous' : r;
      const want = expected(e, role);
      const mutating = want !== 'allowed' && (e.kind === 'action' || e.method === 'POST');
      const before = mutating ? fingerprint() : '';
      const got = await call(contexts[r], e, ids);
      const leak = mutating && fingerprint() !== before;
      counts.cells++;
      counts[want === 'allowed' ? 'allowed' : 'denied']++;
      if (leak) counts.leaks++;
      const ok = matches(want, got.outcome, role);
      if (!ok) counts.mismatches++;
      rows.push(`${ok && !leak ? 'ok ' : 'BAD'} ${e.kind.padEnd(6)} ${(e.action ? `${e.path} ${e.action}` : `${e.method ?? 'GET'} ${e.path}`).padEnd(52)} ${r.padEnd(9)} want ${want.padEnd(9)} got ${got.outcome.padEnd(9)} ${got.detail}${leak ? ' LEAK' : ''}`);
    }
  }
  const summary = `matrix: ${ROUTES.length} entries × ${roles.length} callers = ${counts.cells} cells; allowed ${counts.allowed}, denied ${counts.denied}; mismatches ${counts.mismatches}; leaks ${counts.leaks}`;
  fs.writeFileSync(path.join(E2E_DIR, 'access-matrix.txt'), [summary, ...rows].join('\n') + '\n');
  console.log(summary);
  expect(rows.filter((r) => r.startsWith('BAD')), summary).toEqual([]);
  for (const c of Object.values(contexts)) await c.dispose();
});

test('probes from the issue: a cross-site upload and anonymous writes are refused, figures unchanged', async () => {
  const db = openE2eDb();
  const enrolled = () => scalar(db, `SELECT enrolled FROM EnrollmentFact WHERE regionCode = '439922' AND period = 202403 AND schemeCode = 'RESIDENT'`);
  const before = enrolled();
  const csv = '地区代码,险种,年月,应参保人数,参保人数\n439922,RESIDENT,202403,400000,1\n';
  // signed in as admin, but the request comes from another site (a "simple" text/plain POST)
  const admin = await pwRequest.newContext({ baseURL: BASE, storageState: stateFile('admin') });
  const cross = await admin.post('/api/import?mode=REPLACE&name=x.csv&kind=ENROLLMENT', { data: csv, headers: { 'Content-Type': 'text/plain', Origin: 'http://evil.example' } });
  expect(cross.status()).toBe(403);
  expect(await cross.json()).toEqual({ error: '拒绝跨站请求' });
  const anon = await pwRequest.newContext({ baseURL: BASE, storageState: { cookies: [], origins: [] } });
  const a = await anon.post('/api/import?mode=REPLACE&name=x.csv&kind=ENROLLMENT', { data: csv, headers: { 'Content-Type': 'text/plain' } });
  expect(a.status()).toBe(401);
  expect(enrolled()).toBe(before);
  // the rejected rows of a batch are not served to anyone but admins
  expect((await anon.get('/api/import/batches/1/rejected', { maxRedirects: 0 })).status()).toBe(401);
  db.close();
  await admin.dispose();
  await anon.dispose();
});
