// The audit trail on the real databases: an import that loads and one that is rejected both leave an
// event, the command line acts as cli:<OS user>, and events keep before/after as JSON.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, testDbKinds } from '../testing/databases';
import type { Db } from '../db';
import { importFile } from '../ingest';
import { templateCsv } from '../ingest/export';
import { TEMPLATES } from '../ingest/templates';
import { auditImport } from './imports';
import { cliActor, recordAudit } from './record';
import { listAudit, parseAuditFilter } from './query';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yibao-audit-'));

describe.each(testDbKinds())('audit trail on %s', (kind) => {
  let fresh: Awaited<ReturnType<typeof freshDatabase>>;
  let db: Db;
  beforeAll(async () => { fresh = await freshDatabase(kind, 'demo'); db = fresh.db; });
  afterAll(async () => { await fresh.drop(); });

  it('records a loaded import and a rejected one, as the OS user of the command line', async () => {
    const actor = cliActor();
    expect(actor.name).toBe(`cli:${os.userInfo().username}`);
    const good = path.join(dir, `${kind}-ok.csv`);
    fs.writeFileSync(good, templateCsv('ENROLLMENT', TEMPLATES.ENROLLMENT.examples));
    const r1 = await importFile(db, { file: good, importedBy: actor.name });
    await auditImport(db, actor, { fileName: 'ok.csv', mode: 'APPEND' }, r1);
    const bad = path.join(dir, `${kind}-bad.csv`);
    fs.writeFileSync(bad, '\uFEFF这不是模板,第二列\n1,2\n');
    const r2 = await importFile(db, { file: bad, importedBy: actor.name });
    expect(r2.status).not.toBe('LOADED');
    await auditImport(db, actor, { fileName: 'bad.csv', mode: 'APPEND' }, r2);
    await auditImport(db, actor, { fileName: 'gone.csv', mode: 'REPLACE' }, new Error('磁盘已满'));
    const events = await db.prisma.auditEvent.findMany({ orderBy: { id: 'asc' } });
    expect(events.map((e) => e.action)).toEqual([r1.status === 'LOADED' ? 'IMPORT' : 'IMPORT_FAILED', 'IMPORT_FAILED', 'IMPORT_FAILED']);
    expect(events.every((e) => e.actorName === actor.name && e.actorRole === 'cli')).toBe(true);
    expect(JSON.parse(events[0].after!)).toMatchObject({ batchId: r1.batchId, status: r1.status });
    expect(events[2].detail).toContain('磁盘已满');
  });

  it('filters by action, actor and day; newest first', async () => {
    await recordAudit(db, { actor: { id: null, name: 'zhang', role: 'admin' }, action: 'RULE_CHANGE', target: 'rule:x', before: { a: 1 }, after: { a: 2 } });
    const all = await listAudit(db, parseAuditFilter({}));
    expect(all.rows[0].action).toBe('RULE_CHANGE');
    expect(all.rows[0].actionLabel).toBe('预警规则修改');
    const byActor = await listAudit(db, parseAuditFilter({ actor: 'zhang' }));
    expect(byActor.total).toBe(1);
    expect(JSON.parse(byActor.rows[0].before!)).toEqual({ a: 1 });
    expect((await listAudit(db, parseAuditFilter({ action: 'IMPORT_FAILED' }))).total).toBeGreaterThanOrEqual(2);
    expect((await listAudit(db, parseAuditFilter({ from: '2000-01-01', to: '2000-01-02' }))).total).toBe(0);
    // unknown filter values are ignored, not errors
    expect((await listAudit(db, parseAuditFilter({ action: 'DROP TABLE', page: '-3' }))).total).toBe(all.total);
  });
});
