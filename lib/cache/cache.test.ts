// The data version and the page-data cache on real SQLite and PostgreSQL: a figure computed before an
// import is never served after it.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, TEST_DIR, testDbKinds } from '../testing/databases';
import { bumpDataVersion, cachedByDataVersion, readDataVersion, readDataVersionDirect } from './index';
import { importFile } from '../ingest';
import { exportStoredRows, templateCsv } from '../ingest/export';

describe.each(testDbKinds())('page-data cache on %s', (kind) => {
  let fresh: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => { fresh = await freshDatabase(kind, 'demo'); });
  afterAll(async () => { await fresh?.drop(); });

  it('the data version advances on every bump and is read back from the database', async () => {
    const v0 = await readDataVersion(fresh.db);
    expect(await bumpDataVersion(fresh.db, 'release')).toBe(v0 + 1);
    expect(await readDataVersion(fresh.db)).toBe(v0 + 1);
  });

  it('the driver-direct read (proxy.ts) gives the same version, and sees each bump at once', async () => {
    expect(await readDataVersionDirect(fresh.db)).toBe(await readDataVersion(fresh.db));
    const v = await bumpDataVersion(fresh.db, 'import');
    expect(await readDataVersionDirect(fresh.db)).toBe(v);
    // a bump written by another connection (as `npm run import` in another process) is seen too
    await fresh.db.prisma.datasetMeta.update({ where: { key: 'dataVersion' }, data: { value: String(v + 5) } });
    expect(await readDataVersionDirect(fresh.db)).toBe(v + 5);
  });

  it('computes once per (version, arguments), again after a bump; failures are not kept', async () => {
    let calls = 0;
    const f = cachedByDataVersion('test/calls', async (x: { a: number; b: string }) => ({ calls: ++calls, x }), { db: () => fresh.db });
    const first = await f({ a: 1, b: 'x' });
    expect(await f({ b: 'x', a: 1 })).toBe(first); // same arguments in another key order: one entry
    expect((await f({ a: 2, b: 'x' })).calls).toBe(2);
    await bumpDataVersion(fresh.db, 'rule-change');
    expect((await f({ a: 1, b: 'x' })).calls).toBe(3);
    let fail = true;
    const g = cachedByDataVersion('test/fails', async () => { if (fail) throw new Error('boom'); return 7; }, { db: () => fresh.db });
    await expect(g()).rejects.toThrow('boom');
    fail = false;
    expect(await g()).toBe(7);
  });

  it('an import (here a correction of the 2024 ledger) advances the version, so a cached figure is recomputed', async () => {
    const ledgerTotal = cachedByDataVersion('test/ledger2024', async () => {
      const r = await fresh.db.prisma.ledgerFact.aggregate({ _sum: { amount: true }, where: { period: { gte: 202412, lte: 202412 }, account: 'POOL' } });
      return r._sum.amount ?? 0;
    }, { db: () => fresh.db });
    const before = await ledgerTotal();
    const rows = await exportStoredRows(fresh.db, 'LEDGER', { fromPeriod: 202412, toPeriod: 202412 });
    expect(rows.length).toBeGreaterThan(0);
    // Double every amount of the month: the correction replaces the month's stored rows.
    const amountAt = rows[0].length - 1; // 金额, the template's last column
    const doubled = rows.map((r) => r.map((v, i) => (i === amountAt ? (Number(v) * 2).toFixed(2) : v)));
    const dir = path.join(TEST_DIR, 'cache');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `ledger-correction-${kind}.csv`);
    fs.writeFileSync(file, templateCsv('LEDGER', doubled));
    const v = await readDataVersion(fresh.db);
    const r = await importFile(fresh.db, { file, kind: 'LEDGER', mode: 'REPLACE', importedBy: 'test' });
    expect(r.status).toBe('LOADED');
    expect(await readDataVersion(fresh.db)).toBeGreaterThan(v);
    expect(await ledgerTotal()).toBeCloseTo(before * 2, 2);
  });
});
