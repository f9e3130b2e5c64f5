// The post-import steps are durable (issue 12 §8): the CLI is killed (SIGKILL) after the data commit and
// before the steps, and the next start (scripts/prepare-db.ts, what `npm start` runs) finds the steps
// pending in the batch and runs them: the warnings are re-evaluated for the import, once.
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, TEST_DIR, testDbKinds } from '../testing/databases';
import { createDb } from '../db';
import { templateCsv } from './export';
import { POST_IMPORT_STEPS, postImportStepNames } from './postImport';

const ROOT = path.resolve(__dirname, '../..');
const DIR = path.join(TEST_DIR, 'post-import');

function run(args: string[], url: string, env: Record<string, string> = {}, killOn?: RegExp): Promise<{ code: number | null; killed: boolean; out: string }> {
  return new Promise((resolve, reject) => {
    // `node --import tsx`, not the tsx wrapper: a kill must reach the process doing the work.
    const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', ...args], { cwd: ROOT, env: { ...process.env, DATABASE_URL: url, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let killed = false;
    const on = (d: Buffer) => {
      out += d;
      if (killOn && !killed && killOn.test(out)) { killed = true; child.kill('SIGKILL'); }
    };
    child.stdout.on('data', on);
    child.stderr.on('data', on);
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, killed, out }));
  });
}

describe.each(testDbKinds())('post-import steps on %s', (kind) => {
  let t: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => { t = await freshDatabase(kind, 'demo'); fs.mkdirSync(DIR, { recursive: true }); });
  afterAll(async () => { await t?.drop(); });

  it('killed between the data commit and the steps: the next start re-evaluates the warnings', async () => {
    const file = path.join(DIR, `contribution-${kind}-${Date.now()}.csv`);
    fs.writeFileSync(file, templateCsv('CONTRIBUTION', [['439921', '居民医保', '2031-03', '个人缴费', '1.00', '1.00']]));
    const evaluations = () => t.db.prisma.riskEvaluation.count();
    const before = await evaluations();

    const a = await run(['scripts/import.ts', file], t.url, { YIBAO_IMPORT_HOLD_AFTER_COMMIT_MS: '120000' }, /committed; holding/);
    expect(a.killed, a.out).toBe(true);
    const batch = await t.db.prisma.importBatch.findFirstOrThrow({ where: { fileName: path.basename(file) } });
    expect([batch.status, batch.pendingSteps]).toEqual(['LOADED', JSON.stringify(postImportStepNames())]);
    expect(await t.db.prisma.contributionFact.count({ where: { period: 203103 } })).toBe(1);
    expect(await evaluations()).toBe(before); // the warnings were not re-evaluated: the process died first

    // A start is a fresh process with the database to itself (prepare-db migrates first).
    await t.db.close();
    const b = await run(['scripts/prepare-db.ts'], t.url);
    expect(b.code, b.out).toBe(0);
    t.db = createDb(t.url);
    expect(b.out).toMatch(new RegExp(`批次#${batch.id}的导入后处理：(\\S+完成、)*重新评估基金风险预警完成`));
    const after = await t.db.prisma.importBatch.findUniqueOrThrow({ where: { id: batch.id } });
    expect(after.pendingSteps).toBeNull();
    expect(JSON.parse(after.report!).hooks).toEqual(POST_IMPORT_STEPS.map((s) => ({ name: s.name, label: s.label, ok: true, resumed: true })));
    expect(await evaluations()).toBe(before + 1);
    const e = await t.db.prisma.riskEvaluation.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect(e.trigger).toBe('IMPORT');
    expect(e.triggeredBy).toContain(path.basename(file));

    // A second start finds nothing pending: the steps ran once.
    await t.db.close();
    const c = await run(['scripts/prepare-db.ts'], t.url);
    t.db = createDb(t.url);
    expect(c.code).toBe(0);
    expect(await evaluations()).toBe(before + 1);
  }, 240_000);
});
