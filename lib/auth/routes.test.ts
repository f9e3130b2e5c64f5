// The access matrix cannot fall behind the app: every page, route handler and server-action file under
// app/ needs an entry in lib/auth/routes.ts, and every entry's file must exist.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allowed, isPublicPath, ROUTES } from './routes';

const root = path.resolve(__dirname, '../..');

function entryFiles(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) { if (e.name !== 'node_modules' && e.name !== 'e2e') entryFiles(p, out); }
    else if (/^(page\.tsx?|route\.tsx?|actions\.tsx?)$/.test(e.name)) out.push(path.relative(root, p).split(path.sep).join('/'));
  }
  return out;
}

describe('route × role list', () => {
  const listed = new Set(ROUTES.map((r) => r.file));
  it('has an entry for every page, route handler and actions file under app/', () => {
    const missing = entryFiles(path.join(root, 'app')).filter((f) => !listed.has(f));
    expect(missing, `add these to lib/auth/routes.ts: ${missing.join(', ')}`).toEqual([]);
  });
  it('lists only files that exist', () => {
    expect([...listed].filter((f) => !fs.existsSync(path.join(root, f)))).toEqual([]);
  });
  it('lists every exported server action of each actions file', () => {
    for (const file of [...listed].filter((f) => /actions\.tsx?$/.test(f))) {
      const src = fs.readFileSync(path.join(root, file), 'utf8');
      const exported = [...src.matchAll(/export\s+async\s+function\s+(\w+)/g)].map((m) => m[1]);
      const names = ROUTES.filter((r) => r.file === file).map((r) => r.action);
      expect(exported.filter((n) => !names.includes(n)), file).toEqual([]);
    }
  });
  it('derives outcomes: anonymous only public, county never admin-only, admin everything but county-denied', () => {
    for (const r of ROUTES) {
      expect(allowed(r, 'anonymous')).toBe(r.access === 'public');
      expect(allowed(r, 'admin')).toBe(r.access !== 'internal');
      if (r.access === 'admin') expect(allowed(r, 'county') || allowed(r, 'city')).toBe(false);
    }
    expect(allowed(ROUTES.find((r) => r.countyDenied)!, 'county')).toBe(false);
  });
  it('public paths: /open/**, /login, /api/open/** only', () => {
    expect(['/open', '/open/2024', '/login', '/api/open/report.csv'].every(isPublicPath)).toBe(true);
    expect(['/', '/opener', '/risk', '/api/import', '/login2'].some(isPublicPath)).toBe(false);
  });
});
