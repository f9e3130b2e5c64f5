// The demo province loads into both databases (two cities, so it runs in seconds): every generated row, the
// province above its cities, each city's own budget versions, rollups that agree with the
// facts, and the province's demo accounts.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, testDbKinds, TEST_DIR } from '../testing/databases';
import { generateDemoProvince } from './province';
import { loadDemoProvince, type LoadReport } from './load';
import { ensureDemoAccounts } from '../auth/demo';
import type { Db } from '../db';

const opts = { cities: 2 };
const province = generateDemoProvince(opts);
const total = (f: (d: (typeof province.data)[number]) => unknown[]) => province.data.reduce((a, d) => a + f(d).length, 0);

describe.each(testDbKinds())('demo province (2 cities) in %s', (kind) => {
  let fresh: Awaited<ReturnType<typeof freshDatabase>>;
  let db: Db;
  let report: LoadReport;
  beforeAll(async () => {
    fresh = await freshDatabase(kind, 'empty');
    db = fresh.db;
    report = await loadDemoProvince(db, opts);
  }, 120_000);
  afterAll(async () => { await fresh?.drop(); });

  it('stores every generated row under one DEMO batch, labelled 演示数据', async () => {
    const batch = await db.prisma.importBatch.findFirstOrThrow({ where: { kind: 'DEMO' } });
    expect(batch.id).toBe(report.batchId);
    expect(batch.status).toBe('LOADED');
    expect(batch.note).toContain('演示数据');
    expect(await db.prisma.utilizationFact.count({ where: { batchId: batch.id } })).toBe(total((d) => d.utilization));
    expect(await db.prisma.ledgerFact.count()).toBe(total((d) => d.ledger));
    expect(await db.prisma.enrollmentFact.count()).toBe(total((d) => d.enrollment));
    expect(await db.prisma.institution.count()).toBe(total((d) => d.institutions));
    expect(report.rows.UtilizationFact).toBe(total((d) => d.utilization));
    const meta = new Map((await db.prisma.datasetMeta.findMany()).map((m) => [m.key, m.value]));
    expect(meta.get('label')).toBe('演示数据');
    expect(meta.get('isDemo')).toBe('true');
    expect(meta.get('scope')).toBe('province');
    expect(meta.get('provinceCode')).toBe('470000');
  });

  it('puts the province above its cities and each city above its counties, each city its own pool', async () => {
    const regions = await db.prisma.region.findMany({ orderBy: { sortOrder: 'asc' } });
    expect(regions).toHaveLength(1 + 2 + 16);
    expect(regions[0]).toMatchObject({ code: '470000', kind: 'PROVINCE', parentCode: null });
    const cities = regions.filter((r) => r.kind === 'CITY');
    expect(cities.map((c) => c.code)).toEqual(['470100', '470200']);
    expect(cities.every((c) => c.parentCode === '470000')).toBe(true);
    for (const r of regions.filter((x) => x.kind !== 'CITY' && x.kind !== 'PROVINCE')) expect(r.parentCode!.slice(0, 4)).toBe(r.code.slice(0, 4));
    const pools = await db.prisma.balanceFact.groupBy({ by: ['regionCode'], where: { kind: 'CITY_POOL' } });
    expect(pools.map((p) => p.regionCode).sort()).toEqual(['470100', '470200']);
  });

  it("writes each city's own budget versions, whose lines are that city's", async () => {
    const versions = await db.prisma.budgetVersion.findMany({ include: { lines: { select: { regionCode: true } } } });
    expect(versions).toHaveLength(province.budgets.length);
    expect(versions.length).toBe(20); // per city: 2017–2024 approved, adjusted in 2020 and 2023
    for (const v of versions) expect(new Set(v.lines.map((l) => l.regionCode.slice(0, 4)))).toEqual(new Set([v.cityCode.slice(0, 4)]));
    expect(new Set(versions.map((v) => v.cityCode))).toEqual(new Set(['470100', '470200']));
    expect(await db.prisma.budgetLine.count()).toBe(province.budgets.reduce((a, v) => a + v.lines.length, 0));
  });

  it('rolls utilization up without losing a visit or a yuan', async () => {
    const facts = await db.prisma.utilizationFact.aggregate({ _sum: { visits: true, fundPaid: true } });
    const rolled = await db.prisma.utilizationRollup.aggregate({ _sum: { visits: true, fundPaid: true } });
    expect(rolled._sum.visits).toBe(facts._sum.visits);
    expect(rolled._sum.fundPaid!).toBeCloseTo(facts._sum.fundPaid!, 0);
    const flows = await db.prisma.utilizationFlowRollup.aggregate({ _sum: { visits: true } });
    expect(flows._sum.visits).toBe(facts._sum.visits);
  });

  it('creates the province demo accounts (admin, province-level analyst, a bound city user per city of the county users, county users of story counties) and refuses a second load', async () => {
    const file = path.join(TEST_DIR, `province-${kind}-${process.pid}-demo-accounts.txt`);
    process.env.DEMO_ACCOUNTS_FILE = file;
    try {
      const made = await ensureDemoAccounts(db);
      expect(made!.accounts.map((a) => a.role)).toEqual(['admin', 'city', 'city', 'city', 'county', 'county']); // the third story county is in a later city
      const county = await db.prisma.user.findMany({ where: { role: 'county' }, select: { regionCode: true } });
      for (const c of county) expect(c.regionCode!.startsWith('4701') || c.regionCode!.startsWith('4702')).toBe(true);
      // demo-city sees every city; demo-<city code> is bound to its city, stored as that CITY region's code
      const city = await db.prisma.user.findMany({ where: { role: 'city' }, select: { username: true, regionCode: true }, orderBy: { username: 'asc' } });
      expect(city).toEqual([{ username: 'demo-470100', regionCode: '470100' }, { username: 'demo-470200', regionCode: '470200' }, { username: 'demo-city', regionCode: null }]);
    } finally {
      delete process.env.DEMO_ACCOUNTS_FILE;
      fs.rmSync(file, { force: true });
    }
    await expect(loadDemoProvince(db, opts)).rejects.toThrow(/已有数据/);
  });
});
