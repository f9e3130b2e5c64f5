// Killing an import mid-way leaves the database as it was: the CLI runs as a real child process and is
// killed (SIGKILL, no chance to clean up) while it reads a large settlement file, and while its transaction
// is open after it has already deleted and written rows. Then the same file imports normally.
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, TEST_DIR, testDbKinds } from '../testing/databases';
import type { Db } from '../db';
import { generateDemoCity } from '../demo/generate';
import { writeSettlementCsv } from '../demo/settlements';

const ROOT = path.resolve(__dirname, '../..');
const DIR = path.join(TEST_DIR, 'kill');

async function counts(db: Db) {
  const q = async (sql: string) => Number(Object.values((await db.prisma.$queryRawUnsafe<Record<string, unknown>[]>(sql))[0])[0] ?? 0);
  return {
    batches: await q('SELECT COUNT(*) FROM "ImportBatch"'),
    keySets: await q('SELECT COUNT(*) FROM "SettlementKeySet"'),
    replacements: await q('SELECT COUNT(*) FROM "ImportReplacement"'),
    facts: await q('SELECT COUNT(*) FROM "UtilizationFact"'),
    visits: await q('SELECT SUM("visits") FROM "UtilizationFact"'),
    cost: Math.round(await q('SELECT SUM("totalCost") FROM "UtilizationFact"')),
    rollup: await q('SELECT SUM("visits") FROM "UtilizationRollup"'),
    jan: await q('SELECT SUM("visits") FROM "UtilizationFact" WHERE "period" = 202401'),
  };
}

/** Runs the CLI and kills it with SIGKILL when `when` matches its stderr; resolves with the output. */
function runAndKill(file: string, url: string, when: RegExp, env: Record<string, string> = {}): Promise<{ killed: boolean; stderr: string }> {
  return new Promise((resolve, reject) => {
    // `node --import tsx`, not the tsx wrapper: the wrapper runs the script in a grandchild that a kill would miss.
    const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/import.ts', file, '--replace'], {
      cwd: ROOT, env: { ...process.env, DATABASE_URL: url, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let killed = false;
    child.stderr.on('data', (d) => {
      stderr += d;
      if (!killed && when.test(stderr)) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.stdout.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('exit', () => resolve({ killed, stderr }));
  });
}

function runCli(file: string, url: string): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/import.ts', file, '--replace', '--json'], { cwd: ROOT, env: { ...process.env, DATABASE_URL: url }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', () => {});
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout }));
  });
}

let big = '';
beforeAll(async () => {
  fs.mkdirSync(DIR, { recursive: true });
  big = path.join(DIR, 'settlements-2024-01.csv');
  if (!fs.existsSync(big)) {
    // One month of the demo city (about 3 million records, 250 MB): long enough to kill mid-read.
    const city = generateDemoCity();
    const out = fs.createWriteStream(big);
    await writeSettlementCsv(out, city.utilization, { fromPeriod: 202401, toPeriod: 202401 });
    await new Promise<void>((r) => out.end(() => r()));
  }
}, 120_000);

describe.each(testDbKinds())('killing an import on %s', (kind) => {
  let t: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => { t = await freshDatabase(kind, 'demo'); });
  afterAll(async () => { await t?.drop(); });

  it('leaves the database as it was, killed while reading or inside its transaction; then the file loads', async () => {
    const before = await counts(t.db);
    // 1. While reading the file (some progress reported, nothing written yet).
    const a = await runAndKill(big, t.url, /读取并校验 [1-9]\d?%/);
    expect(a.killed, a.stderr).toBe(true);
    expect(await counts(t.db)).toEqual(before);
    // 2. Inside the transaction, after the month's demo cells were deleted and the new ones written.
    const b = await runAndKill(big, t.url, /holding the open transaction/, { YIBAO_IMPORT_HOLD_MS: '120000' });
    expect(b.killed, b.stderr).toBe(true);
    expect(b.stderr).toMatch(/写入数据库/);
    expect(await counts(t.db)).toEqual(before);
    // 3. Nothing is left locked or half-done: the same file imports, replacing January exactly once.
    const c = await runCli(big, t.url);
    const res = JSON.parse(c.stdout.trim().split('\n').pop()!);
    expect([c.code, res.status]).toEqual([0, 'LOADED']);
    const after = await counts(t.db);
    expect(after.batches).toBe(before.batches + 1);
    expect(after.jan).toBe(res.rowsAccepted);
    expect(after.jan).toBe(before.jan); // the file is January's settlements of the same demo city
  }, 300_000);
});
